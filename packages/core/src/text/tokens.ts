import { keyOf, stem } from './stem.js';
import { optimisations } from '../optimisations.js';
import { anchorsOfWord, type AnchorRecord } from '../rules/matcher-index.js';
import { CHAR_CLASS, isAstral, isHighSurrogate, isLowSurrogate, LETTER, NUMBER } from './chars.js';

export interface Token {
  start: number;
  end: number;
  /** The word as written. */
  text: string;
  lower: string;
  /** Stem plus umlauts, see wordKey. */
  key: string;
  /** The record of this spelling, shared by all its tokens (absent on tokens made otherwise than by tokenize). */
  word?: Word;
  /**
   * The patterns anchored at this word as the matcher index had them when the token was made (it checks that
   * they are still current): copied from the word, so that finding a sentence's anchors reads no other object.
   */
  anchors?: AnchorRecord;
}

/**
 * A distinct spelling, one object for all its tokens: answers about the word are remembered here, which is
 * cheaper than a look-up by the string for every token.
 */
export interface Word {
  readonly text: string;
  readonly lower: string;
  readonly key: string;
  /** The bare stem (see stem.ts), for compound tests. */
  readonly stem: string;
  /** The patterns anchored at the word (rules/matcher-index.ts), when last asked. */
  anchors: AnchorRecord | undefined;
}

// Words may carry inner hyphens or apostrophes ("De-Mail", "CD-ROM"); numbers are words too.
const WORD = /[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*/gu;

/** Tokenises text[from, to) into words with absolute offsets. Punctuation is skipped. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  if (optimisations.fastTokenize) return scanWords(text, from, to);
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    const word = wordAt(text, m.index, end, hashOf(text, m.index, end));
    tokens.push({ start: m.index, end, text: word.text, lower: word.lower, key: word.key, word, anchors: anchorsOfWord(word) });
  }
  return tokens;
}

/**
 * The same words as WORD finds, by a scan over a table of word characters ([\p{L}\p{N}] in the Basic
 * Multilingual Plane; pairs of surrogates are tested one by one), with lower case and key remembered per word.
 */
function scanWords(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = from;
  // As the regular expression (flag u) does: a start inside a surrogate pair moves to the pair.
  if (i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) i--;
  while (i < to) {
    let width = wordCharWidth(text, i);
    while (width === 0 && ++i < to) width = wordCharWidth(text, i);
    if (i >= to) break;
    const start = i;
    let hash = FNV_OFFSET; // of the code units of the word, for the table of words (see wordAt)
    for (;;) {
      while (width > 0) {
        hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
        if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
        i += width;
        width = i < length ? wordCharWidth(text, i) : 0;
      }
      // An inner hyphen or apostrophe joins two runs of word characters.
      if (i + 1 < length && isJoiner(text.charCodeAt(i)) && (width = wordCharWidth(text, i + 1)) > 0) {
        hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
        i += 1;
        continue;
      }
      break;
    }
    // Like the regular expression: a word that starts before `to` is cut at `to`, and the scan ends.
    const end = i < to ? i : to;
    const entry = wordAt(text, start, end, end === i ? hash : hashOf(text, start, end));
    tokens.push({ start, end, text: entry.text, lower: entry.lower, key: entry.key, word: entry, anchors: anchorsOfWord(entry) });
    if (i >= to) break;
  }
  return tokens;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
  return hash;
}

/** A word in the table of words. */
interface WordEntry extends Word {
  readonly hash: number;
  readonly next: WordEntry | undefined;
}

// Words seen so far, in a hash table over the code units of the text: a word seen before costs no new string.
const TABLE_BITS = 18;
let table: Array<WordEntry | undefined> = new Array(1 << TABLE_BITS).fill(undefined);
let tableSize = 0;

/** The entry of text[start, end) (`hash`: FNV-1a of its code units), found by comparison in place, or made. */
function wordAt(text: string, start: number, end: number, hash: number): WordEntry {
  const length = end - start;
  const slot = (hash ^ (hash >>> TABLE_BITS)) & ((1 << TABLE_BITS) - 1);
  for (let entry = table[slot]; entry !== undefined; entry = entry.next) {
    if (entry.hash === hash && entry.text.length === length && sameChars(entry.text, text, start)) return entry;
  }
  if (tableSize >= 400_000) {
    table = new Array(1 << TABLE_BITS).fill(undefined);
    tableSize = 0;
  }
  // A copy of its own: a slice of 13 or more characters would keep the whole document alive in the table.
  const word = (' ' + text.slice(start, end)).slice(1);
  const lower = word.toLowerCase();
  const bare = stem(lower);
  const entry: WordEntry = { text: word, lower, key: keyOf(lower, bare), stem: bare, anchors: undefined, hash, next: table[slot] };
  table[slot] = entry;
  tableSize++;
  return entry;
}

const WORD_CHAR = LETTER | NUMBER;

/** Code units of the word character at i (1, or 2 for a surrogate pair), 0 if none. */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (!isHighSurrogate(c)) return (CHAR_CLASS[c]! & WORD_CHAR) === 0 ? 0 : 1;
  return isLowSurrogate(text.charCodeAt(i + 1)) && isAstral(text, i, WORD_CHAR) ? 2 : 0;
}

function isJoiner(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x27 || c === 0x2019;
}

function sameChars(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
