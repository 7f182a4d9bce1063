import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempTree } from './helpers.js';

const DRAFT = 'fixtures/amending/referentenentwurf-meldedigitalisierung.md';
const BMG = 'fixtures/amending/basis/bmg-auszug.markdown';
const bmgText = readFileSync(join(repoRoot, BMG), 'utf8');
const INTRO = 'Das Bundesmeldegesetz vom 3. Mai 2013 (BGBl. I S. 1084), das zuletzt durch Artikel 7 des Gesetzes vom '
  + '15. Januar 2021 (BGBl. I S. 530) geändert worden ist, wird wie folgt geändert:';
const amending = (...instructions: string[]) => `## Artikel 1 Änderung des Bundesmeldegesetzes\n\n${INTRO}\n\n${instructions.join('\n\n')}\n`;
const rows = (markdown: string) => markdown.split('\n').filter((l) => l.startsWith('| **'));

describe('dclint synopse', () => {
  it('with the law in force: a two-column table of every changed provision, changes in bold', () => {
    const run = runCli(['synopse', DRAFT, '--base', `BMG=${BMG}`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## Bundesmeldegesetz (BMG) – Artikel 1');
    expect(run.stdout).toContain('| Geltende Fassung | Fassung nach dem Entwurf |\n| --- | --- |');
    expect(rows(run.stdout).map((r) => /^\| \*\*([^*]+)\*\*/.exec(r)![1])).toEqual([
      '§ 7 Abs. 2', '§ 18 Abs. 1', '§ 18 Abs. 5', '§ 23b', '§ 23 Abs. 3', '§ 23 Abs. 4', '§ 23 Abs. 5', '§ 19 Abs. 2', '§ 25', '§ 29 Abs. 2', '§ 10 Abs. 3',
    ]);
    const paragraph7 = rows(run.stdout)[0]!;
    expect(paragraph7).toContain('| **§ 7 Abs. 2**<br>(2) Die in Absatz 1 genannten Personen');
    expect(paragraph7).toContain('| **§ 7 Abs. 2** – Artikel 1 Nr. 1<br>(2) Die in Absatz 1');
    expect(paragraph7).toContain('zu belehren und schriftlich **oder elektronisch** auf die Einhaltung');
    expect(rows(run.stdout)[3]).toMatch(/^\| \*\*§ 23b\*\*<br>\*\(neu\)\* \| \*\*§ 23b\*\* – Artikel 1 Nr\. 3<br>\*\*§ 23b Elektronische Abmeldung \(1\)/);
    expect(rows(run.stdout)[4]).toContain('diese Daten schriftlich **oder in elektronischer Form** zu übermitteln');
    // Every row has exactly two cells.
    for (const row of rows(run.stdout)) expect(row.replace(/\\\|/g, '').split('|').length).toBe(4);
  });

  it('takes the abbreviation from the base file (jurabk) and the path from the config ("bases")', () => {
    const bare = runCli(['synopse', DRAFT, '--base', BMG]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(runCli(['synopse', DRAFT, '--base', `BMG=${BMG}`]).stdout);
    const dir = tempTree({
      'dclint.config.json': JSON.stringify({ bases: { BMG: 'gesetze/bmg.md' } }),
      'gesetze/bmg.md': bmgText,
      'entwurf.md': readFileSync(join(repoRoot, DRAFT), 'utf8'),
    });
    const configured = runCli(['synopse', 'entwurf.md'], { cwd: dir });
    expect(configured.code).toBe(0);
    expect(configured.stdout).toContain('Geltende Fassung: gesetze/bmg.md.');
    expect(rows(configured.stdout)).toHaveLength(11);
  });

  it('without the law in force: the quoted wording of each instruction', () => {
    const run = runCli(['synopse', DRAFT]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ohne geltenden Text (Option --base ABK=pfad) zeigt die Synopse nur den zitierten Wortlaut.');
    expect(run.stdout).toContain('| **§ 7 Abs. 2 Satz 1**<br>schriftlich | **§ 7 Abs. 2 Satz 1** – Artikel 1 Nr. 1<br>schriftlich **oder elektronisch** |');
    expect(run.stdout).toContain('| **§ 23 Abs. 3 Satz 1**<br>**oder in elektronischer Form** | **§ 23 Abs. 3 Satz 1** – Artikel 1 Nr. 4 Buchst. a<br>*(entfällt)* |');
    expect(run.stdout).toContain('| **§ 29 Abs. 2 Satz 1**<br>*(geltender Wortlaut ohne --base nicht bekannt)* |');
    expect(run.stdout).toContain('| **§ 23 Abs. 5 Satz 4**<br>*(geltender Wortlaut ohne --base nicht bekannt)* | **§ 23 Abs. 5 Satz 4** – Artikel 1 Nr. 4 Buchst. c<br>(aufgehoben) |');
  });

  it('lists instructions it cannot apply, names the unit, and ends with code 1', () => {
    const dir = tempTree({
      'entwurf.md': amending('1.  In § 7 Absatz 1 wird das Wort „schriftlich“ durch die Wörter „schriftlich oder elektronisch“ ersetzt.'),
      'bmg.md': bmgText,
    });
    const run = runCli(['synopse', 'entwurf.md', '--base', 'BMG=bmg.md', '-o', 'synopse.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('dclint: entwurf.md:5:36: Artikel 1 Nr. 1: „schriftlich“ steht nicht in § 7 Abs. 1 BMG.\n');
    const written = readFileSync(join(dir, 'synopse.md'), 'utf8');
    expect(written).toContain('## Nicht ausführbare Änderungsbefehle\n\n- Zeile 5, Artikel 1 Nr. 1: „schriftlich“ steht nicht in § 7 Abs. 1 BMG.');
  });

  it('reports bad input in German with code 2', () => {
    const missing = runCli(['synopse', DRAFT, '--base', 'BMG=gesetze/fehlt.md']);
    expect([missing.code, missing.stderr]).toEqual([2, 'dclint: gesetze/fehlt.md: Geltender Gesetzestext (--base) nicht gefunden oder nicht lesbar.\n']);
    const malformed = runCli(['synopse', DRAFT, '--base', 'BMG=']);
    expect([malformed.code, malformed.stderr]).toEqual([2, 'dclint: --base „BMG=“: erwartet Abkürzung=Pfad, z. B. --base BMG=gesetze/bmg.md.\n']);
    const noAmendment = runCli(['synopse', 'fixtures/referentenentwurf-familienstartgeld.md']);
    expect(noAmendment.code).toBe(2);
    expect(noAmendment.stderr).toContain('fixtures/referentenentwurf-familienstartgeld.md: Der Entwurf ändert kein Gesetz');
    const dir = tempTree({ 'dclint.config.json': '{ "bases": { "BMG": 3 } }', 'entwurf.md': amending('1.  § 4 wird aufgehoben.') });
    const badConfig = runCli(['synopse', 'entwurf.md'], { cwd: dir });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('dclint.config.json:1:');
    expect(badConfig.stderr).toContain('„bases.BMG“ muss ein Pfad zum geltenden Gesetzestext sein.');
    expect(runCli(['synopse']).code).toBe(2);
  });

  it('is listed in the help', () => {
    expect(runCli(['--help']).stdout).toContain('dclint synopse <entwurf>');
    const help = runCli(['synopse', '--help']);
    expect([help.code, help.stdout.startsWith('Aufruf: dclint synopse')]).toEqual([0, true]);
  });
});

describe('dclint --base (lint an amending law against the law in force)', () => {
  it('applies the instructions and reports findings with both addresses', () => {
    const run = runCli([DRAFT, '--base', `BMG=${BMG}`, '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).files[0].findings as Array<{ ruleId: string; unit: string; target?: { law: string; unit: string }; range: { start: { line: number } } }>;
    expect(findings.find((f) => f.ruleId === 'schriftform' && f.range.start.line === 57))
      .toMatchObject({ unit: 'Artikel 1 Nr. 3', target: { law: 'BMG', unit: '§ 23b Abs. 2 Satz 1' } });
    // The credit for restating § 29 Abs. 2 Satz 1 needs the wording in force („handschriftlich zu unterschreiben“).
    expect(findings.some((f) => f.ruleId === 'barriere-entfernt' && f.range.start.line === 81)).toBe(true);
    const without = JSON.parse(runCli([DRAFT, '-f', 'json']).stdout).files[0].findings as typeof findings;
    expect(without.some((f) => f.range.start.line === 81)).toBe(false);
  });

  it('takes "bases" from the config, and notes a base text no draft amends', () => {
    const dir = tempTree({
      'dclint.config.json': JSON.stringify({ bases: { BMG: 'bmg.md' } }),
      'bmg.md': bmgText,
      'entwurf.md': amending('1.  § 29 Absatz 2 Satz 1 wird wie folgt gefasst: „Beherbergte Personen haben am Tag der Ankunft einen '
        + 'besonderen Meldeschein auszufüllen, der die in § 30 Absatz 2 aufgeführten Daten enthält.“'),
    });
    const run = runCli(['entwurf.md', '-f', 'json'], { cwd: dir });
    const findings = JSON.parse(run.stdout).files[0].findings as Array<{ ruleId: string; target?: { unit: string } }>;
    expect(findings.map((f) => [f.ruleId, f.target?.unit])).toEqual([['barriere-entfernt', '§ 29 Abs. 2 Satz 1']]);
    expect(JSON.parse(runCli(['entwurf.md', '--no-config', '-f', 'json'], { cwd: dir }).stdout).files[0].findings).toEqual([]);
    const other = join(repoRoot, 'fixtures/amending/basis/bverfschg-auszug.markdown');
    const unused = runCli(['entwurf.md', '--no-config', '--base', `BVerfSchG=${other}`], { cwd: dir });
    expect(unused.stderr).toContain('Hinweis: --base BVerfSchG passt zu keinem Artikel');
  });
});
