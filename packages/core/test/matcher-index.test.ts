import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { compilePattern, tokenize } from '../src/index.js';
import { setOptimisations } from '../src/optimisations.js';
import { corpusFile } from './support/corpus-sample.js';

afterEach(() => setOptimisations({ matcherIndex: true, fastTokenize: true }));

/** findAll with the matcher index and without it (trying every token) must agree. */
function bothWays(source: string, text: string): Array<Array<[number, number]>> {
  const pattern = compilePattern(source);
  const sentences = text.split(/(?<=[.;:])\s+/).map((s) => tokenize(s));
  setOptimisations({ matcherIndex: true });
  const indexed = sentences.map((tokens) => pattern.findAll(tokens));
  setOptimisations({ matcherIndex: false });
  const scanned = sentences.map((tokens) => pattern.findAll(tokens));
  expect(indexed).toEqual(scanned);
  return indexed;
}

const SAMPLE = [
  'Der Antrag ist schriftlich oder elektronisch zu stellen. Die Schriftform ist gewahrt; das Schriftformerfordernis entfällt.',
  'Die Meldebescheinigung ist vorzulegen, ebenso der Nachweis. Der Antragsteller hat persönlich bei der Behörde zu erscheinen.',
  'Die Bekanntmachung erfolgt durch die Deutsche Post AG oder per Post. Ein amtlich vorgeschriebener Vordruck oder ein Vordruck genügt.',
  'Die Originalurkunde und das Original sind auf Verlangen vorzulegen: im Original.',
].join(' ');

describe('matcher index', () => {
  it('finds the same matches as trying every token', () => {
    const patterns = [
      'schriftlich', 'Schriftform*', '*original*', '=Post', '*bescheinigung', '*nachweis',
      'persönlich ...6 erscheinen', 'persönlich? ...3 erscheinen', '(amtlich|amtlichem)? (vorgeschriebenem|vorgeschriebener) *vordruck',
      '(Deutsche Post|Post AG) ...2 Vertrag', '(durch|per) (die|der)? (Post|Briefpost)', '(der? Post|Vordruck) (AG|oder)',
      'auf Verlangen', 'im (Original|Originalen)', '(oder|und) (elektronisch|elektronischen)',
    ];
    const found = patterns.map((p) => bothWays(p, SAMPLE).flat().length);
    // Not a vacuous comparison: most patterns do match somewhere in the sample.
    expect(found.filter((n) => n > 0).length).toBeGreaterThanOrEqual(12);
  });

  it('stays exact when a pattern is compiled after the candidates of a sentence were computed', () => {
    const tokens = tokenize('Die Vorsprache beim Amtsschimmel ist erforderlich; ein Zwiebelturm genügt nicht.');
    expect(compilePattern('Vorsprache').findAll(tokens)).toEqual([[1, 1]]);
    // First words no pattern had before: the remembered candidates are outdated and recomputed.
    expect(compilePattern('Amtsschimmel').findAll(tokens)).toEqual([[3, 3]]);
    expect(compilePattern('(Kirchturm|Zwiebelturm) genügt').findAll(tokens)).toEqual([[7, 8]]);
  });

  it('agrees with trying every token on a law of the corpus', () => {
    const file = corpusFile('v/vwvfg');
    if (!file) return;
    const text = readFileSync(file, 'utf8');
    for (const p of ['schriftlich', 'elektronisch? ...2 Form', '*bescheinigung', '(Bekanntgabe|bekannt) ...3 (Zustellung|zugestellt)']) {
      expect(bothWays(p, text).flat().length).toBeGreaterThan(0);
    }
  });
});

describe('word scanner', () => {
  it('finds the same words as the regular expression', () => {
    const texts = [
      SAMPLE, 'a- -a a--b a-b-c De-Mail’s x\'y 𝐀𝐁c d \ud800x a\u2010b x’ 12a-3 ÄÖÜäöüß-Straße', '§ 3a Abs. 2 Satz 1 Nr. 2 Buchst. b',
    ];
    for (const text of texts) {
      for (const [from, to] of [[0, text.length], [1, text.length - 3], [5, 17]] as const) {
        setOptimisations({ fastTokenize: true });
        const scanned = tokenize(text, from, to);
        setOptimisations({ fastTokenize: false });
        expect(scanned).toEqual(tokenize(text, from, to));
      }
    }
  });
});
