import { Worker } from 'node:worker_threads';
import type { Finding, LintOptions } from '@dclint/core';
import type { LintJob, LintReply } from './lint-worker.js';

/** Why a background lint did not deliver findings. */
export class LintCancelled extends Error {
  constructor() {
    super('Die Prüfung wurde durch eine neuere Fassung des Dokuments ersetzt.');
    this.name = 'LintCancelled';
  }
}

interface Pending {
  job: LintJob;
  key: string;
  resolve: (findings: Finding[]) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread that lints jobs one after another. A job for a document replaces that
 * document's queued job; if the document's job is already running, the worker is ended and
 * restarted, because its result would be stale anyway and a large law takes seconds.
 */
export class BackgroundLinter {
  private worker: Worker | undefined;
  private running: (Pending & { startedAt: number }) | undefined;
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(
    private readonly workerUrl: URL,
    private readonly log: (message: string) => void,
    /** A running job younger than this finishes (a restart costs more than it saves). */
    private readonly cancelAfterMs = 50,
  ) {}

  lint(key: string, text: string, options: LintOptions): Promise<Finding[]> {
    return new Promise<Finding[]>((resolve, reject) => {
      const pending: Pending = { job: { id: this.nextId++, text, options }, key, resolve, reject };
      const queued = this.queue.findIndex((p) => p.key === key);
      if (queued >= 0) this.queue.splice(queued, 1)[0]!.reject(new LintCancelled());
      this.queue.push(pending);
      if (this.running?.key === key && Date.now() - this.running.startedAt >= this.cancelAfterMs) {
        this.running.reject(new LintCancelled());
        this.running = undefined;
        this.restart();
      }
      this.pump();
    });
  }

  /** Drops a closed document's queued work. */
  forget(key: string): void {
    const queued = this.queue.findIndex((p) => p.key === key);
    if (queued >= 0) this.queue.splice(queued, 1)[0]!.reject(new LintCancelled());
  }

  async dispose(): Promise<void> {
    for (const pending of this.queue.splice(0)) pending.reject(new LintCancelled());
    this.running?.reject(new LintCancelled());
    this.running = undefined;
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private restart(): void {
    const old = this.worker;
    this.worker = undefined;
    void old?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // stdout of the worker is read here and forwarded to stderr: on the server's stdout only protocol may appear.
    const worker = new Worker(this.workerUrl, { stdout: true });
    worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    worker.on('message', (reply: LintReply) => {
      const running = this.running;
      if (worker !== this.worker || !running || running.job.id !== reply.id) return;
      this.running = undefined;
      if ('error' in reply) running.reject(new Error(reply.error));
      else running.resolve(reply.findings);
      this.pump();
    });
    worker.on('error', (error) => {
      if (worker !== this.worker) return;
      this.log(`dclint: Prüf-Thread abgestürzt: ${error.stack ?? error.message}`);
      this.running?.reject(error);
      this.running = undefined;
      this.worker = undefined;
      this.pump();
    });
    worker.on('exit', () => {
      if (worker !== this.worker) return;
      this.running?.reject(new Error('Der Prüf-Thread wurde unerwartet beendet.'));
      this.running = undefined;
      this.worker = undefined;
      this.pump();
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const next = this.queue.shift()!;
    this.running = { ...next, startedAt: Date.now() };
    this.ensureWorker().postMessage(next.job);
  }
}
