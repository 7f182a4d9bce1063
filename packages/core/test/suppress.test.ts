import { describe, expect, it } from 'vitest';
import { builtinRules, lint as lintAll, parseDirectives, DIRECTIVE_RULE_ID, type Finding, type LintOptions } from '../src/index.js';

// Only the Schriftform rule (unless a test switches another on), so that new catalogue rules do not
// change the expected findings.
const OTHERS_OFF = Object.fromEntries(builtinRules.filter((r) => r.id !== 'schriftform').map((r) => [r.id, 'off' as const]));
const lint = (text: string, options: LintOptions = {}) => lintAll(text, { ...options, rules: { ...OTHERS_OFF, ...options.rules } });

const WHY = '-- Begründung: § 766 BGB verlangt die Schriftform';
const at = (findings: Finding[]) => findings.map((f) => `${f.range.start.line}:${f.ruleId}`);

describe('parseDirectives', () => {
  it('reads kind, rule ids and the justification after " -- " (without the word "Begründung:")', () => {
    const [d] = parseDirectives(`<!-- dclint-disable-next-line schriftform, persoenliches-erscheinen ${WHY} -->`);
    expect(d).toMatchObject({
      kind: 'disable-next-line',
      ruleIds: ['schriftform', 'persoenliches-erscheinen'],
      justification: '§ 766 BGB verlangt die Schriftform',
    });
  });

  it('ignores ordinary comments and keeps an unknown keyword for the report', () => {
    const ds = parseDirectives('<!-- erwartet: schriftform --> <!-- Anmerkung --> <!-- dclint-disabel schriftform -->');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ kind: undefined, keyword: 'disabel' });
  });

  it('reads a justification spread over several lines', () => {
    const [d] = parseDirectives('<!-- dclint-disable-file schriftform\n  -- Begründung: Bürgschaft,\n  § 766 BGB -->');
    expect(d!.justification).toBe('Bürgschaft, § 766 BGB');
  });
});

describe('dclint-disable-next-line', () => {
  const text = [
    '(1) Der Antrag ist schriftlich zu stellen.',
    `<!-- dclint-disable-next-line schriftform ${WHY} -->`,
    '(2) Die Bürgschaftserklärung ist schriftlich abzugeben.',
    '(3) Der Widerspruch ist schriftlich einzulegen.',
  ].join('\n');

  it('suppresses the finding on the next line only and keeps it with its justification', () => {
    const result = lint(text);
    expect(at(result.findings)).toEqual(['1:schriftform', '4:schriftform']);
    expect(at(result.suppressed!)).toEqual(['3:schriftform']);
    expect(result.suppressed![0]!.suppressed).toEqual({ kind: 'inline', justification: '§ 766 BGB verlangt die Schriftform' });
  });

  it('skips blank lines between the comment and the text', () => {
    const result = lint(`<!-- dclint-disable-next-line schriftform ${WHY} -->\n\n\nDer Antrag ist schriftlich zu stellen.`);
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toHaveLength(1);
  });

  it('does not suppress another rule', () => {
    const result = lint(`<!-- dclint-disable-next-line persoenliches-erscheinen ${WHY} -->\nDer Antrag ist schriftlich zu stellen.`,
      { rules: { 'persoenliches-erscheinen': 'warning' } });
    expect(at(result.findings)).toEqual(['1:dclint-directive', '2:schriftform']);
    expect(result.findings[0]!.message).toContain('unterdrückt für „persoenliches-erscheinen“ keinen Befund');
  });

  it('without rule ids suppresses every rule', () => {
    const result = lint(`<!-- dclint-disable-next-line ${WHY} -->\nDer Antrag ist schriftlich zu stellen.`);
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toHaveLength(1);
  });
});

describe('dclint-disable / dclint-enable', () => {
  it('suppresses between the two comments', () => {
    const text = [
      'Der Antrag ist schriftlich zu stellen.',
      '',
      `<!-- dclint-disable schriftform ${WHY} -->`,
      '',
      'Die Erklärung ist schriftlich abzugeben.',
      '',
      'Die Kündigung bedarf der Schriftform.',
      '',
      '<!-- dclint-enable schriftform -->',
      '',
      'Der Widerspruch ist schriftlich einzulegen.',
    ].join('\n');
    const result = lint(text);
    expect(at(result.findings)).toEqual(['1:schriftform', '11:schriftform']);
    expect(at(result.suppressed!)).toEqual(['5:schriftform', '7:schriftform']);
  });

  it('runs to the end of the draft without dclint-enable', () => {
    const result = lint(`Der Antrag ist schriftlich zu stellen.\n\n<!-- dclint-disable ${WHY} -->\n\nDie Erklärung ist schriftlich abzugeben.\n\nDer Widerspruch ist schriftlich einzulegen.`);
    expect(at(result.findings)).toEqual(['1:schriftform']);
    expect(result.suppressed).toHaveLength(2);
  });

  it('reports a dclint-enable that closes nothing', () => {
    const result = lint('<!-- dclint-enable schriftform -->\n\nDer Antrag ist elektronisch zu stellen.');
    expect(at(result.findings)).toEqual([`1:${DIRECTIVE_RULE_ID}`]);
    expect(result.findings[0]!.message).toContain('beendet kein vorangehendes');
  });
});

describe('dclint-disable-file', () => {
  it('suppresses the rule everywhere, also before the comment', () => {
    const result = lint(`Der Antrag ist schriftlich zu stellen.\n\n<!-- dclint-disable-file schriftform ${WHY} -->\n\nDie Erklärung ist schriftlich abzugeben.`);
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toHaveLength(2);
  });
});

describe('justification', () => {
  const unjustified = '<!-- dclint-disable-next-line schriftform -->\nDer Antrag ist schriftlich zu stellen.';

  it('is required by default: without it the directive does not act and is reported', () => {
    const result = lint(unjustified);
    expect(at(result.findings)).toEqual([`1:${DIRECTIVE_RULE_ID}`, '2:schriftform']);
    expect(result.findings[0]!.message).toContain('keine Begründung');
    expect(result.findings[0]!.severity).toBe('warning');
    expect(result.suppressed).toEqual([]);
  });

  it('"Begründung:" alone is no justification', () => {
    const result = lint('<!-- dclint-disable-next-line schriftform -- Begründung: -->\nDer Antrag ist schriftlich zu stellen.');
    expect(result.suppressed).toEqual([]);
  });

  it('an unedited placeholder ("Begründung: …") is no justification', () => {
    const result = lint('<!-- dclint-disable-next-line schriftform -- Begründung: … -->\nDer Antrag ist schriftlich zu stellen.');
    expect(at(result.findings)).toEqual([`1:${DIRECTIVE_RULE_ID}`, '2:schriftform']);
    expect(result.suppressed).toEqual([]);
  });

  it('is optional with requireJustification: false', () => {
    const result = lint(unjustified, { requireJustification: false });
    expect(result.findings).toEqual([]);
    expect(result.suppressed![0]!.suppressed).toEqual({ kind: 'inline', justification: '' });
  });
});

describe('faulty directives', () => {
  it('reports a directive that suppresses nothing', () => {
    const result = lint(`<!-- dclint-disable-next-line schriftform ${WHY} -->\nDer Antrag ist elektronisch zu stellen.`);
    expect(at(result.findings)).toEqual([`1:${DIRECTIVE_RULE_ID}`]);
    expect(result.findings[0]).toMatchObject({ principle: 0, unit: '', docsUrl: expect.stringContaining('dclint') });
  });

  it('does not report a directive for a rule that is switched off', () => {
    const result = lint(`<!-- dclint-disable-next-line schriftform ${WHY} -->\nDer Antrag ist schriftlich zu stellen.`, { rules: { schriftform: 'off' } });
    expect(result.findings).toEqual([]);
  });

  it('reports an unknown rule id and a misspelt directive', () => {
    const result = lint(`<!-- dclint-disable-next-line schriftfrom ${WHY} -->\n<!-- dclint-disabel schriftform ${WHY} -->\nDer Antrag ist schriftlich zu stellen.`);
    expect(at(result.findings)).toEqual([`1:${DIRECTIVE_RULE_ID}`, `2:${DIRECTIVE_RULE_ID}`, '3:schriftform']);
    expect(result.findings[0]!.message).toContain('unbekannte Regel „schriftfrom“');
    expect(result.findings[1]!.message).toContain('keine dclint-Anweisung');
  });

  it('reports with the configured severity, or not at all when dclint-directive is off', () => {
    const text = '<!-- dclint-disable-next-line schriftform -->\nDer Antrag ist elektronisch zu stellen.';
    expect(lint(text, { rules: { [DIRECTIVE_RULE_ID]: 'error' } }).findings[0]!.severity).toBe('error');
    expect(lint(text, { rules: { [DIRECTIVE_RULE_ID]: 'off' } }).findings).toEqual([]);
  });

  it('names the § the directive stands in', () => {
    const result = lint(`## § 3 Antrag\n\n(1) Der Antrag ist elektronisch zu stellen.\n\n<!-- dclint-disable-next-line schriftform ${WHY} -->\n(2) Er ist zu begründen.`);
    expect(result.findings[0]).toMatchObject({ ruleId: DIRECTIVE_RULE_ID, unit: '§ 3' });
  });
});

describe('inlineConfig: false (--no-inline-config)', () => {
  it('ignores every directive: nothing suppressed, nothing reported about directives', () => {
    const text = `<!-- dclint-disable-file schriftform ${WHY} -->\n\nDer Antrag ist schriftlich zu stellen.\n\n<!-- dclint-disable-next-line -->\nX.`;
    const result = lint(text, { inlineConfig: false });
    expect(at(result.findings)).toEqual(['3:schriftform']);
    expect(result.suppressed).toEqual([]);
  });
});

describe('a directive inside a paragraph', () => {
  it('acts, and its own words are never linted', () => {
    const text = `Der Antrag ist zu stellen. <!-- dclint-disable-next-line schriftform -- Begründung: die Schriftform ist nötig -->\nDie Erklärung ist schriftlich abzugeben.`;
    const result = lint(text);
    expect(result.findings).toEqual([]);
    expect(at(result.suppressed!)).toEqual(['2:schriftform']);
  });
});
