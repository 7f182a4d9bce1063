export { parseDirectives, DIRECTIVE_KINDS, type Directive, type DirectiveKind } from './directives.js';
export {
  applyInlineDirectives, directiveRule, DIRECTIVE_RULE_ID, DIRECTIVE_DOCS_URL, type InlineSuppressionResult,
} from './inline.js';
export {
  applyBaseline, baselineKey, normaliseSentence, SentenceFingerprints, type BaselineEntry, type BaselineMatch,
} from './baseline.js';
export { sha256Hex } from './hash.js';
