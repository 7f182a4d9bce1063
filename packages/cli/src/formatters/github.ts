import type { Severity } from '@dclint/core';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

// Workflow command escaping (as in @actions/core): data escapes %, CR, LF; properties also ":" and ",".
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: `::warning file=…,line=…,col=…::message` per finding, shown as
 * annotations on the pull request. Accepted findings are not annotated.
 */
export const github: Formatter = (results, summary) => {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`::error file=${property(r.path)},title=${property('dclint: Datei nicht prüfbar')}::${data(r.error)}`);
      continue;
    }
    for (const f of r.findings) {
      const props = [
        `file=${property(r.path)}`,
        `line=${f.range.start.line}`, `col=${f.range.start.column}`,
        `endLine=${f.range.end.line}`, `endColumn=${f.range.end.column}`,
        `title=${property(`dclint ${f.ruleId}${f.unit ? ` – ${f.unit}` : ''}`)}`,
      ];
      out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message)}`);
    }
  }
  const total = summary.errors + summary.warnings + summary.infos + summary.hints;
  out.push(`dclint: ${total} Befunde (${summary.errors} Fehler, ${summary.warnings} Warnungen, ${summary.infos + summary.hints} Hinweise) in ${summary.files} Dateien.`);
  return out.join('\n') + '\n';
};
