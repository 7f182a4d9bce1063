import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '@dclint/core';
import { codeActions, suppressionDirective, toDiagnostic } from '../src/index.js';
import { normalizeSettings } from '../src/settings.js';

const at = (line: number, column: number, offset: number) => ({ line, column, offset });

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'begriff-uneinheitlich',
    severity: 'info',
    message: 'Derselbe Begriff heißt hier „Antragsteller“, in § 2 „Antragstellende“.',
    principle: 2,
    aspect: '2.1',
    range: { start: at(3, 5, 20), end: at(3, 17, 32) },
    unit: '§ 3 Abs. 1 Satz 1',
    excerpt: 'Antragsteller',
    suggestions: [],
    docsUrl: 'https://example.org/regeln/begriff-uneinheitlich',
    ...overrides,
  };
}

describe('toDiagnostic', () => {
  it('maps positions to 0-based LSP, severity, and points relatedInformation at the same document', () => {
    const diagnostic = toDiagnostic(finding({
      relatedInformation: [{ message: 'Hier heißt er „Antragstellende“.', range: { start: at(1, 10, 3), end: at(1, 25, 18) } }],
    }), 'file:///e.md');
    expect(diagnostic).toEqual({
      range: { start: { line: 2, character: 4 }, end: { line: 2, character: 16 } },
      severity: 3,
      code: 'begriff-uneinheitlich',
      codeDescription: { href: 'https://example.org/regeln/begriff-uneinheitlich' },
      source: 'dclint',
      message: 'Derselbe Begriff heißt hier „Antragsteller“, in § 2 „Antragstellende“. (§ 3 Abs. 1 Satz 1)',
      relatedInformation: [{
        location: { uri: 'file:///e.md', range: { start: { line: 0, character: 9 }, end: { line: 0, character: 24 } } },
        message: 'Hier heißt er „Antragstellende“.',
      }],
      data: { ruleId: 'begriff-uneinheitlich', excerpt: 'Antragsteller', docsUrl: 'https://example.org/regeln/begriff-uneinheitlich', suggestions: [] },
    });
  });

  it('leaves out an empty unit instead of printing "()"', () => {
    expect(toDiagnostic(finding({ unit: '' }), 'file:///e.md').message).toBe(finding().message);
  });
});

describe('justify an exception', () => {
  it('inserts the directive with the indentation of a list item line, and selects the placeholder', () => {
    const text = '1. Anträge:\n   Der Antrag ist schriftlich zu stellen.\n';
    const document = TextDocument.create('file:///e.md', 'markdown', 1, text);
    const range = { start: { line: 1, character: 18 }, end: { line: 1, character: 29 } };
    const actions = codeActions({
      document,
      diagnostics: [{ range, source: 'dclint', message: 'm', data: { ruleId: 'schriftform', excerpt: 'schriftlich', docsUrl: 'u', suggestions: [] } }],
      only: undefined,
      findings: [],
      rules: new Map(),
    });
    const justify = actions.find((a) => a.title.startsWith('Ausnahme begründen'))!;
    const directive = suppressionDirective('schriftform', '…');
    expect(directive).toBe('<!-- dclint-disable-next-line schriftform -- Begründung: … -->');
    expect(justify.edit!.changes!['file:///e.md']).toEqual([
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: `   ${directive}\n` },
    ]);
    const start = 3 + directive.indexOf('…');
    expect(justify.command!.arguments).toEqual(['file:///e.md', { start: { line: 1, character: start }, end: { line: 1, character: start + 1 } }]);
    // After the edit, the selected range is exactly the placeholder.
    const edited = TextDocument.applyEdits(document, justify.edit!.changes!['file:///e.md']!);
    expect(edited.split('\n')[1]!.slice(start, start + 1)).toBe('…');
  });
});

describe('normalizeSettings', () => {
  it('keeps valid values and falls back to the defaults for wrong ones', () => {
    expect(normalizeSettings({ enable: 'ja', run: 'sometimes', debounce: -5, maxDocumentSize: 1000, rules: { a: 'error', b: 'laut', c: 'off' } }))
      .toEqual({ enable: true, run: 'onType', debounce: 300, maxDocumentSize: 1000, rules: { a: 'error', c: 'off' } });
    expect(normalizeSettings(null)).toEqual({ enable: true, run: 'onType', debounce: 300, maxDocumentSize: 5 * 1024 * 1024, rules: {} });
  });
});
