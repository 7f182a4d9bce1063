import { Worker } from 'node:worker_threads';
import { isDeepStrictEqual } from 'node:util';
import type { LintOptions } from '@dclint/core';
import type { CachedLint } from './cache.js';
import type { Draft } from './files.js';

/**
 * Linting many drafts on all processor cores. The lint command goes through the drafts in order, as
 * always; `LintAhead` reads the next few drafts ahead, works out their options (with the command's own
 * function) and hands them to worker threads, a few to each, so that none waits for the command. When the
 * command reaches a draft it takes the draft and, if text and options are exactly those linted ahead, the
 * record from the worker; otherwise (or if no worker has started it yet) it lints in its own thread.
 * Results and output are the same as without workers.
 */

/** What `prepare` found for a draft: the draft, and the lint job if it needs one (not cached, readable). */
export interface Prepared {
  draft: Draft;
  /** Hash of the content, when the command uses a cache (so that it is computed once). */
  contentHash?: string;
  job?: { text: string; options: LintOptions };
}

interface Entry {
  prepared: Prepared;
  /** The worker job, while queued. */
  job?: Job;
  /** undefined when the job could not be sent to a thread: the command lints it itself. */
  record?: Promise<CachedLint | undefined>;
}

interface Job {
  id: number;
  text: string;
  options: LintOptions;
  resolve: (record: CachedLint | undefined) => void;
  reject: (error: Error) => void;
  settled?: boolean;
}

type Reply = { id: number; record: CachedLint } | { id: number; error: string };

const WORKER_URL = new URL('./lint-worker.js', import.meta.url);
const HEAP_MB = 384;
/**
 * Young generation of a worker (V8's default for this heap: 48 MB, semi-spaces of 16 MB). A lint keeps the
 * words and structure of a whole law alive, which the scavenger copies; with semi-spaces of 64 MB half as many
 * scavenges run. Whole corpus: about 10 % less CPU than with 96 MB, peak RSS about 850 MB instead of 720 MB
 * (384 MB saved little more and took 1.15 GB).
 */
const YOUNG_MB = 192;
const IN_FLIGHT = 2;
/**
 * How far the command reads ahead of the draft it is at: wide, so that a worker goes on with later drafts
 * while the command waits for a long one (a narrow window left workers idle for 10 % of the time), but
 * bounded in characters, so that memory stays bounded too.
 */
const WINDOW_DRAFTS = 256;
const WINDOW_CHARS = 16_000_000;

export class LintAhead {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Job[] = [];
  /** Jobs sent to each worker, in order. */
  private readonly running = new Map<Worker, Job[]>();
  private readonly workers: Worker[] = [];
  private next = 0;
  private nextId = 1;
  private closed = false;
  /** Characters of the drafts read ahead (see WINDOW_CHARS). */
  private aheadChars = 0;

  private constructor(
    private readonly files: string[],
    private readonly prepare: (file: string) => Prepared,
    private readonly threads: number,
    /** Whether records carry sentence hashes (see lintRecord), for the whole run. */
    private readonly hashes: boolean,
  ) {}

  /** Starts linting ahead with `jobs` worker threads; undefined when that does not pay (one job or one draft). */
  static start(
    files: string[], prepare: (file: string) => Prepared, jobs: number, hashes = true,
  ): LintAhead | undefined {
    const drafts = files.filter((f) => f !== '-');
    if (jobs <= 1 || drafts.length < 2) return undefined;
    // `jobs` workers; the command's thread reads, hands out and collects (its memory is not bounded like theirs).
    const threads = Math.min(jobs, drafts.length);
    const ahead = new LintAhead(drafts, prepare, threads, hashes);
    ahead.fill();
    return ahead;
  }

  /** The draft as read ahead (read once), or undefined if it was not. The command has moved on from earlier drafts. */
  draft(file: string): Draft | undefined {
    for (const earlier of this.entries.keys()) {
      if (earlier === file) break;
      this.forget(earlier); // cached or unreadable: the command needed no record
    }
    this.fill();
    return this.entries.get(file)?.prepared.draft;
  }

  /** The content hash computed ahead, if any. */
  contentHash(file: string): string | undefined {
    return this.entries.get(file)?.prepared.contentHash;
  }

  /** The record of a draft: from a worker if linted ahead with exactly this text and options, else `here()`. */
  async record(file: string, text: string, options: LintOptions, here: () => CachedLint): Promise<CachedLint> {
    const entry = this.entries.get(file);
    this.forget(file);
    this.fill();
    const job = entry?.prepared.job;
    if (!entry?.record || !job || job.text !== text || !isDeepStrictEqual(job.options, options)) {
      if (entry?.job) this.unqueue(entry.job);
      return here();
    }
    // No worker has started it (all busy): lint it here rather than wait.
    if (entry.job && this.unqueue(entry.job)) return here();
    return (await entry.record) ?? here();
  }

  private forget(file: string): void {
    const entry = this.entries.get(file);
    if (!entry) return;
    this.entries.delete(file);
    if ('text' in entry.prepared.draft) this.aheadChars -= entry.prepared.draft.text.length;
  }

  /** Takes a job back from the queue (its draft is linted in the command's thread); false if a worker has it. */
  private unqueue(job: Job): boolean {
    const at = this.queue.indexOf(job);
    if (at < 0) return false;
    this.queue.splice(at, 1);
    job.resolve(undefined);
    return true;
  }

  /** Ends the worker threads. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('abgebrochen'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Reads and prepares drafts up to the window; queues their lint jobs. */
  private fill(): void {
    const minimum = this.threads * IN_FLIGHT + 1; // enough to keep every worker busy, whatever the sizes
    while (!this.closed && this.next < this.files.length && (this.entries.size < minimum
      || (this.entries.size < WINDOW_DRAFTS && this.aheadChars < WINDOW_CHARS))) {
      const file = this.files[this.next++]!;
      const prepared = this.prepare(file);
      if ('text' in prepared.draft) this.aheadChars += prepared.draft.text.length;
      const entry: Entry = { prepared };
      if (prepared.job) {
        const { text, options } = prepared.job;
        entry.record = new Promise<CachedLint | undefined>((resolve, reject) => {
          const job: Job = {
            id: this.nextId++, text, options,
            resolve: (record) => {
              job.settled = true;
              resolve(record);
            },
            reject: (error) => {
              job.settled = true;
              reject(error);
            },
          };
          entry.job = job;
          this.queue.push(job);
        });
        // A failed job is reported when the command takes its record, not before.
        entry.record.catch(() => undefined);
      }
      this.entries.set(file, entry);
    }
    this.dispatch();
  }

  /** Gives each worker up to IN_FLIGHT jobs: it goes on with the next while the command's thread is busy. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.workers.length < this.threads ? this.spawn()
        : this.workers.reduce((a, b) => (this.inFlight(b).length < this.inFlight(a).length ? b : a));
      if (this.inFlight(worker).length >= IN_FLIGHT) return;
      const job = this.queue.shift()!;
      const jobs = this.inFlight(worker);
      jobs.push(job);
      worker.ref(); // a thread with work keeps the process alive; an idle one does not (see spawn)
      try {
        worker.postMessage({ id: job.id, text: job.text, options: job.options });
      } catch {
        // Options that cannot be sent to a thread (a function, say): the command lints this one itself.
        jobs.pop();
        job.resolve(undefined);
        if (jobs.length === 0) worker.unref();
      }
    }
  }

  private inFlight(worker: Worker): Job[] {
    let jobs = this.running.get(worker);
    if (!jobs) this.running.set(worker, (jobs = []));
    return jobs;
  }

  private spawn(): Worker {
    // A bounded heap makes each thread collect its garbage in time (the largest law needs about 200 MB).
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: YOUNG_MB },
      workerData: { hashes: this.hashes },
    });
    this.workers.push(worker);
    worker.on('message', (reply: Reply) => {
      const jobs = this.inFlight(worker);
      const at = jobs.findIndex((j) => j.id === reply.id);
      if (at < 0) return;
      const [job] = jobs.splice(at, 1);
      if ('error' in reply) job!.reject(new Error(reply.error));
      else job!.resolve(reply.record);
      if (jobs.length === 0) worker.unref();
      this.fill();
    });
    // A thread that dies (out of memory, say) takes no result with it: the command lints its drafts itself.
    const fail = () => {
      for (const job of this.inFlight(worker).splice(0)) job.resolve(undefined);
      if (this.workers.includes(worker)) this.workers.splice(this.workers.indexOf(worker), 1);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', () => {
      if (!this.closed) fail();
    });
    return worker;
  }
}
