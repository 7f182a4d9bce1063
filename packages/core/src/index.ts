export * from './types.js';
export { lint, resolveRules } from './engine.js';
export { IncrementalLinter } from './incremental/linter.js';
export { analyse, type AnalysedDocument, type AbsatzUnit, type TextBlock } from './structure/parse.js';
export { addressOf } from './structure/address.js';
export { LineIndex } from './text/lines.js';
export { tokenize, type Token } from './text/tokens.js';
export { splitSentences } from './text/sentences.js';
export { compilePattern, PatternError, type CompiledPattern } from './rules/pattern.js';
export { parseRuleFile, validateRule, RuleFileError } from './rules/load.js';
export { ruleSchema } from './rules/schema.js';
export { builtinRules } from './rules/catalogue.js';
export { PRINCIPLES, ASPECTS, principleUrl } from './principles.js';
export { codeRules, type CodeRule, type CodeRuleContext, type RawMatch, type SentenceContext } from './code-rules/index.js';
export * from './suppress/index.js';
export {
  applyFixes, fixFor, fixUntilStable, fixText,
  type TextEdit, type AppliedFix, type SkippedFix, type FixResult, type FixOptions, type FixAllResult,
} from './fix/index.js';
export { synopsis, runAmendments, type Synopsis, type SynopsisLaw, type SynopsisRow, type AmendedLaw } from './amend/index.js';
export { recogniseAmendingLaw, type AmendingLaw, type AmendingArtikel, type Instruction, type Action } from './amend/recognise.js';
export { describeLaw } from './amend/law-text.js';
