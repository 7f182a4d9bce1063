// Lints in a worker thread, so that a long lint never blocks the server: hover, code actions and other
// documents are answered meanwhile. The worker keeps each open document's text and one IncrementalLinter
// for it: after the first lint it receives only the edits, and the linter re-uses what they left unchanged.
import { parentPort } from 'node:worker_threads';
import { IncrementalLinter, lint, type Finding, type LintOptions } from '@dclint/core';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export type WorkerRequest =
  /**
   * Lint an open document at `version`: either its whole `text`, or the `edits` since the version the worker
   * holds. `length` is the text's length after them (a cheap check that both threads hold the same text).
   * `options` are sent when they differ from those the worker has for the document.
   */
  | {
    kind: 'document'; id: number; uri: string; version: number; length: number;
    text?: string; edits?: TextDocumentContentChangeEvent[]; options?: LintOptions;
  }
  /** Lint a text once (a file that is not open). */
  | { kind: 'text'; id: number; text: string; options: LintOptions }
  /** The document was closed (or is no longer linted): free its text and linter. */
  | { kind: 'forget'; uri: string }
  /** Which documents the worker holds (for tests and diagnosis). */
  | { kind: 'held'; id: number };

/** Where the worker spent a document's lint, in milliseconds. */
export interface WorkerTimings {
  applyMs: number;
  lintMs: number;
}

export type WorkerReply =
  | { id: number; findings: Finding[]; timings: WorkerTimings }
  | { id: number; error: string }
  /** The worker does not hold the text the edits apply to: send the whole text. */
  | { id: number; resync: true }
  | { id: number; held: string[] };

interface HeldDocument {
  document: TextDocument;
  linter: IncrementalLinter;
  options: LintOptions;
}

const held = new Map<string, HeldDocument>();

function lintDocument(request: Extract<WorkerRequest, { kind: 'document' }>): WorkerReply {
  const started = performance.now();
  const { id, uri, version } = request;
  let entry = held.get(uri);
  if (request.text !== undefined) {
    // A whole text for a document already held (after a resync or a large paste) keeps its linter's memory.
    const options = request.options ?? entry?.options;
    if (!options) return { id, resync: true };
    entry = { document: TextDocument.create(uri, 'markdown', version, request.text), linter: entry?.linter ?? new IncrementalLinter(), options };
    held.set(uri, entry);
  } else {
    if (!entry || !request.edits) return { id, resync: true };
    TextDocument.update(entry.document, request.edits, version);
    if (request.options) entry.options = request.options;
  }
  const text = entry.document.getText();
  if (text.length !== request.length) {
    held.delete(uri);
    return { id, resync: true };
  }
  const applied = performance.now();
  const findings = entry.linter.lint(text, entry.options).findings;
  return { id, findings, timings: { applyMs: applied - started, lintMs: performance.now() - applied } };
}

function answer(request: WorkerRequest): WorkerReply | undefined {
  switch (request.kind) {
    case 'forget':
      held.delete(request.uri);
      return undefined;
    case 'held':
      return { id: request.id, held: [...held.keys()] };
    case 'text':
      return { id: request.id, findings: lint(request.text, request.options).findings, timings: { applyMs: 0, lintMs: 0 } };
    case 'document':
      return lintDocument(request);
  }
}

parentPort!.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply | undefined;
  try {
    reply = answer(request);
  } catch (error) {
    // A document whose edits could not be applied is dropped; the next request brings its whole text.
    if (request.kind === 'document') held.delete(request.uri);
    reply = { id: 'id' in request ? request.id : 0, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  if (reply) parentPort!.postMessage(reply);
});
