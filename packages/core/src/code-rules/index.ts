import type { AnalysedDocument, AbsatzUnit } from '../structure/parse.js';
import type { Token } from '../text/tokens.js';
import type { RuleDefinition, Span } from '../types.js';
import { barrierefreiheit } from './barrierefreiheit.js';
import { begriffUneinheitlich } from './begriff-uneinheitlich.js';
import { instructionErrorRule, removedBarrierRule } from '../amend/code-rules.js';
import { akteurFehlt } from './akteur-fehlt.js';
import { fristFehlt } from './frist-fehlt.js';
import { loeschfristFehlt } from './loeschfrist-fehlt.js';
import { unverzueglichAuthority } from './unbestimmter-rechtsbegriff.js';
import { zustaendigkeitOffen } from './zustaendigkeit-offen.js';
import { zweckbindungFehlt } from './zweckbindung-fehlt.js';

/** A sentence ready for matching: its span, its words and the Absatz it belongs to. */
export interface SentenceContext extends Span {
  tokens: Token[];
  unit: AbsatzUnit;
}

export interface CodeRuleContext {
  doc: AnalysedDocument;
  /** Sentences of the parts the rule applies to. */
  sentences: SentenceContext[];
  rule: RuleDefinition;
}

export interface RawMatch extends Span {
  message?: string;
  related?: Array<Span & { message: string }>;
  /** Overrides for findings about another rule's barrier (barriere-entfernt credits the removed rule's principle). */
  principle?: number;
  aspect?: string;
  /** Address instead of the computed one ("Artikel 1 Nr. 2 Buchst. a" for an amending instruction). */
  unit?: string;
  /** See Finding.target. */
  target?: { law: string; unit: string };
}

/** Rules whose logic data cannot express. A rule file names one with `implementation:`. */
export type CodeRule = ((context: CodeRuleContext) => RawMatch[]) & {
  /**
   * The smallest part of the draft the rule's findings depend on, if it has one. 'paragraph': what it finds
   * in a § depends only on that § (its text, structure, Artikel and part), and calling it once per § gives
   * the same matches in the same order as one call with all sentences; 'absatz' likewise per Absatz. Then an
   * editor re-runs it only for the § being edited (IncrementalLinter). Without a scope it always sees it all.
   */
  scope?: 'paragraph' | 'absatz';
  /** Finds nothing in a draft that amends no law (the rules of amending laws). */
  onlyAmending?: true;
  /** Set for rules made with `groupwise`: how they read the draft § by §. */
  groupwise?: Groupwise<unknown>;
};

/**
 * A rule about the whole draft that reads it § by § (an Absatz outside §§ counts as one §): a summary of each
 * § (`summarise`), then the findings from all summaries in order (`combine`). An editor then summarises only
 * the § being edited again (see incremental/edit.ts). Summaries are plain data – arrays, objects, strings,
 * numbers, booleans – whose offsets are the `start` and `end` fields, and hold no part of the document itself.
 */
export interface Groupwise<S> {
  summarise(doc: AnalysedDocument, sentences: SentenceContext[]): S;
  combine(summaries: S[], facts: DocumentFacts): RawMatch[];
  /** Regular expressions (without flag g) for the whole matchText; facts.matchesText(i) tests the i-th (when asked). */
  textTests?: RegExp[];
}

export interface DocumentFacts {
  doc: AnalysedDocument;
  /** Whether textTests[index] matches the whole matchText (tested when asked: a long law takes milliseconds). */
  matchesText(index: number): boolean;
}

export const codeRules: Record<string, CodeRule> = {
  barrierefreiheit,
  'begriff-uneinheitlich': begriffUneinheitlich,
  'barriere-entfernt': removedBarrierRule,
  aenderungsbefehl: instructionErrorRule,
  'akteur-fehlt': akteurFehlt,
  'frist-fehlt': fristFehlt,
  'loeschfrist-fehlt': loeschfristFehlt,
  'unbestimmter-rechtsbegriff': unverzueglichAuthority,
  'zustaendigkeit-offen': zustaendigkeitOffen,
  'zweckbindung-fehlt': zweckbindungFehlt,
};
