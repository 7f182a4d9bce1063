import type { AnalysedDocument } from '../structure/parse.js';
import type { CodeRule, Groupwise, RawMatch, SentenceContext } from './index.js';
import type { Span } from '../types.js';

/** Sentences of one § together, in order (a text without §§: each Absatz on its own). */
export function groupByParagraph(sentences: SentenceContext[]): SentenceContext[][] {
  const groups = new Map<unknown, SentenceContext[]>();
  for (const s of sentences) {
    const key = s.unit.paragraph ?? s.unit;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
}

/** The sentences' text for regular expressions that read across sentences: lower case, white space folded. */
export function foldedText(doc: AnalysedDocument, sentences: SentenceContext[]): string {
  return sentences.map((s) => doc.matchText.slice(s.start, s.end)).join(' ').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Whether the expression matches the folded text of a § (see foldedText). `needs` is a cheap test on the raw text
 * that every match requires (a word of it, case-insensitive): most §§ fail it and are never joined and folded.
 */
export function paragraphMatches(doc: AnalysedDocument, group: SentenceContext[], needs: RegExp, expression: RegExp): boolean {
  const raw = doc.matchText.slice(group[0]!.start, group[group.length - 1]!.end);
  return needs.test(raw) && expression.test(foldedText(doc, group));
}

/** A code rule from a summary per § and their combination. */
export function groupwise<S>(rule: Groupwise<S>): CodeRule {
  const code: CodeRule = ({ doc, sentences }) => combineAll(rule, doc, sentences, (s) => s).matches;
  code.groupwise = rule as Groupwise<unknown>;
  return code;
}

/**
 * A groupwise rule on all its sentences: the span and summary of each § (passed through `keep`: the
 * IncrementalLinter materialises them) and the matches combined from them.
 */
export function combineAll<S>(
  rule: Groupwise<S>, doc: AnalysedDocument, sentences: SentenceContext[], keep: (summary: S) => S,
): { spans: Span[]; values: S[]; matches: RawMatch[] } {
  const groups = groupByParagraph(sentences);
  const spans = groups.map((g) => ({ start: g[0]!.start, end: g[g.length - 1]!.end }));
  const values = groups.map((g) => keep(rule.summarise(doc, g)));
  const matches = rule.combine(values, { doc, matchesText: (index) => rule.textTests![index]!.test(doc.matchText) });
  return { spans, values, matches };
}

/**
 * `summarise` for summaries whose fields are computed when first read, so that lint() computes only what `combine`
 * asks for (it stops at the first § that assigns competence). The IncrementalLinter reads every field (materialise).
 * One class per rule, getters on its prototype: a law with thousands of Absätze outside §§ makes as many summaries.
 */
export function lazily<S extends object>(
  fields: { [K in keyof S]: (doc: AnalysedDocument, sentences: SentenceContext[]) => S[K] },
): (doc: AnalysedDocument, sentences: SentenceContext[]) => S {
  class Summary {
    readonly known: Partial<S> = {};
    constructor(readonly doc: AnalysedDocument, readonly sentences: SentenceContext[]) {}
  }
  const keys = Object.keys(fields) as Array<keyof S>;
  for (const key of keys) {
    Object.defineProperty(Summary.prototype, key, {
      get(this: Summary) {
        if (!(key in this.known)) this.known[key] = fields[key](this.doc, this.sentences);
        return this.known[key];
      },
    });
  }
  lazyKeys.set(Summary.prototype, keys as string[]);
  return (doc, sentences) => new Summary(doc, sentences) as unknown as S;
}

const lazyKeys = new WeakMap<object, string[]>();

/** A summary as plain data: every field read. */
export function materialise<S extends object>(summary: S): S {
  const keys = lazyKeys.get(Object.getPrototypeOf(summary) as object);
  if (!keys) return { ...summary };
  return Object.fromEntries(keys.map((key) => [key, (summary as Record<string, unknown>)[key]])) as S;
}
