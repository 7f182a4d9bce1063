import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers.js';
import { DRAFT, onlySchriftform } from './support/drafts.js';

const FIXED = DRAFT
  .replace('(1) Der Antrag ist schriftlich bei', '(1) Der Antrag ist schriftlich oder elektronisch bei')
  .replace('(3) Der Widerspruch ist schriftlich einzulegen.', '(3) Der Widerspruch ist schriftlich oder elektronisch einzulegen.');

const setup = (files: Record<string, string | Buffer> = {}) =>
  tempTree({ 'dclint.config.json': onlySchriftform(), 'entwuerfe/famstg.md': DRAFT, ...files });
const read = (dir: string, path = 'entwuerfe/famstg.md') => readFileSync(join(dir, path), 'utf8');

describe('--fix', () => {
  it('applies the safe fixes in place, leaves accepted findings and the rest of the text alone', () => {
    const dir = setup();
    const run = runCli(['--fix', 'entwuerfe/'], { cwd: dir });
    expect(run.stderr).toBe('dclint: 2 Korrekturen in 1 Datei vorgenommen.\n');
    expect(read(dir)).toBe(FIXED);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Keine Befunde');
  });

  it('changes nothing the second time', () => {
    const dir = setup();
    runCli(['--fix', 'entwuerfe/'], { cwd: dir });
    const second = runCli(['--fix', 'entwuerfe/'], { cwd: dir });
    expect(second.stderr).toBe('');
    expect(read(dir)).toBe(FIXED);
  });

  it('reports the findings it cannot fix', () => {
    const dir = setup({ 'entwuerfe/kuendigung.md': 'Die Kündigung bedarf der Schriftform.\n' });
    const run = runCli(['--fix', 'entwuerfe/kuendigung.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1:26\s+Warnung\s+Satz 1/);
    expect(read(dir, 'entwuerfe/kuendigung.md')).toBe('Die Kündigung bedarf der Schriftform.\n');
  });

  it('keeps a byte order mark and CRLF line ends', () => {
    const dir = setup({ 'crlf.md': Buffer.from('\ufeff# § 1\r\n\r\n(1) Der Antrag ist schriftlich zu stellen.\r\n', 'utf8') });
    runCli(['--fix', 'crlf.md'], { cwd: dir });
    expect(readFileSync(join(dir, 'crlf.md')).toString('utf8')).toBe('\ufeff# § 1\r\n\r\n(1) Der Antrag ist schriftlich oder elektronisch zu stellen.\r\n');
  });

  it('does not fix findings accepted by the baseline', () => {
    const dir = setup();
    runCli(['--write-baseline', '--baseline-reason', 'gewollt', 'entwuerfe/'], { cwd: dir });
    const run = runCli(['--fix', 'entwuerfe/'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(read(dir)).toBe(DRAFT);
  });

  it('refuses standard input', () => {
    const run = runCli(['--fix', '-'], { input: 'Der Antrag ist schriftlich zu stellen.' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fix ändert Dateien und kann die Standardeingabe nicht ändern');
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff that patch applies to the same result as --fix, and changes nothing', () => {
    const dir = setup({ 'entwuerfe/zweiter.md': 'Die Erklärung ist schriftlich abzugeben.\n' });
    const run = runCli(['--fix-dry-run', 'entwuerfe/'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(read(dir)).toBe(DRAFT);
    expect(run.stdout).toContain('--- a/entwuerfe/famstg.md\n+++ b/entwuerfe/famstg.md\n@@ -6,9 +6,9 @@\n');
    expect(run.stdout).toContain('-(1) Der Antrag ist schriftlich bei der Familienkasse zu stellen.\n+(1) Der Antrag ist schriftlich oder elektronisch bei der Familienkasse zu stellen.\n');
    expect(run.stdout).toContain('--- a/entwuerfe/zweiter.md\n+++ b/entwuerfe/zweiter.md\n@@ -1,1 +1,1 @@\n-Die Erklärung ist schriftlich abzugeben.\n+Die Erklärung ist schriftlich oder elektronisch abzugeben.\n');

    const copy = mkdtempSync(join(tmpdir(), 'dclint-patch-'));
    cpSync(dir, copy, { recursive: true });
    writeFileSync(join(copy, 'fix.diff'), run.stdout);
    const patch = spawnSync('patch', ['-p1', '-i', 'fix.diff'], { cwd: copy, encoding: 'utf8' });
    expect(patch.status, patch.stdout + patch.stderr).toBe(0);
    runCli(['--fix', 'entwuerfe/'], { cwd: dir });
    expect(read(copy)).toBe(read(dir));
    expect(read(copy, 'entwuerfe/zweiter.md')).toBe(read(dir, 'entwuerfe/zweiter.md'));
  });

  it('prints nothing and exits 0 when there is nothing to fix; works on standard input', () => {
    const dir = setup({ 'gut.md': 'Der Antrag ist elektronisch zu stellen.\n' });
    expect(runCli(['--fix-dry-run', 'gut.md'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    const stdin = runCli(['--fix-dry-run', '-', '--stdin-filename', 'e.md'], { cwd: dir, input: 'Der Antrag ist schriftlich zu stellen.' });
    expect(stdin.stdout).toBe('--- a/e.md\n+++ b/e.md\n@@ -1,1 +1,1 @@\n-Der Antrag ist schriftlich zu stellen.\n\\ No newline at end of file\n+Der Antrag ist schriftlich oder elektronisch zu stellen.\n\\ No newline at end of file\n');
  });

  it('--fix and --fix-dry-run together are a usage error', () => {
    expect(runCli(['--fix', '--fix-dry-run', 'x.md']).code).toBe(2);
  });
});
