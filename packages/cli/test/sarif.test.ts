import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers.js';
import { DRAFT, onlySchriftform, validateSarif } from './support/drafts.js';

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
    results: Array<Record<string, any>>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<Record<string, any>> }>;
    artifacts: Array<Record<string, any>>;
  }>;
}

describe('--format sarif', () => {
  let dir: string;
  let log: SarifLog;
  let code: number | null;

  beforeAll(() => {
    // Version 1 of the draft goes into the baseline; then § 3 is added.
    dir = tempTree({
      'dclint.config.json': onlySchriftform(),
      'entwuerfe/famstg.md': '## § 3 Vollmacht\n\n(1) Die Vollmacht ist schriftlich zu erteilen.\n',
      'entwuerfe/kaputt.md': Buffer.from([0x00, 0x01, 0x02]),
    });
    const write = runCli(['--write-baseline', '--baseline-reason', 'Vollmacht: § 80 ZPO', '--baseline-author', 'Referat Z 3', 'entwuerfe/famstg.md'], { cwd: dir });
    expect(write.code).toBe(0);
    writeFileSync(join(dir, 'entwuerfe/famstg.md'), `${DRAFT}\n## § 3 Vollmacht\n\n(1) Die Vollmacht ist schriftlich zu erteilen.\n`);
    const run = runCli(['--format', 'sarif', '--output-file', 'dclint.sarif', 'entwuerfe/'], { cwd: dir });
    code = run.code;
    expect(run.stdout).toBe('');
    log = JSON.parse(readFileSync(join(dir, 'dclint.sarif'), 'utf8'));
  });

  it('passes Microsoft\'s SARIF validator without errors and warnings', () => {
    const result = validateSarif(join(dir, 'dclint.sarif'));
    expect(result.problems).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('is SARIF 2.1.0 from dclint with its version', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-2.1.0');
    expect(log.runs[0]!.tool.driver).toMatchObject({ name: 'dclint', version: expect.stringMatching(/^\d+\.\d+\.\d+/), informationUri: expect.stringMatching(/^https:/) });
    expect(code).toBe(2); // kaputt.md is binary
  });

  it('describes every rule with helpUri, principle and aspect', () => {
    const rules = log.runs[0]!.tool.driver.rules;
    const schriftform = rules.find((r) => r.id === 'schriftform')!;
    expect(schriftform).toMatchObject({
      name: 'SchriftformOhneElektronischeAlternative',
      helpUri: expect.stringMatching(/^https:\/\/digitalcheck\.bund\.de\//),
      properties: { principle: 1, aspect: '1.1' },
      defaultConfiguration: { level: 'warning' },
    });
    for (const rule of rules) expect(rule.helpUri).toMatch(/^https:\/\//);
    expect(rules.map((r) => r.id)).toContain('dclint-directive');
  });

  it('names the legal unit of each result as logical location and property', () => {
    const results = log.runs[0]!.results;
    const plain = results.filter((r) => !r.suppressions);
    expect(plain.map((r) => r.properties.legalUnit)).toEqual(['§ 2 Abs. 1 Satz 1', '§ 2 Abs. 3 Satz 1']);
    expect(plain[0]).toMatchObject({
      ruleId: 'schriftform',
      level: 'warning',
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: 'entwuerfe/famstg.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 9, startColumn: 20, endLine: 9, endColumn: 31, snippet: { text: 'schriftlich' } },
        },
        logicalLocations: [{ fullyQualifiedName: '§ 2 Abs. 1 Satz 1', kind: 'legalUnit' }],
      }],
      partialFingerprints: { 'dclintSentence/v1': expect.stringMatching(/^schriftform:[0-9a-f]{16}$/) },
    });
    expect(plain[0]!.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('schriftlich oder elektronisch');
  });

  it('keeps accepted findings as suppressed results with their justification', () => {
    const suppressed = log.runs[0]!.results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => [r.properties.legalUnit, r.suppressions])).toEqual([
      ['§ 2 Abs. 2 Satz 1', [{ kind: 'inSource', status: 'accepted', justification: '§ 766 BGB verlangt für die Bürgschaft die Schriftform.' }]],
      ['§ 3 Abs. 1 Satz 1', [{ kind: 'external', status: 'accepted', justification: 'Vollmacht: § 80 ZPO' }]],
    ]);
  });

  it('reports an unreadable draft as a tool notification, not as a result', () => {
    const invocation = log.runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toMatchObject([{
      level: 'error', message: { text: expect.stringContaining('Binärdatei') },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'entwuerfe/kaputt.md' } } }],
    }]);
  });
});

describe('SARIF for an empty result', () => {
  it('is valid too', () => {
    const dir = tempTree({ 'dclint.config.json': onlySchriftform(), 'gut.md': 'Der Antrag ist elektronisch zu stellen.\n' });
    const run = runCli(['-f', 'sarif', '-o', 'out.sarif', 'gut.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(validateSarif(join(dir, 'out.sarif')).problems).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).runs[0].results).toEqual([]);
  });
});
