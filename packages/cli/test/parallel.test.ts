import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers.js';
import { corpusMissing, corpusSample } from '../../core/test/support/corpus-sample.js';

/** Worker threads (--jobs) must not change anything the user sees: output, order, exit code. */
describe('dclint --jobs', () => {
  const drafts: Record<string, string> = {
    'dclint.config.json': JSON.stringify({ rules: { 'technik-spezifisch': 'off' } }),
    'streng/dclint.config.json': JSON.stringify({ rules: { schriftform: 'error' } }),
    'leer.md': '   \n',
    'binaer.md': 'ab\0cd',
    'mit-direktive.md': '<!-- dclint-disable-next-line schriftform -- Formvorschrift des BGB -->\n(1) Der Vertrag bedarf der Schriftform.\n',
  };
  for (let i = 0; i < 9; i++) {
    drafts[`${i % 2 ? 'streng/' : ''}entwurf-${i}.md`] = `# Gesetz ${i}\n\n## § 1 Antrag\n\n(1) Der Antrag ist schriftlich zu stellen.\n\n`
      + `(2) Die Meldebescheinigung ist vorzulegen; die Unterlagen sind per Telefax oder auf einer CD-ROM zu übersenden.\n\n`
      + `## § 2 Erscheinen\n\nDie antragstellende Person hat persönlich bei der Behörde zu erscheinen.${' Weiterer Text.'.repeat(i * 40)}\n`;
  }

  it('gives the same output and exit code with worker threads as without', () => {
    const dir = tempTree(drafts);
    const serial = runCli(['.', '-f', 'json', '-j', '1'], { cwd: dir });
    const parallel = runCli(['.', '-f', 'json', '-j', '3'], { cwd: dir });
    expect(parallel.stderr).toBe(serial.stderr);
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stdout).toBe(serial.stdout);
    const report = JSON.parse(serial.stdout) as { files: Array<{ path: string; findings: unknown[]; error?: string }> };
    // Not vacuous: drafts with findings, errors and suppressions in several folders with their own config.
    expect(report.files.filter((f) => f.findings.length > 0).length).toBeGreaterThanOrEqual(9);
    expect(report.files.filter((f) => f.error).length).toBe(2);
    expect(serial.stdout).toContain('"severity": "error"');
  });

  it('gives the same SARIF, with sentence fingerprints, with worker threads as without', () => {
    const dir = tempTree(drafts);
    const serial = runCli(['.', '-f', 'sarif', '-j', '1'], { cwd: dir });
    const parallel = runCli(['.', '-f', 'sarif', '-j', '3'], { cwd: dir });
    expect(parallel.stdout).toBe(serial.stdout);
    // The workers compute the hashes that SARIF needs (for JSON they are left out, see lintRecord).
    expect(serial.stdout.match(/"dclintSentence\/v1": "schriftform:[0-9a-f]{16}"/g)?.length).toBeGreaterThanOrEqual(9);
  });

  it('fills and reads the cache with worker threads as without', () => {
    const dir = tempTree(drafts);
    const cache = join(dir, 'cache.json');
    const serial = runCli(['.', '-f', 'json', '-j', '1'], { cwd: dir });
    const first = runCli(['.', '-f', 'json', '-j', '2', '--cache', '--cache-location', cache], { cwd: dir });
    const second = runCli(['.', '-f', 'json', '-j', '2', '--cache', '--cache-location', cache], { cwd: dir });
    expect(first.stdout).toBe(serial.stdout);
    expect(second.stdout).toBe(serial.stdout);
    expect(Object.keys((JSON.parse(readFileSync(cache, 'utf8')) as { entries: object }).entries).length).toBe(10);
  });

  it('stops with the same configuration error, and does not hang, with worker threads', () => {
    const dir = tempTree({ ...drafts, 'zz/dclint.config.json': '{ "rules": { "schriftform": "laut" } }', 'zz/entwurf.md': drafts['entwurf-0.md']! });
    const serial = runCli(['.', '-f', 'json', '-j', '1'], { cwd: dir });
    const parallel = runCli(['.', '-f', 'json', '-j', '2'], { cwd: dir });
    expect(serial.code).toBe(2);
    expect(serial.stderr).toContain('laut');
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stderr).toBe(serial.stderr);
  });

  it('refuses a job count that is not a whole number from 1', () => {
    const run = runCli(['x.md', '--jobs', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--jobs braucht eine ganze Zahl ab 1');
  });

  it.skipIf(corpusMissing)('gives the same JSON on 30 laws of the corpus (seeded) with 2 threads as with 1', () => {
    const files = corpusSample(30, 7);
    const serial = runCli([...files, '--no-config', '-f', 'json', '-j', '1']);
    const parallel = runCli([...files, '--no-config', '-f', 'json', '-j', '2']);
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stdout).toBe(serial.stdout);
  }, 300_000);
});
