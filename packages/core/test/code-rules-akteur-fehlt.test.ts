import { describe, expect, it } from 'vitest';
import { builtinRules, lint } from '../src/index.js';

/** Excerpts of the rule's findings in a draft, every other rule switched off. */
function excerpts(text: string): string[] {
  const off = Object.fromEntries(builtinRules.filter((r) => r.id !== 'akteur-fehlt').map((r) => [r.id, 'off' as const]));
  return lint(text, { rules: off }).findings.map((f) => f.excerpt.replace(/\s+/g, ' '));
}

describe('akteur-fehlt', () => {
  it('reports a passive step when the Absatz names nobody', () => {
    expect(excerpts('§ 3 Prüfung\n\n(1) Der Antrag ist unverzüglich zu prüfen.')).toEqual(['zu prüfen']);
  });

  it('reports separable infinitives and „bekannt zu machen“', () => {
    expect(excerpts('Die Änderung ist mitzuteilen.')).toEqual(['mitzuteilen']);
    expect(excerpts('Die Ablehnung ist im Internet bekannt zu machen.')).toEqual(['bekannt zu machen']);
  });

  it('is quiet when any actor appears in the Absatz, also in another sentence', () => {
    expect(excerpts('Die Daten sind von der Meldebehörde zu übermitteln.')).toEqual([]);
    expect(excerpts('(2) Der Arbeitgeber führt ein Verzeichnis. Änderungen sind mitzuteilen.')).toEqual([]);
    expect(excerpts('Der Antrag ist amtlich zu prüfen.')).toEqual([]);
  });

  it('looks only at the Absatz: an actor in the Absatz before does not count', () => {
    const text = '§ 3 Prüfung\n\n(1) Die Behörde prüft den Antrag.\n\n(2) Das Ergebnis ist mitzuteilen.';
    expect(excerpts(text)).toEqual(['mitzuteilen']);
  });

  it('counts a step once per sentence', () => {
    expect(excerpts('Der Antrag ist zu prüfen und das Ergebnis mitzuteilen.')).toEqual(['zu prüfen']);
  });

  it('ignores verbs that are no procedural step and data that is only kept or deleted', () => {
    expect(excerpts('Die Vorschriften sind entsprechend anzuwenden.')).toEqual([]);
    expect(excerpts('Die Daten sind nach sechs Monaten zu löschen.')).toEqual([]);
    expect(excerpts('Die Unterlagen sind zehn Jahre aufzubewahren.')).toEqual([]);
  });

  it('is quiet when „ist“ is no passive of obligation', () => {
    expect(excerpts('Es ist unzulässig, die Daten zu übermitteln.')).toEqual([]);
    expect(excerpts('Die Stelle ist befugt, die Daten zu übermitteln.')).toEqual([]);
    // the „sind“ ends a subordinate clause; the sentence has its actor as subject
    expect(excerpts('Änderungen, die erheblich sind, unverzüglich mitzuteilen.')).toEqual([]);
    expect(excerpts('Sie haben alle Änderungen, die erheblich sind, unverzüglich mitzuteilen.')).toEqual([]);
  });

  it('skips Anlagen of a draft with §§ and examination rules', () => {
    const anlage = '§ 1 Geltung\n\n(1) Die Behörde wendet die Anlage an.\n\n## Anlage 1\n\nDie Berechnungen sind täglich zu prüfen.';
    expect(excerpts(anlage)).toEqual([]);
    const exam = '§ 4 Prüfung\n\n(1) Der Prüfling soll nachweisen, dass er Abläufe steuern kann.\n\n(2) Dabei sind Maßnahmen zu dokumentieren.';
    expect(excerpts(exam)).toEqual([]);
  });

  it('accepts an agent named by „von/vom/durch“ with an article, a court judgment and the Verkündung', () => {
    expect(excerpts('Das Protokoll ist von den Prüfenden zu bestätigen.')).toEqual([]);
    expect(excerpts('Der Bericht ist vom Vorstand zu prüfen.')).toEqual([]);
    expect(excerpts('Die Öffentlichkeit ist bei der Aufstellung von Plänen zu beteiligen.')).toEqual(['zu beteiligen']);
    expect(excerpts('In dem Urteil ist auch über die Kosten des Verfahrens zu entscheiden.')).toEqual([]);
    expect(excerpts('Der Tag, an dem das Abkommen in Kraft tritt, ist im Bundesgesetzblatt bekanntzugeben.')).toEqual([]);
  });

  it('leaves the bound decision „ist zu erteilen, wenn …“ alone', () => {
    expect(excerpts('Die Erlaubnis ist zu erteilen, wenn die Voraussetzungen vorliegen.')).toEqual([]);
  });
});
