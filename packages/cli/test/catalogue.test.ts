import { describe, expect, it } from 'vitest';
import { builtinRules } from '@dclint/core';
import { runCli, tempTree } from './helpers.js';

describe('dclint rules', () => {
  it('lists every rule with principle, aspect, severity and what it finds', () => {
    const run = runCli(['rules']);
    expect(run.code).toBe(0);
    for (const rule of builtinRules) {
      const line = run.stdout.split('\n').find((l) => l.startsWith(`${rule.id} `));
      expect(line, rule.id).toBeDefined();
      expect(line).toContain(`${rule.principle} (${rule.aspect})`);
      expect(line).toContain(rule.title);
    }
    expect(run.stdout).toMatch(/schriftform\s+1 \(1\.1\)\s+Warnung/);
    expect(run.stdout).toMatch(/barrierefreiheit\s+1 \(1\.4\)\s+Hinweis/);
  });

  it('prints JSON for tools', () => {
    const run = runCli(['rules', '--format', 'json']);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as Array<{ id: string; principle: number; severity: string }>;
    expect(list.map((r) => r.id).sort()).toEqual(builtinRules.map((r) => r.id).sort());
    expect(list.find((r) => r.id === 'nachweis-vorlage')).toMatchObject({ principle: 2, severity: 'warning' });
  });

  it('includes rules of --rules-dir', () => {
    const dir = tempTree({
      'eigene/fax-verbot.yaml': [
        'id: fax-verbot', 'title: Telefax erwähnt', 'principle: 1', 'aspect: "1.1"', 'severity: hint',
        'message: Telefax', 'explanation: Telefax ist veraltet.', 'betterWording: elektronisch',
        'patterns:', '  - pattern: Telefax',
        'examples:', '  valid:', '    - text: Per E-Mail.', '      source: erfunden',
        '  invalid:', '    - text: Per Telefax.', '      source: erfunden', '',
      ].join('\n'),
    });
    const run = runCli(['rules', '--rules-dir', 'eigene'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/fax-verbot\s+1 \(1\.1\)\s+Tipp\s+Telefax erwähnt/);
  });
});

describe('dclint explain', () => {
  it('prints the page of a rule: principle with link, why, better wording, examples from federal law', () => {
    const run = runCli(['explain', 'schriftform']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# `schriftform` – Schriftform ohne elektronische Alternative');
    expect(run.stdout).toContain('<https://digitalcheck.bund.de/methoden/fuenf-prinzipien/digitale-angebote-fuer-alle-nutzbar-gestalten>');
    expect(run.stdout).toContain('## Warum das die digitale Umsetzung behindert');
    expect(run.stdout).toContain('„schriftlich oder elektronisch“ einsetzen');
    expect(run.stdout).toContain('§ 3a Abs. 2 Satz 1 VwVfG');
  });

  it('names a close rule when the id is mistyped, exit code 2', () => {
    const run = runCli(['explain', 'schriftfrom']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unbekannte Regel „schriftfrom“. Meinten Sie „schriftform“?');
  });

  it('asks for exactly one rule', () => {
    const run = runCli(['explain']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Bitte genau eine Regel nennen');
  });

  it('has its own help', () => {
    const run = runCli(['explain', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Aufruf: dclint explain <id>');
  });
});
