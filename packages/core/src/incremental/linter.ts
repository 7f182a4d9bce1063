import type { LintOptions, LintResult } from '../types.js';
import { lintRecorded, resolveRules } from '../engine.js';
import { detachedDeep } from './detach.js';
import { lintAfterEdit, optionsKey, type Previous } from './edit.js';

/**
 * Lints successive versions of one document (an editor's buffer). Typing inside the prose or the title of a §
 * takes the short path of incremental/edit.ts: that § linted again, the rest of the previous result moved. Any
 * other edit lints the whole text once more. `lint()` returns exactly what the function `lint()` returns for the
 * same text and options. Keep one per open document. The `structure` of a result is moved in place by the next
 * call (read it before).
 */
export class IncrementalLinter {
  private previous: Previous | undefined;

  lint(text: string, options: LintOptions = {}): LintResult {
    const key = optionsKey(options);
    const short = this.previous?.optionsKey === key ? lintAfterEdit(this.previous, text, options) : undefined;
    if (short) {
      this.previous = short.previous;
      return short.result;
    }
    const { result, record } = lintRecorded(text, options, true);
    // Kept for the next version: nothing in them may hold on to this one's text (see detachedDeep).
    for (const rule of record.rules) {
      rule.local = detachedDeep(rule.local);
      rule.combined = detachedDeep(rule.combined);
      if (rule.summaries) {
        rule.summaries.values = detachedDeep(rule.summaries.values);
        rule.summaries.emitted = rule.summaries.emitted.map((e) => ({ key: e.key, findings: detachedDeep(e.findings) }));
      }
    }
    this.previous = { text, optionsKey: key, rules: resolveRules(options), record, textTests: new Map() };
    return result;
  }
}
