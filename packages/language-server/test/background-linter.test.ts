import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '@dclint/core';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { BackgroundLinter } from '../src/background-linter.js';
import { syncedDocuments } from '../src/synced-documents.js';

// The worker runs as built JavaScript (npm test builds first), as in the server.
const WORKER = new URL('../dist/lint-worker.js', import.meta.url);
const CRASHING_WORKER = new URL('./support/crashing-lint-worker.mjs', import.meta.url);
const DRAFT = readFileSync(join(import.meta.dirname, '../../../fixtures/referentenentwurf-familienstartgeld.md'), 'utf8');

let linter: BackgroundLinter | undefined;
afterEach(async () => {
  await linter?.dispose();
  linter = undefined;
});

/** A document as the server keeps it: each change applied and reported to the background linter. */
class EditedDocument {
  readonly document: TextDocument;
  constructor(private readonly background: BackgroundLinter, uri: string, text: string) {
    this.document = TextDocument.create(uri, 'markdown', 1, text);
  }

  get text(): string {
    return this.document.getText();
  }

  apply(changes: TextDocumentContentChangeEvent[]): void {
    TextDocument.update(this.document, changes, this.document.version + 1);
    this.background.edited(this.document.uri, changes);
  }

  /** Replaces `length` characters at `offset`. */
  splice(offset: number, length: number, text: string): void {
    const range = { start: this.document.positionAt(offset), end: this.document.positionAt(offset + length) };
    this.apply([{ range, text }]);
  }
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [' schriftlich', 'e', '\n\n', ' per Post', ' Der Antrag ist schriftlich zu stellen.', '\n\n## § 9 Neu\n\n(1) Die Unterlagen sind im Original vorzulegen.\n', 'ä', '.'];

function randomEdit(doc: EditedDocument, next: () => number): void {
  const offset = Math.floor(next() * doc.text.length);
  const kind = next();
  if (kind < 0.5) doc.splice(offset, 0, PIECES[Math.floor(next() * PIECES.length)]!);
  else if (kind < 0.8) doc.splice(offset, Math.min(Math.floor(next() * 40), doc.text.length - offset), '');
  else doc.splice(offset, Math.min(Math.floor(next() * 15), doc.text.length - offset), PIECES[Math.floor(next() * PIECES.length)]!);
}

function expectLintOf(findings: unknown, text: string, options: LintOptions = {}): void {
  expect(JSON.stringify(findings)).toBe(JSON.stringify(lint(text, options).findings));
}

describe('BackgroundLinter', () => {
  it('sends the worker the edits after the first lint, and finds what lint() finds in the text after them', async () => {
    linter = new BackgroundLinter(WORKER, () => undefined);
    const doc = new EditedDocument(linter, 'file:///entwurf.md', DRAFT);
    const first = await linter.lintDocument(doc.document, {});
    expect(first?.version).toBe(1);
    expectLintOf(first?.findings, DRAFT);
    expect(first!.findings.length).toBeGreaterThan(5);
    const next = random(7);
    let lints = 1;
    for (let round = 0; round < 30; round++) {
      // One to three changes per version, and some versions not linted: the edits of several versions add up.
      for (let v = 0; v < 1 + (round % 3); v++) randomEdit(doc, next);
      if (round % 4 === 3) continue;
      const result = await linter.lintDocument(doc.document, {});
      lints++;
      expect(result?.version).toBe(doc.document.version);
      expectLintOf(result?.findings, doc.text);
    }
    // Several changes in one didChange, one of them across lines, then the whole text replaced.
    doc.apply([
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<!-- Entwurf -->\n' },
      { range: { start: { line: 3, character: 0 }, end: { line: 5, character: 3 } }, text: 'Der Bescheid ist schriftlich zu erteilen.\n' },
    ]);
    expectLintOf((await linter.lintDocument(doc.document, {}))?.findings, doc.text);
    doc.apply([{ text: `${DRAFT}\nDie Erklärung ist persönlich abzugeben.\n` }]);
    expectLintOf((await linter.lintDocument(doc.document, {}))?.findings, doc.text);
    expect(linter.sent).toEqual({ texts: 1, edits: lints + 1 });
  });

  it('merges waiting requests into one lint of the newest version; the caller sees which version was linted', async () => {
    linter = new BackgroundLinter(WORKER, () => undefined);
    const doc = new EditedDocument(linter, 'file:///entwurf.md', DRAFT);
    const first = linter.lintDocument(doc.document, {});
    const waiting = [];
    // While version 1 is linted: three more versions, each asked for.
    for (const word of [' Die Erklärung', ' ist schriftlich', ' abzugeben.']) {
      doc.splice(doc.text.length, 0, word);
      waiting.push(linter.lintDocument(doc.document, {}));
    }
    expect((await first)?.version).toBe(1);
    const results = await Promise.all(waiting);
    expect(results.map((r) => r?.version)).toEqual([4, 4, 4]);
    // One lint for all three, not three; its findings are those of version 4.
    expect(results[0]).toBe(results[2]);
    expect(linter.sent).toEqual({ texts: 1, edits: 1 });
    expectLintOf(results[0]?.findings, doc.text);
  });

  it('follows changed options on the same document', async () => {
    linter = new BackgroundLinter(WORKER, () => undefined);
    const doc = new EditedDocument(linter, 'file:///entwurf.md', DRAFT);
    const variants: LintOptions[] = [
      {},
      { rules: { schriftform: 'error', 'unbestimmter-rechtsbegriff': 'off' } },
      { parts: ['regelungstext', 'begruendung', 'vorblatt'] },
      { inlineConfig: false, rules: { ermessen: 'off' } },
      {},
    ];
    const next = random(11);
    for (const options of variants) {
      randomEdit(doc, next);
      expectLintOf((await linter.lintDocument(doc.document, options))?.findings, doc.text, options);
      // The same options again, after an edit: only the edits go to the worker, and it keeps the options.
      randomEdit(doc, next);
      expectLintOf((await linter.lintDocument(doc.document, options))?.findings, doc.text, options);
    }
    expect(linter.sent.texts).toBe(1);
  });

  it('frees a forgotten document in the worker and answers its waiting callers with undefined', async () => {
    linter = new BackgroundLinter(WORKER, () => undefined);
    const a = new EditedDocument(linter, 'file:///a.md', DRAFT);
    const b = new EditedDocument(linter, 'file:///b.md', 'Der Antrag ist schriftlich zu stellen.\n');
    await Promise.all([linter.lintDocument(a.document, {}), linter.lintDocument(b.document, {})]);
    expect((await linter.held()).sort()).toEqual(['file:///a.md', 'file:///b.md']);
    linter.forget('file:///a.md');
    expect(await linter.held()).toEqual(['file:///b.md']);

    // Forgotten while its lint waits behind another: the caller gets undefined, the worker keeps nothing of it.
    b.splice(0, 0, 'Neu: ');
    const running = linter.lintDocument(b.document, {});
    a.splice(0, 0, 'Neu: ');
    const waiting = linter.lintDocument(a.document, {});
    linter.forget('file:///a.md');
    expect(await waiting).toBeUndefined();
    expect((await running)?.version).toBe(2);
    expect(await linter.held()).toEqual(['file:///b.md']);
    // Linted again later, the worker gets the whole text (it no longer holds one to apply edits to).
    a.splice(0, 0, 'Noch neuer: ');
    expectLintOf((await linter.lintDocument(a.document, {}))?.findings, a.text);
    expect(linter.sent.texts).toBe(3);
  });

  it('lints texts of files that are not open once, after the open documents', async () => {
    linter = new BackgroundLinter(WORKER, () => undefined);
    const doc = new EditedDocument(linter, 'file:///entwurf.md', DRAFT);
    const order: string[] = [];
    const done = <T>(what: string) => (value: T) => {
      order.push(what);
      return value;
    };
    const first = linter.lintDocument(doc.document, {}).then(done('Dokument, Fassung 1'));
    const file = linter.lintText('Der Antrag ist schriftlich zu stellen.\n', {}).then(done('Datei'));
    doc.splice(0, 0, 'Neu: ');
    const second = linter.lintDocument(doc.document, {}).then(done('Dokument, Fassung 2'));
    expectLintOf(await file, 'Der Antrag ist schriftlich zu stellen.\n');
    await Promise.all([first, second]);
    // The file was asked for before version 2, but the open document goes first; the worker keeps nothing of the file.
    expect(order).toEqual(['Dokument, Fassung 1', 'Dokument, Fassung 2', 'Datei']);
    expect(await linter.held()).toEqual(['file:///entwurf.md']);
  });

  it('restarts a crashed worker, says so in German, and repeats the interrupted lint with the whole text', async () => {
    const log: string[] = [];
    linter = new BackgroundLinter(CRASHING_WORKER, (message) => log.push(message));
    const doc = new EditedDocument(linter, 'file:///entwurf.md', DRAFT);
    const other = new EditedDocument(linter, 'file:///anderes.md', 'Der Antrag ist schriftlich zu stellen.\n');
    await linter.lintDocument(doc.document, {});
    await linter.lintDocument(other.document, {});
    doc.splice(10, 0, ' ABSTURZ-BEI-AENDERUNG ');
    const result = await linter.lintDocument(doc.document, {});
    expect(result?.version).toBe(2);
    expectLintOf(result?.findings, doc.text);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/Prüf-Thread ist abgestürzt .*wird einmal wiederholt/);
    // The new worker holds nothing of the other document: it gets its whole text.
    other.splice(0, 0, 'Neu: ');
    expectLintOf((await linter.lintDocument(other.document, {}))?.findings, other.text);
    expect(linter.sent).toEqual({ texts: 4, edits: 1 });
  });

  it('gives up on a lint that crashes the worker twice, and goes on with the next one', async () => {
    const log: string[] = [];
    linter = new BackgroundLinter(CRASHING_WORKER, (message) => log.push(message));
    const doc = new EditedDocument(linter, 'file:///entwurf.md', `${DRAFT}\nABSTURZ-IMMER\n`);
    await expect(linter.lintDocument(doc.document, {})).rejects.toThrow('Der Prüf-Thread ist bei dieser Prüfung zweimal abgestürzt.');
    expect(log).toHaveLength(2);
    expect(log[1]).toMatch(/zweimal abstürzte, entfällt/);
    const other = new EditedDocument(linter, 'file:///anderes.md', 'Der Antrag ist schriftlich zu stellen.\n');
    expectLintOf((await linter.lintDocument(other.document, {}))?.findings, other.text);
  });
});

describe('syncedDocuments', () => {
  it('keeps the UTF-8 size of a document right along edits, also with umlauts and halves of surrogate pairs', () => {
    const reported: TextDocumentContentChangeEvent[][] = [];
    const { configuration: config, utf8Size } = syncedDocuments((_document, changes) => reported.push(changes));
    let document = config.create('file:///e.md', 'markdown', 1, 'Größe § 1 😀 Ende\n');
    const next = random(3);
    const pieces = ['ä', '😀', '\uD83D', '\uDE00', 'x', '\n', '§§', ''];
    for (let i = 0; i < 400; i++) {
      const text = document.getText();
      const start = Math.floor(next() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(next() * 4));
      const range = { start: document.positionAt(start), end: document.positionAt(end) };
      const changes = [{ range, text: pieces[Math.floor(next() * pieces.length)]! }];
      document = config.update(document, changes, i + 2);
      expect(utf8Size(document)).toBe(Buffer.byteLength(document.getText(), 'utf8'));
    }
    document = config.update(document, [{ text: 'Neu: 😀' }], 500);
    expect(utf8Size(document)).toBe(Buffer.byteLength('Neu: 😀', 'utf8'));
    expect(reported).toHaveLength(401);
  });
});
