import { createHash } from 'node:crypto';
import type { Severity } from '@dclint/core';
import type { Formatter } from './types.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/**
 * GitLab Code Quality report (a JSON array in the Code Climate subset GitLab reads): description,
 * check_name, fingerprint, severity, location.path and location.positions. The fingerprint is stable across
 * added lines (rule, file, sentence hash, occurrence), so GitLab can tell new findings from old ones.
 */
export const gitlab: Formatter = (results) => {
  const issues: unknown[] = [];
  for (const r of results) {
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      const anchor = r.sentenceHashes?.get(f) ?? `${f.range.start.line}:${f.range.start.column}`;
      const base = `${r.path}\0${f.ruleId}\0${anchor}\0${f.excerpt.replace(/\s+/g, ' ')}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      issues.push({
        type: 'issue',
        description: f.unit ? `${f.unit}: ${f.message}` : f.message,
        check_name: f.ruleId,
        categories: ['Style'],
        fingerprint: createHash('md5').update(`${base}\0${n}`).digest('hex'),
        severity: SEVERITY[f.severity],
        location: {
          path: r.path,
          positions: {
            begin: { line: f.range.start.line, column: f.range.start.column },
            end: { line: f.range.end.line, column: f.range.end.column },
          },
        },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
