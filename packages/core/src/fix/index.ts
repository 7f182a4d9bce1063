import type { Finding, LintOptions, Suggestion } from '../types.js';
import { lint } from '../engine.js';

/** A replacement of text[start, end) (UTF-16 offsets into the text the fix was computed for). */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

export interface AppliedFix {
  finding: Finding;
  suggestion: Suggestion;
  edit: TextEdit;
}

export interface SkippedFix {
  finding: Finding;
  suggestion: Suggestion;
  /**
   * overlap: another fix changes the same text; stale: the range no longer holds the finding's text;
   * comment: the range contains an HTML comment, which the replacement would drop.
   */
  reason: 'overlap' | 'stale' | 'comment';
}

export interface FixResult {
  text: string;
  /** In document order; their edits never overlap. */
  applied: AppliedFix[];
  skipped: SkippedFix[];
}

export interface FixOptions {
  /** Only suggestions marked safe (default true: what `--fix` applies without review). */
  safeOnly?: boolean;
}

/** The suggestion `--fix` would apply for a finding: its first (safe) one; none for suppressed findings. */
export function fixFor(finding: Finding, options: FixOptions = {}): Suggestion | undefined {
  if (finding.suppressed) return undefined;
  const safeOnly = options.safeOnly ?? true;
  return finding.suggestions.find((s) => s.safe || !safeOnly);
}

/**
 * Applies one fix per finding to `text` in a single pass. Fixes never overlap: of two that touch the same
 * text, the earlier one wins and the other is skipped (a later pass may apply it). Text outside the
 * replaced ranges is copied unchanged.
 */
export function applyFixes(text: string, findings: Finding[], options: FixOptions = {}): FixResult {
  const candidates: Array<{ finding: Finding; suggestion: Suggestion }> = [];
  for (const finding of findings) {
    const suggestion = fixFor(finding, options);
    if (suggestion) candidates.push({ finding, suggestion });
  }
  candidates.sort((a, b) => a.suggestion.range.start.offset - b.suggestion.range.start.offset
    || a.suggestion.range.end.offset - b.suggestion.range.end.offset
    || a.finding.ruleId.localeCompare(b.finding.ruleId));

  const applied: AppliedFix[] = [];
  const skipped: SkippedFix[] = [];
  let out = '';
  let copied = 0;
  let lastEdit: TextEdit | undefined;
  for (const { finding, suggestion } of candidates) {
    const start = suggestion.range.start.offset;
    const end = suggestion.range.end.offset;
    if (!holdsFindingText(text, finding, start, end)) {
      skipped.push({ finding, suggestion, reason: 'stale' });
      continue;
    }
    if (text.slice(start, end).includes('<!--')) {
      skipped.push({ finding, suggestion, reason: 'comment' });
      continue;
    }
    // Touching is fine; overlapping, or two insertions at one point (order unclear), is not.
    if (lastEdit && (start < lastEdit.end || (start === lastEdit.end && start === end && lastEdit.start === lastEdit.end))) {
      skipped.push({ finding, suggestion, reason: 'overlap' });
      continue;
    }
    const edit = { start, end, replacement: suggestion.replacement };
    out += text.slice(copied, start) + edit.replacement;
    copied = end;
    lastEdit = edit;
    applied.push({ finding, suggestion, edit });
  }
  out += text.slice(copied);
  return { text: out, applied, skipped };
}

/** The range must lie inside the text and, where it is the finding's own range, still hold its excerpt. */
function holdsFindingText(text: string, finding: Finding, start: number, end: number): boolean {
  if (start < 0 || end < start || end > text.length) return false;
  const own = start === finding.range.start.offset && end === finding.range.end.offset;
  return !own || text.slice(start, end) === finding.excerpt;
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** False when fixes kept producing new fixable findings until `maxPasses` (a faulty rule). */
  converged: boolean;
  /** The findings of the final text (what a new lint would report). */
  findings: Finding[];
}

/**
 * Lints and fixes until no fix applies any more (skipped overlapping fixes get their turn in the next
 * pass). `lintOnce` returns the findings to fix; suppressed ones must already be removed or marked.
 * Afterwards the text has no fixable finding left, so fixing it again changes nothing.
 */
export function fixUntilStable(
  text: string, lintOnce: (text: string) => Finding[], options: FixOptions & { maxPasses?: number } = {},
): FixAllResult {
  const maxPasses = options.maxPasses ?? 10;
  let current = text;
  let fixed = 0;
  let findings = lintOnce(current);
  for (let pass = 1; pass <= maxPasses; pass++) {
    const result = applyFixes(current, findings, options);
    if (result.applied.length === 0) return { text: current, fixed, passes: pass - 1, converged: true, findings };
    current = result.text;
    fixed += result.applied.length;
    findings = lintOnce(current);
  }
  const converged = applyFixes(current, findings, options).applied.length === 0;
  return { text: current, fixed, passes: maxPasses, converged, findings };
}

/** Fixes a draft with the built-in engine: `lint()` with `options`, inline directives obeyed. */
export function fixText(text: string, options: LintOptions = {}, fixOptions: FixOptions & { maxPasses?: number } = {}): FixAllResult {
  return fixUntilStable(text, (t) => lint(t, options).findings, fixOptions);
}
