import type { Severity } from '@dclint/core';
import type { Formatter } from './types.js';

const LABEL: Record<Severity, string> = { error: 'Fehler', warning: 'Warnung', info: 'Hinweis', hint: 'Tipp' };
const COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Human-readable output: per file, one line per finding, then a summary line. */
export const stylish: Formatter = (results, summary, { color }) => {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const result of results) {
    if (result.error) {
      out.push(paint(4, result.path), `  ${paint(31, 'Fehler')}  ${result.error}`, '');
      continue;
    }
    if (result.findings.length === 0) continue;
    out.push(paint(4, result.path));
    const rows = result.findings.map((f) => [
      `${f.range.start.line}:${f.range.start.column}`, f.severity, f.unit, f.message, f.ruleId,
    ] as const);
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    const unitWidth = Math.max(...rows.map((r) => r[2].length));
    for (const [pos, severity, unit, message, ruleId] of rows) {
      out.push(`  ${paint(90, pos.padEnd(posWidth))}  ${paint(COLOR[severity], LABEL[severity].padEnd(7))}  ${unit.padEnd(unitWidth)}  ${message}  ${paint(90, ruleId)}`);
    }
    out.push('');
  }
  const total = summary.errors + summary.warnings + summary.infos + summary.hints;
  const counts = [
    plural(summary.errors, 'Fehler', 'Fehler'), plural(summary.warnings, 'Warnung', 'Warnungen'),
    plural(summary.infos, 'Hinweis', 'Hinweise'), plural(summary.hints, 'Tipp', 'Tipps'),
  ].join(', ');
  const files = plural(summary.files, 'Datei', 'Dateien');
  const fileErrors = summary.fileErrors ? `; ${plural(summary.fileErrors, 'Datei', 'Dateien')} nicht prüfbar` : '';
  const suppressedCount = results.reduce((n, r) => n + (r.suppressed?.length ?? 0), 0);
  const accepted = suppressedCount ? ` ${plural(suppressedCount, 'Befund ist', 'Befunde sind')} mit Begründung akzeptiert.` : '';
  if (total === 0 && !summary.fileErrors) out.push(paint(32, `✔ Keine Befunde in ${files}.`) + accepted);
  else out.push(paint(total ? 33 : 31, `✖ ${plural(total, 'Befund', 'Befunde')} (${counts}) in ${files}${fileErrors}.`) + accepted);
  return out.join('\n') + '\n';
};
