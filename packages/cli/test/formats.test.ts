import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { github } from '../src/formatters/github.js';
import { runCli, tempTree } from './helpers.js';
import { DRAFT, onlySchriftform } from './support/drafts.js';

let dir: string;
beforeAll(() => {
  dir = tempTree({
    'dclint.config.json': onlySchriftform(),
    'entwuerfe/famstg.md': DRAFT,
    'entwuerfe/gut.md': 'Der Antrag ist elektronisch zu stellen.\n',
    'entwuerfe/a,b & <c>.md': 'Die Erklärung ist schriftlich abzugeben.\n',
  });
});
const run = (format: string) => runCli(['--format', format, 'entwuerfe/'], { cwd: dir });

/** Minimal well-formedness check: every element closed in order, attributes quoted, no raw & or <. */
function expectWellFormedXml(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z]+)((?:\s+[a-z_]+="[^"<]*")*)\s*(\/?)>|<|&(?!(amp|lt|gt|quot|apos|#\d+);)/g)) {
    if (!m[2]) throw new Error(`unmaskiertes Zeichen bei ${m.index}: ${body.slice(m.index!, m.index! + 30)}`);
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]);
  }
  expect(stack).toEqual([]);
}

describe('--format github', () => {
  it('writes one workflow command per finding, with position, title and escaped properties', () => {
    const r = run('github');
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::'))).toEqual([
      expect.stringMatching(/^::warning file=entwuerfe\/a%2Cb & <c>\.md,line=1,col=19,endLine=1,endColumn=30,title=dclint schriftform – Satz 1::„schriftlich“ verlangt/),
      expect.stringMatching(/^::warning file=entwuerfe\/famstg\.md,line=9,col=20,endLine=9,endColumn=31,title=dclint schriftform – § 2 Abs\. 1 Satz 1::/),
      expect.stringMatching(/^::warning file=entwuerfe\/famstg\.md,line=14,col=25,.*title=dclint schriftform – § 2 Abs\. 3 Satz 1::/),
    ]);
    expect(lines.at(-1)).toBe('dclint: 3 Befunde (0 Fehler, 3 Warnungen, 0 Hinweise) in 3 Dateien.');
  });

  it('escapes % and line breaks in messages, and : and , in properties', () => {
    const bad = tempTree({ 'dclint.config.json': onlySchriftform(), 'x.md': Buffer.from([0, 1]) });
    const r = runCli(['-f', 'github', 'x.md'], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error file=x\.md,title=dclint%3A Datei nicht prüfbar::Binärdatei: dclint prüft nur Text/);
    const finding = JSON.parse(runCli(['-f', 'json', 'entwuerfe/famstg.md'], { cwd: dir }).stdout).files[0].findings[0];
    const out = github([{ path: 'a:b,c.md', findings: [{ ...finding, message: '100 % sicher\r\nzweite Zeile' }] }],
      { files: 1, errors: 0, warnings: 1, infos: 0, hints: 0, fileErrors: 0 }, { color: false, version: '0' });
    expect(out.split('\n')[0]).toMatch(/^::warning file=a%3Ab%2Cc\.md,line=9,.*::100 %25 sicher%0D%0Azweite Zeile$/);
  });
});

describe('--format gitlab', () => {
  it('is a Code Quality report: description, check_name, unique fingerprint, severity, location', () => {
    const issues = JSON.parse(run('gitlab').stdout) as Array<Record<string, any>>;
    expect(issues).toHaveLength(3);
    for (const issue of issues) {
      expect(issue).toMatchObject({
        type: 'issue', check_name: 'schriftform', severity: 'minor',
        description: expect.stringContaining('verlangt die Schriftform'),
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        location: { path: expect.stringMatching(/^entwuerfe\//), positions: { begin: { line: expect.any(Number), column: expect.any(Number) } } },
      });
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
    expect(issues[1]!.description).toMatch(/^§ 2 Abs\. 1 Satz 1: /);
  });

  it('keeps fingerprints when lines are added before a finding', () => {
    const before = JSON.parse(run('gitlab').stdout).map((i: { fingerprint: string }) => i.fingerprint);
    const moved = tempTree({ 'dclint.config.json': onlySchriftform(), 'entwuerfe/famstg.md': DRAFT.replace('## § 1 Anspruch', 'Vorbemerkung.\n\n## § 1 Anspruch') });
    writeFileSync(join(moved, 'entwuerfe/a,b & <c>.md'), 'Die Erklärung ist schriftlich abzugeben.\n');
    const after = JSON.parse(runCli(['-f', 'gitlab', 'entwuerfe/'], { cwd: moved }).stdout).map((i: { fingerprint: string }) => i.fingerprint);
    expect(after).toEqual(before);
  });
});

describe('--format junit', () => {
  it('has a suite per draft, a failure per finding, a passing case for a clean draft and skipped for accepted ones', () => {
    const r = run('junit');
    expectWellFormedXml(r.stdout);
    expect(r.stdout).toMatch(/<testsuites name="dclint" tests="5" failures="3" errors="0" skipped="1">/);
    expect(r.stdout).toContain('<testsuite name="entwuerfe/a,b &amp; &lt;c&gt;.md" tests="1" failures="1" errors="0" skipped="0">');
    expect(r.stdout).toContain('<testcase name="schriftform: § 2 Abs. 1 Satz 1 (9:20)" classname="entwuerfe/famstg.md">');
    expect(r.stdout).toContain('<testcase name="dclint: keine Befunde" classname="entwuerfe/gut.md"/>');
    expect(r.stdout).toContain('<skipped message="Akzeptiert (im Entwurf): § 766 BGB verlangt für die Bürgschaft die Schriftform."/>');
  });
});

describe('--format checkstyle', () => {
  it('lists each draft with its findings as <error> elements', () => {
    const r = run('checkstyle');
    expectWellFormedXml(r.stdout);
    expect(r.stdout).toContain('<checkstyle version="4.3">');
    expect(r.stdout).toContain('<file name="entwuerfe/gut.md"/>');
    expect(r.stdout).toMatch(/<error line="9" column="20" severity="warning" message="§ 2 Abs\. 1 Satz 1: „schriftlich“ verlangt[^"]*" source="dclint\.schriftform"\/>/);
    expect(r.stdout.match(/<error /g)).toHaveLength(3);
  });
});

describe('--format json and stylish with accepted findings', () => {
  it('json lists them under "suppressed" with the justification; stylish counts them', () => {
    const json = JSON.parse(run('json').stdout);
    const famstg = json.files.find((f: { path: string }) => f.path === 'entwuerfe/famstg.md');
    expect(famstg.suppressed).toMatchObject([{ ruleId: 'schriftform', unit: '§ 2 Abs. 2 Satz 1', suppressed: { kind: 'inline', justification: '§ 766 BGB verlangt für die Bürgschaft die Schriftform.' } }]);
    expect(json.files.find((f: { path: string }) => f.path === 'entwuerfe/gut.md')).toEqual({ path: 'entwuerfe/gut.md', findings: [] });
    expect(json.summary).toEqual({ files: 3, errors: 0, warnings: 3, infos: 0, hints: 0, fileErrors: 0 });
    expect(run('stylish').stdout).toContain('1 Befund ist mit Begründung akzeptiert.');
  });
});
