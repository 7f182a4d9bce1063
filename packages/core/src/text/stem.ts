// Loaded by subpath: the package root of `natural` is slow and prints to stdout.
import stemmerDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';

/**
 * The matching key of a lower-cased word: its German Porter stem plus the umlauts of the word.
 * The stemmer folds umlauts ("persönlich" and "Person" both become "person"); keeping them apart
 * prevents such collisions at the price of listing umlaut plurals ("Antrag|Anträge") in patterns.
 * (Not remembered here: the tokeniser keeps the key of every spelling it has met, see tokens.ts.)
 */
export function wordKey(lower: string): string {
  return keyOf(lower, stem(lower));
}

/** wordKey when the stem is known. */
export function keyOf(lower: string, bare: string): string {
  const umlauts = umlautsOf(lower);
  return umlauts === '' ? bare : `${bare}:${umlauts}`;
}

/** The umlauts ä, ö, ü of a word in order ("" without): what lower.match(/[äöü]/g) joined gives. */
function umlautsOf(lower: string): string {
  let umlauts = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0xe4 || c === 0xf6 || c === 0xfc) umlauts += lower[i];
  }
  return umlauts;
}

const stems = new Map<string, string>();
// Bounded: a run over all federal law meets some 400 000 spellings (each thread its share).
const STEMS_LIMIT = 500_000;

/** The bare stem, umlauts folded; used for compound matching. */
export function stem(lower: string): string {
  let result = stems.get(lower);
  if (result === undefined) {
    result = stemmerDe.stem(lower);
    if (stems.size >= STEMS_LIMIT) stems.clear();
    stems.set(lower, result);
  }
  return result;
}
