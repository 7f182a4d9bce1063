import { Worker } from 'node:worker_threads';
import type { Finding, LintOptions } from '@dclint/core';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { WorkerReply, WorkerRequest, WorkerTimings } from './lint-worker.js';

/** The findings of one version of an open document. */
export interface DocumentLint {
  version: number;
  /** The options it was linted with (the latest asked for when the worker took it up). */
  options: LintOptions;
  findings: Finding[];
  /** performance.now() in this thread when the job went to the worker and when its reply came. */
  dispatchedAt: number;
  repliedAt: number;
  worker: WorkerTimings;
}

/** Beyond this much recorded typing since the last lint, the worker gets the whole text instead of the edits. */
const MAX_RECORDED_EDITS = 2_000;
const MAX_RECORDED_CHARS = 1_000_000;

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

interface DocumentState {
  document: TextDocument;
  options: LintOptions;
  /** The version whose text the worker holds, with the options it has (as JSON); undefined: it holds nothing. */
  held?: { version: number; optionsKey: string };
  /** Edits since `held`, in order; undefined when the worker needs the whole text. */
  edits?: TextDocumentContentChangeEvent[];
  editChars: number;
  /** Callers waiting for a lint that has not started yet. */
  waiters: Array<Waiter<DocumentLint | undefined>>;
  /** The next lint repeats one that failed (the worker crashed or held another text): it gets no further try. */
  retry: boolean;
}

interface TextJob extends Waiter<Finding[]> {
  text: string;
  options: LintOptions;
  retry: boolean;
}

type Running =
  | { kind: 'document'; id: number; retry: boolean; state: DocumentState; uri: string; version: number; optionsKey: string;
    dispatchedAt: number; waiters: Array<Waiter<DocumentLint | undefined>> }
  | { kind: 'text'; id: number; retry: boolean; job: TextJob };

/**
 * One worker thread that lints jobs one after another, open documents first. The worker keeps each open
 * document's text and an IncrementalLinter for it, so it gets only the edits since its last lint, and a lint
 * re-uses what they left unchanged. A document's requests that wait merge into one lint of the version current
 * when the worker is free; a running lint is never cut short (restarting the worker would throw away what it
 * remembers). Whether a result is still current is for the caller to decide (DocumentLint.version).
 */
export class BackgroundLinter {
  private worker: Worker | undefined;
  private running: Running | undefined;
  private readonly documents = new Map<string, DocumentState>();
  /** Documents with waiting callers, in the order they asked. */
  private readonly wanted = new Set<string>();
  private readonly texts: TextJob[] = [];
  private readonly queries = new Map<number, (held: string[]) => void>();
  private nextId = 1;
  /** What the worker was sent for open documents: whole texts, and lists of edits instead. */
  readonly sent = { texts: 0, edits: 0 };

  constructor(
    private readonly workerUrl: URL,
    private readonly log: (message: string) => void,
  ) {}

  /** Records the edits of an open document as they arrive, so the worker can be sent those instead of the whole text. */
  edited(uri: string, changes: readonly TextDocumentContentChangeEvent[]): void {
    const state = this.documents.get(uri);
    if (!state?.edits) return;
    for (const change of changes) {
      state.edits.push(change);
      state.editChars += change.text.length;
    }
    if (state.edits.length > MAX_RECORDED_EDITS || state.editChars > MAX_RECORDED_CHARS) state.edits = undefined;
  }

  /**
   * Lints an open document as it stands when the worker takes the job up. Resolves with the version linted,
   * or undefined if the document was forgotten (closed) first.
   */
  lintDocument(document: TextDocument, options: LintOptions): Promise<DocumentLint | undefined> {
    let state = this.documents.get(document.uri);
    if (!state) {
      state = { document, options, editChars: 0, waiters: [], retry: false };
      this.documents.set(document.uri, state);
    }
    state.document = document;
    state.options = options;
    const running = this.running;
    return new Promise((resolve, reject) => {
      // Asked again for what is being linted right now (same version, same options): wait for that lint.
      if (running?.kind === 'document' && running.state === state && running.version === document.version
        && running.optionsKey === JSON.stringify(options)) {
        running.waiters.push({ resolve, reject });
        return;
      }
      state.waiters.push({ resolve, reject });
      this.wanted.add(document.uri);
      this.pump();
    });
  }

  /** Lints a text once (a file that is not open), after the open documents. */
  lintText(text: string, options: LintOptions): Promise<Finding[]> {
    return new Promise((resolve, reject) => {
      this.texts.push({ text, options, resolve, reject, retry: false });
      this.pump();
    });
  }

  /** Forgets a document (closed, too large, switched off): its waiting callers get undefined, the worker frees its memory. */
  forget(uri: string): void {
    const state = this.documents.get(uri);
    if (!state) return;
    this.documents.delete(uri);
    this.wanted.delete(uri);
    for (const waiter of state.waiters.splice(0)) waiter.resolve(undefined);
    if (this.running?.kind === 'document' && this.running.state === state) {
      for (const waiter of this.running.waiters.splice(0)) waiter.resolve(undefined);
    }
    // The worker handles messages in order: this one after a lint of the document it may be running.
    this.worker?.postMessage({ kind: 'forget', uri } satisfies WorkerRequest);
  }

  /** The documents whose text and linter the worker holds. */
  held(): Promise<string[]> {
    const worker = this.worker;
    if (!worker) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.queries.set(id, resolve);
      worker.postMessage({ kind: 'held', id } satisfies WorkerRequest);
    });
  }

  async dispose(): Promise<void> {
    for (const uri of [...this.documents.keys()]) this.forget(uri);
    for (const job of this.texts.splice(0)) job.reject(new Error('Der Sprachserver wird beendet.'));
    if (this.running?.kind === 'text') this.running.job.reject(new Error('Der Sprachserver wird beendet.'));
    this.running = undefined;
    this.answerQueries([]);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // stdout of the worker is read here and forwarded to stderr: on the server's stdout only protocol may appear.
    const worker = new Worker(this.workerUrl, { stdout: true });
    worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    worker.on('message', (reply: WorkerReply) => {
      if (worker !== this.worker) return;
      if ('held' in reply) {
        this.queries.get(reply.id)?.(reply.held);
        this.queries.delete(reply.id);
        return;
      }
      const running = this.running;
      if (!running || running.id !== reply.id) return;
      this.running = undefined;
      if (running.kind === 'document') this.documentReply(running, reply);
      else if ('error' in reply) running.job.reject(new Error(reply.error));
      else if ('findings' in reply) running.job.resolve(reply.findings);
      this.pump();
    });
    worker.on('error', (error) => this.crashed(worker, error.stack ?? error.message));
    worker.on('exit', (code) => this.crashed(worker, `Exit-Code ${code}`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private documentReply(running: Extract<Running, { kind: 'document' }>, reply: WorkerReply): void {
    const { state } = running;
    const current = this.documents.get(running.uri) === state;
    if ('findings' in reply) {
      const result: DocumentLint = {
        version: running.version, options: state.options, findings: reply.findings,
        dispatchedAt: running.dispatchedAt, repliedAt: performance.now(), worker: reply.timings,
      };
      for (const waiter of running.waiters) waiter.resolve(result);
      return;
    }
    // Both threads forget what the worker held; the next job brings the whole text.
    if (current) {
      state.held = undefined;
      state.edits = undefined;
    }
    if ('resync' in reply && !running.retry && current) {
      this.retry(running);
      return;
    }
    const message = 'error' in reply ? reply.error : 'Der Prüf-Thread hält einen anderen Text als der Server.';
    for (const waiter of running.waiters) waiter.reject(new Error(message));
  }

  /** Puts a document's waiters first in line again (its job is then sent with the whole text). */
  private retry(running: Extract<Running, { kind: 'document' }>): void {
    running.state.retry = true;
    running.state.waiters.unshift(...running.waiters);
    const rest = [...this.wanted].filter((uri) => uri !== running.uri);
    this.wanted.clear();
    for (const uri of [running.uri, ...rest]) this.wanted.add(uri);
  }

  private crashed(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.answerQueries([]);
    for (const state of this.documents.values()) {
      state.held = undefined;
      state.edits = undefined;
    }
    const running = this.running;
    this.running = undefined;
    const again = running !== undefined && !running.retry;
    this.log(`dclint: Der Prüf-Thread ist abgestürzt (${reason}). Er wird neu gestartet und erhält die offenen Dokumente vollständig`
      + (running ? (again ? '; die unterbrochene Prüfung wird einmal wiederholt.' : '; die Prüfung, bei der er zweimal abstürzte, entfällt.') : '.'));
    const failed = new Error('Der Prüf-Thread ist bei dieser Prüfung zweimal abgestürzt.');
    if (running?.kind === 'document') {
      if (this.documents.get(running.uri) !== running.state) {
        for (const waiter of running.waiters) waiter.resolve(undefined);
      } else if (again) {
        this.retry(running);
      } else {
        for (const waiter of running.waiters) waiter.reject(failed);
      }
    } else if (running?.kind === 'text') {
      if (again) this.texts.unshift({ ...running.job, retry: true });
      else running.job.reject(failed);
    }
    this.pump();
  }

  private pump(): void {
    if (this.running) return;
    const uri = this.wanted.values().next().value;
    if (uri !== undefined) {
      this.wanted.delete(uri);
      this.dispatchDocument(uri, this.documents.get(uri)!);
      return;
    }
    const job = this.texts.shift();
    if (job) {
      const id = this.nextId++;
      this.running = { kind: 'text', id, retry: job.retry, job };
      this.ensureWorker().postMessage({ kind: 'text', id, text: job.text, options: job.options } satisfies WorkerRequest);
    }
  }

  private dispatchDocument(uri: string, state: DocumentState): void {
    const { document } = state;
    const id = this.nextId++;
    const version = document.version;
    const text = document.getText();
    const optionsKey = JSON.stringify(state.options);
    const worker = this.ensureWorker();
    const request: WorkerRequest = { kind: 'document', id, uri, version, length: text.length };
    if (state.held && state.edits) {
      request.edits = state.edits;
      this.sent.edits++;
    } else {
      request.text = text;
      this.sent.texts++;
    }
    if (!state.held || state.held.optionsKey !== optionsKey || request.text !== undefined) request.options = state.options;
    state.held = { version, optionsKey };
    state.edits = [];
    state.editChars = 0;
    const retry = state.retry;
    state.retry = false;
    this.running = {
      kind: 'document', id, retry, state, uri, version, optionsKey, dispatchedAt: performance.now(), waiters: state.waiters.splice(0),
    };
    worker.postMessage(request);
    // V8 keeps an edited string in pieces and joins them at the next edit: 3 ms for a 2 MB law on the way from
    // didChange to the diagnostics. Joined now (reading a character does it), that overlaps with the worker's lint.
    text.charCodeAt(0);
  }

  private answerQueries(held: string[]): void {
    for (const resolve of this.queries.values()) resolve(held);
    this.queries.clear();
  }
}
