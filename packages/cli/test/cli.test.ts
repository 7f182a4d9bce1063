import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers.js';

const BARRIER = 'Der Antrag ist schriftlich zu stellen.\n';
const CLEAN = 'Der Antrag ist schriftlich oder elektronisch zu stellen.\n';

describe('dclint on standard input', () => {
  it('reports schriftform at Satz 1 and exits 1', () => {
    const run = runCli(['-'], { input: BARRIER });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Satz 1');
    expect(run.stdout).toContain('schriftform');
    expect(run.stdout).toMatch(/1:16\s+Warnung/);
  });

  it('reports nothing and exits 0 when the electronic alternative is there', () => {
    const run = runCli(['-'], { input: CLEAN });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Keine Befunde');
  });
});

describe('the demo draft', () => {
  it('lists the barriers with their legal addresses and exits 1', () => {
    const run = runCli(['fixtures/referentenentwurf-familienstartgeld.md']);
    expect(run.code).toBe(1);
    for (const unit of ['§ 2 Abs. 1 Satz 1', '§ 2 Abs. 3 Satz 1', '§ 4 Abs. 1 Satz 1', '§ 5 Abs. 1 Satz 2']) {
      expect(run.stdout).toContain(unit);
    }
    for (const rule of ['schriftform', 'persoenliches-erscheinen', 'original-beglaubigung', 'analoger-kanal', 'nachweis-vorlage', 'technik-spezifisch']) {
      expect(run.stdout).toContain(rule);
    }
  });
});

describe('JSON output', () => {
  it('has files with findings carrying every public field', () => {
    const run = runCli(['-', '--format', 'json', '--stdin-filename', 'entwurf.md'], { input: BARRIER });
    const out = JSON.parse(run.stdout);
    expect(out.tool).toBe('dclint');
    expect(out.files[0].path).toBe('entwurf.md');
    const f = out.files[0].findings[0];
    expect(Object.keys(f).sort()).toEqual(
      ['aspect', 'docsUrl', 'excerpt', 'message', 'principle', 'range', 'ruleId', 'severity', 'suggestions', 'unit'].sort(),
    );
    expect(f).toMatchObject({
      ruleId: 'schriftform', severity: 'warning', principle: 1, aspect: '1.1', unit: 'Satz 1', excerpt: 'schriftlich',
      range: { start: { line: 1, column: 16, offset: 15 }, end: { line: 1, column: 27, offset: 26 } },
    });
    expect(f.suggestions[0]).toMatchObject({ replacement: 'schriftlich oder elektronisch', safe: true });
    expect(out.summary).toEqual({ files: 1, errors: 0, warnings: 1, infos: 0, hints: 0, fileErrors: 0 });
  });
});

describe('options', () => {
  it('--disable turns a rule off', () => {
    expect(runCli(['-', '--disable', 'schriftform'], { input: BARRIER }).code).toBe(0);
  });

  it('--rule checks only the named rule', () => {
    const run = runCli(['-', '--rule', 'analoger-kanal'], { input: BARRIER + 'Die Daten sind auf Diskette zu liefern.\n' });
    expect(run.code).toBe(0);
  });

  it('--max-warnings tolerates up to N warnings', () => {
    expect(runCli(['-', '--max-warnings', '1'], { input: BARRIER }).code).toBe(0);
    expect(runCli(['-', '--max-warnings', '0'], { input: BARRIER }).code).toBe(1);
  });

  it('--quiet shows only errors', () => {
    const run = runCli(['-', '--quiet'], { input: BARRIER });
    expect(run.stdout).not.toContain('schriftform');
  });

  it('an unknown rule id is a usage error with a suggestion', () => {
    const run = runCli(['-', '--disable', 'schriftfrom'], { input: BARRIER });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unbekannte Regel „schriftfrom“. Meinten Sie „schriftform“?');
  });

  it('an unknown option is a usage error in German', () => {
    const run = runCli(['--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unbekannte Option „--frobnicate“');
  });

  it('--help and --version answer in German', () => {
    expect(runCli(['--help']).stdout).toContain('Aufruf: dclint');
    expect(runCli(['--version']).stdout).toMatch(/^dclint \d+\.\d+\.\d+/);
  });
});

describe('folders, globs and config', () => {
  it('recurses into folders for *.md and *.txt only', () => {
    const dir = tempTree({ 'a/entwurf.md': BARRIER, 'b/notiz.txt': BARRIER, 'c/bild.png': BARRIER });
    const run = runCli([dir, '--format', 'json']);
    const paths = JSON.parse(run.stdout).files.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['a/entwurf.md', 'b/notiz.txt'].map((p) => `${dir}/${p}`));
  });

  it('expands glob patterns', () => {
    const dir = tempTree({ 'x/eins.md': BARRIER, 'x/zwei.md': CLEAN });
    const run = runCli(['x/*.md', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(['x/eins.md', 'x/zwei.md']);
  });

  it('uses the nearest config file up the tree', () => {
    const dir = tempTree({
      'dclint.config.json': '{ "rules": { "schriftform": "error" } }',
      'sub/.dclintrc.yaml': 'rules:\n  schriftform: "off"\n',
      'sub/entwurf.md': BARRIER,
      'entwurf.md': BARRIER,
    });
    const top = JSON.parse(runCli(['entwurf.md', '-f', 'json'], { cwd: dir }).stdout);
    expect(top.files[0].findings[0].severity).toBe('error');
    const sub = runCli(['sub/entwurf.md'], { cwd: dir });
    expect(sub.code).toBe(0);
  });
});

describe('bad input', () => {
  it('a missing file: German message naming it, exit 2', () => {
    const run = runCli(['gibt-es-nicht.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dclint: gibt-es-nicht.md: Datei oder Ordner nicht gefunden.\n');
  });

  it('a folder without drafts: exit 2', () => {
    const dir = tempTree({ 'bild.png': 'x' });
    const run = runCli([dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Der Ordner enthält keine Entwürfe');
  });

  it('a binary file: per-file error entry, exit 2, no stack trace', () => {
    const dir = tempTree({ 'bin.md': Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]) });
    const run = runCli(['bin.md', '-f', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).files[0]).toEqual({
      path: 'bin.md', findings: [], error: 'Binärdatei: dclint prüft nur Text (Markdown oder reiner Text, UTF-8).',
    });
  });

  it('invalid UTF-8: error naming line and column', () => {
    const dir = tempTree({ 'latin1.md': Buffer.concat([Buffer.from('Zeile eins\nDie Beh'), Buffer.from([0xf6]), Buffer.from('rde.\n')]) });
    const run = runCli(['latin1.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('latin1.md');
    expect(run.stdout).toContain('Ungültiges UTF-8 in Zeile 2, Spalte 8 (Byte 18)');
  });

  it('an empty file: error entry, exit 2', () => {
    const dir = tempTree({ 'leer.md': '' });
    const run = runCli(['leer.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('leer.md');
    expect(run.stdout).toContain('Die Datei ist leer.');
  });

  it('an invalid config: file, line and column, exit 2', () => {
    const dir = tempTree({ 'dclint.config.json': '{\n  "rules": {\n    "schriftform": "laut"\n  }\n}\n', 'e.md': BARRIER });
    const run = runCli(['e.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dclint\.config\.json:3:5: ungültiger Schweregrad „laut“ für „schriftform“/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('malformed JSON config: place of the syntax error', () => {
    const dir = tempTree({ 'dclint.config.json': '{\n  "rules": {\n    "schriftform": "off",\n  \n', 'e.md': BARRIER });
    const run = runCli(['e.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dclint\.config\.json:\d+:\d+: ungültiges JSON/);
  });

  it('an unknown rule in the config: named with its place', () => {
    const dir = tempTree({ '.dclintrc.yaml': 'rules:\n  schriftfrom: off\n', 'e.md': BARRIER });
    const run = runCli(['e.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.dclintrc.yaml:2:3: unbekannte Regel „schriftfrom“. Meinten Sie „schriftform“?');
  });

  it('an invalid rule file: file and field, exit 2', () => {
    const dir = tempTree({
      'regeln/meine-regel.yaml': 'id: meine-regel\ntitle: T\nprinciple: 7\naspect: "1.1"\nseverity: warning\nmessage: m\nexplanation: e\nbetterWording: b\npatterns:\n  - pattern: Formular\nexamples:\n  valid: [{text: a, source: s}]\n  invalid: [{text: b, source: s}]\n',
      'e.md': BARRIER,
    });
    const run = runCli(['e.md', '--rules-dir', 'regeln'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('meine-regel.yaml: Feld „principle“: muss zwischen 1 und 5 liegen.');
  });

  it('a rule file with a broken pattern: file and field', () => {
    const dir = tempTree({
      'regeln/kaputt.yaml': 'id: kaputt\ntitle: T\nprinciple: 1\naspect: "1.1"\nseverity: warning\nmessage: m\nexplanation: e\nbetterWording: b\npatterns:\n  - pattern: (Formular\nexamples:\n  valid: [{text: a, source: s}]\n  invalid: [{text: b, source: s}]\n',
      'e.md': BARRIER,
    });
    const run = runCli(['e.md', '--rules-dir', 'regeln'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kaputt.yaml: Feld „patterns[0].pattern“: „(Formular“: Eine Klammer wird nicht geschlossen.');
  });

  it('a custom rule from --rules-dir is applied', () => {
    const dir = tempTree({
      'regeln/formular.yaml': 'id: formular\ntitle: Formular\nprinciple: 1\naspect: "1.1"\nseverity: warning\nmessage: Formular gefunden\nexplanation: e\nbetterWording: b\npatterns:\n  - pattern: Formular\nexamples:\n  valid: [{text: a, source: s}]\n  invalid: [{text: Formular, source: s}]\n',
    });
    const run = runCli(['-', '--rules-dir', 'regeln', '--rule', 'formular'], { cwd: dir, input: 'Das Formular ist zu verwenden.' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Formular gefunden');
  });
});
