import { expect } from 'vitest';
import { applyFixes, fixFor, fixText, lint, type FixResult, type LintOptions } from '../../src/index.js';

/** Checks one pass: edits in order, never overlapping, each on the finding's own text; all else unchanged. */
export function expectCleanPass(before: string, result: FixResult): void {
  let pos = 0;
  let outPos = 0;
  for (const { edit, finding } of result.applied) {
    expect(edit.start).toBeGreaterThanOrEqual(pos);
    expect(before.slice(edit.start, edit.end)).toBe(finding.excerpt);
    const same = before.slice(pos, edit.start);
    expect(result.text.slice(outPos, outPos + same.length)).toBe(same);
    outPos += same.length;
    expect(result.text.slice(outPos, outPos + edit.replacement.length)).toBe(edit.replacement);
    outPos += edit.replacement.length;
    pos = edit.end;
  }
  expect(result.text.slice(outPos)).toBe(before.slice(pos));
}

/**
 * The properties of `--fix` for one text: every pass clean (see above), the engine's loop gives the same
 * text, the fixed text has no fixable finding left, and fixing it again changes nothing.
 * Returns the number of fixes applied.
 */
export function expectFixProperties(original: string, options: LintOptions = {}): number {
  let text = original;
  let fixes = 0;
  for (let pass = 0; pass < 10; pass++) {
    const result = applyFixes(text, lint(text, options).findings);
    if (result.applied.length === 0) break;
    expectCleanPass(text, result);
    fixes += result.applied.length;
    text = result.text;
  }
  const engine = fixText(original, options);
  expect(engine.text).toBe(text);
  expect(engine.fixed).toBe(fixes);
  expect(engine.converged).toBe(true);
  expect(engine.findings.filter((f) => fixFor(f)).map((f) => `${f.ruleId} ${f.unit}: ${f.excerpt}`)).toEqual([]);
  if (fixes > 0) {
    const again = fixText(text, options);
    expect(again.fixed).toBe(0);
    expect(again.text).toBe(text);
  }
  return fixes;
}
