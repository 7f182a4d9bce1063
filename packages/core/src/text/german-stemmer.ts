/**
 * The German Snowball (Porter) stemmer exactly as `natural` implements it (porter_stemmer_de.js, default
 * options: umlauts folded), written with string tests instead of a dozen regular expressions per word. Its
 * quirks are kept on purpose: the stems are the keys patterns are matched with, so they must not change.
 * A test compares both on every word of a corpus sample and on random strings (test/stemmer.test.ts).
 * Each step names the expression of the original it replaces.
 */

const A = 97;
const E = 101;
const I = 105;
const O = 111;
const U = 117;
const Y = 121;
const AE = 0xe4;
const OE = 0xf6;
const UE = 0xfc;

/** [aeiouyäöü] */
function isVowel(c: number): boolean {
  return c === A || c === E || c === I || c === O || c === U || c === Y || c === AE || c === OE || c === UE;
}

/** word.replace(/([aeiouyäöü])x([aeiouyäöü])/g, '$1X$2') for x = `lower`, X = `upper`. */
function markBetweenVowels(word: string, lower: number, upper: string): string {
  if (word.indexOf(String.fromCharCode(lower)) < 0) return word;
  let out = '';
  let copied = 0;
  for (let i = 0; i + 2 < word.length;) {
    if (isVowel(word.charCodeAt(i)) && word.charCodeAt(i + 1) === lower && isVowel(word.charCodeAt(i + 2))) {
      out += word.slice(copied, i + 1) + upper;
      copied = i + 2;
      i += 3; // the match ends after the second vowel; the next one starts there
    } else i++;
  }
  return copied === 0 ? word : out + word.slice(copied);
}

/** word.search(/[aeiouyäöü][^aeiouyäöü]/) from `from` (relative to `from`), or -1. */
function vowelThenOther(word: string, from: number): number {
  for (let i = from; i + 1 < word.length; i++) {
    if (isVowel(word.charCodeAt(i)) && !isVowel(word.charCodeAt(i + 1))) return i - from;
  }
  return -1;
}

/** [bdfghklmnrt] (s-ending); without r: the st-ending. */
function isSEnding(c: number, withR: boolean): boolean {
  return c === 98 || c === 100 || c === 102 || c === 103 || c === 104 || c === 107 || c === 108 || c === 109 || c === 110
    || c === 116 || (withR && c === 114);
}

/** What `.` does not match. */
function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

export function germanStem(input: string): string {
  let word = markBetweenVowels(markBetweenVowels(input, U, 'U'), Y, 'Y');
  if (word.includes('ß')) word = word.replaceAll('ß', 'ss');

  // R1 and R2 (R2 from R1 before R1 is moved to at least 3).
  let r1Index = vowelThenOther(word, 0);
  let r2Index = -1;
  if (r1Index !== -1) {
    r1Index += 2;
    const inR1 = vowelThenOther(word, r1Index);
    if (inR1 !== -1) r2Index = inR1 + 2 + r1Index;
  }
  if (r1Index !== -1 && r1Index < 3) r1Index = 3;

  // Step 1: (em|ern|er)$, (e|en|es)$, ([bdfghklmnrt]s)$; the earliest start wins, ties in this order.
  let len = word.length;
  const a1 = word.endsWith('ern') ? len - 3 : word.endsWith('em') || word.endsWith('er') ? len - 2 : -1;
  const b1 = word.endsWith('en') || word.endsWith('es') ? len - 2 : word.endsWith('e') ? len - 1 : -1;
  const c1 = len >= 2 && word.charCodeAt(len - 1) === 115 && isSEnding(word.charCodeAt(len - 2), true) ? len - 1 : -1;
  let index1 = 10000;
  let option1 = '';
  if (a1 !== -1 && a1 < index1) {
    option1 = 'a';
    index1 = a1;
  }
  if (b1 !== -1 && b1 < index1) {
    option1 = 'b';
    index1 = b1;
  }
  if (c1 !== -1 && c1 < index1) {
    option1 = 'c';
    index1 = c1;
  }
  if (index1 !== 10000 && r1Index !== -1 && index1 >= r1Index) {
    word = word.substring(0, index1);
    if (option1 === 'b' && word.endsWith('niss')) word = word.substring(0, word.length - 1);
  }

  // Step 2: (en|er|est)$, (.{3}[bdfghklmnt]st)$ (deleting the st).
  len = word.length;
  const a2 = word.endsWith('est') ? len - 3 : word.endsWith('en') || word.endsWith('er') ? len - 2 : -1;
  const b2 = len >= 6 && word.endsWith('st') && isSEnding(word.charCodeAt(len - 3), false)
    && !isLineTerminator(word.charCodeAt(len - 6)) && !isLineTerminator(word.charCodeAt(len - 5))
    && !isLineTerminator(word.charCodeAt(len - 4)) ? len - 2 : -1;
  let index2 = 10000;
  if (a2 !== -1 && a2 < index2) index2 = a2;
  if (b2 !== -1 && b2 < index2) index2 = b2;
  if (index2 !== 10000 && r1Index !== -1 && index2 >= r1Index) word = word.substring(0, index2);

  // Step 3: (end|ung)$, [^e](ig|ik|isch)$, (lich|heit)$, (keit)$, deleted in R2, then what may precede them.
  len = word.length;
  const a3 = word.endsWith('end') || word.endsWith('ung') ? len - 3 : -1;
  const b3 = word.endsWith('isch') && len >= 5 && word.charCodeAt(len - 5) !== E ? len - 4
    : (word.endsWith('ig') || word.endsWith('ik')) && len >= 3 && word.charCodeAt(len - 3) !== E ? len - 2 : -1;
  const c3 = word.endsWith('lich') || word.endsWith('heit') ? len - 4 : -1;
  const d3 = word.endsWith('keit') ? len - 4 : -1;
  let index3 = 10000;
  let option3 = '';
  if (a3 !== -1 && a3 < index3) {
    option3 = 'a';
    index3 = a3;
  }
  if (b3 !== -1 && b3 < index3) {
    option3 = 'b';
    index3 = b3;
  }
  if (c3 !== -1 && c3 < index3) {
    option3 = 'c';
    index3 = c3;
  }
  if (d3 !== -1 && d3 < index3) {
    option3 = 'd';
    index3 = d3;
  }
  if (index3 !== 10000 && r2Index !== -1 && index3 >= r2Index) {
    word = word.substring(0, index3);
    len = word.length;
    if (option3 === 'a') {
      // [^e](ig)$
      if (word.endsWith('ig') && len >= 3 && word.charCodeAt(len - 3) !== E && len - 2 >= r2Index) word = word.substring(0, len - 2);
    } else if (option3 === 'c') {
      // (er|en)$ in R1
      if ((word.endsWith('er') || word.endsWith('en')) && len - 2 >= r1Index) word = word.substring(0, len - 2);
    } else if (option3 === 'd') {
      // (lich|ig)$ in R2
      const at = word.endsWith('lich') ? len - 4 : word.endsWith('ig') ? len - 2 : -1;
      if (at !== -1 && at >= r2Index) word = word.substring(0, at);
    }
  }

  // U and Y back to lower case, umlauts folded.
  return foldMarks(word);
}

/** word.replace(/U/g, 'u').replace(/Y/g, 'y').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u') */
function foldMarks(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 85 || c === 89 || c === AE || c === OE || c === UE) {
      return word.replaceAll('U', 'u').replaceAll('Y', 'y').replaceAll('ä', 'a').replaceAll('ö', 'o').replaceAll('ü', 'u');
    }
  }
  return word;
}
