import { describe, expect, it } from 'vitest';
import { lint, type RuleDefinition } from '../src/index.js';

const base: RuleDefinition = {
  id: 'probe', title: 'Probe', principle: 1, aspect: '1.1', severity: 'warning', message: '„{match}“ gefunden.',
  explanation: 'e', betterWording: 'b', examples: { valid: [{ text: 'a', source: 's' }], invalid: [{ text: 'b', source: 's' }] },
};
const only = (rule: Partial<RuleDefinition>, text: string) => {
  const probe = { ...base, ...rule };
  return lint(text, { extraRules: [probe], rules: offExcept('probe') }).findings;
};
const offExcept = (id: string) => Object.fromEntries(
  ['schriftform', 'persoenliches-erscheinen', 'original-beglaubigung', 'analoger-kanal', 'nachweis-vorlage', 'technik-spezifisch']
    .filter((r) => r !== id).map((r) => [r, 'off' as const]),
);

describe('ranges', () => {
  it('points a phrase across a line break at the original text', () => {
    const text = 'Die Erklärung ist eigenhändig\nzu unterschreiben.';
    const [f] = lint(text).findings;
    expect(f).toMatchObject({
      ruleId: 'schriftform', excerpt: 'eigenhändig\nzu unterschreiben',
      range: { start: { line: 1, column: 19, offset: 18 }, end: { line: 2, column: 18, offset: 47 } },
    });
    expect(f!.message).toContain('„eigenhändig zu unterschreiben“');
  });

  it('counts columns in UTF-16 code units', () => {
    const [f] = lint('Äöü 😀 ist schriftlich zu stellen.').findings;
    expect(f!.range.start.column).toBe('Äöü 😀 ist '.length + 1);
  });
});

describe('mitigations and exclusions', () => {
  it('cancels a finding when the mitigation is in the sentence', () => {
    expect(only({ patterns: [{ pattern: 'Papier' }], mitigations: [{ pattern: 'oder elektronisch' }] }, 'Auf Papier oder elektronisch.')).toEqual([]);
  });

  it('downgrades with the reason recorded', () => {
    const [f] = only({
      patterns: [{ pattern: 'Papier' }],
      mitigations: [{ pattern: 'auf Verlangen', effect: 'downgrade', severity: 'info', reason: 'nur auf Verlangen' }],
    }, 'Auf Verlangen auf Papier.');
    expect(f).toMatchObject({ severity: 'info', mitigatedBy: 'nur auf Verlangen' });
  });

  it('looks for absatz-window mitigations in the whole Absatz only', () => {
    const rule = { patterns: [{ pattern: 'Papier' }], mitigations: [{ pattern: 'Datensatz', window: 'absatz' as const }] };
    expect(only(rule, '## § 1\n\n(1) Auf Papier. Oder als Datensatz.')).toEqual([]);
    expect(only(rule, '## § 1\n\n(1) Auf Papier.\n\n(2) Oder als Datensatz.')).toHaveLength(1);
  });

  it('a pattern marked ignoreMitigations is never cancelled', () => {
    const rule = { patterns: [{ pattern: 'Papier', ignoreMitigations: true }], mitigations: [{ pattern: 'elektronisch' }] };
    expect(only(rule, 'Papier, nicht elektronisch.')).toHaveLength(1);
  });

  it('an exclusion that overlaps the match removes it; one elsewhere does not', () => {
    const rule = { patterns: [{ pattern: 'schriftlich' }], exclusions: [{ pattern: 'schriftlich Prüfung' }] };
    expect(only(rule, 'Die schriftliche Prüfung.')).toEqual([]);
    expect(only(rule, 'Schriftlich zu beantragen, dann die schriftliche Prüfung.')).toHaveLength(1);
  });

  it('all: needs every phrase in the same sentence and marks the first', () => {
    const rule = { patterns: [{ all: ['Nachweis', 'vorzulegen'] }] };
    expect(only(rule, 'Der Nachweis ist vorzulegen.').map((f) => f.excerpt)).toEqual(['Nachweis']);
    expect(only(rule, 'Der Nachweis. Er ist vorzulegen.')).toEqual([]);
  });
});

describe('options', () => {
  it('overrides severity and turns rules off', () => {
    const text = 'Der Antrag ist schriftlich zu stellen.';
    expect(lint(text, { rules: { schriftform: 'error' } }).findings[0]!.severity).toBe('error');
    expect(lint(text, { rules: { schriftform: 'off' } }).findings).toEqual([]);
  });

  it('offers the mechanical better wording as a suggestion, keeping the inflection', () => {
    const [f] = lint('Die schriftlichen Anträge.').findings;
    expect(f!.suggestions.map((s) => s.replacement)).toEqual(['schriftlichen oder elektronischen']);
  });

  it('builds docsUrl from a base URL', () => {
    const [f] = lint('Schriftlich.', { docsBaseUrl: 'https://example.test/regeln/{id}' }).findings;
    expect(f!.docsUrl).toBe('https://example.test/regeln/schriftform');
  });

  it('returns findings sorted by position', () => {
    const offsets = lint('Per Telefax. Schriftlich. Auf Diskette.').findings.map((f) => f.range.start.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});

describe('the core is I/O-free', () => {
  it('imports no Node built-in module', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const offenders = walk(join(import.meta.dirname, '../src'))
      .filter((f) => /from ['"](node:|fs|path|child_process|os|worker_threads|http)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
