import type { Finding, RuleDefinition } from '@dclint/core';

/** The result for one input: its findings, or why it could not be linted. */
export interface FileResult {
  path: string;
  findings: Finding[];
  /** Set when the file could not be read or linted; then `findings` is empty. */
  error?: string;
  /** Findings accepted by an inline directive or the baseline, each with `suppressed` (why). */
  suppressed?: Finding[];
  /** Hash of the sentence of each finding (also of suppressed ones), a line-independent fingerprint. */
  sentenceHashes?: Map<Finding, string>;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fileErrors: number;
}

export interface FormatterContext {
  color: boolean;
  version: string;
  /** The rules in effect (for formats that list rule metadata, like SARIF). */
  rules?: RuleDefinition[];
  /** Folder the paths in the results are relative to. */
  cwd?: string;
}

export type Formatter = (results: FileResult[], summary: Summary, context: FormatterContext) => string;

export function summarize(results: FileResult[]): Summary {
  const summary: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0, hints: 0, fileErrors: 0 };
  for (const r of results) {
    if (r.error) summary.fileErrors++;
    for (const f of r.findings) {
      if (f.severity === 'error') summary.errors++;
      else if (f.severity === 'warning') summary.warnings++;
      else if (f.severity === 'info') summary.infos++;
      else summary.hints++;
    }
  }
  return summary;
}
