import { chmodSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { builtinRules } from '@dclint/core';

/** A config that leaves only the Schriftform rule on, so new catalogue rules do not change expectations. */
export function onlySchriftform(extra: Record<string, unknown> = {}): string {
  const rules = Object.fromEntries(builtinRules.filter((r) => r.id !== 'schriftform').map((r) => [r.id, 'off']));
  return JSON.stringify({ root: true, ...extra, rules: { ...rules, ...(extra.rules as object | undefined) } }, null, 2);
}

/** A small draft: § 2 with a plain barrier, an accepted one (inline) and one for the baseline. */
export const DRAFT = `# Entwurf eines Gesetzes zur Einführung eines Familienstartgeldes

## § 1 Anspruch

(1) Anspruch auf Familienstartgeld hat, wer ein Kind geboren hat.

## § 2 Antrag

(1) Der Antrag ist schriftlich bei der Familienkasse zu stellen.

<!-- dclint-disable-next-line schriftform -- Begründung: § 766 BGB verlangt für die Bürgschaft die Schriftform. -->
(2) Die Bürgschaftserklärung ist schriftlich abzugeben.

(3) Der Widerspruch ist schriftlich einzulegen.
`;

const require = createRequire(import.meta.url);

/** Runs Microsoft's SARIF validator on a file; returns its findings at level error and warning. */
export function validateSarif(file: string): { code: number | null; problems: string[]; output: string } {
  const tool = join(dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
  // npm may skip the package's postinstall (chmod u+x); the binary needs its run bit.
  if ((statSync(tool).mode & 0o100) === 0) chmodSync(tool, statSync(tool).mode | 0o100);
  const out = `${file}.validation.sarif`;
  const run = spawnSync(tool, ['validate', file, '--output', out, '--log', 'ForceOverwrite', '--level', 'Error;Warning'], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const problems = output.split('\n').filter((line) => /: (error|warning) [A-Z]+\d+/.test(line) || /error ERR\d+/.test(line));
  // The validator's own SARIF log: a result without a level is a warning.
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: Array<{ results?: Array<{ ruleId: string; level?: string; message: unknown }> }> };
  for (const r of log.runs[0]?.results ?? []) {
    if ((r.level ?? 'warning') === 'error' || (r.level ?? 'warning') === 'warning') problems.push(`${r.ruleId}: ${JSON.stringify(r.message)}`);
  }
  return { code: run.status, problems, output };
}
