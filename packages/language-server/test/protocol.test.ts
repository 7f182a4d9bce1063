import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinRules, lint, principleUrl, PRINCIPLES, type Finding } from '@dclint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../src/diagnostics.js';
import { LspTestClient, type Diagnostic, type PublishDiagnosticsParams } from './lsp-client.js';

const DRAFT = `# Gesetz über Anträge

## § 3 Antragstellung

(1) Der Antrag ist schriftlich zu stellen. Die Schriftform ist einzuhalten.

(2) Die Erklärung ist schriftlich oder elektronisch abzugeben.

## § 4 Bescheid

Der Bescheid ist schriftlich zu erteilen.
`;
const URI = 'file:///entwurf/antraege.md';
const schriftform = builtinRules.find((r) => r.id === 'schriftform')!;
/** The tests follow one rule, so that rules added to the catalogue later do not change their expectations. */
const OTHER_RULES_OFF = Object.fromEntries(builtinRules.filter((r) => r.id !== 'schriftform').map((r) => [r.id, 'off' as const]));
function only(settings: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...settings, rules: { ...OTHER_RULES_OFF, ...(settings.rules as object | undefined) } };
}

/** Where a word stands in DRAFT, as an LSP range (0-based), found by searching the text rather than counting by hand. */
function rangeOf(text: string, word: string, occurrence = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(word, offset + 1);
  if (offset < 0) throw new Error(`${word} nicht gefunden`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line]!.length;
  return { start: { line, character }, end: { line, character: character + word.length } };
}

/** The core's own findings for a text: the server must report exactly these, translated into LSP. */
function coreFindings(text: string): Finding[] {
  return lint(text, { rules: OTHER_RULES_OFF }).findings;
}

function expectedDiagnostic(finding: Finding, range: ReturnType<typeof rangeOf>, severity: number): Diagnostic {
  return {
    range,
    severity,
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    source: 'dclint',
    message: `${finding.message} (${finding.unit})`,
    data: {
      ruleId: finding.ruleId,
      excerpt: finding.excerpt,
      docsUrl: finding.docsUrl,
      suggestions: finding.suggestions.map((s) => ({ title: s.title, replacement: s.replacement, range, safe: s.safe })),
    },
  };
}

let client: LspTestClient;
afterEach(() => client?.kill());

describe('dclint language server over stdio', () => {
  it('announces its capabilities', async () => {
    client = await LspTestClient.start({ settings: only() });
    expect(client.initializeResult).toEqual({
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.dclint'], resolveProvider: false },
        executeCommandProvider: { commands: ['dclint.server.openRulePage', 'dclint.server.selectRange'] },
      },
      serverInfo: { name: 'dclint-language-server', version: '0.1.0' },
    });
    // Dynamic registrations: configuration changes of section dclint, and the config files to watch.
    await client.waitFor('zwei Registrierungen', () => (client.registrations.length >= 2 ? true : undefined));
    const methods = client.registrations.flatMap((r) => (r as { registrations: Array<{ method: string; registerOptions: unknown }> }).registrations);
    expect(methods.map((m) => m.method).sort()).toEqual(['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
    const watchers = methods.find((m) => m.method === 'workspace/didChangeWatchedFiles')!.registerOptions as { watchers: Array<{ globPattern: string }> };
    expect(watchers.watchers[0]!.globPattern).toContain('dclint.config.json');
    expect(watchers.watchers[0]!.globPattern).toContain('.dclintrc.yaml');
    expect(await client.stop()).toBe(0);
  });

  it('publishes the findings on open, with unit, rule page and fix data; clears them when the barrier is gone and on close', async () => {
    client = await LspTestClient.start({ settings: only() });
    const findings = coreFindings(DRAFT);
    expect(findings.map((f) => [f.ruleId, f.unit])).toEqual([
      ['schriftform', '§ 3 Abs. 1 Satz 1'], ['schriftform', '§ 3 Abs. 1 Satz 2'], ['schriftform', '§ 4 Satz 1'],
    ]);
    await client.open(URI, DRAFT);
    const opened = await client.nextDiagnostics(URI, 0);
    expect(opened).toEqual({
      uri: URI,
      version: 1,
      diagnostics: [
        expectedDiagnostic(findings[0]!, rangeOf(DRAFT, 'schriftlich', 0), 2),
        expectedDiagnostic(findings[1]!, rangeOf(DRAFT, 'Schriftform', 0), 2),
        expectedDiagnostic(findings[2]!, rangeOf(DRAFT, 'schriftlich', 2), 2),
      ],
    });
    expect(opened.diagnostics[0]!.message).toMatch(/\(§ 3 Abs\. 1 Satz 1\)$/);
    expect(opened.diagnostics[0]!.codeDescription!.href).toBe(principleUrl(1));

    // Incremental change: "schriftlich oder elektronisch" in § 4 is no barrier any more.
    const inserted = rangeOf(DRAFT, 'schriftlich', 2).end;
    let seen = client.published.length;
    await client.change(URI, 2, [{ range: { start: inserted, end: inserted }, text: ' oder elektronisch' }]);
    const changed = await client.nextDiagnostics(URI, seen);
    expect(changed.version).toBe(2);
    expect(changed.diagnostics.map((d) => d.data && (d.data as { excerpt: string }).excerpt)).toEqual(['schriftlich', 'Schriftform']);
    expect(changed.diagnostics.map((d) => d.range)).toEqual([rangeOf(DRAFT, 'schriftlich', 0), rangeOf(DRAFT, 'Schriftform', 0)]);

    seen = client.published.length;
    await client.close(URI);
    expect(await client.nextDiagnostics(URI, seen)).toEqual({ uri: URI, diagnostics: [] });
    expect(await client.stop()).toBe(0);
    expect(client.protocolErrors).toEqual([]);
  });

  it('debounces changes per document and publishes only the newest version', async () => {
    client = await LspTestClient.start({ settings: only({ debounce: 400 }) });
    await client.open(URI, 'Der Antrag ist zu stellen.\n');
    expect((await client.nextDiagnostics(URI, 0)).diagnostics).toEqual([]);
    const seen = client.published.length;
    const started = Date.now();
    // Four quick edits, each appending a word: only version 5 (all four words) may be linted.
    const words = [' Die', ' Erklärung', ' ist', ' schriftlich.'];
    let text = 'Der Antrag ist zu stellen.';
    for (const [i, word] of words.entries()) {
      const end = { line: 0, character: text.length };
      await client.change(URI, i + 2, [{ range: { start: end, end }, text: word }]);
      text += word;
    }
    const published = await client.nextDiagnostics(URI, seen);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(published.version).toBe(5);
    expect(published.diagnostics.map((d) => [d.code, d.range])).toEqual([['schriftform', rangeOf(text, 'schriftlich')]]);
    // Nothing else arrives for the older versions.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(client.published.slice(seen).map((p) => p.version)).toEqual([5]);
    expect(await client.stop()).toBe(0);
  });

  it('explains a finding on hover: message, explanation, principle and aspect, better wording', async () => {
    client = await LspTestClient.start({ settings: only() });
    await client.open(URI, DRAFT);
    await client.nextDiagnostics(URI, 0);
    const range = rangeOf(DRAFT, 'Schriftform', 0);
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI }, position: { line: range.start.line, character: range.start.character + 3 },
    }) as { contents: { kind: string; value: string }; range: unknown };
    expect(hover.range).toEqual(range);
    expect(hover.contents.kind).toBe('markdown');
    const sections = hover.contents.value.split('\n\n');
    expect(sections[0]).toBe(`**${schriftform.title}** · \`schriftform\` · Warnung · § 3 Abs. 1 Satz 2`);
    expect(sections).toContain('**Warum das eine Hürde ist**');
    expect(hover.contents.value).toContain(`**Digitalcheck:** [Prinzip 1 „${PRINCIPLES[0].name}“, Aspekt 1.1](${principleUrl(1)})`);
    expect(hover.contents.value).toContain('**Besser:** „schriftlich oder elektronisch“, „in Textform“');
    expect(sections.at(-1)).toBe(`[Regelseite öffnen](${principleUrl(1)})`);
    // Outside a finding there is nothing to explain.
    const none = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 2 } });
    expect(none).toBeNull();
    expect(await client.stop()).toBe(0);
  });

  it('offers the suggestion, fix-all of the rule, the rule page and a justified exception as code actions', async () => {
    client = await LspTestClient.start({ settings: only() });
    await client.open(URI, DRAFT);
    const { diagnostics } = await client.nextDiagnostics(URI, 0);
    const first = diagnostics[0]!;
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: first.range, context: { diagnostics: [first] },
    }) as Array<{ title: string; kind: string; isPreferred?: boolean; edit?: { changes: Record<string, unknown[]> }; command?: { command: string; arguments: unknown[] } }>;
    const fixTitle = schriftform.fixes![0]!.title;
    expect(actions.map((a) => a.title)).toEqual([
      fixTitle,
      `Alle 2 sicheren Korrekturen der Regel „${schriftform.title}“ im Dokument anwenden`,
      `Regelseite „${schriftform.title}“ öffnen`,
      'Ausnahme begründen: „schriftform“ für die nächste Zeile abschalten',
    ]);
    expect(actions.every((a) => a.kind === 'quickfix')).toBe(true);
    expect(actions[0]).toMatchObject({
      isPreferred: true,
      edit: { changes: { [URI]: [{ range: first.range, newText: 'schriftlich oder elektronisch' }] } },
    });
    // Fix-all applies only safe fixes: the two "schriftlich", not the unsafe "Schriftform" → "Textform".
    expect(actions[1]!.edit!.changes[URI]).toEqual([
      { range: rangeOf(DRAFT, 'schriftlich', 0), newText: 'schriftlich oder elektronisch' },
      { range: rangeOf(DRAFT, 'schriftlich', 2), newText: 'schriftlich oder elektronisch' },
    ]);
    expect(actions[2]!.command).toEqual({ title: 'Regelseite öffnen', command: 'dclint.server.openRulePage', arguments: [principleUrl(1)] });

    const line = first.range.start.line;
    const directive = '<!-- dclint-disable-next-line schriftform -- Begründung: … -->';
    expect(actions[3]!.edit!.changes[URI]).toEqual([
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${directive}\n` },
    ]);
    const placeholder = { start: { line, character: directive.indexOf('…') }, end: { line, character: directive.indexOf('…') + 1 } };
    expect(actions[3]!.command).toEqual({ title: 'Begründung eingeben', command: 'dclint.server.selectRange', arguments: [URI, placeholder] });

    // The commands go back to the server, which asks the client to show the page / select the placeholder.
    await client.connection.sendRequest('workspace/executeCommand', actions[2]!.command);
    await client.connection.sendRequest('workspace/executeCommand', actions[3]!.command);
    expect(client.shownDocuments).toEqual([
      { uri: principleUrl(1), external: true },
      { uri: URI, takeFocus: true, selection: placeholder },
    ]);

    // The inserted directive, with the placeholder replaced by a reason, silences the rule on that line
    // (both findings of § 3 Abs. 1 stand on it), not elsewhere.
    const seenBefore = client.published.length;
    await client.change(URI, 2, [{
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      text: `${directive.replace('…', '§ 766 BGB verlangt hier die Schriftform')}\n`,
    }]);
    const justified = await client.nextDiagnostics(URI, seenBefore);
    expect(diagnostics[1]!.range.start.line).toBe(line);
    expect(justified.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['schriftform', diagnostics[2]!.range.start.line + 1]]);
    await client.change(URI, 3, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
    await client.waitFor('Diagnosen der Version 3', () => client.published.find((p) => p.uri === URI && p.version === 3));

    // A diagnostic whose text has changed since gets no text edit (it would overwrite the wrong words).
    const stale = { ...first, data: { ...(first.data as object), excerpt: 'mündlich' } };
    const staleActions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: first.range, context: { diagnostics: [stale] },
    }) as Array<{ title: string }>;
    expect(staleActions.map((a) => a.title)).not.toContain(fixTitle);

    // On request (e.g. on save), one source action applies every safe fix.
    const fixAll = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: first.range, context: { diagnostics: [], only: ['source.fixAll'] },
    }) as Array<{ title: string; kind: string; edit: { changes: Record<string, unknown[]> } }>;
    expect(fixAll.map((a) => [a.kind, a.edit.changes[URI]!.length])).toEqual([['source.fixAll.dclint', 2]]);
    expect(await client.stop()).toBe(0);
  });

  it('after a run of edits sent without waiting publishes for the last version exactly what lint() finds in its text', async () => {
    // The whole catalogue, no debounce: the server lints while edits keep coming and merges the waiting ones.
    client = await LspTestClient.start({ settings: { debounce: 0 } });
    const uri = 'file:///entwurf/familienstartgeld.md';
    const mirror = TextDocument.create(uri, 'markdown', 1, readFileSync(join(import.meta.dirname, '../../../fixtures/referentenentwurf-familienstartgeld.md'), 'utf8'));
    await client.open(uri, mirror.getText());
    await client.nextDiagnostics(uri, 0);
    let seed = 5;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const pieces = [' schriftlich', '\n\n', ' per Post', 'x', '\n\n## § 7 Neu\n\n(1) Der Nachweis ist im Original vorzulegen.\n', ''];
    for (let version = 2; version <= 41; version++) {
      const text = mirror.getText();
      const start = Math.floor(next() * text.length);
      const end = Math.min(text.length, start + Math.floor(next() * 30) * (version % 2));
      const change = { range: { start: mirror.positionAt(start), end: mirror.positionAt(end) }, text: pieces[version % pieces.length]! };
      TextDocument.update(mirror, [change], version);
      await client.change(uri, version, [change]);
    }
    const last = await client.waitFor('Diagnosen der Fassung 41', () => client.published.find((p) => p.uri === uri && p.version === 41), 30_000);
    const expected = lint(mirror.getText()).findings.map((f) => toDiagnostic(f, uri));
    expect(expected.length).toBeGreaterThan(5);
    expect(last.diagnostics).toEqual(expected);
    // Never an older version after a newer one: stale results are dropped, not published.
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(await client.stop()).toBe(0);
  });

  it('follows didChangeConfiguration: severity per rule, off, enable', async () => {
    client = await LspTestClient.start({ settings: only() });
    await client.open(URI, DRAFT);
    expect((await client.nextDiagnostics(URI, 0)).diagnostics.map((d) => d.severity)).toEqual([2, 2, 2]);

    const reconfigure = async (settings: Record<string, unknown>): Promise<PublishDiagnosticsParams> => {
      client.settings = only(settings);
      const seen = client.published.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      return client.nextDiagnostics(URI, seen);
    };
    expect((await reconfigure({ rules: { schriftform: 'error' } })).diagnostics.map((d) => d.severity)).toEqual([1, 1, 1]);
    expect((await reconfigure({ rules: { schriftform: 'off' } })).diagnostics).toEqual([]);
    expect((await reconfigure({ rules: {} })).diagnostics).toHaveLength(3);
    expect((await reconfigure({ enable: false })).diagnostics).toEqual([]);
    // The server asked for section dclint, scoped to the document.
    expect(client.configurationRequests.at(-1)).toEqual({ items: [{ scopeUri: URI, section: 'dclint' }] });
    expect(await client.stop()).toBe(0);
  });

  it('takes pushed settings from clients without workspace/configuration', async () => {
    client = await LspTestClient.start({ pullConfiguration: false, settings: only({ rules: { schriftform: 'hint' } }) });
    await client.open(URI, DRAFT);
    expect((await client.nextDiagnostics(URI, 0)).diagnostics.map((d) => d.severity)).toEqual([4, 4, 4]);
    const seen = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { dclint: only({ rules: { schriftform: 'info' } }) } });
    expect((await client.nextDiagnostics(URI, seen)).diagnostics.map((d) => d.severity)).toEqual([3, 3, 3]);
    expect(client.configurationRequests).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it('lints on save only when run is onSave', async () => {
    client = await LspTestClient.start({ settings: only({ run: 'onSave', debounce: 0 }) });
    await client.open(URI, 'Der Antrag ist zu stellen.\n');
    expect((await client.nextDiagnostics(URI, 0)).diagnostics).toEqual([]);
    const seen = client.published.length;
    await client.change(URI, 2, [{ text: 'Der Antrag ist schriftlich zu stellen.\n' }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(client.published.length).toBe(seen);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: URI } });
    const saved = await client.nextDiagnostics(URI, seen);
    expect(saved.diagnostics.map((d) => d.code)).toEqual(['schriftform']);
    expect(await client.stop()).toBe(0);
  });

  it('skips documents above dclint.maxDocumentSize and says so once', async () => {
    client = await LspTestClient.start({ settings: only({ maxDocumentSize: 100 }) });
    const big = 'Der Antrag ist schriftlich zu stellen. '.repeat(4);
    await client.open(URI, big);
    expect((await client.nextDiagnostics(URI, 0)).diagnostics).toEqual([]);
    await client.waitFor('Hinweis', () => client.messages[0]);
    expect(client.messages).toEqual([{
      type: 2,
      message: `dclint hat „antraege.md“ nicht geprüft: Das Dokument ist 156 Bytes groß, die Grenze liegt bei 100 Bytes `
        + '(Einstellung „dclint.maxDocumentSize“). So bleibt der Editor reaktionsschnell; für große Dateien nutzen Sie bitte die Kommandozeile (dclint).',
    }]);
    // A further edit of the still too large document does not repeat the message.
    const seen = client.published.length;
    await client.change(URI, 2, [{ text: `${big}Noch ein Satz.` }]);
    await client.nextDiagnostics(URI, seen);
    expect(client.messages).toHaveLength(1);
    expect(await client.stop()).toBe(0);
  });

  it('counts UTF-8 bytes along incremental edits for dclint.maxDocumentSize, and lints again once the document is small enough', async () => {
    client = await LspTestClient.start({ settings: only({ maxDocumentSize: 100, debounce: 0 }) });
    const small = 'Der Antrag ist schriftlich zu stellen.\n';
    await client.open(URI, small);
    expect((await client.nextDiagnostics(URI, 0)).diagnostics.map((d) => d.range)).toEqual([rangeOf(small, 'schriftlich')]);
    // 39 + 54 = 93 characters, but 39 + 69 = 108 bytes: „Ü“, „ä“, „ö“ and „ß“ take two each.
    const end = { line: 1, character: 0 };
    const umlauts = 'Übermäßig größer. '.repeat(3);
    expect([small.length + umlauts.length, Buffer.byteLength(small + umlauts)]).toEqual([93, 108]);
    let seen = client.published.length;
    await client.change(URI, 2, [{ range: { start: end, end }, text: umlauts }]);
    expect((await client.nextDiagnostics(URI, seen)).diagnostics).toEqual([]);
    await client.waitFor('Hinweis', () => client.messages[0]);
    expect(client.messages[0]!.message).toContain('108 Bytes');
    // Deleted again piece by piece: the server checks the document once more and finds what lint() finds.
    seen = client.published.length;
    await client.change(URI, 3, [{ range: { start: end, end: { line: 1, character: 36 } }, text: '' }]);
    await client.change(URI, 4, [{ range: { start: end, end: { line: 1, character: 18 } }, text: 'Die Erklärung ist schriftlich abzugeben.' }]);
    const text = `${small}Die Erklärung ist schriftlich abzugeben.`;
    const published = await client.waitFor('Diagnosen der Fassung 4', () => client.published.slice(seen).find((p) => p.version === 4));
    expect(published.diagnostics.map((d) => d.range)).toEqual(coreFindings(text).map((f) => toDiagnostic(f, URI).range));
    expect(published.diagnostics).toHaveLength(2);
    expect(await client.stop()).toBe(0);
  });

  it('lints in a worker thread: answers a hover while a large law is linted, and drops the superseded lint', async () => {
    client = await LspTestClient.start({ settings: only() });
    const small = 'file:///entwurf/klein.md';
    const smallText = 'Der Antrag ist schriftlich zu stellen.\n';
    await client.open(small, smallText);
    await client.nextDiagnostics(small, 0);
    // About half a megabyte of law text: its lint takes far longer than a hover.
    let big = '# Gesetz\n\n';
    for (let i = 1; i <= 3000; i++) {
      big += `## § ${i} Antrag\n\n(1) Der Antrag ist schriftlich bei der zuständigen Behörde zu stellen. Die Behörde entscheidet unverzüglich.\n\n(2) Die Erklärung bedarf der Schriftform.\n\n`;
    }
    const BIG = 'file:///entwurf/gross.md';
    const seen = client.published.length;
    await client.open(BIG, big);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const position = rangeOf(smallText, 'schriftlich').start;
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position }) as { range: unknown } | null;
    expect(hover?.range).toEqual(rangeOf(smallText, 'schriftlich'));
    expect(client.published.slice(seen).some((p) => p.uri === BIG)).toBe(false);

    // A change while version 1 is being linted: only version 2 is published.
    await client.change(BIG, 2, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 9 } }, text: 'Gesetz über Anträge' }]);
    const published = await client.nextDiagnostics(BIG, seen, 60_000);
    expect(published.version).toBe(2);
    expect(published.diagnostics).toHaveLength(lint(big.replace('Gesetz', 'Gesetz über Anträge'), { rules: OTHER_RULES_OFF }).findings.length);
    expect(await client.stop()).toBe(0);
  }, 120_000);

  it('answers the catalogue request from the rule metadata', async () => {
    client = await LspTestClient.start({ settings: only() });
    const result = await client.connection.sendRequest('dclint/catalogue', {}) as { markdown: string; ruleCount: number };
    expect(result.ruleCount).toBe(builtinRules.length);
    expect(result.markdown.startsWith('# dclint – Regelkatalog\n')).toBe(true);
    for (const rule of builtinRules) expect(result.markdown).toContain(`(\`${rule.id}\`)`);
    expect(result.markdown).toContain(`## Prinzip 1: ${PRINCIPLES[0].name}`);
    expect(await client.stop()).toBe(0);
  });
});

describe('config files', () => {
  let folder: string;
  beforeAll(() => { folder = mkdtempSync(join(tmpdir(), 'dclint-ls-config-')); });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('uses the nearest config file, reloads it when it changes, reports a broken one in German, and lints files on request', async () => {
    const configFile = join(folder, 'dclint.config.json');
    writeFileSync(configFile, JSON.stringify({ rules: { schriftform: 'error' } }));
    const draftPath = join(folder, 'entwurf.md');
    writeFileSync(draftPath, DRAFT);
    const uri = pathToFileURL(draftPath).href;
    const configUri = pathToFileURL(configFile).href;

    client = await LspTestClient.start({ settings: only() });
    await client.open(uri, DRAFT);
    expect((await client.nextDiagnostics(uri, 0)).diagnostics.map((d) => d.severity)).toEqual([1, 1, 1]);

    // The client setting wins over the config file.
    client.settings = only({ rules: { schriftform: 'hint' } });
    let seen = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await client.nextDiagnostics(uri, seen)).diagnostics.map((d) => d.severity)).toEqual([4, 4, 4]);
    client.settings = only();
    seen = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await client.nextDiagnostics(uri, seen)).diagnostics.map((d) => d.severity)).toEqual([1, 1, 1]);

    // The file changes; the file watcher tells the server.
    writeFileSync(configFile, JSON.stringify({ rules: { schriftform: 'off' } }));
    seen = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    expect((await client.nextDiagnostics(uri, seen)).diagnostics).toEqual([]);

    // A broken file: a German error message, and the built-in defaults meanwhile.
    writeFileSync(configFile, '{ "rules": { "schriftfrom": "error" } }');
    seen = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    expect((await client.nextDiagnostics(uri, seen)).diagnostics.map((d) => d.severity)).toEqual([2, 2, 2]);
    const error = await client.waitFor('Fehlermeldung', () => client.messages.find((m) => m.type === 1));
    expect(error.message).toMatch(/^dclint kann die Konfigurationsdatei nicht verwenden: .*dclint\.config\.json:1:\d+: unbekannte Regel „schriftfrom“\. Meinten Sie „schriftform“\?/);
    expect(error.message).toMatch(/Bis zur Korrektur gelten die Standardregeln und Ihre Editor-Einstellungen\.$/);

    // "Check workspace": a closed file on disk is read, linted and published.
    writeFileSync(configFile, JSON.stringify({ rules: { schriftform: 'info' } }));
    const otherPath = join(folder, 'anderer-entwurf.txt');
    writeFileSync(otherPath, 'Die Anzeige ist schriftlich zu erstatten.\n');
    const otherUri = pathToFileURL(otherPath).href;
    seen = client.published.length;
    const result = await client.connection.sendRequest('dclint/lintFiles', {
      uris: [otherUri, pathToFileURL(join(folder, 'fehlt.md')).href],
    });
    expect(result).toEqual({ checked: 1, findings: 1, skipped: [{ uri: pathToFileURL(join(folder, 'fehlt.md')).href, reason: 'Datei nicht lesbar.' }] });
    const other = await client.nextDiagnostics(otherUri, seen);
    expect(other.diagnostics.map((d) => [d.code, d.severity, d.message.endsWith('(Satz 1)')])).toEqual([['schriftform', 3, true]]);
    expect(await client.stop()).toBe(0);
  });
});

describe('dclint language server over node IPC', () => {
  it('publishes diagnostics and shuts down cleanly', async () => {
    client = await LspTestClient.start({ transport: 'node-ipc', settings: only() });
    await client.open(URI, 'Der Antrag ist schriftlich zu stellen.\n', 'plaintext');
    const published = await client.nextDiagnostics(URI, 0);
    expect(published.diagnostics.map((d) => [d.code, d.message.endsWith(' (Satz 1)'), d.range])).toEqual([
      ['schriftform', true, rangeOf('Der Antrag ist schriftlich zu stellen.\n', 'schriftlich')],
    ]);
    expect(await client.stop()).toBe(0);
  });
});
