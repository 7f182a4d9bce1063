import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import stemmerDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import { germanStem } from '../src/text/german-stemmer.js';
import { tokenize } from '../src/index.js';
import { corpusMissing, corpusSample } from './support/corpus-sample.js';

/** The port must give natural's stems exactly: they are the keys patterns match with. */
describe('German stemmer', () => {
  it('gives the stems of natural on words that reach every step and quirk', () => {
    const words = [
      'antrag', 'anträge', 'schriftlich', 'schriftlichen', 'erscheinen', 'persönlich', 'bescheinigung', 'bescheinigungen',
      'nachweis', 'nachweise', 'bedürfnissen', 'äckern', 'ackers', 'armes', 'derbsten', 'feuer', 'quelle', 'bayern', 'kaufe',
      'ergebnis', 'ergebnisse', 'möglichkeit', 'freundlichkeit', 'herrlichkeit', 'zuständigkeit', 'heiligkeit', 'wissenschaftlich',
      'ständig', 'ewig', 'logisch', 'telegrafisch', 'elektronisch', 'gewerblich', 'gesundheit', 'laufend', 'wohnung', 'aufenthalt',
      'straße', 'grüße', 'maß', 'ß', 'u', 'y', 'aua', 'auaua', 'ayaya', 'eye', 'über', 'übrigen', 'de-mail', 'cd-rom', '12a',
      'a', 'ab', 'abc', 'erst', 'ernst', 'kunst', 'kundst', 'festest', 'bester', 'bestens', 'ee', 'eig', 'eisch', 'isch', 'xisch',
      'feindlich', 'gefährlicher', 'ordnungswidrigkeiten', 'sozialgesetzbuch', 'bundesverfassungsgericht', 'geltendmachung',
      'a\nbcdst', 'ab\u2028cdst', 'abcdst', 'abcrst', 'uuu', 'aUa', 'bAYern', 'İstanbul'.toLowerCase(),
    ];
    for (const word of words) expect(germanStem(word), word).toBe(stemmerDe.stem(word));
  });

  it('gives the stems of natural on random strings of the letters that matter (seeded)', () => {
    const letters = 'aeiouyäöüßnrstlmgkhbdfcpqwUY-\n';
    let state = 7;
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const differing: string[] = [];
    for (let n = 0; n < 100_000; n++) {
      let word = '';
      const length = 1 + Math.floor(random() * 14);
      for (let k = 0; k < length; k++) word += letters[Math.floor(random() * letters.length)];
      if (germanStem(word) !== stemmerDe.stem(word)) differing.push(JSON.stringify(word));
    }
    expect(differing.slice(0, 10)).toEqual([]);
  });

  it.skipIf(corpusMissing)('gives the stems of natural on every word of 200 laws of the corpus (seeded)', () => {
    const words = new Set<string>();
    for (const file of corpusSample(200, 99)) for (const token of tokenize(readFileSync(file, 'utf8'))) words.add(token.lower);
    const differing = [...words].filter((w) => germanStem(w) !== stemmerDe.stem(w));
    expect(differing.slice(0, 10)).toEqual([]);
    expect(words.size).toBeGreaterThan(20_000);
  }, 120_000);
});
