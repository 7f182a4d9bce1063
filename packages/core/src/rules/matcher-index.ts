import type { Token, Word } from '../text/tokens.js';
import { wordKey } from '../text/stem.js';
import { optimisations } from '../optimisations.js';

/**
 * One index over the anchor words of every compiled pattern, so that a sentence is matched only where a
 * pattern can start: most sentences of a law contain none of those words and cost one look-up per word.
 *
 * Each pattern (by its source) registers an anchor, a word every match contains (see anchorOf in
 * pattern.ts), and how far before it a match can start. The anchor is given as word keys (looked up in a map)
 * and other word tests (prefix, suffix, exact, contains; tried once per distinct word). For every distinct
 * lower-case word the ids of the patterns anchored at it are computed once and remembered. The
 * candidates of a token array are computed for all patterns at the same time, and remembered by the array
 * when it has any.
 * Word tests depend only on `lower` and `key` of a token, so remembering them by word is exact.
 */

/** What a pattern's anchor token may be: a word key, or a test of the token (with a probe, if known). */
export interface FirstWord {
  key?: string;
  test?: (token: Token) => boolean;
  probe?: WordProbe;
}

/**
 * What a word test accepts, for finding the tests worth asking: the lower-case word equals, starts with,
 * contains `value`, or ends with it or its stem ends with `headStem`.
 */
export type WordProbe =
  | { kind: 'exact' | 'prefix' | 'contains'; value: string }
  | { kind: 'suffix'; value: string; headStem: string };

/** Where a pattern is looked for: tokens passing one of `words`, with `before` = [min, max] tokens of the match before it. */
export interface Anchor {
  words: FirstWord[];
  before: [number, number];
}

// Words in almost every sentence make poor anchors ("oder elektronisch" is looked for at "elektronisch").
const COMMON = [
  'oder', 'und', 'sowie', 'bzw', 'durch', 'mit', 'per', 'über', 'die', 'der', 'das', 'den', 'dem', 'des', 'ein', 'eine',
  'einer', 'eines', 'einem', 'einen', 'auf', 'in', 'im', 'zur', 'zum', 'zu', 'bei', 'beim', 'vor', 'nach', 'von', 'vom',
  'an', 'am', 'aus', 'für', 'ist', 'sind', 'wird', 'werden', 'kann', 'können', 'hat', 'haben', 'soll', 'sollen', 'muss',
  'müssen', 'nicht', 'als', 'wie', 'auch', 'es', 'sie', 'er', 'nr', 'satz', 'absatz', 'abs',
];
const COMMON_KEYS = new Set(COMMON.map(wordKey));

/** Whether a word is too frequent to anchor a pattern (a matter of speed only, never of results). */
export function isCommon(word: FirstWord): boolean {
  if (word.key !== undefined) return COMMON_KEYS.has(word.key);
  return word.probe?.kind === 'exact' && COMMON.includes(word.probe.value);
}

interface OtherTest {
  id: number;
  test: (token: Token) => boolean;
}

const idsBySource = new Map<string, number>();
const keyIndex = new Map<string, number[]>();
// Tests other than word keys, filed by what a word must look like to pass them (always: no probe, or short).
const byExact = new Map<string, OtherTest[]>();
const byFirstTwo = new Map<string, OtherTest[]>();
const byLastTwo = new Map<string, OtherTest[]>();
const byStemLastTwo = new Map<string, OtherTest[]>();
const always: OtherTest[] = [];
let suffixTests = 0;
/** Ids of patterns that may start at any token (an optional first word before a gap). */
const anywhere = new Set<number>();
/** Per pattern id: how many tokens of a match can come before its anchor. */
const before: Array<[number, number]> = [];
const NONE: readonly number[] = Object.freeze([]);
let wordIds = new Map<string, readonly number[]>();

/** The ids of the patterns anchored at a word, for the index (`wordIds`) they were found with. */
export interface AnchorRecord {
  readonly ids: readonly number[];
  readonly index: object;
}
/** The record of every word without an anchor (most words): one object per index. */
let noAnchors: AnchorRecord = { ids: NONE, index: wordIds };

export interface Candidates {
  /** Registered patterns when computed (a new pattern invalidates). */
  patterns: number;
  length: number;
  /** Start positions per pattern id; absent: none. */
  starts: Map<number, number[]> | undefined;
}
const byTokens = new WeakMap<Token[], Candidates>();

/**
 * Registers a pattern's anchor (undefined: it may start anywhere) and returns its id.
 * Patterns with the same source share an id.
 */
export function registerPattern(source: string, anchor: Anchor | undefined): number {
  const known = idsBySource.get(source);
  if (known !== undefined) return known;
  const id = idsBySource.size;
  idsBySource.set(source, id);
  before[id] = anchor?.before ?? [0, 0];
  if (!anchor) anywhere.add(id);
  else {
    for (const word of anchor.words) {
      if (word.key !== undefined) {
        const ids = keyIndex.get(word.key);
        if (!ids) keyIndex.set(word.key, [id]);
        else if (ids[ids.length - 1] !== id) ids.push(id);
      } else if (word.test) {
        fileTest({ id, test: word.test }, word.probe);
      }
    }
  }
  wordIds = new Map();
  noAnchors = { ids: NONE, index: wordIds };
  return id;
}

function add(map: Map<string, OtherTest[]>, key: string, test: OtherTest): void {
  const list = map.get(key);
  if (list) list.push(test);
  else map.set(key, [test]);
}

function fileTest(test: OtherTest, probe: WordProbe | undefined): void {
  if (!probe) always.push(test);
  else if (probe.kind === 'exact') add(byExact, probe.value, test);
  else if (probe.kind === 'prefix' && probe.value.length >= 2) add(byFirstTwo, probe.value.slice(0, 2), test);
  else if (probe.kind === 'suffix' && probe.value.length >= 2 && probe.headStem.length >= 2) {
    // Passes if the word ends with the value or its stem ends with the stem of the value: filed under both.
    add(byLastTwo, probe.value.slice(-2), test);
    add(byStemLastTwo, probe.headStem.slice(-2), test);
    suffixTests++;
  } else always.push(test);
}

/** Ids of the patterns that may start at a token (ascending): from the token, its word, or found by its lower case. */
function idsForWord(token: Token): readonly number[] {
  const known = token.anchors;
  if (known !== undefined && known.index === wordIds) return known.ids;
  return token.word !== undefined ? anchorsOfWord(token.word).ids : idsForLower(token);
}

/** The patterns anchored at a word (remembered with the word while no pattern is added). */
export function anchorsOfWord(word: Word): AnchorRecord {
  const known = word.anchors;
  if (known !== undefined && known.index === wordIds) return known;
  // The word tests read only `lower` and `key` (and the stem, which compound tests take from `word`).
  const ids = idsForLower({ start: 0, end: 0, text: word.text, lower: word.lower, key: word.key, word });
  return (word.anchors = ids.length === 0 ? noAnchors : { ids, index: wordIds });
}

/** Ids of the patterns that may start at a token with this lower-case form, computed once per form. */
function idsForLower(token: Token): readonly number[] {
  let ids = wordIds.get(token.lower);
  if (ids === undefined) {
    const lower = token.lower;
    const key = token.key ?? wordKey(lower);
    const found = keyIndex.get(key)?.slice() ?? [];
    ask(found, token, byExact.get(lower));
    ask(found, token, byFirstTwo.get(lower.slice(0, 2)));
    ask(found, token, byLastTwo.get(lower.slice(-2)));
    if (suffixTests > 0) {
      const colon = key.indexOf(':');
      const wordStem = colon < 0 ? key : key.slice(0, colon); // the key is the stem plus ":" and the umlauts
      ask(found, token, byStemLastTwo.get(wordStem.slice(-2)));
    }
    ask(found, token, always);
    ids = found.length === 0 ? NONE : found.length === 1 ? found : found.sort((a, b) => a - b);
    if (wordIds.size > 300_000) wordIds.clear();
    wordIds.set(lower, ids);
  }
  return ids;
}

/** Adds the ids of the tests the token passes (once each). */
function ask(found: number[], token: Token, tests: OtherTest[] | undefined): void {
  if (!tests) return;
  for (const { id, test } of tests) if (!found.includes(id) && test(token)) found.push(id);
}

// The last token array asked about: rules ask several patterns about one sentence in a row.
let lastTokens: Token[] | undefined;
let lastEntry: Candidates | undefined;

function candidatesOf(tokens: Token[]): Candidates {
  let entry = lastTokens === tokens ? lastEntry : byTokens.get(tokens);
  if (entry && entry.patterns === idsBySource.size && entry.length === tokens.length) {
    lastTokens = tokens;
    lastEntry = entry;
    return entry;
  }
  let starts: Map<number, number[]> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const ids = idsForWord(tokens[i]!);
    for (let k = 0; k < ids.length; k++) {
      starts ??= new Map();
      const list = starts.get(ids[k]!);
      if (list) list.push(i);
      else starts.set(ids[k]!, [i]);
    }
  }
  entry = { patterns: idsBySource.size, length: tokens.length, starts };
  // Only sentences with an anchor are remembered for long: they are asked again for each pattern, while the
  // many without one are asked once (an entry in a WeakMap costs more than finding no anchor again).
  if (starts) byTokens.set(tokens, entry);
  lastTokens = tokens;
  lastEntry = entry;
  return entry;
}

/**
 * Where pattern `id` may start in `tokens` (ascending), or undefined when every token must be tried
 * (the index is off, or the pattern may start anywhere).
 */
export function candidateStarts(id: number, tokens: Token[]): readonly number[] | undefined {
  if (!optimisations.matcherIndex || anywhere.has(id)) return undefined;
  const anchors = candidatesOf(tokens).starts?.get(id);
  if (!anchors) return NONE;
  const [min, max] = before[id]!;
  if (max === 0) return anchors;
  // A match with its anchor at j starts at j - max … j - min.
  const starts: number[] = [];
  for (const j of anchors) {
    for (let i = Math.max(j - max, starts.length ? starts[starts.length - 1]! + 1 : 0); i <= j - min; i++) starts.push(i);
  }
  return starts;
}


/** How many patterns are registered (what is remembered about anchors holds for this number). */
export function registeredPatterns(): number {
  return idsBySource.size;
}

/** Whether any pattern at all may match somewhere in `tokens` (false lets a caller skip the sentence). */
export function anyPatternMayMatch(tokens: Token[]): boolean {
  if (!optimisations.matcherIndex || anywhere.size > 0) return true;
  return candidatesOf(tokens).starts !== undefined;
}
