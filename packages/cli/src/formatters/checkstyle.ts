import type { Severity } from '@dclint/core';
import type { Formatter } from './types.js';
import { xml } from './xml.js';

const SEVERITY: Record<Severity, 'error' | 'warning' | 'info'> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

/** Checkstyle XML (Jenkins warnings-ng, reviewdog, SonarQube imports): one <file> per draft. */
export const checkstyle: Formatter = (results) => {
  const files = results.map((r) => {
    const errors = r.error
      ? [`    <error line="1" column="1" severity="error" message="${xml(r.error)}" source="dclint.input"/>`]
      : r.findings.map((f) => `    <error line="${f.range.start.line}" column="${f.range.start.column}" severity="${SEVERITY[f.severity]}" `
        + `message="${xml(f.unit ? `${f.unit}: ${f.message}` : f.message)}" source="dclint.${xml(f.ruleId)}"/>`);
    return errors.length ? `  <file name="${xml(r.path)}">\n${errors.join('\n')}\n  </file>` : `  <file name="${xml(r.path)}"/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n${files.join('\n')}${files.length ? '\n' : ''}</checkstyle>\n`;
};
