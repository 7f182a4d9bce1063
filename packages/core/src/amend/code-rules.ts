import type { AnalysedDocument } from '../structure/parse.js';
import type { CodeRule, CodeRuleContext, RawMatch } from '../code-rules/index.js';

/**
 * The two rules of amending laws, implemented in TypeScript (rules/barriere-entfernt.yaml,
 * rules/aenderungsbefehl.yaml). Their matches are computed by amend/index.ts before the rules run,
 * because judging a change needs the whole catalogue; the rules hand them to the engine.
 */
const results = new WeakMap<AnalysedDocument, { credits: RawMatch[]; errors: RawMatch[] }>();

export function rememberAmendmentResults(doc: AnalysedDocument, credits: RawMatch[], errors: RawMatch[]): void {
  results.set(doc, { credits, errors });
}

export const removedBarrierRule: CodeRule = Object.assign(({ doc }: CodeRuleContext) => results.get(doc)?.credits ?? [], { onlyAmending: true as const });
export const instructionErrorRule: CodeRule = Object.assign(({ doc }: CodeRuleContext) => results.get(doc)?.errors ?? [], { onlyAmending: true as const });
