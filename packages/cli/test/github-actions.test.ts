import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bin, repoRoot, tempTree } from './helpers.js';
import { DRAFT, onlySchriftform, validateSarif } from './support/drafts.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

/** The GitHub Actions job shown in the README section "GitHub Actions". */
function readmeJob(): { steps: Step[] } {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### GitHub Actions'));
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (!yaml) throw new Error('README: kein YAML-Block im Abschnitt „GitHub Actions“');
  return parse(yaml).jobs.dclint;
}

/**
 * Runs the job's dclint steps as the runner would (bash -e, CI=true, in the repository of the drafts),
 * with `npx dclint` meaning this build. Steps without `if: always()` are skipped after a failure.
 */
function runJob(dir: string) {
  const outcomes: Array<{ step: Step; code: number | null; stdout: string }> = [];
  let failed = false;
  for (const step of readmeJob().steps) {
    if (!step.run?.includes('dclint') || (failed && step.if !== 'always()')) continue;
    const command = step.run.replaceAll('npx dclint', `"${process.execPath}" "${bin}"`);
    const result = spawnSync('bash', ['-e', '-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
    outcomes.push({ step, code: result.status, stdout: result.stdout });
    if (result.status !== 0) failed = true;
  }
  return outcomes;
}

describe('the GitHub Actions job of the README', () => {
  it('has the annotation step, the SARIF step (always) and the upload of the SARIF file', () => {
    const { steps } = readmeJob();
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.with?.sarif_file).toBe('dclint.sarif');
    expect(steps.filter((s) => s.run?.includes('npx dclint'))).toHaveLength(2);
  });

  it('fails on findings, annotates them and still writes a valid SARIF file with the accepted ones', () => {
    const dir = tempTree({ 'dclint.config.json': onlySchriftform(), 'entwuerfe/famstg.md': DRAFT });
    const [annotate, sarif] = runJob(dir);
    expect(annotate!.code).toBe(1);
    expect(annotate!.stdout).toMatch(/^::warning file=entwuerfe\/famstg\.md,line=9,col=20,/m);
    expect(sarif!.code).toBe(1);
    const file = join(dir, readmeJob().steps.find((s) => s.uses?.includes('upload-sarif'))!.with!.sarif_file as string);
    expect(validateSarif(file).problems).toEqual([]);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    expect(log.runs[0].results.map((r: { suppressions?: unknown[] }) => Boolean(r.suppressions))).toEqual([false, true, false]);
    expect(existsSync(join(dir, '.dclintcache'))).toBe(true);
  });

  it('passes on clean drafts, and the cached second run gives the same annotations', () => {
    const dir = tempTree({ 'dclint.config.json': onlySchriftform(), 'entwuerfe/gut.md': 'Der Antrag ist schriftlich oder elektronisch zu stellen.\n' });
    const first = runJob(dir);
    expect(first.map((o) => o.code)).toEqual([0, 0]);
    expect(runJob(dir).map((o) => o.stdout)).toEqual(first.map((o) => o.stdout));
  });
});
