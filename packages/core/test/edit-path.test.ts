import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IncrementalLinter, lint, type LintOptions } from '../src/index.js';
import type { Previous } from '../src/incremental/edit.js';
import { corpusMissing, corpusSample } from './support/corpus-sample.js';

// The short path of the IncrementalLinter (incremental/edit.ts): typing in the prose of a § re-lints that §.

/** What the linter left for its next version (private: read here to see which path an edit takes). */
const previousOf = (linter: IncrementalLinter) => (linter as unknown as { previous: Previous }).previous;

/** Lints `text` both ways; returns whether the short path took it (it moves the previous document in place). */
function step(linter: IncrementalLinter, text: string, options: LintOptions = {}): boolean {
  const before = previousOf(linter).record.doc.units;
  expect(JSON.stringify(linter.lint(text, options))).toBe(JSON.stringify(lint(text, options)));
  return previousOf(linter).record.doc.units === before;
}

const DRAFT = [
  '# Gesetz über das Familienstartgeld', '', '## § 1 Begriffsbestimmungen', '',
  'Familie im Sinne dieses Gesetzes ist jede Gemeinschaft, in der Eltern für Kinder Verantwortung tragen.', '',
  '## § 2 Antrag', '',
  '(1) Der Antrag ist schriftlich bei der zuständigen Behörde zu stellen. Die zuständige Behörde prüft den Antrag.', '',
  '(2) Dem Antrag sind beizufügen:', '', '1.  die Geburtsurkunde des Kindes im Original,', '2.  eine Meldebescheinigung und',
  '3.  ein Nachweis über das Einkommen der Familie.', '',
  '## § 3 Verfahren', '',
  'Die zuständige Behörde speichert den Familiennamen und die Vornamen der antragstellenden Person.',
  'Die Entscheidung wird per Post übersandt und die Daten sind zu übermitteln.', '',
  'Es gilt die Frist nach Abs. Sechs Wochen nach Eingang entscheidet die Behörde.', '',
  '## § 4 Portal', '', 'Der Bund richtet ein Portal ein, über das der Antrag gestellt werden kann und gestellt wird.', '',
].join('\n');

const insert = (text: string, needle: string, what: string) => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`„${needle}“ fehlt`);
  return text.slice(0, at + needle.length) + what + text.slice(at + needle.length);
};

describe('IncrementalLinter, short path for typing', () => {
  it('takes edits in the prose of a § and gives what lint() gives, also where rules about the whole draft change', () => {
    const linter = new IncrementalLinter();
    let text = DRAFT;
    linter.lint(text);
    const edits: Array<(t: string) => string> = [
      (t) => insert(t, 'Der Antrag ist schriftlich', ' oder elektronisch'), // a barrier goes
      (t) => t.replace(' oder elektronisch', ''), // and comes back
      (t) => insert(t, 'Die Entscheidung wird per Post', ' oder per Telefax'),
      (t) => insert(t, 'der antragstellenden Person', ' und löscht sie nach Ablauf'), // loeschfrist-fehlt goes
      (t) => t.replace(' und löscht sie nach Ablauf', ''),
      (t) => insert(t, 'über das der Antrag gestellt werden kann', ' und das barrierefrei ist'), // barrierefreiheit goes
      (t) => t.replace(' und das barrierefrei ist', ''),
      (t) => insert(t, 'Die zuständige Behörde prüft', ' und die zuständige Behörde entscheidet'), // a third mention
      (t) => insert(t, 'Verantwortung tragen', ' und Kinder versorgen'), // inside a definition
      (t) => t.replace('Familie im Sinne', 'Familien im Sinne'),
      (t) => insert(t, '## § 3 Verfa', 'x'), // the title of a §
      (t) => t.replace('\nDie Entscheidung wird per Post', '\n  Die Entscheidung wird per Post'), // a line that goes on a paragraph
      (t) => t.replace('## § 2 Antrag', '## § 2 Zuständigkeit'), // zustaendigkeit-offen goes: a title names it
      (t) => t.replace('## § 2 Zuständigkeit', '## § 2 Antrag'),
      (t) => t.replace('nach Abs. Sechs', 'nach Ab. Sechs'), // „Ab.“ is no abbreviation: now two sentences
      (t) => t.replace('nach Ab. Sechs', 'nach Abs. Sechs'),
    ];
    const short = edits.map((edit) => step(linter, (text = edit(text))));
    expect(short).toEqual(edits.map(() => true));
  });

  it('leaves every edit that could change the structure to the full path, with the same result', () => {
    const cases: Array<[string, (t: string) => string]> = [
      ['the number of a §', (t) => insert(t, '## § 3', 'a')],
      ['a new Artikel', (t) => `# Artikel 1 Familienstartgeld\n\n${t}`.replace('Artikel 1 Familien', 'Artikel 1 Familiex')],
      ['a new §', (t) => insert(t, 'gestellt wird.\n', '\n## § 5 Neu\n\nDer Antrag ist schriftlich zu stellen.\n')],
      ['a label', (t) => t.replace('(2) Dem', '(2)Dem')],
      ['a list marker', (t) => t.replace('2.  eine', '2  eine')],
      ['a blank line filled', (t) => t.replace('Einkommen der Familie.\n\n', 'Einkommen der Familie.\nx\n')],
      ['punctuation', (t) => insert(t, 'Die zuständige Behörde prüft den Antrag', '. Sie')],
      ['a line break', (t) => insert(t, 'Die Entscheidung wird', '\n')],
      ['a directive', (t) => insert(t, '(1) Der Antrag', ' <!-- dclint-disable-line schriftform -- Formzwang des BGB -->')],
      ['the indentation of a paragraph', (t) => t.replace('Die zuständige Behörde speichert', '    Die zuständige Behörde speichert')],
    ];
    for (const [what, edit] of cases) {
      const linter = new IncrementalLinter();
      linter.lint(DRAFT);
      expect(step(linter, edit(DRAFT)), what).toBe(false);
    }
  });

  it('leaves amending laws to the full path', () => {
    const text = readFileSync(new URL('../../../fixtures/amending/referentenentwurf-meldedigitalisierung.md', import.meta.url), 'utf8');
    const linter = new IncrementalLinter();
    linter.lint(text);
    const at = text.indexOf('elektronisch');
    expect(step(linter, text.slice(0, at) + 'x' + text.slice(at))).toBe(false);
  });

  it.skipIf(corpusMissing)('gives what lint() gives along random typing in laws of the corpus (seeded), mostly on the short path', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let short = 0;
    let edits = 0;
    for (const file of corpusSample(40, 23).filter((f) => readFileSync(f).length < 150_000).slice(0, 5)) {
      let text = readFileSync(file, 'utf8');
      const linter = new IncrementalLinter();
      linter.lint(text);
      for (let i = 0; i < 15; i++) {
        const at = Math.floor(random() * text.length);
        const kind = random();
        if (kind < 0.6) text = text.slice(0, at) + 'abcdefghijklmnopqrstuvwxyzäöüß '[Math.floor(random() * 31)] + text.slice(at);
        else if (kind < 0.85) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
        else text = text.slice(0, at) + [' schriftlich', ' per Post', ' gelöscht', ' zuständige Behörde', '.', '\n', '# '][Math.floor(random() * 7)] + text.slice(at);
        if (step(linter, text)) short++;
        edits++;
      }
    }
    expect(short / edits).toBeGreaterThan(0.5);
  }, 300_000);
});
