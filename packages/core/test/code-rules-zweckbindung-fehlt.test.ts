import { describe, expect, it } from 'vitest';
import { builtinRules, IncrementalLinter, lint } from '../src/index.js';

function excerpts(text: string): string[] {
  const off = Object.fromEntries(builtinRules.filter((r) => r.id !== 'zweckbindung-fehlt').map((r) => [r.id, 'off' as const]));
  return lint(text, { rules: off }).findings.map((f) => f.excerpt);
}
const paragraph = (body: string) => `§ 7 Daten\n\n${body}`;

describe('zweckbindung-fehlt', () => {
  it('reports processing of personal data without a purpose, on the verb, once per §', () => {
    expect(excerpts(paragraph('(1) Die Kasse darf personenbezogene Daten der Versicherten speichern.\n\n(2) Sie darf Sozialdaten übermitteln.')))
      .toEqual(['speichern']);
    expect(excerpts(paragraph('Die Fingerabdrücke werden im Chip des Dokuments gespeichert.'))).toEqual(['gespeichert']);
    expect(excerpts(paragraph('In der Rolle sind folgende personenbezogene Daten zu speichern: Name, Anschrift.'))).toEqual(['speichern']);
  });

  it('is quiet when the § names a purpose, also in another Absatz', () => {
    expect(excerpts(paragraph('(1) Die Kasse darf personenbezogene Daten speichern.\n\n(2) Die Daten dürfen nur zur Prüfung des Anspruchs verwendet werden.'))).toEqual([]);
    expect(excerpts(paragraph('Die Kasse darf zu diesem Zweck personenbezogene Daten erheben.'))).toEqual([]);
    expect(excerpts(paragraph('Die Kasse darf personenbezogene Daten erheben, soweit dies erforderlich ist.'))).toEqual([]);
    expect(excerpts(paragraph('Die Kasse darf personenbezogene Daten erheben, um den Anspruch zu prüfen.'))).toEqual([]);
  });

  it('is quiet when the sentence refers to another provision that may carry the purpose', () => {
    expect(excerpts(paragraph('Der Dienst darf personenbezogene Daten nach § 19 des Bundesverfassungsschutzgesetzes übermitteln.'))).toEqual([]);
  });

  it('ignores data that is only described, forbidden, deleted or merely declared applicable', () => {
    expect(excerpts(paragraph('Die Person darf die gespeicherten personenbezogenen Daten anfordern.'))).toEqual([]);
    expect(excerpts(paragraph('Personenbezogene Daten, die gespeichert sind, bleiben in der Akte.'))).toEqual([]);
    expect(excerpts(paragraph('Personenbezogene Daten dürfen nicht übermittelt werden.'))).toEqual([]);
    expect(excerpts(paragraph('Die gespeicherten personenbezogenen Daten sind nach einem Jahr zu löschen.'))).toEqual([]);
    expect(excerpts(paragraph('Auf personenbezogene Daten, die übermittelt werden, ist Teil 3 anzuwenden.'))).toEqual([]);
  });

  it('needs personal data: other data and „persönliche Daten“ in everyday sense do not count', () => {
    expect(excerpts(paragraph('Die Betreiber übermitteln die Messdaten an das Bundesamt.'))).toEqual([]);
  });

  it('reads only §§: a text without §§ is an excerpt', () => {
    expect(excerpts('Die Kasse darf personenbezogene Daten der Versicherten speichern.')).toEqual([]);
  });

  it('gives in an editor (IncrementalLinter, re-run only for the changed part) what lint() gives', () => {
    const linter = new IncrementalLinter();
    let text: string = '§ 1 Daten\n\nDie Kasse darf personenbezogene Daten speichern.\n\n§ 2 Übermittlung\n\nSie darf Sozialdaten übermitteln.';
    for (const edit of [(t: string) => t, (t) => t.replace('Sie darf', 'Zur Prüfung des Anspruchs darf sie'), (t) => t.replace('§ 1 Daten\n\n', '§ 1 Daten\n\n(1) Zu diesem Zweck gilt Folgendes.\n\n(2) ')]) {
      text = edit(text);
      expect(JSON.stringify(linter.lint(text))).toBe(JSON.stringify(lint(text)));
    }
  });
});
