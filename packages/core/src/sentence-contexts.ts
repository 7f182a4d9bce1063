import type { AnalysedDocument, AbsatzUnit } from './structure/parse.js';
import type { SentenceContext } from './code-rules/index.js';
import { tokenize } from './text/tokens.js';
import { anyPatternMayMatch, registeredPatterns } from './rules/matcher-index.js';

/** The sentences of a document with their words, for the rules. */
export function sentenceContexts(doc: AnalysedDocument): SentenceContext[] {
  return unitSentences(doc, doc.units);
}

/** The sentences of some Absätze with their words. */
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

const withAnchors = new WeakMap<SentenceContext[], { patterns: number; sentences: SentenceContext[] }>();

/** The sentences in which a pattern's anchor occurs, found once per list (the rules share the lists of their parts). */
export function sentencesWithAnchors(sentences: SentenceContext[]): SentenceContext[] {
  const patterns = registeredPatterns();
  const known = withAnchors.get(sentences);
  if (known?.patterns === patterns) return known.sentences;
  const found = sentences.filter((s) => anyPatternMayMatch(s.tokens));
  withAnchors.set(sentences, { patterns, sentences: found });
  return found;
}
