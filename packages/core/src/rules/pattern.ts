import type { Token } from '../text/tokens.js';
import { stem, wordKey } from '../text/stem.js';
import { candidateStarts, isCommon, registerPattern, type Anchor, type FirstWord, type WordProbe } from './matcher-index.js';

/**
 * Phrase patterns, written for people who are not programmers (see docs/patterns.md):
 *
 *   schriftlich            a word in any inflection ("schriftliche", "schriftlichen")
 *   (Post|Briefpost)       one of several words
 *   (Post AG|Deutsche Post) one of several phrases
 *   Schriftform*           a word beginning with this ("Schriftformerfordernis")
 *   *bescheinigung         a compound ending in this word ("Meldebescheinigungen")
 *   *original*             a word containing this
 *   =Post                  exactly this word, no other inflection
 *   persönlich?            an optional word
 *   ...  / ...3            a gap of up to 4 (or 3) other words
 */
export class PatternError extends Error {}

/**
 * A test of one token. It reads only `lower` and `key` (the matcher index remembers results by word).
 * `key`: it accepts exactly the tokens with this key; `alternatives`: it accepts what any of these accepts.
 */
type WordTest = ((token: Token) => boolean) & { key?: string; alternatives?: WordTest[]; probe?: WordProbe };
type Element =
  | { kind: 'word'; test: WordTest; optional: boolean }
  | { kind: 'group'; branches: Element[][]; optional: boolean }
  | { kind: 'gap'; max: number };

export interface CompiledPattern {
  source: string;
  /** All non-overlapping matches as [first token, last token] (inclusive), leftmost first. Read only (no match: one shared empty list). */
  findAll(tokens: Token[]): Array<[number, number]>;
}

const NO_MATCHES: Array<[number, number]> = Object.freeze([]) as unknown as Array<[number, number]>;
/** The continuation after a whole pattern: the match ends at the token before `t`. */
const LAST_TOKEN: Continuation = (t) => t - 1;

const DEFAULT_GAP = 4;

export function compilePattern(source: string): CompiledPattern {
  const elements = parse(source);
  const id = registerPattern(source, anchorOf(elements));
  return {
    source,
    findAll: search,
  };
  function search(tokens: Token[]): Array<[number, number]> {
    let found: Array<[number, number]> | undefined;
    const starts = candidateStarts(id, tokens);
    if (starts) {
      // Only where the matcher index says the pattern can start; the same leftmost, non-overlapping matches.
      let after = -1;
      for (let k = 0; k < starts.length; k++) {
        const i = starts[k]!;
        if (i <= after) continue;
        const end = matchSequence(elements, 0, tokens, i, LAST_TOKEN);
        if (end >= i) {
          (found ??= []).push([i, end]);
          after = end;
        }
      }
      return found ?? NO_MATCHES;
    }
    for (let i = 0; i < tokens.length; i++) {
      const end = matchSequence(elements, 0, tokens, i, LAST_TOKEN);
      if (end >= i) {
        (found ??= []).push([i, end]);
        i = end;
      }
    }
    return found ?? NO_MATCHES;
  }
}

/** What remains to be matched after a sequence: returns the last token index of the whole match, or -1. */
type Continuation = (t: number) => number;

/**
 * Matches elements[e…] from token t, shortest first, then the continuation. (What follows an element is
 * matched by calling this for e + 1; only a group needs it as a function, for the ends of its branches.)
 */
function matchSequence(elements: Element[], e: number, tokens: Token[], t: number, rest: Continuation): number {
  if (e === elements.length) return rest(t);
  const el = elements[e]!;
  if (el.kind === 'gap') {
    for (let skip = 0; skip <= el.max && t + skip <= tokens.length; skip++) {
      const end = matchSequence(elements, e + 1, tokens, t + skip, rest);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (el.kind === 'word') {
    if (t < tokens.length && el.test(tokens[t]!)) {
      const end = matchSequence(elements, e + 1, tokens, t + 1, rest);
      if (end >= 0) return end;
    }
  } else {
    const next: Continuation = (after) => matchSequence(elements, e + 1, tokens, after, rest);
    for (const branch of el.branches) {
      const end = matchSequence(branch, 0, tokens, t, next);
      if (end >= 0) return end;
    }
  }
  return el.optional ? matchSequence(elements, e + 1, tokens, t, rest) : -1;
}

function parse(source: string): Element[] {
  const elements = parseSequence(splitParts(source), source);
  if (elements.length === 0) throw new PatternError('Das Muster ist leer.');
  const first = elements[0]!;
  const last = elements[elements.length - 1]!;
  if (first.kind === 'gap' || last.kind === 'gap') {
    throw new PatternError(`„${source}“: Eine Lücke (...) darf nicht am Anfang oder Ende stehen.`);
  }
  if (elements.every((el) => el.kind !== 'gap' && el.optional)) {
    throw new PatternError(`„${source}“: Mindestens ein Wort darf nicht optional sein.`);
  }
  return elements;
}

/** Splits on spaces outside parentheses: "(Post AG|Post) ...3 x?" → ["(Post AG|Post)", "...3", "x?"]. */
function splitParts(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source.trim()) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new PatternError(`„${source}“: Eine Klammer wird geschlossen, die nicht geöffnet wurde.`);
    if (/\s/.test(ch) && depth === 0) {
      if (current) parts.push(current);
      current = '';
    } else current += ch;
  }
  if (depth > 0) throw new PatternError(`„${source}“: Eine Klammer wird nicht geschlossen.`);
  if (current) parts.push(current);
  return parts;
}

function parseSequence(parts: string[], source: string): Element[] {
  return parts.map((part) => parseElement(part, source));
}

function parseElement(part: string, source: string): Element {
  const gap = /^(?:\.\.\.|…)(\d+)?$/.exec(part);
  if (gap) return { kind: 'gap', max: gap[1] ? Number(gap[1]) : DEFAULT_GAP };
  let body = part;
  let optional = false;
  if (body.endsWith('?')) {
    optional = true;
    body = body.slice(0, -1);
  }
  if (body.startsWith('(')) {
    if (!body.endsWith(')')) throw new PatternError(`„${part}“: Nach der schließenden Klammer darf nur „?“ folgen.`);
    const branches = splitBranches(body.slice(1, -1)).map((branch) => {
      const words = splitParts(branch);
      if (words.length === 0) throw new PatternError(`„${part}“: Eine Alternative ist leer.`);
      if (words.some((w) => /^(\.\.\.|…)/.test(w))) throw new PatternError(`„${part}“: Lücken (...) sind in Klammern nicht erlaubt.`);
      return parseSequence(words, source);
    });
    if (branches.every((b) => b.length === 1 && b[0]!.kind === 'word')) {
      const tests = branches.map((b) => (b[0] as { test: WordTest }).test);
      const test: WordTest = Object.assign((token: Token) => {
        for (let k = 0; k < tests.length; k++) if (tests[k]!(token)) return true;
        return false;
      }, { alternatives: tests });
      return { kind: 'word', test, optional };
    }
    return { kind: 'group', branches, optional };
  }
  return { kind: 'word', test: wordTest(body, part), optional };
}

/** Splits "a b|c|(d|e) f" on top-level bars. */
function splitBranches(inner: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of inner) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      branches.push(current);
      current = '';
    } else current += ch;
  }
  branches.push(current);
  return branches;
}

const WORD_CHARS = /^[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*$/u;

function wordTest(raw: string, part: string): WordTest {
  let word = raw;
  const exact = word.startsWith('=');
  if (exact) word = word.slice(1);
  const head = word.startsWith('*');
  const prefix = word.endsWith('*');
  word = word.replace(/^\*|\*$/g, '');
  if (!WORD_CHARS.test(word)) {
    throw new PatternError(`„${part}“: „${raw}“ ist kein gültiges Wort (erlaubt: Buchstaben, Ziffern, Bindestrich; = * ? ( | ) als Zeichen des Musters).`);
  }
  const lower = word.toLowerCase();
  // `probe` tells the matcher index which words can pass (it still asks the test itself).
  if (exact) return Object.assign((t: Token) => t.lower === lower, { probe: { kind: 'exact', value: lower } as const });
  if (head && prefix) return Object.assign((t: Token) => t.lower.includes(lower), { probe: { kind: 'contains', value: lower } as const });
  if (prefix) return Object.assign((t: Token) => t.lower.startsWith(lower), { probe: { kind: 'prefix', value: lower } as const });
  if (head) {
    const headStem = stem(lower);
    const test = (t: Token) => t.lower.endsWith(lower) || (t.word?.stem ?? stem(t.lower)).endsWith(headStem);
    return Object.assign(test, { probe: { kind: 'suffix', value: lower, headStem } as const });
  }
  const key = wordKey(lower);
  return Object.assign((t: Token) => t.key === key, { key });
}

/**
 * Where the matcher index looks for a pattern: a required word of the sequence (preferably a rare one,
 * see isCommon) and how many tokens a match can have before it; without such a word, the words a match
 * can start with. undefined: a match can start at any token.
 */
function anchorOf(elements: Element[]): Anchor | undefined {
  const found = anchorIn(elements);
  if (found) return { words: found.words, before: found.before };
  // No required word: the words a match can start with.
  const out: FirstWord[] = [];
  // Returns false when the sequence can start with any token (a gap first, once optional words are skipped).
  const collect = (sequence: Element[]): boolean => {
    for (const el of sequence) {
      if (el.kind === 'gap') return false;
      if (el.kind === 'word') out.push(...wordsOf(el.test));
      else if (!el.branches.every(collect)) return false;
      if (!el.optional) return true;
    }
    return false; // everything optional: a match could start with what follows the sequence
  };
  return collect(elements) ? { words: out, before: [0, 0] } : undefined;
}

const wordsOf = (test: WordTest): FirstWord[] => test.alternatives ? test.alternatives.flatMap(wordsOf)
  : test.key !== undefined ? [{ key: test.key }] : [{ test, probe: test.probe }];

/**
 * The best anchor of a sequence: a required word, or a required group whose every branch has one (then the
 * words of all branches). `before`: how many tokens of the sequence can precede it; `cost`: lower is rarer.
 */
function anchorIn(sequence: Element[]): (Anchor & { cost: number }) | undefined {
  let best: (Anchor & { cost: number }) | undefined;
  let min = 0;
  let max = 0;
  for (const el of sequence) {
    let candidate: (Anchor & { cost: number }) | undefined;
    if (el.kind === 'word' && !el.optional) {
      const words = wordsOf(el.test);
      const shortest = Math.min(...words.map((w) => (w.key ?? w.probe?.value ?? '').length));
      candidate = { words, before: [0, 0], cost: (words.some(isCommon) ? 1000 : 0) - shortest };
    } else if (el.kind === 'group' && !el.optional) {
      const inner = el.branches.map(anchorIn);
      if (inner.every((a) => a !== undefined)) {
        candidate = {
          words: inner.flatMap((a) => a!.words),
          before: [Math.min(...inner.map((a) => a!.before[0])), Math.max(...inner.map((a) => a!.before[1]))],
          cost: Math.max(...inner.map((a) => a!.cost)),
        };
      }
    }
    if (candidate && (!best || candidate.cost < best.cost)) {
      best = { ...candidate, before: [min + candidate.before[0], max + candidate.before[1]] };
    }
    const [low, high] = lengthOf(el);
    min += low;
    max += high;
  }
  return best;
}

/** The fewest and the most tokens an element can take. */
function lengthOf(el: Element): [number, number] {
  if (el.kind === 'gap') return [0, el.max];
  if (el.kind === 'word') return [el.optional ? 0 : 1, 1];
  const branches = el.branches.map((branch) => branch.map(lengthOf).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]));
  return [el.optional ? 0 : Math.min(...branches.map((b) => b[0])), Math.max(...branches.map((b) => b[1]))];
}
