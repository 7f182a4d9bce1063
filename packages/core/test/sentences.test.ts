import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/index.js';

const split = (text: string) => splitSentences(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end));

describe('sentence splitting', () => {
  it.each([
    'Nach § 3 Abs. 2 S. 1 Nr. 4 Buchst. b gilt das.',
    'Die Frist beginnt am 1. Januar 2024 und endet am 31. Dezember.',
    'Das gilt z. B. für Urkunden, u. a. Bescheinigungen.',
    'Das gilt i. V. m. § 3 ff. BGB entsprechend.',
    'Das gilt für Art. 3 Abs. 1 lit. a und Ziff. 4 usw. auch.',
    'Er hat das 18. Lebensjahr vollendet.',
    'Der Satz ist v. H. des Betrags, vgl. BGBl. I S. 626.',
    'Folgende Angaben: 1. Name, 2. Anschrift und 3. Geburtsdatum.',
    'Es gilt das Zehnte Buch Sozialgesetzbuch im 2. Kapitel.',
    'Betrag von 1.000 Euro und 3.5 Prozent.',
  ])('does not split: %s', (sentence) => {
    expect(split(sentence)).toEqual([sentence]);
  });

  it('splits ordinary sentences, also after a closing quote or parenthesis', () => {
    expect(split('Der Antrag ist zu stellen. Die Behörde „entscheidet.“ Sie (die Behörde) prüft.')).toEqual([
      'Der Antrag ist zu stellen.', 'Die Behörde „entscheidet.“', 'Sie (die Behörde) prüft.',
    ]);
  });

  it('splits after a number that ends a sentence', () => {
    expect(split('Es gilt Absatz 1 Nr. 3. Die Frist beträgt einen Monat.')).toEqual([
      'Es gilt Absatz 1 Nr. 3.', 'Die Frist beträgt einen Monat.',
    ]);
  });

  it('splits after a Buchstabe that ends a sentence', () => {
    expect(split('Es gilt Absatz 1 Buchstabe a. Die Frist beträgt einen Monat.')).toEqual([
      'Es gilt Absatz 1 Buchstabe a.', 'Die Frist beträgt einen Monat.',
    ]);
  });

  it('reads hard-wrapped lines as one sentence', () => {
    expect(split('Der Antrag ist\nschriftlich zu\nstellen. Neu.')).toEqual(['Der Antrag ist\nschriftlich zu\nstellen.', 'Neu.']);
  });

  it('continues a sentence into list items and closes it at the final dot', () => {
    const text = 'Der Antrag enthält:\n1. den Namen,\n2. die Anschrift.\nDanach prüft die Behörde.';
    const block = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const blocks = [block('Der Antrag enthält:'), block('den Namen,'), block('die Anschrift.'), block('Danach prüft die Behörde.')];
    const sentences = splitSentences(text, blocks.map((b, i) => ({ ...b, item: i === 1 || i === 2 })));
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Der Antrag enthält:\n1. den Namen,\n2. die Anschrift.', 'Danach prüft die Behörde.',
    ]);
  });
});
