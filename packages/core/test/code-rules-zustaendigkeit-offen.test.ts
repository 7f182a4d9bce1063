import { describe, expect, it } from 'vitest';
import { builtinRules, lint } from '../src/index.js';

function findings(text: string) {
  const off = Object.fromEntries(builtinRules.filter((r) => r.id !== 'zustaendigkeit-offen').map((r) => [r.id, 'off' as const]));
  return lint(text, { rules: off }).findings;
}
const excerpts = (text: string) => findings(text).map((f) => f.excerpt);

const draft = (...paragraphs: string[]) => paragraphs.map((p, i) => `§ ${i + 1} Vorschrift\n\n${p}`).join('\n\n');

describe('zustaendigkeit-offen', () => {
  it('reports once, at the first mention, and lists the others as related places', () => {
    const result = findings(draft(
      'Die zuständige Behörde kann Ausnahmen zulassen.',
      'Der Betreiber hat der zuständigen Behörde jede Änderung anzuzeigen.',
      'Die zuständigen Behörden überwachen die Einhaltung.',
    ));
    expect(result.map((f) => [f.excerpt, f.unit])).toEqual([['zuständige Behörde', '§ 1 Satz 1']]);
    expect(result[0]!.relatedInformation?.map((r) => r.range.start.line)).toEqual([7, 11]);
  });

  it('needs at least three mentions that give the authority tasks', () => {
    expect(excerpts(draft('Die zuständige Behörde kann Ausnahmen zulassen.'))).toEqual([]);
    expect(excerpts(draft('Die zuständige Behörde kann Ausnahmen zulassen.', 'Sie ist der zuständigen Behörde anzuzeigen.'))).toEqual([]);
  });

  it('is quiet when any provision assigns competence', () => {
    const tasks = [
      'Die zuständige Behörde kann Ausnahmen zulassen.', 'Die zuständige Behörde überwacht die Einhaltung.',
      'Änderungen sind der zuständigen Behörde anzuzeigen.',
    ];
    expect(excerpts(draft(...tasks, 'Zuständige Behörde im Sinne dieses Gesetzes ist das Bundesamt für Justiz.'))).toEqual([]);
    expect(excerpts(draft(...tasks, 'Für die Ausführung ist das Bundesamt zuständig.'))).toEqual([]);
    expect(excerpts(draft(...tasks, 'Zuständige Behörde für die Beurteilung der Waffen nach Absatz 1 ist das Bundeskriminalamt.'))).toEqual([]);
    expect(excerpts(draft(...tasks, 'Die Landesregierungen bestimmen durch Rechtsverordnung die zuständigen Behörden.'))).toEqual([]);
    expect(excerpts(draft(...tasks, 'Die Landesregierungen werden ermächtigt, die zuständige Behörde abweichend von Satz 2 zu bestimmen.'))).toEqual([]);
    expect(excerpts(`${draft(...tasks)}\n\n§ 9 Zuständigkeit\n\nDas Nähere regelt das Land.`)).toEqual([]);
  });

  it('never fires on the deliberate formula or on qualified mentions', () => {
    expect(excerpts(draft('Die nach Landesrecht zuständige Behörde kann Ausnahmen zulassen.', 'Die nach Landesrecht zuständige Behörde überwacht.', 'Die zuständige Behörde prüft.'))).toEqual([]);
    expect(excerpts(draft('Die nach § 5 zuständige Behörde kann Ausnahmen zulassen.', 'Die für den Wohnort zuständige Behörde überwacht.'))).toEqual([]);
    expect(excerpts(draft('Der Antrag geht an die zuständige Behörde nach § 5.', 'Sie unterrichtet die zuständige Behörde des Landes.'))).toEqual([]);
  });

  it('does not count penalty provisions and foreign authorities', () => {
    expect(excerpts(draft(
      'Ordnungswidrig handelt, wer der zuständigen Behörde eine Anzeige nicht erstattet oder der zuständigen Behörde nichts mitteilt.',
    ))).toEqual([]);
    expect(excerpts(draft(
      'Die Bescheinigung wird von der zuständigen Behörde des Herkunftsmitgliedstaats ausgestellt.',
      'Sie ist von den zuständigen Behörden anderer Mitgliedstaaten anzuerkennen.',
    ))).toEqual([]);
  });

  it('reads only whole drafts: a text without §§ is an excerpt', () => {
    expect(excerpts('Die zuständige Behörde kann Ausnahmen zulassen. Die zuständige Behörde überwacht.')).toEqual([]);
  });

  it('reads „… für die die Bundesanstalt die zuständige Behörde ist“ as an assignment', () => {
    expect(excerpts(draft(
      'Anzeigen von Instituten, für die die Bundesanstalt die zuständige Behörde ist, sind einzureichen.',
      'Die zuständige Behörde prüft die Anzeigen.',
      'Die zuständige Behörde kann Auskünfte verlangen.',
    ))).toEqual([]);
  });

  it('does not count acts of other authorities or authorities qualified before „jeweils“', () => {
    expect(excerpts(draft(
      'Der Anzeige sind Kopien der von den zuständigen Behörden erteilten Erlaubnisse beizufügen.',
      'Beizufügen ist eine von der zuständigen Behörde ausgestellte Bescheinigung.',
    ))).toEqual([]);
    expect(excerpts(draft(
      'Die für die Stützungsregelungen jeweils zuständigen Behörden übermitteln die Daten.',
      'Die für die Prämien jeweils zuständigen Behörden teilen die Summe mit.',
    ))).toEqual([]);
  });

  it('does not count the title of a cited EU act', () => {
    expect(excerpts(draft(
      'Maßgeblich ist die Verordnung über den Inhalt der Meldungen, die den zuständigen Behörden zu übermitteln sind (ABl. L 173 vom 12.6.2014, S. 1).',
      'Es gilt die Verordnung über Meldungen an die zuständigen Behörden (ABl. L 87 vom 31.3.2017, S. 1).',
    ))).toEqual([]);
  });
});
