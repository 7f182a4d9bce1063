import { wordKey } from './stem.js';
import { optimisations } from '../optimisations.js';

export interface Token {
  start: number;
  end: number;
  /** The word as written. */
  text: string;
  lower: string;
  /** Stem plus umlauts, see wordKey. */
  key: string;
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
    const word = text.slice(m.index, end);
    const lower = word.toLowerCase();
    tokens.push({ start: m.index, end, text: word, lower, key: wordKey(lower) });
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
    for (;;) {
      while (width > 0) {
        i += width;
        width = i < length ? wordCharWidth(text, i) : 0;
      }
      // An inner hyphen or apostrophe joins two runs of word characters.
      if (i + 1 < length && isJoiner(text.charCodeAt(i)) && (width = wordCharWidth(text, i + 1)) > 0) {
        i += 1;
        continue;
      }
      break;
    }
    // Like the regular expression: a word that starts before `to` is cut at `to`, and the scan ends.
    const end = i < to ? i : to;
    const word = text.slice(start, end);
    let info = words.get(word);
    if (info === undefined) {
      const lower = word.toLowerCase();
      info = { lower, key: wordKey(lower) };
      if (words.size > 400_000) words.clear();
      words.set(word, info);
    }
    tokens.push({ start, end, text: word, lower: info.lower, key: info.key });
    if (i >= to) break;
  }
  return tokens;
}

const words = new Map<string, { lower: string; key: string }>();

/** 1 for a word character of the Basic Multilingual Plane, built once from the regular expression. */
const WORD_CHARS = (() => {
  const table = new Uint8Array(0x10000);
  const test = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c < 0xd800 || c > 0xdfff) table[c] = test.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return table;
})();
const ASTRAL_WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Code units of the word character at i (1, or 2 for a surrogate pair), 0 if none. */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (!isHighSurrogate(c)) return WORD_CHARS[c]!;
  return isLowSurrogate(text.charCodeAt(i + 1)) && ASTRAL_WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isJoiner(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x27 || c === 0x2019;
}
