import type { AnalysedDocument } from '../structure/parse.js';
import type { CodeRule, RawMatch } from '../code-rules/index.js';

/**
 * The two rules of amending laws, implemented in TypeScript (rules/barriere-entfernt.yaml,
 * rules/aenderungsbefehl.yaml). Their matches are computed by amend/index.ts before the rules run,
 * because judging a change needs the whole catalogue; the rules hand them to the engine.
 */
const results = new WeakMap<AnalysedDocument, { credits: RawMatch[]; errors: RawMatch[] }>();

export function rememberAmendmentResults(doc: AnalysedDocument, credits: RawMatch[], errors: RawMatch[]): void {
  results.set(doc, { credits, errors });
}

export const removedBarrierRule: CodeRule = ({ doc }) => results.get(doc)?.credits ?? [];
export const instructionErrorRule: CodeRule = ({ doc }) => results.get(doc)?.errors ?? [];
