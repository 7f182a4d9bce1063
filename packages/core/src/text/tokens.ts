import { wordKey } from './stem.js';

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
