import type { Token } from '../text/tokens.js';
import { wordKey } from '../text/stem.js';
import { optimisations } from '../optimisations.js';

/**
 * One index over the first words of every compiled pattern, so that a sentence is matched only where a
 * pattern can start: most sentences of a law contain none of those words and cost one look-up per word.
 *
 * Each pattern (by its source) registers what its first token must be: word keys (looked up in a map)
 * and other word tests (prefix, suffix, exact, contains; tried once per distinct word). For every distinct
 * lower-case word the ids of the patterns that may start at it are computed once and remembered. The
 * candidates of a token array are computed once (cached by the array) for all patterns at the same time.
 * Word tests depend only on `lower` and `key` of a token, so remembering them by word is exact.
 */

/** What a pattern's first token may be: a word key, or a test of the token. */
export interface FirstWord {
  key?: string;
  test?: (token: Token) => boolean;
}

const idsBySource = new Map<string, number>();
const keyIndex = new Map<string, number[]>();
const otherTests: Array<{ id: number; test: (token: Token) => boolean }> = [];
/** Ids of patterns that may start at any token (an optional first word before a gap). */
const anywhere: number[] = [];
const NONE: readonly number[] = Object.freeze([]);
let wordIds = new Map<string, readonly number[]>();

interface Candidates {
  /** Registered patterns when computed (a new pattern invalidates). */
  patterns: number;
  length: number;
  /** Start positions per pattern id; absent: none. */
  starts: Map<number, number[]> | undefined;
}
const byTokens = new WeakMap<Token[], Candidates>();

/**
 * Registers a pattern's first words (undefined: it may start anywhere) and returns its id.
 * Patterns with the same source share an id.
 */
export function registerPattern(source: string, first: FirstWord[] | undefined): number {
  const known = idsBySource.get(source);
  if (known !== undefined) return known;
  const id = idsBySource.size;
  idsBySource.set(source, id);
  if (!first) anywhere.push(id);
  else {
    for (const word of first) {
      if (word.key !== undefined) {
        const ids = keyIndex.get(word.key);
        if (!ids) keyIndex.set(word.key, [id]);
        else if (ids[ids.length - 1] !== id) ids.push(id);
      } else if (word.test) {
        otherTests.push({ id, test: word.test });
      }
    }
  }
  wordIds = new Map();
  return id;
}

/** Ids of the patterns that may start at a token with this lower-case form (ascending). */
function idsForWord(token: Token): readonly number[] {
  let ids = wordIds.get(token.lower);
  if (ids === undefined) {
    const found = new Set<number>(keyIndex.get(token.key ?? wordKey(token.lower)) ?? NONE);
    for (const { id, test } of otherTests) if (!found.has(id) && test(token)) found.add(id);
    ids = found.size === 0 ? NONE : [...found].sort((a, b) => a - b);
    if (wordIds.size > 300_000) wordIds.clear();
    wordIds.set(token.lower, ids);
  }
  return ids;
}

function candidatesOf(tokens: Token[]): Candidates {
  let entry = byTokens.get(tokens);
  if (entry && entry.patterns === idsBySource.size && entry.length === tokens.length) return entry;
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
  byTokens.set(tokens, entry);
  return entry;
}

/**
 * Where pattern `id` may start in `tokens` (ascending), or undefined when every token must be tried
 * (the index is off, or the pattern may start anywhere).
 */
export function candidateStarts(id: number, tokens: Token[]): readonly number[] | undefined {
  if (!optimisations.matcherIndex || anywhere.includes(id)) return undefined;
  return candidatesOf(tokens).starts?.get(id) ?? NONE;
}

/** Whether any pattern at all may match somewhere in `tokens` (false lets a caller skip the sentence). */
export function anyPatternMayMatch(tokens: Token[]): boolean {
  if (!optimisations.matcherIndex || anywhere.length > 0) return true;
  return candidatesOf(tokens).starts !== undefined;
}
