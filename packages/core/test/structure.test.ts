import { describe, expect, it } from 'vitest';
import { analyse, addressOf, lint } from '../src/index.js';

/** The legal address of the first occurrence of `needle`. */
function addressOfText(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  const doc = analyse(text);
  const unit = doc.units.find((u) => u.blocks.some((b) => offset >= b.start && offset < b.end));
  if (!unit) throw new Error(`"${needle}" liegt in keinem Absatz`);
  return addressOf(unit, offset);
}

describe('paragraph headings', () => {
  it('reads § headings at any depth, with titles, letters and ranges', () => {
    const text = [
      '# Gesetz', '', '## Abschnitt 1 - Allgemeines', '', '### § 1 Zweck', '', 'Text eins.', '',
      '###### § 3a Antrag', '', 'Text zwei.', '', '## §§ 4 bis 6 (weggefallen)', '', '#### § 7', '', 'Text drei.',
    ].join('\n');
    const { paragraphs } = analyse(text).structure;
    expect(paragraphs.map((p) => [p.label, p.number, p.title, p.repealed])).toEqual([
      ['§ 1', '1', 'Zweck', false],
      ['§ 3a', '3a', 'Antrag', false],
      ['§§ 4 bis 6', '4', '(weggefallen)', true],
      ['§ 7', '7', undefined, false],
    ]);
  });

  it('accepts § lines without heading markup in plain text', () => {
    const text = '§ 1 Antrag\n\n(1) Der Antrag ist zu stellen.\n\n§ 2\n\nText.';
    expect(analyse(text).structure.paragraphs.map((p) => p.label)).toEqual(['§ 1', '§ 2']);
    expect(addressOfText(text, 'Antrag ist')).toBe('§ 1 Abs. 1 Satz 1');
  });

  it('does not take a sentence that starts with § for a heading', () => {
    const text = '## § 1 Zweck\n\n§ 3 gilt entsprechend.';
    expect(analyse(text).structure.paragraphs.map((p) => p.label)).toEqual(['§ 1']);
  });

  it('ends a § at a grouping heading (Abschnitt, Anlage)', () => {
    const text = '## § 1 Zweck\n\nText.\n\n## Anlage 1\n\nTabelle.';
    expect(addressOfText(text, 'Tabelle')).toBe('Satz 1');
  });
});

describe('Artikel', () => {
  it('addresses § inside an Artikel and an Artikel without §', () => {
    const text = [
      '## Artikel 1', '### Gesetz über X', '', '#### § 2 Antrag', '', '(1) Der Antrag ist zu stellen.', '',
      '## Artikel 2 Inkrafttreten', '', 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
    ].join('\n');
    const { artikel } = analyse(text).structure;
    expect(artikel.map((a) => [a.number, a.title])).toEqual([['1', undefined], ['2', 'Inkrafttreten']]);
    expect(addressOfText(text, 'Antrag ist')).toBe('Artikel 1 § 2 Abs. 1 Satz 1');
    expect(addressOfText(text, 'Dieses Gesetz')).toBe('Artikel 2 Satz 1');
  });

  it('reads the corpus spellings "Art 3", "Art. 3a" and "Art 4 - Inkrafttreten"', () => {
    const text = '## Art 3\n\nA.\n\n## Art. 3a Titel\n\nB.\n\n## Art 4 - Inkrafttreten\n\nC.';
    expect(analyse(text).structure.artikel.map((a) => [a.number, a.title])).toEqual([['3', undefined], ['3a', 'Titel'], ['4', 'Inkrafttreten']]);
  });
});

describe('Absatz, Satz, Nummer, Buchstabe', () => {
  const text = [
    '## § 5 Inhalt', '',
    '(1) Der Antrag muss enthalten:', '',
    '1.  den Namen,', '2.  die Anschrift, und zwar', '', '    a)  die Straße,', '', '    b)  den Ort,', '',
    '3.  die Unterschrift.', '',
    'Die Behörde prüft den Antrag. Sie entscheidet binnen eines Monats.', '',
    '(2a) Weitere Angaben nach Abs. 1 Nr. 2 Buchst. a sind z. B. Telefonnummern.',
  ].join('\n');

  it('counts sentences per Absatz across Nummern', () => {
    expect(addressOfText(text, 'Der Antrag muss')).toBe('§ 5 Abs. 1 Satz 1');
    expect(addressOfText(text, 'den Namen')).toBe('§ 5 Abs. 1 Satz 1 Nr. 1');
    expect(addressOfText(text, 'die Straße')).toBe('§ 5 Abs. 1 Satz 1 Nr. 2 Buchst. a');
    expect(addressOfText(text, 'den Ort')).toBe('§ 5 Abs. 1 Satz 1 Nr. 2 Buchst. b');
    expect(addressOfText(text, 'die Unterschrift')).toBe('§ 5 Abs. 1 Satz 1 Nr. 3');
    expect(addressOfText(text, 'Die Behörde prüft')).toBe('§ 5 Abs. 1 Satz 2');
    expect(addressOfText(text, 'Sie entscheidet')).toBe('§ 5 Abs. 1 Satz 3');
  });

  it('keeps abbreviations inside one sentence and numbers Absätze with letters', () => {
    expect(addressOfText(text, 'Telefonnummern')).toBe('§ 5 Abs. 2a Satz 1');
  });

  it('reads Doppelbuchstaben', () => {
    const t = '## § 1\n\n(1) Es gilt:\n\n1.  für\n\n    a)  Fälle, nämlich\n\n        aa) erstens,\n\n        bb) zweitens.';
    expect(addressOfText(t, 'zweitens')).toBe('§ 1 Abs. 1 Satz 1 Nr. 1 Buchst. a Doppelbuchst. bb');
  });

  it('cuts indented text at blank lines (also with spaces or tabs), without trailing spaces, labels with long gaps', () => {
    const t = '## § 1\n\n(1) Es gilt:\n\n1.  für\n\n    a)  Fälle, nämlich\n\n        aa) erstens,   \n  \t \n'
      + '        bb)' + ' '.repeat(40) + 'zweitens\n        und drittens,\n \n        cc)\n\n        viertens.  ';
    const doc = analyse(t);
    const unit = doc.units.find((u) => u.absatz.items.some((i) => i.label === 'bb'))!;
    const blocks = unit.blocks.map((b) => t.slice(b.start, b.end));
    expect(blocks).toEqual(['Es gilt:', 'für', 'Fälle, nämlich', 'erstens,', 'zweitens\n        und drittens,', 'cc)', 'viertens.']);
    expect(unit.absatz.items.map((i) => `${i.kind} ${i.label} ${t.slice(i.start, i.end).slice(0, 3)}`)).toEqual([
      'nummer 1 1. ', 'buchstabe a a) ', 'doppelbuchstabe aa aa)', 'doppelbuchstabe bb bb)',
    ]);
  });
});

describe('parts of a Referentenentwurf', () => {
  const text = [
    '# Referentenentwurf', '', '## A. Problem und Ziel', '', 'Bisher schriftlich.', '', '## B. Lösung', '', 'Digital.', '',
    '# Entwurf eines Gesetzes über X', '', '## § 1 Antrag', '', 'Der Antrag ist schriftlich zu stellen.', '',
    '# Begründung', '', '## A. Allgemeiner Teil', '', 'Schriftlich war es.', '', '### Zu § 1', '', 'Der Antrag ist schriftlich zu stellen.',
  ].join('\n');

  it('recognises Vorblatt, Regelungstext and Begründung', () => {
    expect(analyse(text).structure.parts.map((p) => p.kind)).toEqual(['regelungstext', 'vorblatt', 'regelungstext', 'begruendung']);
  });

  it('fires barrier rules only in the Regelungstext by default', () => {
    expect(lint(text).findings.map((f) => f.unit)).toEqual(['§ 1 Satz 1']);
  });

  it('fires in the Begründung when asked, addressed by its heading', () => {
    const units = lint(text, { parts: ['regelungstext', 'begruendung'] }).findings.map((f) => f.unit);
    expect(units).toEqual(['§ 1 Satz 1', 'Begründung – A. Allgemeiner Teil Satz 1', 'Begründung – Zu § 1 Satz 1']);
  });
});

describe('plain text without structure', () => {
  it('treats each paragraph as its own Absatz', () => {
    const text = 'Erster Satz. Zweiter Satz ist schriftlich.\n\nNeuer Absatz schriftlich.';
    expect(lint(text).findings.map((f) => f.unit)).toEqual(['Satz 2', 'Satz 1']);
  });

  it('never lints YAML front matter, code or HTML comments', () => {
    const text = '---\nTitle: schriftlich\n---\n\n```\nschriftlich\n```\n\n<!-- schriftlich -->\n\nText <!-- schriftlich --> ohne Befund.';
    expect(lint(text).findings).toEqual([]);
  });
});
