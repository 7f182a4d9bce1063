import { describe, expect, it } from 'vitest';
import { builtinRules, IncrementalLinter, lint } from '../src/index.js';

function excerpts(text: string): string[] {
  const off = Object.fromEntries(builtinRules.filter((r) => r.id !== 'unbestimmter-rechtsbegriff').map((r) => [r.id, 'off' as const]));
  return lint(text, { rules: off }).findings.map((f) => f.excerpt);
}

describe('unbestimmter-rechtsbegriff: „unverzüglich“ where an authority acts', () => {
  it('reports an authority as subject, also after the finite verb', () => {
    expect(excerpts('Die zuständige Behörde teilt dem Antragsteller unverzüglich mit, welche Unterlagen fehlen.')).toEqual(['unverzüglich']);
    expect(excerpts('Ist der Antrag unvollständig, teilt die Behörde unverzüglich mit, was fehlt.')).toEqual(['unverzüglich']);
    expect(excerpts('Das Bundesamt unterrichtet die Länder unverzüglich.')).toEqual(['unverzüglich']);
    expect(excerpts('Die Meldebehörden übermitteln die Daten unverzüglich.')).toEqual(['unverzüglich']);
  });

  it('reports an authority as agent of a passive', () => {
    expect(excerpts('Die Daten sind vom Luftfahrt-Bundesamt unverzüglich zu löschen.')).toEqual(['unverzüglich']);
    expect(excerpts('Die Öffentlichkeit ist von der zuständigen Behörde unverzüglich zu unterrichten.')).toEqual(['unverzüglich']);
  });

  it('is quiet when a citizen or business must act, even towards an authority', () => {
    expect(excerpts('Der Arbeitgeber hat der zuständigen Behörde unverzüglich anzuzeigen, wenn …')).toEqual([]);
    expect(excerpts('Der Arbeitgeber hat die Behörde unverzüglich zu unterrichten.')).toEqual([]);
    expect(excerpts('Die Stipendiaten haben Änderungen unverzüglich mitzuteilen.')).toEqual([]);
  });

  it('is quiet on a passive without an agent (akteur-fehlt covers the missing actor)', () => {
    expect(excerpts('Die Änderung ist unverzüglich mitzuteilen.')).toEqual([]);
  });

  it('checks gender: „der Behörde“ is a dative, „der Bundesminister“ a subject', () => {
    expect(excerpts('Der Betreiber teilt der Behörde unverzüglich jede Änderung mit.')).toEqual([]);
    expect(excerpts('Der Bundesminister unterrichtet den Bundestag unverzüglich.')).toEqual(['unverzüglich']);
  });
});

describe('unbestimmter-rechtsbegriff: vague terms', () => {
  it('reports the terms of the catalogue', () => {
    expect(excerpts('Die Frist kann angemessen verlängert werden.')).toEqual([]); // „Frist“ in the sentence: measured elsewhere
    expect(excerpts('Die Vergütung muss angemessen sein.')).toEqual(['angemessen']);
    expect(excerpts('Das Amt entscheidet zeitnah.')).toEqual(['zeitnah']);
    expect(excerpts('Die Daten sind in geeigneter Weise zu sichern.')).toEqual(['in geeigneter Weise']);
  });

  it('is quiet when objective criteria follow', () => {
    expect(excerpts('Die Zuverlässigkeit liegt in der Regel nicht vor, wenn der Antragsteller verurteilt ist.')).toEqual([]);
    expect(excerpts('Der Plan ist rechtzeitig, spätestens zwei Wochen vor Beginn, anzuzeigen.')).toEqual([]);
    expect(excerpts('Ordnungswidrig handelt, wer eine Angabe nicht rechtzeitig macht.')).toEqual([]);
  });

  it('gives in an editor (IncrementalLinter, re-run only for the changed part) what lint() gives', () => {
    const linter = new IncrementalLinter();
    let text: string = '§ 1 Mitteilung\n\nDie Behörde teilt die Entscheidung unverzüglich mit.\n\n§ 2 Pflichten\n\nDer Arbeitgeber hat der Behörde unverzüglich anzuzeigen.';
    for (const edit of [(t: string) => t, (t) => t.replace('Der Arbeitgeber hat der Behörde', 'Das Bundesamt hat die Länder'), (t) => t.replace('Die Behörde teilt', 'Der Betrieb teilt')]) {
      text = edit(text);
      expect(JSON.stringify(linter.lint(text))).toBe(JSON.stringify(lint(text)));
    }
  });
});
