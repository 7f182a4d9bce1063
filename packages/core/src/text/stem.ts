// Loaded by subpath: the package root of `natural` is slow and prints to stdout.
import stemmerDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';

const UMLAUTS = /[äöü]/g;
const cache = new Map<string, string>();

/**
 * The matching key of a lower-cased word: its German Porter stem plus the umlauts of the word.
 * The stemmer folds umlauts ("persönlich" and "Person" both become "person"); keeping them apart
 * prevents such collisions at the price of listing umlaut plurals ("Antrag|Anträge") in patterns.
 */
export function wordKey(lower: string): string {
  let key = cache.get(lower);
  if (key === undefined) {
    const umlauts = lower.match(UMLAUTS);
    key = stem(lower) + (umlauts ? ':' + umlauts.join('') : '');
    if (cache.size > 200_000) cache.clear();
    cache.set(lower, key);
  }
  return key;
}

const stems = new Map<string, string>();

/** The bare stem, umlauts folded; used for compound matching. */
export function stem(lower: string): string {
  let result = stems.get(lower);
  if (result === undefined) {
    result = stemmerDe.stem(lower);
    if (stems.size > 200_000) stems.clear();
    stems.set(lower, result);
  }
  return result;
}
