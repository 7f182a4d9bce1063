import type { Span } from '../types.js';
import { CHAR_CLASS, isAstral, isHighSurrogate, isLowSurrogate, isSpace, LETTER, NUMBER } from './chars.js';

/**
 * Abbreviations that never end a sentence, even before a capitalised word
 * ("z. B. Bescheinigungen", "Abs. 2", "BGBl. I S. 626"). Compared lower-case, without the dot.
 */
const ABBREVIATIONS = new Set([
  'abs', 'nr', 'nrn', 's', 'buchst', 'art', 'artt', 'bzw', 'z', 'b', 'i', 'v', 'm', 'u', 'a', 'h', 'd', 'o', 'ä',
  'lit', 'ziff', 'vgl', 'bgbl', 'bl', 'anl', 'ggf', 'gem', 'sog', 'einschl', 'abschn', 'kap', 'tz', 'rn', 'rdnr',
  'hs', 'halbs', 'uabs', 'unterabs', 'lfd', 'zzgl', 'inkl', 'evtl', 'ca', 'rd', 'mio', 'mrd', 'dr', 'prof', 'st',
  'bek', 'vo', 'verf', 'aufl', 'geb', 'str', 'tel', 'allg', 'entspr', 'gez', 'ausschl', 'grds', 'insb', 'usw',
  'sept', 'okt', 'nov', 'dez', 'jan', 'feb', 'febr', 'aug', 'nachf', 'zust', 'ber', 'amtl', 'begr', 'bes',
]);
/** Words after "N." that show the number is an ordinal, not the end of a sentence. */
const ORDINAL_NOUNS = new Set([
  'januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november',
  'dezember', 'buch', 'buches', 'buchs', 'kapitel', 'kapitels', 'teil', 'teils', 'teiles', 'abschnitt',
  'abschnitts', 'abschnittes', 'titel', 'titels', 'lebensjahr', 'lebensjahres', 'lebensjahrs', 'jahrhundert',
  'jahrhunderts', 'klasse', 'stufe', 'grad', 'grades', 'mal', 'tag', 'tages', 'monat', 'monats', 'woche',
  'quartal', 'quartals', 'halbjahr', 'halbjahres', 'kalenderjahr', 'kalenderjahres', 'unterabschnitt',
  'unterabschnitts', 'bundesimmissionsschutzverordnung', 'durchführungsverordnung', 'verordnung',
]);
const CONTINUATION_WORDS = new Set(['und', 'oder', 'sowie', 'bzw', 'beziehungsweise', 'wenn', 'dass', 'als']);

const DOT = 46;
const BANG = 33;
const QUESTION = 63;

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** “ ” " « » ' ) ] – what may follow the end of a sentence and belongs to it. */
function isCloser(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0x22 || c === 0xab || c === 0xbb || c === 0x27 || c === 0x29 || c === 0x5d;
}

/**
 * Splits the text blocks of one Absatz (its intro paragraph, list items, Buchstaben …) into sentences.
 * `blocks` are absolute spans in `text`, in document order. A sentence may run across blocks
 * (an intro continues into its Nummern); a block that ends without , ; : or a connecting word
 * closes its sentence unless a Nummer or Buchstabe follows. A table cell is a sentence of its own.
 */
export function splitSentences(text: string, blocks: Array<Span & { cell?: boolean; item?: boolean }>): Span[] {
  return splitBlocks(text, blocks);
}

// The scans below work on UTF-16 code units with the tables of text/chars.ts; where a regular expression
// used to decide, the comment gives it: the result is the same.

function splitBlocks(text: string, blocks: Array<Span & { cell?: boolean; item?: boolean }>): Span[] {
  const sentences: Span[] = [];
  let start = -1;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const blockEnd = block.end;
    let i = block.start;
    while (i < blockEnd) {
      if (start < 0) {
        while (i < blockEnd && isSpace(text.charCodeAt(i))) i++;
        if (i >= blockEnd) break;
        start = i;
      }
      // On to the next . ! or ? (a tight loop: this runs over every character of the law).
      for (let ch = text.charCodeAt(i); ch !== DOT && ch !== BANG && ch !== QUESTION; ch = text.charCodeAt(i)) {
        if (++i >= blockEnd) break;
      }
      if (i >= blockEnd) break;
      if (endsSentence(text, block, i, blocks, b)) {
        let end = i + 1;
        while (end < blockEnd && isCloser(text.charCodeAt(end))) end++;
        if (end > start) sentences.push({ start, end });
        start = -1;
        i = end;
        continue;
      }
      i++;
    }
    const next = blocks[b + 1];
    if (start >= 0 && (block.cell || next?.cell || (!next?.item && closesAtBlockEnd(text, block)))) {
      const end = trimEnd(text, blockEnd);
      if (end > start) sentences.push({ start, end });
      start = -1;
    }
  }
  if (start >= 0) {
    const end = trimEnd(text, blocks[blocks.length - 1]!.end);
    if (end > start) sentences.push({ start, end }); // empty sentences are left out
  }
  return sentences;
}

/** The end offset without trailing white space before it. */
export function trimEnd(text: string, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function closesAtBlockEnd(text: string, block: Span): boolean {
  const end = trimEnd(text, block.end);
  if (end <= block.start) return false;
  const last = text.charCodeAt(end - 1);
  if (last === 0x2c || last === 0x3b || last === 0x3a || last === 0x2013 || last === 0x2d) return false; // , ; : – -
  const lastWord = lastLetterRun(text, Math.max(block.start, end - 30), end);
  return !(lastWord !== undefined && CONTINUATION_WORDS.has(lastWord.toLowerCase()));
}

/** Decides whether the punctuation at `i` ends a sentence. */
function endsSentence(text: string, block: Span, i: number, blocks: Span[], b: number): boolean {
  if (text.charCodeAt(i) !== DOT) return followedByBreak(text, block, i);
  if (!followedByBreak(text, block, i)) return false;
  const next = nextWord(text, i + 1, blocks, b);
  // End of the Absatz: a final dot always ends.
  if (next === undefined) return true;
  if (!isUpper(next[0]!) && !/[„"(§]/.test(next[0]!)) return false;
  const prev = trailingWord(text, Math.max(block.start, i - 40), i);
  if (prev === undefined) return true;
  const prevLower = prev.toLowerCase();
  if (ABBREVIATIONS.has(prevLower)) {
    // "… nach Absatz 1 Buchstabe a. Die …": a Buchstabe, not an abbreviation
    const isBuchstabe = prev.length === 1 && /Buchstaben?\s+$/.test(text.slice(Math.max(block.start, i - 14), i - 1));
    if (!isBuchstabe) return false;
  }
  if (/^\d+[a-z]?$/.test(prev)) {
    const nextLower = next.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (ORDINAL_NOUNS.has(nextLower)) return false;
    // Enumeration label: "1." at the start of a block or after ":" "," ";"
    const before = text.slice(Math.max(block.start, i - prev.length - 12), i - prev.length).trimEnd();
    if (before === '' || /[:;,]$/.test(before) || /\b(und|oder)$/.test(before)) return false;
    // "§§ 3 ff." style references followed by a law abbreviation
    if (/^[A-ZÄÖÜ][a-zäöü]*[A-ZÄÖÜ]/.test(next)) return false;
  }
  if ((prevLower === 'ff' || prevLower === 'f') && /^[A-ZÄÖÜ][a-zäöü]*[A-ZÄÖÜ]/.test(next)) return false;
  return true;
}

/** /[“”"«»')\]]*(?:\s|$)/ after i, within the block. */
function followedByBreak(text: string, block: Span, i: number): boolean {
  let j = i + 1;
  while (j < block.end && isCloser(text.charCodeAt(j))) j++;
  return j >= block.end || isSpace(text.charCodeAt(j));
}

/**
 * The next word after `from`: /^[\s“”"«»')\]]*(\S+)/ on the rest of the block (if only closers and space are
 * left, the expression backtracks to the last closer), else /\S+/ on the following blocks.
 */
function nextWord(text: string, from: number, blocks: Span[], b: number): string | undefined {
  const blockEnd = blocks[b]!.end;
  let j = from;
  while (j < blockEnd && (isSpace(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
  if (j < blockEnd) return text.slice(j, nonSpaceRunEnd(text, j, blockEnd));
  for (let k = blockEnd - 1; k >= from; k--) if (!isSpace(text.charCodeAt(k))) return text.slice(k, k + 1);
  for (let k = b + 1; k < blocks.length; k++) {
    let at = blocks[k]!.start;
    const end = blocks[k]!.end;
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    if (at < end) return text.slice(at, nonSpaceRunEnd(text, at, end));
  }
  return undefined;
}

function nonSpaceRunEnd(text: string, from: number, end: number): number {
  let k = from;
  while (k < end && !isSpace(text.charCodeAt(k))) k++;
  return k;
}

/** Length of the code point ending at `end` (2 for a pair of surrogates inside [from, end)), for scans backwards. */
function widthBefore(text: string, from: number, end: number): number {
  return end - 2 >= from && isLowSurrogate(text.charCodeAt(end - 1)) && isHighSurrogate(text.charCodeAt(end - 2)) ? 2 : 1;
}

/** Whether the code point at `at` with `width` code units is in the classes `mask`. */
function inClass(text: string, at: number, width: number, mask: number): boolean {
  return width === 2 ? isAstral(text, at, mask) : (CHAR_CLASS[text.charCodeAt(at)]! & mask) !== 0;
}

/** /([\p{L}\p{N}]+)$/u on text[from, end): the letters and digits right before `end`. */
function trailingWord(text: string, from: number, end: number): string | undefined {
  let k = end;
  while (k > from) {
    const width = widthBefore(text, from, k);
    if (!inClass(text, k - width, width, LETTER | NUMBER)) break;
    k -= width;
  }
  return k < end ? text.slice(k, end) : undefined;
}

/**
 * /([\p{L}]+)\W*$/u on text[from, end): the first run of letters that reaches the tail of characters other
 * than [A-Za-z0-9_] (letters with umlauts belong to that tail too, as \W counts them).
 */
function lastLetterRun(text: string, from: number, end: number): string | undefined {
  let tail = end;
  while (tail > from) {
    const width = widthBefore(text, from, tail);
    const c = text.charCodeAt(tail - 1);
    if (width === 1 && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f)) break;
    tail -= width;
  }
  let k = from;
  while (k < end) {
    const width = widthAt(text, k, end);
    if (!inClass(text, k, width, LETTER)) {
      k += width;
      continue;
    }
    const runStart = k;
    while (k < end) {
      const w = widthAt(text, k, end);
      if (!inClass(text, k, w, LETTER)) break;
      k += w;
    }
    if (k >= tail) return text.slice(runStart, k);
  }
  return undefined;
}

/** Length of the code point at `at` (2 for a pair of surrogates inside [at, end)). */
function widthAt(text: string, at: number, end: number): number {
  return at + 1 < end && isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
}
