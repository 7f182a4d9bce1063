import type { Span } from '../../src/types.js';

/**
 * The sentence splitter as it was before its scans were written with character tables (text/sentences.ts):
 * regular expressions on single characters and short slices. Kept as the reference that the fast scans
 * must agree with (see sentences.test.ts); not used by dclint itself.
 */

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

export function splitBlocks(text: string, blocks: Array<Span & { cell?: boolean; item?: boolean }>): Span[] {
  const sentences: Span[] = [];
  let start = -1;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    let i = block.start;
    while (i < block.end) {
      if (start < 0) {
        if (/\s/.test(text[i]!)) {
          i++;
          continue;
        }
        start = i;
      }
      const ch = text.charCodeAt(i);
      if ((ch === DOT || ch === BANG || ch === QUESTION) && endsSentence(text, block, i, blocks, b)) {
        let end = i + 1;
        while (end < block.end && /[“”"«»')\]]/.test(text[end]!)) end++;
        sentences.push({ start, end });
        start = -1;
        i = end;
        continue;
      }
      i++;
    }
    const next = blocks[b + 1];
    if (start >= 0 && (block.cell || next?.cell || (!next?.item && closesAtBlockEnd(text, block)))) {
      sentences.push({ start, end: trimEnd(text, block.end) });
      start = -1;
    }
  }
  if (start >= 0) sentences.push({ start, end: trimEnd(text, blocks[blocks.length - 1]!.end) });
  return sentences.filter((s) => s.end > s.start);
}

/** The end offset without trailing white space before it. */
function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function closesAtBlockEnd(text: string, block: Span): boolean {
  const end = trimEnd(text, block.end);
  if (end <= block.start) return false;
  if (/[,;:–\-]/.test(text[end - 1]!)) return false;
  const lastWord = /([\p{L}]+)\W*$/u.exec(text.slice(Math.max(block.start, end - 30), end));
  return !(lastWord && CONTINUATION_WORDS.has(lastWord[1]!.toLowerCase()));
}

/** Decides whether the punctuation at `i` ends a sentence. */
function endsSentence(text: string, block: Span, i: number, blocks: Span[], b: number): boolean {
  if (text[i] !== '.') return followedByBreak(text, block, i);
  if (!followedByBreak(text, block, i)) return false;
  const next = nextWord(text, i + 1, blocks, b);
  // End of the Absatz: a final dot always ends.
  if (next === undefined) return true;
  if (!isUpper(next[0]!) && !/[„"(§]/.test(next[0]!)) return false;
  const prev = /([\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(block.start, i - 40), i))?.[1];
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

function followedByBreak(text: string, block: Span, i: number): boolean {
  let j = i + 1;
  while (j < block.end && /[“”"«»')\]]/.test(text[j]!)) j++;
  return j >= block.end || /\s/.test(text[j]!);
}

function nextWord(text: string, from: number, blocks: Span[], b: number): string | undefined {
  const inBlock = /^[\s“”"«»')\]]*(\S+)/.exec(text.slice(from, blocks[b]!.end));
  if (inBlock) return inBlock[1];
  for (let k = b + 1; k < blocks.length; k++) {
    const m = /\S+/.exec(text.slice(blocks[k]!.start, blocks[k]!.end));
    if (m) return m[0];
  }
  return undefined;
}
