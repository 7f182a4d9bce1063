import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeRules, IncrementalLinter, lint, type LintOptions, type RuleDefinition } from '../src/index.js';
import type { CodeRule } from '../src/code-rules/index.js';
import { corpusMissing, corpusSample } from './support/corpus-sample.js';

const repoRoot = join(import.meta.dirname, '../../..');

/** Edits one version after another; after each, the incremental result must equal a fresh lint(). */
function expectSameAlong(start: string, edits: Array<(text: string) => string>, options: LintOptions = {}): number {
  const linter = new IncrementalLinter();
  let text = start;
  let findings = 0;
  for (const edit of [(t: string) => t, ...edits]) {
    text = edit(text);
    const incremental = linter.lint(text, options);
    expect(JSON.stringify(incremental)).toBe(JSON.stringify(lint(text, options)));
    findings += incremental.findings.length;
  }
  return findings;
}

const insertAt = (needle: string, insert: string, after = true) => (text: string) => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`„${needle}“ fehlt`);
  const pos = after ? at + needle.length : at;
  return text.slice(0, pos) + insert + text.slice(pos);
};
const replace = (from: string, to: string) => (text: string) => text.replace(from, to);

const DRAFT = [
  '# Gesetz über das Familienstartgeld', '', '## § 1 Antrag', '',
  '(1) Der Antrag ist schriftlich bei der zuständigen Stelle zu stellen.', '',
  '(2) Dem Antrag sind beizufügen:', '', '1.  die Geburtsurkunde,', '2.  eine Meldebescheinigung und',
  '3.  ein Nachweis über das Einkommen.', '', '## § 2 Verfahren', '',
  'Die antragstellende Person hat persönlich bei der Behörde zu erscheinen. Die Entscheidung wird per Post übersandt.', '',
  '## § 3 Bekanntgabe', '', 'Der Bescheid wird durch Aushang bekannt gemacht.', '',
].join('\n');

describe('IncrementalLinter', () => {
  it('gives what lint() gives after every edit: words, new §§, parts, Artikel, directives, HTML, tables', () => {
    const findings = expectSameAlong(DRAFT, [
      insertAt('schriftlich', ' oder elektronisch'),
      replace(' oder elektronisch', ''),
      insertAt('## § 3 Bekanntgabe', '## § 2a Neu\n\nDie Unterlagen sind im Original vorzulegen.\n\n', false),
      insertAt('(1) Der Antrag', '<!-- dclint-disable-next-line schriftform -- Formvorschrift des BGB -->\n', false),
      replace('<!-- dclint-disable-next-line schriftform -- Formvorschrift des BGB -->\n', ''),
      insertAt('## § 1 Antrag', '# Artikel 1\n\n', false),
      (t) => `${t}\n# Begründung\n\nDer Antrag ist schriftlich zu stellen, weil es so ist.\n`,
      insertAt('3.  ein Nachweis über das Einkommen.', '\n\n> Ein Zitat: der Antrag ist schriftlich zu stellen.\n\n| a | b |\n|---|---|\n| schriftlich | x |'),
      (t) => t.replace(/\n/g, '\r\n'),
      (t) => t.slice(0, 200) + t.slice(260),
      (t) => t.slice(0, 40),
    ]);
    expect(findings).toBeGreaterThan(20);
  });

  it('gives what lint() gives with other options, and for every part', () => {
    const options: LintOptions = { parts: ['regelungstext', 'begruendung', 'vorblatt'], rules: { schriftform: 'error', 'analoger-kanal': 'off' } };
    expectSameAlong(`${DRAFT}\n# Begründung\n\nZu § 1: schriftlich.\n`, [insertAt('Zu § 1: ', 'per Post und '), replace('## § 2 Verfahren', '## § 2')], options);
  });

  it('gives what lint() gives for an amending law (whose instruction words are masked)', () => {
    const file = join(repoRoot, 'fixtures/amending/referentenentwurf-meldedigitalisierung.md');
    const text = readFileSync(file, 'utf8');
    const middle = Math.floor(text.length / 2);
    expectSameAlong(text, [(t) => t.slice(0, middle) + ' schriftlich ' + t.slice(middle), (t) => t.replace('schriftlich', 'elektronisch')]);
  });

  describe('with a code rule that declares its scope', () => {
    const calls: number[] = [];
    const rule: RuleDefinition = {
      id: 'test-paragraph-scope', title: 'Test', principle: 1, aspect: '1.1', severity: 'warning', message: 'Test: {match}',
      explanation: 'Test', betterWording: 'Test', implementation: 'test-paragraph-scope', examples: { valid: [], invalid: [] },
    };
    // Reports the first word of each § that has "Antrag" in it: depends on its § only.
    const scoped: CodeRule = Object.assign(({ sentences }: Parameters<CodeRule>[0]) => {
      calls.push(sentences.length);
      const seen = new Set<unknown>();
      return sentences.flatMap((s) => {
        if (seen.has(s.unit.paragraph) || !s.tokens.some((t) => t.lower === 'antrag')) return [];
        seen.add(s.unit.paragraph);
        return [{ start: s.tokens[0]!.start, end: s.tokens[0]!.end, message: `§ mit Antrag: ${s.unit.paragraph?.label}` }];
      });
    }, { scope: 'paragraph' as const });
    afterEach(() => {
      delete codeRules['test-paragraph-scope'];
    });

    it('runs it again only for the § that changed, with the same result as lint()', () => {
      codeRules['test-paragraph-scope'] = scoped;
      const options: LintOptions = { extraRules: [rule] };
      const linter = new IncrementalLinter();
      expect(JSON.stringify(linter.lint(DRAFT, options))).toBe(JSON.stringify(lint(DRAFT, options)));
      calls.length = 0;
      const edited = insertAt('Die Entscheidung wird', ' über den Antrag', true)(DRAFT); // typing: the short path
      const result = linter.lint(edited, options);
      expect(calls).toEqual([2]); // only § 2, with its two sentences
      expect(JSON.stringify(result)).toBe(JSON.stringify(lint(edited, options)));
      expect(result.findings.filter((f) => f.ruleId === 'test-paragraph-scope').map((f) => f.unit)).toEqual(['§ 1 Abs. 1 Satz 1', '§ 2 Satz 2']);
    });
  });

  it.skipIf(corpusMissing)('gives what lint() gives along random edits of laws of the corpus (seeded)', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (const file of corpusSample(40, 11).filter((f) => readFileSync(f).length < 60_000).slice(0, 4)) {
      const text = readFileSync(file, 'utf8');
      const edits = Array.from({ length: 12 }, () => (t: string) => {
        const at = Math.floor(random() * t.length);
        return random() < 0.7 ? t.slice(0, at) + 'schriftlich '.slice(Math.floor(random() * 12)) + t.slice(at) : t.slice(0, at) + t.slice(at + 20);
      });
      expectSameAlong(text, edits);
    }
  }, 300_000);
});
