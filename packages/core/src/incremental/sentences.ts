import type { AnalysedDocument, AbsatzUnit } from '../structure/parse.js';
import type { CodeRule, CodeRuleContext, RawMatch, SentenceContext } from '../code-rules/index.js';
import type { Span } from '../types.js';
import { tokenize, type Token } from '../text/tokens.js';
import { anyPatternMayMatch, attachMatchStore, candidatesFor, registeredPatterns, rememberCandidates } from '../rules/matcher-index.js';
import { optimisations } from '../optimisations.js';
import { activeMemo, type Memo, type UnitMemo } from './memo.js';

/**
 * The sentences of a document with their words, for the rules. Without an IncrementalLinter this is the
 * plain computation. With one, the words of an Absatz are remembered by its text and made only when a
 * rule reads them, and two questions asked of every sentence are answered from memory: may a pattern
 * match here (its anchor occurs), and what does a code rule find in an unchanged § or Absatz.
 */

/**
 * The text of a run of text blocks (with the character before and after, which the tokeniser looks at),
 * and their layout. Memos are found by the text and checked against the layout.
 */
export function blocksKey(text: string, blocks: ReadonlyArray<Span & { cell?: boolean; item?: boolean }>): [string, string] {
  const base = blocks[0]!.start;
  const end = blocks[blocks.length - 1]!.end;
  let layout = `${base > 0 ? 1 : 0}${end < text.length ? 1 : 0}:`;
  for (const b of blocks) layout += `${b.start - base},${b.end - base},${b.cell ? 1 : 0}${b.item ? 1 : 0};`;
  return [text.slice(Math.max(0, base - 1), Math.min(text.length, end + 1)), layout];
}

/** The words of one Absatz, made once per version when first needed. */
interface UnitWords {
  memo: UnitMemo;
  doc: AnalysedDocument;
  unit: AbsatzUnit;
  base: number;
  tokens?: Token[];
}

/** Where a sentence made here comes from (masked sentences of amending laws are new objects without it). */
interface Origin {
  words: UnitWords;
  /** Start of the sentence relative to the first block of its Absatz. */
  start: number;
}

// Not enumerable: a copy made with {...sentence} (an amending law masks words so) is not taken for the original.
const ORIGIN = Symbol('origin');
type Made = SentenceContext & { [ORIGIN]?: Origin };

/** The memo of an Absatz, found once per version by the text of its blocks. */
export function unitMemo(memo: Memo, text: string, blocks: ReadonlyArray<Span & { cell?: boolean; item?: boolean }>): UnitMemo {
  let entry = memo.current.get(blocks);
  if (entry) return entry;
  const [key, layout] = blocksKey(text, blocks);
  entry = memo.units.get(key);
  if (!entry || entry.layout !== layout) {
    entry = { layout };
    memo.units.set(key, entry);
  }
  memo.current.set(blocks, entry);
  return entry;
}

export function sentenceContexts(doc: AnalysedDocument): SentenceContext[] {
  const memo = activeMemo();
  if (!memo) return unitSentences(doc, doc.units);
  const out: SentenceContext[] = [];
  for (const unit of doc.units) {
    if (unit.blocks.length > 0) lazySentences(memo, doc, unit, out);
  }
  return out;
}

/** The sentences of some Absätze with their words (computed, nothing remembered). */
export function unitSentences(doc: AnalysedDocument, units: AbsatzUnit[]): SentenceContext[] {
  const out: SentenceContext[] = [];
  for (const unit of units) {
    const tokens = unit.blocks.length === 1 ? tokenize(doc.matchText, unit.blocks[0]!.start, unit.blocks[0]!.end)
      : unit.blocks.flatMap((b) => tokenize(doc.matchText, b.start, b.end));
    let t = 0;
    for (const s of unit.absatz.sentences) {
      while (t < tokens.length && tokens[t]!.start < s.start) t++;
      const first = t;
      while (t < tokens.length && tokens[t]!.start < s.end) t++;
      out.push({ start: s.start, end: s.end, tokens: tokens.slice(first, t), unit });
    }
  }
  return out;
}

/** The sentences of one Absatz whose `tokens` are made on first reading (see LAZY_TOKENS). */
function lazySentences(memo: Memo, doc: AnalysedDocument, unit: AbsatzUnit, out: SentenceContext[]): void {
  const words: UnitWords = { memo: unitMemo(memo, doc.matchText, unit.blocks), doc, unit, base: unit.blocks[0]!.start };
  for (const s of unit.absatz.sentences) {
    const context = { start: s.start, end: s.end, unit } as Made;
    Object.defineProperty(context, 'tokens', LAZY_TOKENS);
    Object.defineProperty(context, ORIGIN, { value: { words, start: s.start - words.base } });
    out.push(context);
  }
}

/** One accessor for all lazy sentences (shared, so that they keep one shape); reading replaces it by the value. */
const LAZY_TOKENS: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: Made): Token[] {
    const origin = this[ORIGIN]!;
    const all = unitTokens(origin.words);
    let t = 0;
    while (t < all.length && all[t]!.start < this.start) t++;
    const first = t;
    while (t < all.length && all[t]!.start < this.end) t++;
    const tokens = all.slice(first, t);
    const candidates = origin.words.memo.candidates;
    const known = candidates?.patterns === registeredPatterns() ? candidates.bySentence.get(origin.start) : undefined;
    if (known) rememberCandidates(tokens, known);
    const matches = (origin.words.memo.matches ??= new Map());
    let store = matches.get(origin.start);
    if (!store) matches.set(origin.start, (store = new Map()));
    attachMatchStore(tokens, store);
    Object.defineProperty(this, 'tokens', { value: tokens, writable: true, enumerable: true, configurable: true });
    return tokens;
  },
  set(this: Made, value: Token[]) {
    Object.defineProperty(this, 'tokens', { value, writable: true, enumerable: true, configurable: true });
  },
};

/** The words of an Absatz: remembered ones moved to its place, or tokenised (and remembered). */
function unitTokens(words: UnitWords): Token[] {
  if (words.tokens) return words.tokens;
  const { memo, base } = words;
  if (memo.placed?.base === base) {
    words.tokens = memo.placed.tokens;
  } else if (memo.tokens) {
    words.tokens = memo.tokens.map((t) => ({ ...t, start: t.start + base, end: t.end + base }));
  } else {
    words.tokens = words.unit.blocks.flatMap((b) => tokenize(words.doc.matchText, b.start, b.end));
    memo.tokens = words.tokens.map((t) => ({ ...t, start: t.start - base, end: t.end - base }));
  }
  memo.placed = { base, tokens: words.tokens };
  return words.tokens;
}

/** Whether some pattern's anchor occurs in the sentence (remembered per Absatz text in an IncrementalLinter). */
export function sentenceMayMatch(sentence: SentenceContext): boolean {
  const origin = (sentence as Made)[ORIGIN];
  if (!origin || !optimisations.matcherIndex) return anyPatternMayMatch(sentence.tokens);
  const patterns = registeredPatterns();
  const unit = origin.words.memo;
  if (unit.anchors?.patterns !== patterns) unit.anchors = { patterns, bySentence: new Map() };
  let flag = unit.anchors.bySentence.get(origin.start);
  if (flag === undefined) {
    flag = anyPatternMayMatch(sentence.tokens);
    unit.anchors.bySentence.set(origin.start, flag);
    if (flag) {
      // The candidates too, for the next version (the tokens getter hands them to the matcher index).
      if (unit.candidates?.patterns !== patterns) unit.candidates = { patterns, bySentence: new Map() };
      unit.candidates.bySentence.set(origin.start, candidatesFor(sentence.tokens));
    }
  }
  return flag;
}

const withAnchors = new WeakMap<SentenceContext[], { patterns: number; sentences: SentenceContext[] }>();

/** The sentences in which a pattern's anchor occurs, found once per list (the rules share the lists of their parts). */
export function sentencesWithAnchors(sentences: SentenceContext[]): SentenceContext[] {
  const patterns = registeredPatterns();
  const known = withAnchors.get(sentences);
  if (known?.patterns === patterns) return known.sentences;
  const found = sentences.filter(sentenceMayMatch);
  withAnchors.set(sentences, { patterns, sentences: found });
  return found;
}

/**
 * Calls a code rule. In an IncrementalLinter a rule that declares a scope (see CodeRule.scope) is called per §
 * or Absatz, and what it found in an unchanged one is taken from memory.
 */
export function runCodeRule(code: CodeRule, context: CodeRuleContext): RawMatch[] {
  const memo = activeMemo();
  if (!memo || !code.scope || !context.sentences.every((s) => (s as Made)[ORIGIN])) return code(context);
  const groups = new Map<unknown, SentenceContext[]>();
  for (const s of context.sentences) {
    const group = code.scope === 'paragraph' ? (s.unit.paragraph ?? s.unit) : s.unit;
    const list = groups.get(group);
    if (list) list.push(s);
    else groups.set(group, [s]);
  }
  const out: RawMatch[] = [];
  for (const sentences of groups.values()) {
    const [text, details] = groupKey(context.doc, sentences, code.scope);
    let known = memo.codeMatches.get(text) as Map<string, RawMatch[]> | undefined;
    if (!known) {
      known = new Map();
      memo.codeMatches.set(text, known);
    }
    const key = `${context.rule.id}\u0000${code.scope}\u0000${details}`;
    const base = sentences[0]!.start;
    const matches = known.get(key);
    if (matches) {
      for (const m of matches) out.push(shift(m, base));
      continue;
    }
    const found = code({ ...context, sentences });
    known.set(key, found.map((m) => shift(m, -base)));
    out.push(...found);
  }
  return out;
}

/**
 * Everything a scoped rule may read of its § or Absatz: the text (found by it), and the sentences, structure
 * and surroundings (compared as a string).
 */
function groupKey(doc: AnalysedDocument, sentences: SentenceContext[], scope: 'paragraph' | 'absatz'): [string, string] {
  const unit = sentences[0]!.unit;
  const base = sentences[0]!.start;
  const span = scope === 'paragraph' && unit.paragraph ? unit.paragraph : undefined;
  const units = [...new Set(sentences.map((s) => s.unit))];
  const from = span ? span.start : Math.min(...units.map((u) => u.absatz.start));
  const to = span ? span.end : Math.max(...units.map((u) => u.absatz.end));
  const text = doc.matchText.slice(from, to);
  const original = doc.text === doc.matchText ? '' : doc.text.slice(from, to);
  const relative = (x: Span) => `${x.start - base},${x.end - base}`;
  return [text, [
    original, from - base,
    sentences.map(relative).join(';'),
    units.map((u) => [u.blocks.map((b) => `${relative(b)}${b.cell ? 'c' : ''}${b.item ? 'i' : ''}`).join(' '),
      u.absatz.number ?? '', u.absatz.items.map((i) => `${i.kind}${i.label}@${relative(i)}`).join(' ')].join('|')).join('\n'),
    unit.part, unit.heading ?? '', unit.artikel ? `${unit.artikel.number}|${unit.artikel.title ?? ''}` : '',
    unit.paragraph ? `${unit.paragraph.label}|${unit.paragraph.title ?? ''}|${unit.paragraph.repealed}|${relative(unit.paragraph)}` : '',
  ].join('\u0001')];
}

function shift(m: RawMatch, delta: number): RawMatch {
  const moved: RawMatch = { ...m, start: m.start + delta, end: m.end + delta };
  if (m.related) moved.related = m.related.map((r) => ({ ...r, start: r.start + delta, end: r.end + delta }));
  return moved;
}
