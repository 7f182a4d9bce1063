import type { Span } from '../types.js';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';
export const DIRECTIVE_KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable', 'enable', 'disable-file'];

/** One `<!-- dclint-… -->` comment in a draft. */
export interface Directive {
  /** undefined: the comment starts with `dclint-` but names no known directive (reported). */
  kind?: DirectiveKind;
  /** As written after `dclint-`, e.g. "disable-next-line" (for messages). */
  keyword: string;
  /** Rule ids named in the directive; empty means every rule. */
  ruleIds: string[];
  /** Text after ` -- `, without a leading "Begründung:"; '' when missing. */
  justification: string;
  /** The whole comment `<!-- … -->`. */
  comment: Span;
}

// `<!--` then `dclint-<keyword>` then the body up to `-->`. Only comments whose first word starts with
// "dclint-" are directives, so ordinary editorial comments never are.
const DIRECTIVE = /<!--[ \t]*dclint-([a-z-]*)([\s\S]*?)-->/g;

/** Finds the dclint directives of a draft, in document order. */
export function parseDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  if (!text.includes('dclint-')) return out;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const keyword = m[1]!;
    const body = m[2]!;
    // The justification follows the first " -- " (the ESLint convention, and legal in HTML comments).
    const separator = /(^|\s)--(\s|$)/.exec(body);
    const idsPart = separator ? body.slice(0, separator.index) : body;
    const reason = separator ? body.slice(separator.index + separator[0].length) : '';
    out.push({
      kind: (DIRECTIVE_KINDS as readonly string[]).includes(keyword) ? keyword as DirectiveKind : undefined,
      keyword,
      ruleIds: idsPart.split(/[\s,]+/).filter(Boolean),
      justification: reason.replace(/\s+/g, ' ').trim().replace(/^Begründung\s*:\s*/i, '').trim(),
      comment: { start: m.index, end: m.index + m[0].length },
    });
  }
  return out;
}
