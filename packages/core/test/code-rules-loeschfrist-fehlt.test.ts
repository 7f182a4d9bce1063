import { describe, expect, it } from 'vitest';
import { builtinRules, lint } from '../src/index.js';

function findings(text: string) {
  const off = Object.fromEntries(builtinRules.filter((r) => r.id !== 'loeschfrist-fehlt').map((r) => [r.id, 'off' as const]));
  return lint(text, { rules: off }).findings;
}
const excerpts = (text: string) => findings(text).map((f) => f.excerpt);

const storage = '§ 3 Register\n\n(1) Die Registerbehörde speichert Familienname, Vornamen und Geburtsdatum der Inhaber.';

describe('loeschfrist-fehlt', () => {
  it('reports a draft that stores personal data and never deletes it, once, at the first storage', () => {
    const result = findings(`${storage}\n\n§ 4 Übermittlung\n\nPersonenbezogene Daten dürfen im Register gespeichert werden.`);
    expect(result.map((f) => [f.excerpt, f.unit])).toEqual([['speichert', '§ 3 Abs. 1 Satz 1']]);
  });

  it('is quiet when the draft deletes anywhere, also without a period', () => {
    expect(excerpts(`${storage}\n\n§ 9 Löschung\n\nDie Daten sind fünf Jahre nach dem Tod zu löschen.`)).toEqual([]);
    expect(excerpts(`${storage}\n\n§ 9 Löschung\n\nDie Daten sind zu löschen, sobald sie nicht mehr erforderlich sind.`)).toEqual([]);
    expect(excerpts(`${storage}\n\n§ 9 Aufbewahrung\n\nDie Unterlagen sind zehn Jahre aufzubewahren.`)).toEqual([]);
    expect(excerpts(`${storage}\n\n§ 9 Rechte\n\nArtikel 17 der Verordnung (EU) 2016/679 bleibt unberührt.`)).toEqual([]);
  });

  it('„erlöschen“ is no deletion', () => {
    expect(excerpts(`${storage}\n\n§ 9 Erlöschen\n\nDie Erlaubnis erlischt mit dem Tod des Inhabers.`)).toEqual(['speichert']);
  });

  it('ignores storage of other data and data that is only described as stored', () => {
    expect(excerpts('§ 3 Register\n\nDie Registerbehörde speichert die Messwerte der Anlagen.')).toEqual([]);
    expect(excerpts('§ 3 Abruf\n\nDie Behörde darf die nach § 2 gespeicherten personenbezogenen Daten abrufen.')).toEqual([]);
  });

  it('reads only whole drafts: a text without §§ is an excerpt', () => {
    expect(excerpts('Die Registerbehörde speichert Familienname, Vornamen und Geburtsdatum der Inhaber.')).toEqual([]);
  });
});
