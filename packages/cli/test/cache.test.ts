import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers.js';
import { onlySchriftform } from './support/drafts.js';

const DRAFT = 'Der Antrag ist schriftlich zu stellen.\n';
const SENTINEL = 'AUS DEM CACHE';

/**
 * Lints once with --cache, then replaces every cached message with a sentinel. A later run that prints the
 * sentinel took its findings from the cache; one that does not, linted anew.
 */
function cachedTree(files: Record<string, string> = {}, cacheArgs = ['--cache']) {
  const dir = tempTree({ 'dclint.config.json': onlySchriftform(), 'entwurf.md': DRAFT, ...files });
  const first = runCli([...cacheArgs, '-f', 'json', 'entwurf.md'], { cwd: dir });
  expect(first.code).toBe(1);
  const lint = (args: string[] = []) => runCli([...cacheArgs, '-f', 'json', ...args, 'entwurf.md'], { cwd: dir });
  const cacheFile = join(dir, '.dclintcache');
  const mark = (file = cacheFile) => {
    const cache = JSON.parse(readFileSync(file, 'utf8'));
    for (const entry of Object.values(cache.entries) as Array<{ result: { findings: Array<{ message: string }> } }>) {
      for (const f of entry.result.findings) f.message = SENTINEL;
    }
    writeFileSync(file, JSON.stringify(cache));
  };
  const messages = (args: string[] = []) => JSON.parse(lint(args).stdout).files[0].findings.map((f: { message: string }) => f.message);
  return { dir, lint, mark, messages, cacheFile };
}

describe('--cache', () => {
  it('reuses the result for unchanged text, config and rules', () => {
    const t = cachedTree();
    expect(existsSync(t.cacheFile)).toBe(true);
    t.mark();
    expect(t.messages()).toEqual([SENTINEL]);
  });

  it('lints again after a change to the text', () => {
    const t = cachedTree();
    t.mark();
    writeFileSync(join(t.dir, 'entwurf.md'), 'Der Antrag ist schriftlich zu stellen.\n\nDie Erklärung ist schriftlich abzugeben.\n');
    const messages = t.messages();
    expect(messages).toHaveLength(2);
    expect(messages).not.toContain(SENTINEL);
  });

  it('lints again after a change to the config (file or command line)', () => {
    const t = cachedTree();
    t.mark();
    writeFileSync(join(t.dir, 'dclint.config.json'), onlySchriftform({ rules: { schriftform: 'error' } }));
    const run = JSON.parse(t.lint().stdout).files[0].findings;
    expect(run.map((f: { message: string; severity: string }) => [f.severity, f.message === SENTINEL])).toEqual([['error', false]]);
    t.mark();
    expect(t.messages(['--parts', 'begruendung'])).toEqual([]);
    expect(t.messages(['--disable', 'dclint-directive'])).not.toContain(SENTINEL);
  });

  it('lints again after a change to a rule', () => {
    const rule = (message: string) => [
      'id: antrag-pflicht', 'title: Antragspflicht', 'principle: 1', 'aspect: "1.1"', 'severity: info',
      `message: ${message}`, 'explanation: Erklärung.', 'betterWording: Besser.', 'patterns:', '  - pattern: Antrag',
      'examples:', '  valid:', '    - text: Die Leistung wird gewährt.', '      source: Test', '  invalid:', '    - text: Der «Antrag» ist zu stellen.', '      source: Test',
    ].join('\n') + '\n';
    const t = cachedTree({ 'regeln/antrag-pflicht.yaml': rule('Erste Fassung.') }, ['--cache', '--rules-dir', 'regeln']);
    t.mark();
    expect(t.messages()).toEqual([SENTINEL, SENTINEL]);
    writeFileSync(join(t.dir, 'regeln/antrag-pflicht.yaml'), rule('Zweite Fassung.'));
    expect(t.messages()).toContain('Zweite Fassung.');
  });

  it('lints again for another dclint version', () => {
    const t = cachedTree();
    t.mark();
    const cache = JSON.parse(readFileSync(t.cacheFile, 'utf8'));
    cache.version = '0.0.0-alt';
    writeFileSync(t.cacheFile, JSON.stringify(cache));
    expect(t.messages()).not.toContain(SENTINEL);
  });

  it('keeps inline suppressions and the baseline correct on a cache hit', () => {
    const t = cachedTree({ 'entwurf.md': '<!-- dclint-disable-next-line schriftform -- Begründung: gewollt -->\nDer Antrag ist schriftlich zu stellen.\n\nDie Erklärung ist schriftlich abzugeben.\n' });
    expect(runCli(['--cache', '--write-baseline', '--baseline-reason', 'Bestand', 'entwurf.md'], { cwd: t.dir }).code).toBe(0);
    const json = JSON.parse(t.lint().stdout).files[0];
    expect(json.findings).toEqual([]);
    expect(json.suppressed.map((f: { suppressed: { kind: string } }) => f.suppressed.kind)).toEqual(['inline', 'baseline']);
  });

  it('--cache-location takes a file or a folder, and a broken cache file is ignored', () => {
    const dir = tempTree({ 'dclint.config.json': onlySchriftform(), 'entwurf.md': DRAFT, 'tmp/.keep': '' });
    runCli(['--cache-location', 'tmp/', 'entwurf.md'], { cwd: dir });
    expect(existsSync(join(dir, 'tmp/.dclintcache'))).toBe(true);
    runCli(['--cache', '--cache-location', 'tmp/eigener-cache.json', 'entwurf.md'], { cwd: dir });
    expect(existsSync(join(dir, 'tmp/eigener-cache.json'))).toBe(true);
    writeFileSync(join(dir, 'tmp/eigener-cache.json'), '{ kaputt');
    const run = runCli(['--cache', '--cache-location', 'tmp/eigener-cache.json', 'entwurf.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });
});
