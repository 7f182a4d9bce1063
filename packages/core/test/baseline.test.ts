import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  applyBaseline, baselineKey, builtinRules, lint as lintAll, normaliseSentence, SentenceFingerprints, sha256Hex,
  type BaselineEntry,
} from '../src/index.js';

// Only the Schriftform rule, so that new catalogue rules do not change the expected findings.
const ONLY_SCHRIFTFORM = { rules: Object.fromEntries(builtinRules.filter((r) => r.id !== 'schriftform').map((r) => [r.id, 'off' as const])) };
const lint = (text: string) => lintAll(text, ONLY_SCHRIFTFORM);

/** Baseline entries for every finding of `text`, as `--write-baseline` records them. */
function entriesFor(text: string): BaselineEntry[] {
  const { findings, structure } = lint(text);
  const fp = new SentenceFingerprints(text, structure);
  return findings.map((f) => ({
    file: 'entwurf.md', ...baselineKey(f, fp.hashAt(f.range.start.offset)), author: 'Referat', date: '2026-01-01', reason: 'gewollt',
  }));
}

function match(text: string, entries: BaselineEntry[]) {
  const { findings, structure } = lint(text);
  const fp = new SentenceFingerprints(text, structure);
  return applyBaseline(findings, findings.map((f) => fp.hashAt(f.range.start.offset)), entries);
}

const ORIGINAL = `## § 3 Antrag

(1) Der Antrag ist schriftlich bei der zuständigen Behörde zu stellen.

(2) Dem Antrag sind beizufügen:

1. eine Geburtsurkunde,
2. eine schriftliche Erklärung des anderen Elternteils.
`;

describe('sha256Hex', () => {
  it('equals node:crypto for ASCII, umlauts, astral characters and long input', () => {
    for (const s of ['', 'abc', 'Schriftform § 126 BGB – äöüß', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀', 'x'.repeat(1000)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});

describe('normaliseSentence', () => {
  it('drops line breaks, emphasis and soft hyphens', () => {
    expect(normaliseSentence('Der *Antrag* ist\n   schrift\u00adlich  zu stellen.')).toBe('Der Antrag ist schriftlich zu stellen.');
  });
});

describe('baseline matching', () => {
  const entries = entriesFor(ORIGINAL);

  it('accepts every finding of the unchanged draft, with the recorded reason', () => {
    expect(entries.map((e) => `${e.ruleId} ${e.unit}`)).toEqual([
      'schriftform § 3 Abs. 1 Satz 1', 'schriftform § 3 Abs. 2 Satz 1 Nr. 2',
    ]);
    const m = match(ORIGINAL, entries);
    expect(m.findings).toEqual([]);
    expect(m.unmatched).toEqual([]);
    expect(m.suppressed.map((f) => f.suppressed)).toEqual([
      { kind: 'baseline', justification: 'gewollt' }, { kind: 'baseline', justification: 'gewollt' },
    ]);
  });

  it('survives added lines before the findings', () => {
    const m = match(`## § 1 Zweck\n\nDieses Gesetz regelt das Familienstartgeld.\n\n${ORIGINAL}`, entries);
    expect(m.findings).toEqual([]);
    expect(m.unmatched).toEqual([]);
  });

  it('survives reflowed text', () => {
    const reflowed = ORIGINAL.replace('schriftlich bei der zuständigen Behörde zu stellen', 'schriftlich bei der\nzuständigen   Behörde\nzu stellen');
    const m = match(reflowed, entries);
    expect(m.findings).toEqual([]);
    expect(m.unmatched).toEqual([]);
  });

  it('survives renumbered Absätze and Nummern (a Nummer is hashed on its own)', () => {
    const renumbered = ORIGINAL
      .replace('(2) Dem Antrag', '(3) Dem Antrag')
      .replace('(1) Der Antrag', '(1) Zuständig ist die Familienkasse.\n\n(2) Der Antrag')
      .replace('2. eine schriftliche', '3. eine schriftliche')
      .replace('1. eine Geburtsurkunde,', '1. eine Geburtsurkunde,\n2. ein Nachweis über den Wohnsitz,');
    const { findings } = lint(renumbered);
    expect(findings.map((f) => f.unit)).toEqual(['§ 3 Abs. 2 Satz 1', '§ 3 Abs. 3 Satz 1 Nr. 3']);
    const m = match(renumbered, entries);
    expect(m.findings).toEqual([]);
    expect(m.unmatched).toEqual([]);
  });

  it('hashes the Nummer without its label, the intro without the Nummern', () => {
    const { findings, structure } = lint(ORIGINAL);
    const fp = new SentenceFingerprints(ORIGINAL, structure);
    const at = (offset: number) => normaliseSentence(fp.sentenceTextAt(offset));
    expect(at(findings[1]!.range.start.offset)).toBe('eine schriftliche Erklärung des anderen Elternteils.');
    expect(at(ORIGINAL.indexOf('beizufügen'))).toBe('Dem Antrag sind beizufügen:');
    expect(at(ORIGINAL.indexOf('Geburtsurkunde'))).toBe('eine Geburtsurkunde,');
  });

  it('does not accept a changed sentence, and reports its entry as unmatched', () => {
    const changed = ORIGINAL.replace('bei der zuständigen Behörde', 'bei der Familienkasse');
    const m = match(changed, entries);
    expect(m.findings.map((f) => f.unit)).toEqual(['§ 3 Abs. 1 Satz 1']);
    expect(m.unmatched.map((e) => e.unit)).toEqual(['§ 3 Abs. 1 Satz 1']);
  });

  it('accepts each entry once: a second identical sentence is a new finding', () => {
    const doubled = `${ORIGINAL}\n## § 4 Widerspruch\n\n(1) Der Antrag ist schriftlich bei der zuständigen Behörde zu stellen.\n`;
    const m = match(doubled, entries);
    expect(m.findings.map((f) => f.unit)).toEqual(['§ 4 Abs. 1 Satz 1']);
  });

  it('prefers the entry with the same legal unit when the sentence occurs twice', () => {
    const twice = `## § 3 A\n\n(1) Der Antrag ist schriftlich zu stellen.\n\n## § 4 B\n\n(1) Der Antrag ist schriftlich zu stellen.\n`;
    const all = entriesFor(twice).map((e, i) => ({ ...e, reason: `Grund ${i + 1}` }));
    const m = match(twice, [all[1]!, all[0]!]);
    expect(m.suppressed.map((f) => `${f.unit}: ${f.suppressed!.justification}`)).toEqual([
      '§ 3 Abs. 1 Satz 1: Grund 1', '§ 4 Abs. 1 Satz 1: Grund 2',
    ]);
  });
});
