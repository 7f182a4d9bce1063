import type { AnalysedDocument } from '../structure/parse.js';
import type { SentenceContext } from './index.js';

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
 * Whether the expression matches the folded text of some § (see foldedText). Tested § by §, stopping at the first
 * match: a law rarely needs more than its first few §§ read, where joining it all costs 100 ms on a large law.
 */
export function someParagraphMatches(doc: AnalysedDocument, sentences: SentenceContext[], expression: RegExp): boolean {
  return groupByParagraph(sentences).some((group) => expression.test(foldedText(doc, group)));
}
