import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers.js';
import { onlySchriftform } from './support/drafts.js';

const V1 = `## § 2 Antrag

(1) Der Antrag ist schriftlich bei der Familienkasse zu stellen.

(2) Dem Antrag sind beizufügen:

1. die Geburtsurkunde des Kindes,
2. eine schriftliche Erklärung des anderen Elternteils.
`;

const REASON = 'Bestand vor Einführung von dclint; Prüfung bis 30.6.';

function setup(draft = V1) {
  const dir = tempTree({ 'dclint.config.json': onlySchriftform(), 'entwuerfe/famstg.md': draft });
  const write = runCli(['--write-baseline', '--baseline-reason', REASON, '--baseline-author', 'Referat Z 3', 'entwuerfe/'], { cwd: dir });
  return { dir, write, baseline: () => JSON.parse(readFileSync(join(dir, 'dclint-baseline.json'), 'utf8')) };
}
const edit = (dir: string, text: string) => writeFileSync(join(dir, 'entwuerfe/famstg.md'), text);

describe('--write-baseline', () => {
  it('needs a reason', () => {
    const dir = tempTree({ 'entwurf.md': V1 });
    const run = runCli(['--write-baseline', 'entwurf.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--write-baseline braucht eine Begründung: --baseline-reason');
  });

  it('records every finding with rule, unit, sentence hash, excerpt, who, when and why', () => {
    const { write, baseline } = setup();
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('Baseline dclint-baseline.json: 2 neu, 0 behalten, 0 veraltet entfernt.');
    expect(write.stdout).toContain('2 Befunde sind mit Begründung akzeptiert.');
    const today = new Date().toISOString().slice(0, 10);
    expect(baseline()).toMatchObject({
      version: 1,
      entries: [
        { file: 'entwuerfe/famstg.md', ruleId: 'schriftform', unit: '§ 2 Abs. 1 Satz 1', sentenceHash: expect.stringMatching(/^[0-9a-f]{16}$/), excerpt: 'schriftlich', author: 'Referat Z 3', date: today, reason: REASON },
        { file: 'entwuerfe/famstg.md', ruleId: 'schriftform', unit: '§ 2 Abs. 2 Satz 1 Nr. 2', excerpt: 'schriftliche', reason: REASON },
      ],
    });
  });
});

describe('a baseline in effect', () => {
  it('accepts the findings: exit 0, and they are listed with the reason in JSON', () => {
    const { dir } = setup();
    expect(runCli(['entwuerfe/'], { cwd: dir }).code).toBe(0);
    const json = JSON.parse(runCli(['-f', 'json', 'entwuerfe/'], { cwd: dir }).stdout);
    expect(json.files[0].findings).toEqual([]);
    expect(json.files[0].suppressed.map((f: { suppressed: unknown }) => f.suppressed)).toEqual([
      { kind: 'baseline', justification: REASON }, { kind: 'baseline', justification: REASON },
    ]);
  });

  it('survives added lines, reflowed text and renumbered Absätze and Nummern', () => {
    const { dir } = setup();
    edit(dir, `## § 1 Zweck

Dieses Gesetz regelt das Familienstartgeld.

${V1}`
      .replace('(1) Der Antrag ist schriftlich bei der Familienkasse zu stellen.', '(1) Zuständig ist die Familienkasse.\n\n(2) Der Antrag ist schriftlich\nbei der Familienkasse   zu stellen.')
      .replace('(2) Dem Antrag', '(3) Dem Antrag')
      .replace('2. eine schriftliche', '1. ein Nachweis des Wohnsitzes,\n3. eine schriftliche'));
    const run = runCli(['entwuerfe/'], { cwd: dir });
    expect(run.stdout).toContain('Keine Befunde');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('does not accept a changed sentence: the finding is back and the stale entry is reported', () => {
    const { dir } = setup();
    edit(dir, V1.replace('bei der Familienkasse', 'bei der zuständigen Stelle'));
    const run = runCli(['entwuerfe/'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Warnung\s+§ 2 Abs\. 1 Satz 1/);
    expect(run.stderr).toContain('1 Eintrag der Baseline dclint-baseline.json passt zu keinem Befund mehr');
    expect(run.stderr).toContain(`entwuerfe/famstg.md: schriftform in § 2 Abs. 1 Satz 1 „schriftlich“ (Referat Z 3, ${new Date().toISOString().slice(0, 10)})`);
    expect(run.stderr).toContain('Entfernen mit --prune-baseline.');
  });

  it('--prune-baseline removes stale entries and keeps the others with their origin', () => {
    const { dir, baseline } = setup();
    const before = baseline().entries;
    edit(dir, V1.replace('(1) Der Antrag ist schriftlich bei der Familienkasse zu stellen.', '(1) Der Antrag ist elektronisch zu stellen.'));
    const prune = runCli(['--prune-baseline', 'entwuerfe/'], { cwd: dir });
    expect(prune.code).toBe(0);
    expect(prune.stderr).toContain('1 behalten, 1 veraltet entfernt');
    expect(baseline().entries).toEqual([before[1]]);
    expect(runCli(['entwuerfe/'], { cwd: dir }).stderr).toBe('');
  });

  it('reports entries of a draft that no longer exists, but leaves entries of drafts not linted now alone', () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'entwuerfe/zweiter.md'), 'Der Antrag ist elektronisch zu stellen.\n');
    expect(runCli(['entwuerfe/zweiter.md'], { cwd: dir }).stderr).toBe('');
    rmSync(join(dir, 'entwuerfe/famstg.md'));
    expect(runCli(['entwuerfe/zweiter.md'], { cwd: dir }).stderr).toContain('2 Einträge der Baseline dclint-baseline.json passen zu keinem Befund mehr');
  });

  it('a second --write-baseline keeps existing entries with their author and adds new ones', () => {
    const { dir, baseline } = setup();
    const first = baseline().entries;
    edit(dir, `${V1}\n(3) Der Widerspruch ist schriftlich einzulegen.\n`);
    const again = runCli(['--write-baseline', '--baseline-reason', 'Widerspruch: Formzwang', '--baseline-author', 'Referat Z 4', 'entwuerfe/'], { cwd: dir });
    expect(again.stderr).toContain('1 neu, 2 behalten, 0 veraltet entfernt');
    const entries = baseline().entries;
    expect(entries.slice(0, 2)).toEqual(first);
    expect(entries[2]).toMatchObject({ unit: '§ 2 Abs. 3 Satz 1', author: 'Referat Z 4', reason: 'Widerspruch: Formzwang' });
  });
});

describe('bad baseline files', () => {
  it('a malformed file is an error naming file and place', () => {
    const dir = tempTree({ 'entwurf.md': V1, 'dclint-baseline.json': '{\n  "version": 1,\n  "entries": [\n    { "file": "entwurf.md" }\n  ]\n}\n' });
    const run = runCli(['entwurf.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dclint-baseline\.json:4:5: ungültige Baseline: „ruleId“ fehlt oder ist kein Text\./);
  });

  it('a --baseline that does not exist is an error', () => {
    const dir = tempTree({ 'entwurf.md': V1 });
    const run = runCli(['--baseline', 'fehlt.json', 'entwurf.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fehlt.json: Baseline-Datei nicht gefunden.');
  });
});
