import type { Finding, LintOptions, Severity, Span, Structure } from '../types.js';
import { LineIndex } from '../text/lines.js';
import { parseDirectives, DIRECTIVE_KINDS, type Directive } from './directives.js';

/** Pseudo rule id of findings about the directives themselves (unused, unjustified, unknown rule …). */
export const DIRECTIVE_RULE_ID = 'dclint-directive';

/** Where the directives are documented (README section of the published package). */
export const DIRECTIVE_DOCS_URL = 'https://www.npmjs.com/package/dclint#unterdr%C3%BCckungen-im-entwurf';

/** Metadata of the pseudo rule, for rule lists (SARIF, `dclint rules`, config schema). */
export const directiveRule = {
  id: DIRECTIVE_RULE_ID,
  title: 'dclint-Anweisungen im Entwurf',
  severity: 'warning' as Severity,
  explanation:
    'Meldet Anweisungen wie <!-- dclint-disable-next-line schriftform -- Begründung: … -->, die nicht wirken: '
    + 'ohne Begründung, mit unbekannter Regel, ohne Befund, den sie unterdrücken, oder falsch geschrieben. '
    + 'So bleiben keine grundlosen Ausnahmen im Entwurf.',
  docsUrl: DIRECTIVE_DOCS_URL,
};

export interface InlineSuppressionResult {
  /** Findings no directive suppresses, plus the findings about faulty directives. */
  findings: Finding[];
  /** Suppressed findings, each with `suppressed: { kind: 'inline', justification }`. */
  suppressed: Finding[];
}

/** A directive turned into the spans and rules it covers. */
interface Scope {
  directive: Directive;
  span: Span;
  /** '*' for every rule. */
  ruleId: string;
  used: boolean;
}

/**
 * Applies the `<!-- dclint-… -->` directives of a draft to its findings (a post-step of `lint()`).
 * `ruleIds` are the known rule ids; `activeRuleIds` those that ran (a directive for a rule that is off
 * is not reported as unused).
 */
export function applyInlineDirectives(
  text: string, findings: Finding[], structure: Structure, options: LintOptions,
  ruleIds: ReadonlySet<string>, activeRuleIds: ReadonlySet<string>,
): InlineSuppressionResult {
  if (options.inlineConfig === false) return { findings, suppressed: [] };
  const directives = parseDirectives(text);
  if (directives.length === 0) return { findings, suppressed: [] };

  const requireJustification = options.requireJustification ?? true;
  const lines = new LineIndex(text);
  const problems: Array<{ directive: Directive; message: string }> = [];
  const scopes = buildScopes(text, directives, ruleIds, requireJustification, problems);

  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const at = finding.range.start.offset;
    // The words of a directive (an inline comment inside a paragraph) are not draft text.
    if (directives.some((d) => at >= d.comment.start && at < d.comment.end)) continue;
    const scope = scopes.find((s) => at >= s.span.start && at < s.span.end && (s.ruleId === '*' || s.ruleId === finding.ruleId));
    if (!scope) {
      kept.push(finding);
      continue;
    }
    for (const s of scopes) {
      if (s.directive === scope.directive && (s.ruleId === '*' || s.ruleId === finding.ruleId)) s.used = true;
    }
    suppressed.push({ ...finding, suppressed: { kind: 'inline', justification: scope.directive.justification } });
  }

  for (const scope of scopes) {
    if (scope.used || scope.directive.kind === 'enable') continue;
    if (scope.ruleId !== '*' && !activeRuleIds.has(scope.ruleId)) continue;
    const what = scope.ruleId === '*' ? '' : ` für „${scope.ruleId}“`;
    problems.push({
      directive: scope.directive,
      message: `Die Anweisung „${label(scope.directive)}“ unterdrückt${what} keinen Befund. Bitte entfernen Sie sie, `
        + 'damit keine Ausnahme ohne Anlass im Entwurf stehen bleibt.',
    });
  }

  const setting = options.rules?.[DIRECTIVE_RULE_ID];
  if (setting !== 'off') {
    const severity = setting ?? directiveRule.severity;
    for (const p of problems) kept.push(directiveFinding(text, lines, structure, p.directive, p.message, severity));
    kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
  }
  return { findings: kept, suppressed };
}

function buildScopes(
  text: string, directives: Directive[], ruleIds: ReadonlySet<string>,
  requireJustification: boolean, problems: Array<{ directive: Directive; message: string }>,
): Scope[] {
  const scopes: Scope[] = [];
  const open: Scope[] = [];
  for (const directive of directives) {
    if (!directive.kind) {
      problems.push({
        directive,
        message: `„dclint-${directive.keyword}“ ist keine dclint-Anweisung und wirkt nicht. Erlaubt sind `
          + `${DIRECTIVE_KINDS.map((k) => `dclint-${k}`).join(', ')}.`,
      });
      continue;
    }
    const known = directive.ruleIds.filter((id) => {
      if (ruleIds.has(id)) return true;
      problems.push({
        directive,
        message: `Die Anweisung „${label(directive)}“ nennt die unbekannte Regel „${id}“. Bitte prüfen Sie die `
          + `Schreibweise (bekannte Regeln: ${[...ruleIds].sort().join(', ')}).`,
      });
      return false;
    });
    if (directive.ruleIds.length > 0 && known.length === 0) continue;
    const ids = known.length ? known : ['*'];

    if (directive.kind === 'enable') {
      let closed = false;
      for (const id of ids) {
        for (let i = open.length - 1; i >= 0; i--) {
          if (id === '*' || open[i]!.ruleId === id) {
            open[i]!.span.end = directive.comment.start;
            open.splice(i, 1);
            closed = true;
          }
        }
      }
      if (!closed) {
        problems.push({
          directive,
          message: `Die Anweisung „${label(directive)}“ beendet kein vorangehendes „dclint-disable“`
            + `${ids[0] === '*' ? '' : ` für ${ids.map((id) => `„${id}“`).join(', ')}`}. Bitte entfernen Sie sie.`,
        });
      }
      continue;
    }
    // A reason must say something: an unedited placeholder ("Begründung: …") is no reason.
    if (requireJustification && !/\p{L}/u.test(directive.justification)) {
      problems.push({
        directive,
        message: `Die Anweisung „${label(directive)}“ hat keine Begründung und wirkt deshalb nicht. Bitte schreiben `
          + 'Sie nach „--“, warum die Hürde hier gewollt ist, z. B. '
          + `„<!-- dclint-${directive.kind} ${ids[0] === '*' ? 'schriftform' : ids[0]} -- Begründung: § 766 BGB verlangt die Schriftform -->“.`,
      });
      continue;
    }
    const span = directive.kind === 'disable-file' ? { start: 0, end: text.length }
      : directive.kind === 'disable' ? { start: directive.comment.end, end: text.length }
      : nextLine(text, directive.comment.end);
    for (const ruleId of ids) {
      const scope: Scope = { directive, span: { ...span }, ruleId, used: false };
      scopes.push(scope);
      if (directive.kind === 'disable') open.push(scope);
    }
  }
  return scopes;
}

/** The first non-blank line after `offset` (the directive's own line ends there). */
function nextLine(text: string, offset: number): Span {
  let start = text.indexOf('\n', offset);
  while (start !== -1) {
    const end = text.indexOf('\n', start + 1);
    const line = text.slice(start + 1, end === -1 ? text.length : end);
    if (line.trim() !== '') return { start: start + 1, end: end === -1 ? text.length : end };
    start = end;
  }
  return { start: text.length, end: text.length };
}

function label(directive: Directive): string {
  return [`dclint-${directive.keyword}`, ...directive.ruleIds].join(' ');
}

function directiveFinding(
  text: string, lines: LineIndex, structure: Structure, directive: Directive, message: string, severity: Severity,
): Finding {
  const { start, end } = directive.comment;
  return {
    ruleId: DIRECTIVE_RULE_ID,
    severity,
    message,
    principle: 0,
    aspect: '',
    range: lines.range(start, end),
    unit: unitAt(structure, start),
    excerpt: text.slice(start, end),
    suggestions: [],
    docsUrl: DIRECTIVE_DOCS_URL,
  };
}

/** "Artikel 1 § 3" for an offset outside any sentence (a comment between Absätze); '' before the first §. */
function unitAt(structure: Structure, offset: number): string {
  const parts: string[] = [];
  const artikel = structure.artikel.find((a) => offset >= a.start && offset <= a.end);
  if (artikel) parts.push(`Artikel ${artikel.number}`);
  const paragraph = structure.paragraphs.find((p) => offset >= p.start && offset <= p.end);
  if (paragraph) parts.push(paragraph.label);
  return parts.join(' ');
}
