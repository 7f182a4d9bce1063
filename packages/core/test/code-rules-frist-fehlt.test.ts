import { describe, expect, it } from 'vitest';
import { builtinRules, IncrementalLinter, lint } from '../src/index.js';

function findings(text: string) {
  const off = Object.fromEntries(builtinRules.filter((r) => r.id !== 'frist-fehlt').map((r) => [r.id, 'off' as const]));
  return lint(text, { rules: off }).findings;
}
const excerpts = (text: string) => findings(text).map((f) => f.excerpt);

describe('frist-fehlt', () => {
  it('reports an application to an authority without any deadline in the §', () => {
    expect(excerpts('§ 18 Bescheinigung\n\n(1) Die Meldebehörde erteilt auf Antrag eine Bescheinigung.')).toEqual(['auf Antrag']);
    expect(excerpts('§ 4 Antrag\n\nDie Eintragung ist bei der Handwerkskammer zu beantragen.')).toEqual(['zu beantragen']);
    expect(excerpts('§ 7 Entscheidung\n\n(1) Die Kasse entscheidet über den Antrag auf Befreiung.')).toEqual(['entscheidet']);
  });

  it('reports once per §, at the first trigger, with the legal address', () => {
    const text = '§ 5 Erlaubnis\n\n(1) Die Behörde erteilt auf Antrag eine Erlaubnis.\n\n(2) Über den Antrag entscheidet die Behörde.';
    const result = findings(text);
    expect(result.map((f) => [f.excerpt, f.unit])).toEqual([['auf Antrag', '§ 5 Abs. 1 Satz 1']]);
  });

  it('is quiet when a deadline appears anywhere in the §', () => {
    const withDeadline = (sentence: string) =>
      excerpts(`§ 5 Erlaubnis\n\n(1) Die Behörde erteilt auf Antrag eine Erlaubnis.\n\n(2) ${sentence}`);
    expect(withDeadline('Sie entscheidet innerhalb von drei Monaten.')).toEqual([]);
    expect(withDeadline('Sie entscheidet binnen 14 Tagen.')).toEqual([]);
    expect(withDeadline('Die Frist nach § 42a des Verwaltungsverfahrensgesetzes gilt.')).toEqual([]);
    expect(withDeadline('Der Antrag ist bis zum 31. März zu stellen.')).toEqual([]);
    expect(withDeadline('Die Erlaubnis gilt nach Ablauf der Frist als erteilt.')).toEqual([]);
    expect(withDeadline('Sie entscheidet unverzüglich.')).toEqual([]);
  });

  it('a deadline in another § does not count', () => {
    const text = '§ 5 Erlaubnis\n\nDie Behörde erteilt auf Antrag eine Erlaubnis.\n\n§ 6 Frist\n\nDie Frist beträgt drei Monate.';
    expect(excerpts(text)).toEqual(['auf Antrag']);
  });

  it('needs a public body deciding, not a court, a committee or a private party', () => {
    expect(excerpts('§ 490 Entscheidung\n\n(1) Über den Antrag entscheidet das Gericht durch Beschluss.')).toEqual([]);
    expect(excerpts('§ 20 Ausschluss\n\n(4) Der Ausschuss entscheidet über den Antrag auf Ausschluss.')).toEqual([]);
    expect(excerpts('§ 3 Angebot\n\nDer Verkäufer erteilt auf Antrag eine Quittung.')).toEqual([]);
  });

  it('ignores mere mentions, the form of an application and general procedural rules', () => {
    expect(excerpts('§ 60 Angaben\n\nWer Sozialleistungen beantragt, hat der Behörde alle Tatsachen anzugeben.')).toEqual([]);
    expect(excerpts('§ 64 Form\n\nDer Antrag ist schriftlich oder elektronisch bei der Behörde zu stellen.')).toEqual([]);
    expect(excerpts('§ 22 Beginn\n\nDie Behörde muss von Amts wegen oder auf Antrag tätig werden.')).toEqual([]);
    expect(excerpts('§ 36 Handlungsfähigkeit\n\nWer 15 Jahre alt ist, kann bei der Behörde Anträge auf Sozialleistungen stellen.')).toEqual([]);
  });

  it('skips penalty provisions, delegations, fees and examinations', () => {
    expect(excerpts('§ 9 Bußgeld\n\nOrdnungswidrig handelt, wer der Behörde auf Antrag erteilte Auskünfte vorenthält.')).toEqual([]);
    expect(excerpts('§ 10 Verordnung\n\nDas Bundesministerium wird ermächtigt, durch Rechtsverordnung zu regeln, wann die Behörde auf Antrag Ausnahmen erteilt.')).toEqual([]);
    expect(excerpts('§ 11 Gebühren\n\nFür die auf Antrag erteilte Auskunft der Behörde wird eine Gebühr erhoben.')).toEqual([]);
    expect(excerpts('§ 12 Wiederholung\n\nDem Prüfling wird auf Antrag von der Behörde eine Wiederholung gestattet.')).toEqual([]);
  });

  it('reads only the § structure: a text without §§ is an excerpt and stays quiet', () => {
    expect(excerpts('Die Meldebehörde erteilt auf Antrag eine Bescheinigung.')).toEqual([]);
  });

  it('ignores the duty of a private party and nullity, which courts declare', () => {
    expect(excerpts('§ 57 Zugang\n\n(3) Gewährt ein Teilnehmer anderen das Recht, hat er auch weiteren Anbietern auf Antrag die gleiche Möglichkeit zu erteilen.')).toEqual([]);
    expect(excerpts('§ 6 Nichtigkeit\n\n(1) Das beim Patentamt eingetragene Patent wird auf Antrag für nichtig erklärt, wenn es nicht neu ist.')).toEqual([]);
  });

  it('ignores applications between Bund and Länder', () => {
    expect(excerpts('§ 11 Übernahme\n\nWerden auf Antrag eines Landes Bundesstraßen vom Bund übernommen, so erteilt das Bundesamt die Zustimmung.')).toEqual([]);
  });

  it('a right to apply is no obligation to apply', () => {
    expect(excerpts('§ 2013 Haftung\n\nDer Erbe ist nicht berechtigt, die Anordnung einer Nachlassverwaltung zu beantragen.')).toEqual([]);
    expect(excerpts('§ 9 Antrag\n\nDie Zulassung ist bei der Registerbehörde zu beantragen.')).toEqual(['zu beantragen']);
  });

  it('ignores applications named as a premise or an occasion, delegations to the Länder and court remedies', () => {
    expect(excerpts('§ 218 Verwirklichung\n\n(3) Wird ein Bescheid auf Antrag des Steuerpflichtigen von der Behörde zurückgenommen, können Ansprüche geltend gemacht werden.')).toEqual([]);
    expect(excerpts('§ 1 Übermittlung\n\nDie Handwerkskammer darf bei einem Antrag auf Eintragung die Daten abgleichen und die Eintragung erteilen.')).toEqual([]);
    expect(excerpts('§ 39a Ausgleich\n\n(3) Die Länder können vorsehen, dass die Behörde auf Antrag einen Ausgleich gewährt.')).toEqual([]);
    expect(excerpts('§ 59 Beschwerdeberechtigte\n\n(2) Wenn ein Beschluss nur auf Antrag erlassen werden kann, steht die Beschwerde nur dem Antragsteller zu; die Behörde ist nicht beschwerdeberechtigt.')).toEqual([]);
  });

  it('a condition that opens the sentence does not hide the procedure after it', () => {
    expect(excerpts('§ 3 Ersatz\n\nIst der Ausweis verloren gegangen, stellt die Behörde auf Antrag eine Ersatzausfertigung aus.')).toEqual(['auf Antrag']);
  });

  it('a periodic time counts as a deadline', () => {
    expect(excerpts('§ 42 Erstattung\n\n(1) Die Erstattung ist je Kalendermonat beim Hauptzollamt zu beantragen.')).toEqual([]);
  });

  it('gives in an editor (IncrementalLinter, re-run only for the changed part) what lint() gives', () => {
    const linter = new IncrementalLinter();
    let text: string = '§ 1 Erlaubnis\n\nDie Behörde erteilt auf Antrag eine Erlaubnis.\n\n§ 2 Befreiung\n\nDie Kasse entscheidet über den Antrag auf Befreiung.';
    for (const edit of [(t: string) => t, (t) => t.replace('§ 2 Befreiung\n\n', '§ 2 Befreiung\n\nDie Frist beträgt drei Monate. '), (t) => `${t}\n\n§ 3 Bescheinigung\n\nDas Amt stellt auf Antrag eine Bescheinigung aus.`]) {
      text = edit(text);
      expect(JSON.stringify(linter.lint(text))).toBe(JSON.stringify(lint(text)));
    }
  });
});
