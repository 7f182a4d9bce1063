import type { LintOptions, LintResult } from '../types.js';
import { lint } from '../engine.js';
import { Memo, withMemo } from './memo.js';

/**
 * Lints successive versions of one document (an editor's buffer) and re-uses what an edit left unchanged:
 * the parsed sections, the sentences and words of each Absatz, and the matches of code rules in each § or
 * Absatz (for rules with a scope). `lint()` returns exactly what the function `lint()` returns for the
 * same text and options; only faster from the second version on. Keep one per open document.
 */
export class IncrementalLinter {
  private readonly memo = new Memo();

  lint(text: string, options: LintOptions = {}): LintResult {
    this.memo.begin();
    try {
      return withMemo(this.memo, () => lint(text, options));
    } finally {
      this.memo.end();
    }
  }
}
