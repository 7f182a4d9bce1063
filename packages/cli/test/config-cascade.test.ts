import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { runCli, tempTree } from './helpers.js';

const DRAFT = 'Der Antrag ist schriftlich zu stellen.\n';

/** The ConfigError message of resolving `file`, or '' when it resolves. */
function configError(file: string, how = {}): string {
  try {
    resolveConfig(file, how);
    return '';
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

describe('config cascade', () => {
  const dir = tempTree({
    'dclint.config.json': JSON.stringify({ rules: { schriftform: 'error', 'technik-spezifisch': 'off' }, parts: ['regelungstext', 'begruendung'] }),
    'referat/.dclintrc.yaml': 'rules:\n  schriftform: info\n',
    'referat/entwurf.md': DRAFT,
    'referat/unter/entwurf.md': DRAFT,
    'eigen/dclint.config.jsonc': '// eigenständig\n{ "root": true, "rules": { "persoenliches-erscheinen": "off" } }\n',
    'eigen/entwurf.md': DRAFT,
    'entwurf.md': DRAFT,
  });

  it('applies the nearest file over the farther ones, key by key', () => {
    const { options, configFile, configFiles } = resolveConfig(join(dir, 'referat/unter/entwurf.md'));
    expect(options.rules).toEqual({ schriftform: 'info', 'technik-spezifisch': 'off' });
    expect(options.parts).toEqual(['regelungstext', 'begruendung']);
    expect(configFile).toBe(join(dir, 'referat/.dclintrc.yaml'));
    expect(configFiles?.slice(-2)).toEqual([join(dir, 'dclint.config.json'), join(dir, 'referat/.dclintrc.yaml')]);
  });

  it('uses only the farther file where there is no nearer one', () => {
    expect(resolveConfig(join(dir, 'entwurf.md')).options.rules).toEqual({ schriftform: 'error', 'technik-spezifisch': 'off' });
  });

  it('stops at "root": true', () => {
    const { options, configFiles } = resolveConfig(join(dir, 'eigen/entwurf.md'));
    expect(options.rules).toEqual({ 'persoenliches-erscheinen': 'off' });
    expect(configFiles).toEqual([join(dir, 'eigen/dclint.config.jsonc')]);
  });

  it('--config forces one file without cascade, --no-config none', () => {
    const forced = resolveConfig(join(dir, 'referat/entwurf.md'), { configFile: join(dir, 'eigen/dclint.config.jsonc') });
    expect(forced.options.rules).toEqual({ 'persoenliches-erscheinen': 'off' });
    expect(resolveConfig(join(dir, 'referat/entwurf.md'), { noConfig: true })).toEqual({ options: {}, configFiles: [] });
  });

  it('drives the CLI: the severity from the nearest file decides the exit code', () => {
    expect(runCli(['referat/entwurf.md', '--fail-on', 'warning'], { cwd: dir }).code).toBe(0);
    const root = runCli(['entwurf.md'], { cwd: dir });
    expect(root.code).toBe(1);
    expect(root.stdout).toMatch(/Fehler\s+Satz 1/);
    expect(runCli(['entwurf.md', '--no-config'], { cwd: dir }).stdout).toMatch(/Warnung\s+Satz 1/);
    expect(runCli(['entwurf.md', '--config', 'referat/.dclintrc.yaml'], { cwd: dir }).stdout).toMatch(/Hinweis\s+Satz 1/);
  });
});

describe('extends', () => {
  it('applies the extended files first, then the file itself', () => {
    const dir = tempTree({
      'basis/ministerium.yaml': 'rules:\n  schriftform: error\n  technik-spezifisch: off\nrequireJustification: false\n',
      'dclint.config.json': JSON.stringify({ extends: './basis/ministerium.yaml', rules: { schriftform: 'hint' } }),
      'entwurf.md': DRAFT,
    });
    const { options, configFiles } = resolveConfig(join(dir, 'entwurf.md'));
    expect(options).toMatchObject({ rules: { schriftform: 'hint', 'technik-spezifisch': 'off' }, requireJustification: false });
    expect(configFiles).toEqual([join(dir, 'basis/ministerium.yaml'), join(dir, 'dclint.config.json')]);
  });

  it('reports a cycle and a missing file at the "extends" entry', () => {
    const dir = tempTree({
      'a.json': '{\n  "extends": ["./b.json"]\n}\n',
      'b.json': '{\n  "extends": "./a.json"\n}\n',
      'c.json': '{\n  "rules": {},\n  "extends": ["./fehlt.json"]\n}\n',
    });
    expect(configError(join(dir, 'x.md'), { configFile: join(dir, 'a.json') })).toMatch(/b\.json:2:3: „extends“ bildet einen Kreis/);
    expect(configError(join(dir, 'x.md'), { configFile: join(dir, 'c.json') })).toMatch(/c\.json:3:15: „fehlt\.json“ \(extends\) ist nicht vorhanden/);
  });
});

describe('overrides', () => {
  const dir = tempTree({
    'dclint.config.yaml': [
      'rules:',
      '  schriftform: warning',
      'overrides:',
      '  - files: "begruendung/**/*.md"',
      '    parts: [begruendung]',
      '    rules:',
      '      schriftform: info',
      '  - files: ["*.txt"]',
      '    excludedFiles: "alt/**"',
      '    rules:',
      '      schriftform: off',
      '',
    ].join('\n'),
    'begruendung/teil/b.md': DRAFT,
    'x/notiz.txt': DRAFT,
    'alt/notiz.txt': DRAFT,
    'a.md': DRAFT,
  });

  it('applies the entries whose globs match, relative to the config file', () => {
    expect(resolveConfig(join(dir, 'begruendung/teil/b.md')).options).toMatchObject({ rules: { schriftform: 'info' }, parts: ['begruendung'] });
    expect(resolveConfig(join(dir, 'a.md')).options.rules).toEqual({ schriftform: 'warning' });
  });

  it('matches a pattern without "/" against the file name, and honours excludedFiles', () => {
    expect(resolveConfig(join(dir, 'x/notiz.txt')).options.rules).toEqual({ schriftform: 'off' });
    expect(resolveConfig(join(dir, 'alt/notiz.txt')).options.rules).toEqual({ schriftform: 'warning' });
  });
});

describe('bad config files are clear errors with file, line and column', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['unknown rule id (JSON)', 'dclint.config.json', '{\n  "rules": {\n    "schriftfrom": "error"\n  }\n}\n',
      /dclint\.config\.json:3:5: unbekannte Regel „schriftfrom“\. Meinten Sie „schriftform“\?/],
    ['unknown rule id (YAML)', '.dclintrc.yaml', 'rules:\n  schrift-form: warning\n', /\.dclintrc\.yaml:2:3: unbekannte Regel „schrift-form“/],
    ['unknown rule id in overrides', 'dclint.config.json', '{"overrides": [\n {"files": "*.md", "rules": {"gibtsnicht": "off"}}]}',
      /dclint\.config\.json:2:30: unbekannte Regel „gibtsnicht“/],
    ['bad severity', 'dclint.config.json', '{\n  "rules": { "schriftform": "fatal" }\n}\n', /2:14: ungültiger Schweregrad „fatal“ für „schriftform“/],
    ['malformed JSON', 'dclint.config.json', '{\n  "rules": {\n    "schriftform": "error",,\n  }\n}\n', /dclint\.config\.json:3:28: ungültiges JSON/],
    ['malformed YAML', 'dclint.config.yaml', 'rules:\n  schriftform: [error\n', /dclint\.config\.yaml:3:1: ungültiges YAML/],
    ['unknown key', 'dclint.config.json', '{\n  "regeln": {}\n}\n', /2:3: unbekannter Schlüssel „regeln“/],
    ['override without files', 'dclint.config.json', '{\n  "overrides": [\n    { "rules": {} }\n  ]\n}\n', /3:5: „files“ muss ein Glob-Muster/],
  ];

  it.each(cases)('%s', (_name, file, content, expected) => {
    const dir = tempTree({ [file]: content, 'entwurf.md': DRAFT });
    expect(configError(join(dir, 'entwurf.md'))).toMatch(expected);
  });

  it('two config files in one folder are ambiguous', () => {
    const dir = tempTree({ 'dclint.config.json': '{}', '.dclintrc.yaml': 'rules: {}\n', 'entwurf.md': DRAFT });
    expect(configError(join(dir, 'entwurf.md'))).toContain('mehrere Konfigurationsdateien im selben Ordner (dclint.config.json, .dclintrc.yaml)');
  });

  it('the CLI exits with 2 and names the place, without a stack trace', () => {
    const dir = tempTree({ 'sub/dclint.config.json': '{\n  "rules": { "schriftform": "fatal" }\n}\n', 'sub/entwurf.md': DRAFT });
    const run = runCli(['sub/entwurf.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`dclint: ${join(dir, 'sub/dclint.config.json')}:2:14: ungültiger Schweregrad „fatal“ für „schriftform“ (erlaubt: off, error, warning, info, hint).\n`);
  });

  it('a config file changed on disk is read again', () => {
    const dir = tempTree({ 'dclint.config.json': '{"rules": {"schriftform": "error"}}', 'entwurf.md': DRAFT });
    expect(resolveConfig(join(dir, 'entwurf.md')).options.rules).toEqual({ schriftform: 'error' });
    writeFileSync(join(dir, 'dclint.config.json'), '{"rules": {"schriftform": "hint"}, "inlineConfig": false}');
    expect(resolveConfig(join(dir, 'entwurf.md')).options).toMatchObject({ rules: { schriftform: 'hint' }, inlineConfig: false });
  });
});
