import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../src/index.js';
import { ensureCorpus } from './support/corpus.js';

/**
 * The amending-law fixture (Artikel 1 changes the Bundesmeldegesetz, Artikel 2 Inkrafttreten) against
 * the done-when of issue 7. Markers as in every fixture: `<!-- erwartet: ruleId -->` at the end of the
 * line on which a finding starts; `<!-- zusätzlich mit Ausgangstext: ruleId -->` marks findings that
 * only the run with the law in force (fixtures/amending/basis/bmg-auszug.markdown) can see.
 */
const root = join(import.meta.dirname, '../../..');
const FIXTURE = join(root, 'fixtures/amending/referentenentwurf-meldedigitalisierung.md');
const text = readFileSync(FIXTURE, 'utf8');
const BMG = readFileSync(join(root, 'fixtures/amending/basis/bmg-auszug.markdown'), 'utf8');

function marked(kind: 'erwartet' | 'zusätzlich mit Ausgangstext'): string[] {
  const marker = new RegExp(`<!--\\s*${kind}:\\s*([^>]*?)\\s*-->`);
  return text.split('\n').flatMap((line, i) => {
    const m = marker.exec(line);
    return m ? m[1]!.split(',').map((id) => `${i + 1}: ${id.trim()}`) : [];
  });
}

const OWN = new Set(['barriere-entfernt', 'aenderungsbefehl']);
/** Barrier findings in the sense of the Digitalcheck (principle 1, and documents the state has). */
const isBarrier = (f: Finding) => !OWN.has(f.ruleId) && (f.principle === 1 || f.ruleId === 'nachweis-vorlage');
const lines = (findings: Finding[]) => findings.map((f) => `${f.range.start.line}: ${f.ruleId}`).sort();

/** Quoted wording that an instruction removes or replaces: „…“ before „durch“ or „gestrichen“ (read independently of dclint). */
function removedQuotes(): Array<{ start: number; end: number; words: string }> {
  const out = [];
  for (const m of text.matchAll(/„([^„“]*)“(?=\s+(?:jeweils\s+)?durch\b|\s+(?:jeweils\s+)?gestrichen\b)/g)) {
    out.push({ start: m.index + 1, end: m.index + m[0].length - 1, words: m[1]! });
  }
  return out;
}

const runs = [
  { name: 'without base text', options: {}, law: 'Bundesmeldegesetz', expected: marked('erwartet') },
  { name: 'with the BMG in force as base text', options: { baseTexts: { BMG } }, law: 'BMG', expected: [...marked('erwartet'), ...marked('zusätzlich mit Ausgangstext')] },
];

describe.each(runs)('amending-law fixture, $name', ({ options, law, expected }) => {
  const { findings } = lint(text, options);
  const article1 = text.indexOf('## Artikel 1');
  const article2 = text.indexOf('## Artikel 2');
  const inArticle1 = (f: Finding) => f.range.start.offset > article1 && f.range.start.offset < article2;

  it('has exactly the marked findings', () => {
    expect(lines(findings)).toEqual([...expected].sort());
  });

  it('no barrier finding points into removed or replaced quoted wording', () => {
    const removed = removedQuotes();
    expect(removed.map((q) => q.words.replace(/\s+/g, ' ').slice(0, 30))).toEqual([
      'schriftlich', 'eine schriftliche Meldebeschei', 'oder in elektronischer Form', 'übermittelt',
      'persönlich bei der Meldebehörd', 'oder mittels eines Identitätsb',
    ]);
    const inside = findings.filter(isBarrier)
      .filter((f) => removed.some((q) => f.range.start.offset < q.end && q.start < f.range.end.offset));
    expect(inside).toEqual([]);
  });

  it('every barrier an instruction introduces is found with both addresses and says so', () => {
    const introduced = findings.filter((f) => isBarrier(f) && inArticle1(f));
    expect(introduced.map((f) => f.range.start.line)).toEqual([49, 57, 62, 75]);
    for (const f of introduced) {
      expect(f.unit).toMatch(/^Artikel 1 Nr\. \d+( Buchst\. [a-z])?$/);
      expect(f.target?.law).toBe(law);
      expect(f.target?.unit).toMatch(/^§ \d+[a-z]? /);
      expect(f.message).toContain('führt diese Hürde ein');
    }
    expect(introduced.map((f) => [f.unit, f.target?.unit.replace(/ Satz \d+$/, '')])).toEqual([
      ['Artikel 1 Nr. 2 Buchst. b', '§ 18 Abs. 5'], ['Artikel 1 Nr. 3', '§ 23b Abs. 2'],
      ['Artikel 1 Nr. 4 Buchst. a', '§ 23 Abs. 3'], ['Artikel 1 Nr. 5', '§ 19 Abs. 2'],
    ]);
  });

  it('removed barriers are listed at info level with the removed barrier\'s principle', () => {
    const credits = findings.filter((f) => f.ruleId === 'barriere-entfernt');
    expect(credits.length).toBeGreaterThanOrEqual(4);
    for (const f of credits) {
      expect([f.severity, f.principle, f.target?.law]).toEqual(['info', 1, law]);
      expect(f.message).toMatch(/^Die Änderung beseitigt die Hürde „[^“]+“ \([a-z-]+\) in § \d+/);
    }
  });

  it('the closing Artikel and the Begründung are ordinary text', () => {
    expect(findings.filter((f) => f.range.start.offset > article2)).toEqual([]);
    const withReasons = lint(text, { ...options, parts: ['regelungstext', 'begruendung'] }).findings
      .filter((f) => f.unit.startsWith('Begründung'));
    expect(withReasons.some((f) => f.unit.startsWith('Begründung – Zu Artikel 1 Nummer 2'))).toBe(true);
  });
});

describe('the whole Bundesmeldegesetz of the corpus as base text', () => {
  it('gives the same findings as its excerpt', () => {
    const full = readFileSync(join(ensureCorpus(), 'b/bmg/index.md'), 'utf8');
    const withFull = lint(text, { baseTexts: { BMG: full } }).findings;
    const withExcerpt = lint(text, { baseTexts: { BMG } }).findings;
    expect(withFull.map((f) => [f.range.start.offset, f.ruleId, f.target, f.message])).toEqual(
      withExcerpt.map((f) => [f.range.start.offset, f.ruleId, f.target, f.message]),
    );
  });
});
