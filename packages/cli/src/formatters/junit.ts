import type { Finding } from '@dclint/core';
import type { Formatter } from './types.js';
import { xml } from './xml.js';

const LABEL = { error: 'Fehler', warning: 'Warnung', info: 'Hinweis', hint: 'Tipp' } as const;

/**
 * JUnit XML (for GitLab, Jenkins, Azure DevOps test reports): one test suite per draft, one failing test
 * case per finding, a passing case for a draft without findings, a skipped case per accepted finding and
 * an error case for a draft that could not be read.
 */
export const junit: Formatter = (results) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const r of results) {
    const cases: string[] = [];
    const classname = xml(r.path);
    if (r.error) {
      cases.push(`    <testcase name="dclint" classname="${classname}">\n      <error message="${xml(r.error)}"/>\n    </testcase>`);
    } else if (r.findings.length === 0) {
      cases.push(`    <testcase name="dclint: keine Befunde" classname="${classname}"/>`);
    }
    for (const f of r.findings) {
      cases.push(`    <testcase name="${xml(caseName(f))}" classname="${classname}">\n`
        + `      <failure message="${xml(f.message)}" type="${xml(f.ruleId)}">${xml(details(r.path, f))}</failure>\n    </testcase>`);
    }
    for (const f of r.suppressed ?? []) {
      cases.push(`    <testcase name="${xml(caseName(f))}" classname="${classname}">\n`
        + `      <skipped message="${xml(`Akzeptiert (${f.suppressed!.kind === 'inline' ? 'im Entwurf' : 'Baseline'}): ${f.suppressed!.justification}`)}"/>\n    </testcase>`);
    }
    const fileFailures = r.findings.length;
    const fileErrors = r.error ? 1 : 0;
    const fileSkipped = r.suppressed?.length ?? 0;
    tests += cases.length;
    failures += fileFailures;
    errors += fileErrors;
    skipped += fileSkipped;
    suites.push(`  <testsuite name="${classname}" tests="${cases.length}" failures="${fileFailures}" errors="${fileErrors}" skipped="${fileSkipped}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dclint" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n`
    + `${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
};

const caseName = (f: Finding) => `${f.ruleId}: ${f.unit || 'Zeile ' + f.range.start.line} (${f.range.start.line}:${f.range.start.column})`;

function details(path: string, f: Finding): string {
  return `${LABEL[f.severity]} in ${path}:${f.range.start.line}:${f.range.start.column}${f.unit ? ` (${f.unit})` : ''}\n`
    + `${f.message}\nFundstelle: ${f.excerpt.replace(/\s+/g, ' ')}\nMehr: ${f.docsUrl}`;
}
