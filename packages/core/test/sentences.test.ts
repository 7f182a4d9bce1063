import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse, splitSentences } from '../src/index.js';
import { splitBlocks as referenceSplit } from './support/reference-sentences.js';
import { corpusMissing, corpusSample } from './support/corpus-sample.js';

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

/** mulberry32: the same pseudo-random sequence on every machine. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sentence splitting with character tables', () => {
  // Pieces that reach every branch: abbreviations, ordinals, labels, closers, dashes, continuation words,
  // umlauts (\W to the old expressions), astral letters and digits, an emoji, lone surrogates, odd spaces.
  const PIECES = [
    'Der', 'Antrag', 'ist', 'zu', 'stellen', 'und', 'oder', 'sowie', 'Abs', 'Nr', 'Buchstabe', 'Buchstaben', 'a', 'b',
    'ff', 'f', 'BGB', 'SGB', 'Januar', 'Lebensjahr', '1', '12', '3a', 'Über', 'über', 'ä', 'Ä', 'ß', 'z', 'B',
    '𝐀𝐁', '𝟙', '😀', '\ud800', '\udc00', '.', '.', '.', '!', '?', ',', ';', ':', '–', '-', '„', '“', '”', '"', '«', '»',
    "'", ')', ']', '(', '§', '_', ' ', ' ', ' ', '\n', '\u00a0', '\u2003', '\t',
  ];

  it('agrees with the regular expressions on random text and blocks (seeded)', () => {
    const random = seeded(7);
    const differing: string[] = [];
    for (let n = 0; n < 4000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let k = 0; k < length; k++) {
        text += PIECES[Math.floor(random() * PIECES.length)]!;
        if (random() < 0.5) text += ' ';
      }
      // Blocks: random cuts, some cells, some items, sometimes gaps between them.
      const cuts = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * text.length)))].sort((x, y) => x - y);
      const bounds = [0, ...cuts, text.length];
      const blocks: Array<{ start: number; end: number; cell?: boolean; item?: boolean }> = [];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const start = bounds[k]! + (random() < 0.2 ? 1 : 0);
        if (start >= bounds[k + 1]!) continue;
        blocks.push({ start, end: bounds[k + 1]!, ...(random() < 0.15 ? { cell: true } : {}), ...(random() < 0.3 ? { item: true } : {}) });
      }
      if (blocks.length === 0) continue;
      if (JSON.stringify(splitSentences(text, blocks)) !== JSON.stringify(referenceSplit(text, blocks))) {
        differing.push(JSON.stringify({ text, blocks }));
      }
    }
    expect(differing.slice(0, 3)).toEqual([]);
  });

  it.skipIf(corpusMissing)('agrees with the regular expressions on 100 laws of the corpus (seeded)', () => {
    let sentences = 0;
    const differing: string[] = [];
    for (const file of corpusSample(100, 4711)) {
      const doc = analyse(readFileSync(file, 'utf8'));
      for (const unit of doc.units) {
        const fast = splitSentences(doc.matchText, unit.blocks);
        sentences += fast.length;
        if (JSON.stringify(fast) !== JSON.stringify(referenceSplit(doc.matchText, unit.blocks))) differing.push(`${file} @${unit.absatz.start}`);
      }
    }
    expect(differing.slice(0, 5)).toEqual([]);
    expect(sentences).toBeGreaterThan(10_000);
  }, 120_000);
});
