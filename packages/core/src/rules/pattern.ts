import type { Token } from '../text/tokens.js';
import { stem, wordKey } from '../text/stem.js';

/**
 * Phrase patterns, written for people who are not programmers (see docs/patterns.md):
 *
 *   schriftlich            a word in any inflection ("schriftliche", "schriftlichen")
 *   (Post|Briefpost)       one of several words
 *   Schriftform*           a word beginning with this ("Schriftformerfordernis")
 *   *bescheinigung         a compound ending in this word ("Meldebescheinigungen")
 *   *original*             a word containing this
 *   =Post                  exactly this word, no other inflection
 *   persönlich?            an optional word
 *   ...  / ...3            a gap of up to 4 (or 3) other words
 */
export class PatternError extends Error {}

type WordTest = (token: Token) => boolean;
type Element = { kind: 'word'; test: WordTest; optional: boolean } | { kind: 'gap'; max: number };

export interface CompiledPattern {
  source: string;
  /** All non-overlapping matches as [first token, last token] (inclusive), leftmost first. */
  findAll(tokens: Token[]): Array<[number, number]>;
}

const DEFAULT_GAP = 4;

export function compilePattern(source: string): CompiledPattern {
  const elements = parse(source);
  return {
    source,
    findAll(tokens) {
      const found: Array<[number, number]> = [];
      for (let i = 0; i < tokens.length; i++) {
        const end = matchFrom(elements, 0, tokens, i);
        if (end >= i) {
          found.push([i, end]);
          i = end;
        }
      }
      return found;
    },
  };
}

/** Returns the index of the last token of the shortest match starting at `t`, or -1. */
function matchFrom(elements: Element[], e: number, tokens: Token[], t: number): number {
  if (e === elements.length) return t - 1;
  const el = elements[e]!;
  if (el.kind === 'gap') {
    for (let skip = 0; skip <= el.max && t + skip <= tokens.length; skip++) {
      const end = matchFrom(elements, e + 1, tokens, t + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (t < tokens.length && el.test(tokens[t]!)) {
    const end = matchFrom(elements, e + 1, tokens, t + 1);
    if (end >= 0) return end;
  }
  return el.optional ? matchFrom(elements, e + 1, tokens, t) : -1;
}

function parse(source: string): Element[] {
  const parts = source.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new PatternError('Das Muster ist leer.');
  const elements = parts.map(parseElement);
  const first = elements[0]!;
  const last = elements[elements.length - 1]!;
  if (first.kind === 'gap' || last.kind === 'gap') {
    throw new PatternError(`„${source}“: Eine Lücke (...) darf nicht am Anfang oder Ende stehen.`);
  }
  if (elements.every((el) => el.kind === 'word' && el.optional)) {
    throw new PatternError(`„${source}“: Mindestens ein Wort darf nicht optional sein.`);
  }
  return elements;
}

function parseElement(part: string): Element {
  const gap = /^(?:\.\.\.|…)(\d+)?$/.exec(part);
  if (gap) return { kind: 'gap', max: gap[1] ? Number(gap[1]) : DEFAULT_GAP };
  let body = part;
  let optional = false;
  if (body.endsWith('?')) {
    optional = true;
    body = body.slice(0, -1);
  }
  let alternatives = [body];
  if (body.startsWith('(')) {
    if (!body.endsWith(')')) throw new PatternError(`„${part}“: Die Klammer wird nicht geschlossen.`);
    alternatives = body.slice(1, -1).split('|');
  }
  const tests = alternatives.map((alt) => wordTest(alt, part));
  const test: WordTest = tests.length === 1 ? tests[0]! : (token) => tests.some((t) => t(token));
  return { kind: 'word', test, optional };
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
  if (exact) return (t) => t.lower === lower;
  if (head && prefix) return (t) => t.lower.includes(lower);
  if (prefix) return (t) => t.lower.startsWith(lower);
  if (head) {
    const headStem = stem(lower);
    return (t) => t.lower.endsWith(lower) || stem(t.lower).endsWith(headStem);
  }
  const key = wordKey(lower);
  return (t) => t.key === key;
}
