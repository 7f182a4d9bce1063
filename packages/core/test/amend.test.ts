import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, builtinRules, lint as lintWith, recogniseAmendingLaw, synopsis, type Action, type Finding, type LintOptions } from '../src/index.js';

const root = join(import.meta.dirname, '../../..');
const BMG = readFileSync(join(root, 'fixtures/amending/basis/bmg-auszug.markdown'), 'utf8');
const BVERFSCHG = readFileSync(join(root, 'fixtures/amending/basis/bverfschg-auszug.markdown'), 'utf8');

const INTRO = 'Das Bundesmeldegesetz vom 3. Mai 2013 (BGBl. I S. 1084), das zuletzt durch Artikel 7 des Gesetzes vom '
  + '15. Januar 2021 (BGBl. I S. 530) geändert worden ist, wird wie folgt geändert:';

/** An amending law of the BMG with the given numbered instructions (Markdown lines). */
function draft(...instructions: string[]): string {
  return `## Artikel 1 Änderung des Bundesmeldegesetzes\n\n${INTRO}\n\n${instructions.join('\n\n')}\n\n`
    + '## Artikel 2 Inkrafttreten\n\nDieses Gesetz tritt am Tag nach der Verkündung in Kraft.\n';
}

function actionsOf(text: string): Array<{ address: string; action: Action }> {
  const law = recogniseAmendingLaw(analyse(text));
  return (law?.artikel ?? []).flatMap((a) => a.instructions.flatMap((i) => i.actions.map((action) => ({ address: i.address, action }))));
}

const paths = (a: Action) => a.targets.map((t) => t.map((l) => `${l.kind}:${l.labels.join('+')}`).join(' '));
const barrierFindings = (findings: Finding[]) => findings.filter((f) => f.ruleId !== 'barriere-entfernt' && f.ruleId !== 'aenderungsbefehl');
// The barrier rules these tests are about; rules of other kinds (actors, deadlines …) stay out of the way.
const BARRIER_RULES = new Set(['schriftform', 'persoenliches-erscheinen', 'original-beglaubigung', 'nachweis-vorlage',
  'analoger-kanal', 'technik-spezifisch', 'barriere-entfernt', 'aenderungsbefehl']);
const barriersOnly = Object.fromEntries(builtinRules.filter((r) => !BARRIER_RULES.has(r.id)).map((r) => [r.id, 'off' as const]));
const lint = (text: string, options: LintOptions = {}) => lintWith(text, { ...options, rules: { ...barriersOnly, ...options.rules } });

describe('amending-law structure', () => {
  it('reads Artikel, introductory sentence, target law, last amendment and the closing Artikel', () => {
    const law = recogniseAmendingLaw(analyse(draft('1.  § 4 wird aufgehoben.')))!;
    expect(law.artikel.map((a) => [a.number, a.kind])).toEqual([['1', 'aenderung'], ['2', 'inkrafttreten']]);
    expect(law.artikel[0]!.law).toEqual({
      name: 'Bundesmeldegesetz', lastAmendment: 'Artikel 7 des Gesetzes vom 15. Januar 2021 (BGBl. I S. 530)',
    });
  });

  it('numbers instructions as they are cited: Artikel 1 Nr. 2 Buchst. a Doppelbuchst. aa', () => {
    const text = draft(
      '1.  § 4 wird aufgehoben.',
      '2.  § 18 wird wie folgt geändert:\n\n    a)  Absatz 1 wird wie folgt geändert:\n\n        aa) Satz 2 wird aufgehoben.\n\n        bb) Satz 3 wird aufgehoben.\n\n    b)  Absatz 4 wird aufgehoben.',
    );
    expect(actionsOf(text).map((a) => [a.address, paths(a.action)])).toEqual([
      ['Artikel 1 Nr. 1', ['paragraph:4']],
      ['Artikel 1 Nr. 2 Buchst. a Doppelbuchst. aa', ['paragraph:18 absatz:1 satz:2']],
      ['Artikel 1 Nr. 2 Buchst. a Doppelbuchst. bb', ['paragraph:18 absatz:1 satz:3']],
      ['Artikel 1 Nr. 2 Buchst. b', ['paragraph:18 absatz:4']],
    ]);
  });

  it('numbers Nummern by position when the Markdown list writes "1." before each', () => {
    const text = draft('1.  § 4 wird aufgehoben.', '1.  § 5 wird aufgehoben.', '1.  § 6 wird aufgehoben.');
    expect(actionsOf(text).map((a) => [a.address, paths(a.action)])).toEqual([
      ['Artikel 1 Nr. 1', ['paragraph:4']], ['Artikel 1 Nr. 2', ['paragraph:5']], ['Artikel 1 Nr. 3', ['paragraph:6']],
    ]);
  });

  it('a later instruction sees what an earlier one inserted', () => {
    const text = draft('1.  Nach § 23a wird folgender § 23b eingefügt:\n\n    „§ 23b Abmeldung\n\n    (1) Die Abmeldung erfolgt elektronisch.\n\n    (2) Das Nähere regelt das Land.“',
      '2.  In § 23b Absatz 2 wird das Wort „Land“ durch das Wort „Bundesministerium“ ersetzt.');
    const result = synopsis(text, { BMG })!;
    expect(result.problems).toEqual([]);
    expect(result.laws[0]!.rows.map((r) => [r.provision, r.after.replace(/\s+/g, ' ')])).toEqual([
      ['§ 23b', '### § 23b Abmeldung (1) Die Abmeldung erfolgt elektronisch. (2) Das Nähere regelt das Bundesministerium.'],
    ]);
  });

  it('accepts the title on the line after "Artikel 1" and a single instruction in the introductory sentence', () => {
    const text = '## Artikel 1\n\nÄnderung des Bundesverfassungsschutzgesetzes\n\nIn § 6 Absatz 3 Satz 5 des Bundesverfassungsschutzgesetzes '
      + 'vom 20. Dezember 1990 (BGBl. I S. 2954, 2970), das zuletzt durch Artikel 1 des Gesetzes vom 5. Juli 2021 (BGBl. I S. 2274) '
      + 'geändert worden ist, wird das Wort „löschen“ durch die Wörter „löschen oder zu sperren“ ersetzt.\n';
    const law = recogniseAmendingLaw(analyse(text))!;
    expect(law.artikel[0]).toMatchObject({ title: 'Änderung des Bundesverfassungsschutzgesetzes', law: { name: 'Bundesverfassungsschutzgesetz' } });
    expect(actionsOf(text).map((a) => [a.address, a.action.kind, paths(a.action)])).toEqual([
      ['Artikel 1', 'replace', ['paragraph:6 absatz:3 satz:5']],
    ]);
  });

  it('does not take Artikel of a law in force for instructions (Art 79 GG "Änderung des Grundgesetzes")', () => {
    const gg = '## Art 79\n\n(1) Das Grundgesetz kann nur durch ein Gesetz geändert werden, das den Wortlaut des Grundgesetzes '
      + 'ausdrücklich ändert oder ergänzt.\n\n## Art 80\n\n(1) Durch Gesetz können ermächtigt werden …\n';
    expect(recogniseAmendingLaw(analyse(gg))).toBeUndefined();
  });
});

describe('instruction types of the Handbuch der Rechtsförmlichkeit', () => {
  const one = (instruction: string) => {
    const found = actionsOf(draft(`1.  ${instruction}`));
    expect(found).toHaveLength(1);
    return found[0]!.action;
  };

  it('replace: „X“ durch „Y“ ersetzt', () => {
    const a = one('In § 7 Absatz 2 Satz 1 wird das Wort „schriftlich“ durch die Wörter „schriftlich oder elektronisch“ ersetzt.');
    expect([a.kind, a.old.map((w) => w.text), a.neu.map((w) => w.text), paths(a)])
      .toEqual(['replace', ['schriftlich'], ['schriftlich oder elektronisch'], ['paragraph:7 absatz:2 satz:1']]);
  });

  it('insert words: nach dem Wort „X“ werden die Wörter „Y“ eingefügt', () => {
    const a = one('In § 19 Absatz 2 werden nach dem Wort „unverzüglich“ die Wörter „schriftlich oder elektronisch“ eingefügt.');
    expect([a.kind, a.anchor?.text, a.position, a.neu[0]!.text]).toEqual(['insert', 'unverzüglich', 'after', 'schriftlich oder elektronisch']);
  });

  it('insert a unit: Nach § 3 wird folgender § 3a eingefügt: „…“', () => {
    const a = one('Nach § 23a wird folgender § 23b eingefügt:\n\n    „§ 23b Elektronische Abmeldung\n\n    Die Abmeldung kann elektronisch erfolgen.“');
    expect([a.kind, a.position, paths(a), a.newUnit]).toEqual(['insertUnit', 'after', ['paragraph:23a'], { kind: 'paragraph', labels: ['23b'] }]);
    expect(a.neu[0]!.text).toContain('Die Abmeldung kann elektronisch erfolgen.');
  });

  it('delete words and repeal units: „X“ gestrichen, § 4 wird aufgehoben, In Absatz 7 wird Satz 2 aufgehoben', () => {
    expect(one('In § 23 Absatz 3 Satz 1 werden die Wörter „oder in elektronischer Form“ gestrichen.').kind).toBe('delete');
    expect(paths(one('§ 10 wird aufgehoben.'))).toEqual(['paragraph:10']);
    const satz = one('In § 23 Absatz 7 wird Satz 2 aufgehoben.');
    expect([satz.kind, paths(satz)]).toEqual(['repeal', ['paragraph:23 absatz:7 satz:2']]);
  });

  it('restate: § 5 / Absatz 2 wird wie folgt gefasst: „…“', () => {
    const a = one('§ 23 Absatz 2 wird wie folgt gefasst:\n\n    „(2) Für die elektronische Anmeldung gilt § 10 Absatz 2 entsprechend.“');
    expect([a.kind, paths(a), a.neu[0]!.text]).toEqual(['restate', ['paragraph:23 absatz:2'], '(2) Für die elektronische Anmeldung gilt § 10 Absatz 2 entsprechend.']);
  });

  it('append and prepend: Folgender Satz wird angefügt; Dem Absatz 1 wird folgender Satz vorangestellt', () => {
    const [append, prepend] = actionsOf(draft(
      '1.  § 23 Absatz 4 wird wie folgt geändert:\n\n    a)  Folgender Satz wird angefügt: „Die Bestätigung erfolgt elektronisch.“',
      '2.  In § 19 wird dem Absatz 1 folgender Satz vorangestellt: „Die Bestätigung kann elektronisch erfolgen.“',
    )).map((a) => a.action);
    expect([append!.kind, paths(append!), append!.newUnit]).toEqual(['append', ['paragraph:23 absatz:4'], { kind: 'satz', labels: [] }]);
    expect([prepend!.kind, paths(prepend!)]).toEqual(['prepend', ['paragraph:19 absatz:1']]);
  });

  it('plural and combined forms: jeweils, In den Sätzen 1 und 2, two actions joined by „und“', () => {
    const plural = one('In § 23 Absatz 4 wird in den Sätzen 2 und 3 jeweils das Wort „übermittelt“ durch die Wörter „übermittelt elektronisch“ ersetzt.');
    expect([plural.every, paths(plural)]).toEqual([true, ['paragraph:23 absatz:4 satz:2', 'paragraph:23 absatz:4 satz:3']]);
    const twoPlaces = one('In § 18 Absatz 1 Satz 2 und Absatz 2 Satz 2 wird jeweils das Wort „Meldebescheinigung“ durch das Wort „Bescheinigung“ ersetzt.');
    expect(paths(twoPlaces)).toEqual(['paragraph:18 absatz:1 satz:2', 'paragraph:18 absatz:2 satz:2']);
    const combined = actionsOf(draft('1.  In § 23 Absatz 1 Satz 2 werden die Wörter „persönlich bei der Meldebehörde erscheint und“ gestrichen und das Wort „Unterschrift“ durch die Wörter „Unterschrift oder elektronisch“ ersetzt.'));
    expect(combined.map((c) => [c.action.kind, paths(c.action)])).toEqual([
      ['delete', ['paragraph:23 absatz:1 satz:2']], ['replace', ['paragraph:23 absatz:1 satz:2']],
    ]);
  });

  it('drafts typed with straight quotes and the older style ("gefaßt", "erhält folgende Fassung")', () => {
    const straight = one('In § 7 Absatz 2 Satz 1 wird das Wort "schriftlich" durch die Wörter "schriftlich oder elektronisch" ersetzt.');
    expect([straight.kind, straight.old[0]!.text, straight.neu[0]!.text]).toEqual(['replace', 'schriftlich', 'schriftlich oder elektronisch']);
    expect(one('§ 23 Absatz 2 wird wie folgt gefaßt: „(2) Es gilt § 10 Absatz 2.“').kind).toBe('restate');
    const fassung = one('§ 23 Absatz 2 erhält folgende Fassung: „(2) Es gilt § 10 Absatz 2.“');
    expect([fassung.kind, paths(fassung)]).toEqual(['restate', ['paragraph:23 absatz:2']]);
  });

  it('punctuation named in words and renumbering', () => {
    const dot = one('In § 25 Nummer 2 wird das Wort „und“ durch ein Komma ersetzt.');
    expect([dot.old[0]!.text, dot.neu[0]!.text]).toEqual(['und', ',']);
    const end = one('In § 25 Nummer 3 wird der Punkt am Ende durch das Wort „und“ ersetzt.');
    expect([end.old[0]!.text, end.atEnd, end.neu[0]!.text]).toEqual(['.', true, 'und']);
    const renumber = one('In § 23 werden die bisherigen Absätze 6 und 7 die Absätze 7 und 8.');
    expect(renumber.kind).toBe('renumber');
  });

  it('reports an instruction with an unclosed quotation or without new wording (rule aenderungsbefehl)', () => {
    const errors = lint(draft(
      '1.  In § 7 Absatz 2 Satz 1 wird das Wort „schriftlich durch die Wörter „schriftlich oder elektronisch“ ersetzt.',
      '2.  In § 18 Absatz 1 Satz 1 wird das Wort „schriftliche“ durch die Wörter ersetzt.',
    )).findings.filter((f) => f.ruleId === 'aenderungsbefehl');
    expect(errors.map((f) => [f.unit, f.severity, f.excerpt])).toEqual([
      ['Artikel 1 Nr. 1', 'error', '„'], ['Artikel 1 Nr. 2', 'error', 'ersetzt'],
    ]);
  });
});

describe('lint semantics without base text', () => {
  it('never lints removed or replaced wording; credits the removed barrier at info level', () => {
    const { findings } = lint(draft('1.  In § 7 Absatz 2 Satz 1 wird das Wort „schriftlich“ durch die Wörter „schriftlich oder elektronisch“ ersetzt.'));
    expect(barrierFindings(findings)).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.excerpt, f.unit, f.target, f.principle, f.aspect])).toEqual([
      ['barriere-entfernt', 'info', 'schriftlich', 'Artikel 1 Nr. 1', { law: 'Bundesmeldegesetz', unit: '§ 7 Abs. 2 Satz 1' }, 1, '1.1'],
    ]);
    expect(findings[0]!.message).toContain('Schriftform ohne elektronische Alternative');
  });

  it('reports a barrier the amendment introduces with both addresses and says so', () => {
    const { findings } = lint(draft('1.  In § 10 Absatz 2 wird das Wort „elektronisch“ durch das Wort „schriftlich“ ersetzt.'));
    const f = barrierFindings(findings);
    expect(f.map((x) => [x.ruleId, x.excerpt, x.unit, x.target])).toEqual([
      ['schriftform', 'schriftlich', 'Artikel 1 Nr. 1', { law: 'Bundesmeldegesetz', unit: '§ 10 Abs. 2' }],
    ]);
    expect(f[0]!.message).toContain('Die Änderung führt diese Hürde ein (Artikel 1 Nr. 1 → § 10 Abs. 2 Bundesmeldegesetz)');
    // The range points at the new word in the draft, and the fix applies there.
    expect(f[0]!.suggestions.map((s) => s.replacement)).toEqual(['schriftlich oder elektronisch']);
  });

  it('striking the electronic alternative („oder elektronisch“) brings the Schriftform back', () => {
    const text = draft('1.  In § 23 Absatz 7 Satz 1 werden die Wörter „oder elektronisch“ gestrichen.');
    const f = barrierFindings(lint(text).findings);
    expect(f.map((x) => [x.ruleId, x.excerpt, x.target?.unit])).toEqual([['schriftform', 'gestrichen', '§ 23 Abs. 7 Satz 1']]);
  });

  it('striking „im Original“ is credited (judged in the full sentence of the law in force)', () => {
    const law = '---\nTitle: Testgesetz\njurabk: TestG\n---\n\n### § 5 Nachweise\n\n(1) Die Zeugnisse sind im Original vorzulegen.\n';
    const text = '## Artikel 1 Änderung des Testgesetzes\n\nDas Testgesetz vom 1. Januar 2000 (BGBl. I S. 1) wird wie folgt geändert:\n\n'
      + '1.  In § 5 Absatz 1 werden die Wörter „im Original“ gestrichen.\n';
    const { findings } = lint(text, { baseTexts: { TestG: law } });
    expect(findings.map((f) => [f.ruleId, f.excerpt, f.target, f.message.includes('original-beglaubigung')])).toEqual([
      ['barriere-entfernt', 'im Original', { law: 'TestG', unit: '§ 5 Abs. 1 Satz 1' }, true],
    ]);
  });

  it('lints an inserted § as regulation of the target law: § 23b Abs. 2 Satz 1', () => {
    const text = draft('1.  Nach § 23a wird folgender § 23b eingefügt:\n\n    „§ 23b Abmeldung\n\n    (1) Die Abmeldung kann elektronisch erfolgen.\n\n    (2) Der Antrag ist schriftlich zu stellen.“');
    const f = barrierFindings(lint(text).findings);
    expect(f.map((x) => [x.ruleId, x.unit, x.target?.unit])).toEqual([['schriftform', 'Artikel 1 Nr. 1', '§ 23b Abs. 2 Satz 1']]);
    expect(text.slice(f[0]!.range.start.offset, f[0]!.range.end.offset)).toBe('schriftlich');
  });

  it('keeps the plain-law path: a law without amending Artikel gives the same findings as before', () => {
    const plain = '## § 2 Antrag\n\n(1) Der Antrag ist schriftlich zu stellen. Er ist im Original vorzulegen.\n';
    const { findings } = lint(plain);
    expect(findings.every((f) => f.target === undefined)).toBe(true);
    expect(findings.map((f) => f.ruleId)).toContain('schriftform');
  });
});

describe('with the text of the law in force (baseTexts)', () => {
  const withBase = (text: string) => lint(text, { baseTexts: { BMG } });

  it('lints the changed provision in its amended full sentence', () => {
    // „persönlich“ alone is no barrier; in the amended sentence of § 23 Abs. 3 it requires handing in in person.
    const text = draft('1.  In § 23 Absatz 3 Satz 3 wird nach dem Wort „unterschrieben“ das Wort „persönlich“ eingefügt.');
    const f = barrierFindings(withBase(text).findings);
    expect(f.map((x) => [x.ruleId, x.excerpt, x.unit, x.target])).toEqual([
      ['persoenliches-erscheinen', 'persönlich', 'Artikel 1 Nr. 1', { law: 'BMG', unit: '§ 23 Abs. 3 Satz 3' }],
    ]);
    expect(f[0]!.message).toContain('Die Änderung führt diese Hürde ein (Artikel 1 Nr. 1 → § 23 Abs. 3 Satz 3 BMG)');
    expect(barrierFindings(lint(text).findings)).toEqual([]);
  });

  it('new wording that keeps a barrier is reported as kept, and nothing is credited', () => {
    const text = draft('1.  In § 25 Nummer 3 werden die Wörter „persönlich bei der Meldebehörde“ durch die Wörter „persönlich bei der zuständigen Meldebehörde“ ersetzt.');
    const { findings } = withBase(text);
    expect(findings.map((x) => [x.ruleId, x.excerpt, x.target?.unit])).toEqual([
      ['persoenliches-erscheinen', 'persönlich bei der zuständigen Meldebehörde', '§ 25 Satz 1 Nr. 3'],
    ]);
    expect(findings[0]!.message).toContain('Die Neufassung behält diese Hürde bei');
  });

  it('striking „oder in elektronischer Form“ introduces the Schriftform of the full sentence', () => {
    const f = barrierFindings(withBase(draft('1.  In § 23 Absatz 3 Satz 1 werden die Wörter „oder in elektronischer Form“ gestrichen.')).findings);
    expect(f.map((x) => [x.ruleId, x.excerpt, x.target])).toEqual([['schriftform', 'gestrichen', { law: 'BMG', unit: '§ 23 Abs. 3 Satz 1' }]]);
    expect(f[0]!.message).toContain('schriftlich zu übermitteln');
  });

  it('an instruction whose quoted words do not occur in the target unit is an error naming the unit', () => {
    const text = draft('1.  In § 7 Absatz 1 wird das Wort „schriftlich“ durch die Wörter „schriftlich oder elektronisch“ ersetzt.');
    const errors = withBase(text).findings.filter((f) => f.ruleId === 'aenderungsbefehl');
    expect(errors.map((f) => [f.severity, f.excerpt, f.message])).toEqual([
      ['error', 'schriftlich', '„schriftlich“ steht nicht in § 7 Abs. 1 BMG.'],
    ]);
    // Nothing was removed, so nothing is credited; without the base text there is no error.
    expect(withBase(text).findings.map((f) => f.ruleId)).toEqual(['aenderungsbefehl']);
    expect(lint(text).findings.map((f) => f.ruleId)).toEqual(['barriere-entfernt']);
  });

  it('errors for a missing unit, for words found twice without „jeweils“, for a unit that exists already', () => {
    const errors = withBase(draft(
      '1.  In § 19 Absatz 1 Satz 9 wird das Wort „schriftlich“ durch das Wort „elektronisch“ ersetzt.',
      '2.  In § 7 Absatz 2 wird das Wort „Tätigkeit“ durch das Wort „Arbeit“ ersetzt.',
      '3.  Nach § 23 wird folgender § 23a eingefügt: „§ 23a Abmeldung\n\n    Die Abmeldung erfolgt elektronisch.“',
      '4.  § 31 wird aufgehoben.',
    )).findings.filter((f) => f.ruleId === 'aenderungsbefehl');
    expect(errors.map((f) => [f.unit, f.message])).toEqual([
      ['Artikel 1 Nr. 1', '§ 19 Abs. 1 BMG hat keinen Satz 9 (nur 5 Sätze).'],
      ['Artikel 1 Nr. 2', '„Tätigkeit“ steht 2-mal in § 7 Abs. 2 BMG; ohne „jeweils“ (oder „an der … Stelle“) ist unklar, welche Stelle gemeint ist.'],
      ['Artikel 1 Nr. 3', '§ 23a BMG gibt es schon.'],
      ['Artikel 1 Nr. 4', '§ 31 BMG gibt es nicht.'],
    ]);
  });

  it('„jeweils“ applies to every occurrence; „an der zweiten Stelle“ to one', () => {
    const text = draft('1.  In § 7 Absatz 2 wird jeweils das Wort „Tätigkeit“ durch das Wort „Arbeit“ ersetzt.',
      '2.  In § 19 Absatz 1 wird das Wort „Meldebehörde“ an der zweiten Stelle durch das Wort „Behörde“ ersetzt.');
    const result = synopsis(text, { BMG })!;
    expect(result.problems).toEqual([]);
    const rows = result.laws[0]!.rows.map((r) => [r.provision, r.after.replace(/\s+/g, ' ')]);
    expect(rows[0]![1]).toContain('bei Aufnahme ihrer Arbeit von ihrem Arbeitgeber');
    expect(rows[0]![1]).toContain('nach Beendigung ihrer Arbeit fort');
    expect(rows[1]![1]).toContain('gegenüber der Meldebehörde nach Absatz 4');
    expect(rows[1]![1]).toContain('durch Rückfrage bei der Behörde davon überzeugen');
  });

  it('credits a barrier that only the wording in force shows (restating § 29 Abs. 2 Satz 1)', () => {
    const text = draft('1.  § 29 Absatz 2 Satz 1 wird wie folgt gefasst: „Beherbergte Personen haben am Tag der Ankunft einen besonderen '
      + 'Meldeschein auszufüllen, der die in § 30 Absatz 2 aufgeführten Daten enthält.“');
    expect(withBase(text).findings.map((f) => [f.ruleId, f.excerpt, f.target?.unit])).toEqual([['barriere-entfernt', 'gefasst', '§ 29 Abs. 2 Satz 1']]);
    // Without the wording in force nothing is known about what the new sentence replaces.
    expect(lint(text).findings).toEqual([]);
  });

  it('cites the amended law by the abbreviation of its base text, matched by the short title (BVerfSchG)', () => {
    const text = '## Artikel 1 Änderung des Bundesverfassungsschutzgesetzes\n\nDas Bundesverfassungsschutzgesetz vom 20. Dezember 1990 '
      + '(BGBl. I S. 2954, 2970), das zuletzt durch Artikel 1 des Gesetzes vom 5. Juli 2021 (BGBl. I S. 2274) geändert worden ist, '
      + 'wird wie folgt geändert:\n\n1.  In § 6 Absatz 3 Satz 5 werden nach dem Wort „löschen“ die Wörter „; die Löschung ist schriftlich zu bestätigen“ eingefügt.\n';
    const f = barrierFindings(lint(text, { baseTexts: { BVerfSchG: BVERFSCHG } }).findings);
    expect(f.map((x) => [x.ruleId, x.unit, x.target])).toEqual([['schriftform', 'Artikel 1 Nr. 1', { law: 'BVerfSchG', unit: '§ 6 Abs. 3 Satz 5' }]]);
  });
});
