import { describe, expect, it } from 'vitest';
import { applyFixes, builtinRules, fixText, lint as lintAll, type Finding, type LintOptions } from '../src/index.js';
import { expectCleanPass, expectFixProperties } from './support/fix-check.js';

const OTHERS_OFF = Object.fromEntries(builtinRules.filter((r) => r.id !== 'schriftform').map((r) => [r.id, 'off' as const]));
const ONLY_SCHRIFTFORM: LintOptions = { rules: OTHERS_OFF };
const lint = (text: string) => lintAll(text, ONLY_SCHRIFTFORM);

/** A finding with one safe suggestion replacing text[start, end). */
function finding(text: string, start: number, end: number, replacement: string, ruleId = 'test'): Finding {
  const pos = (offset: number) => ({ line: 1, column: offset + 1, offset });
  const range = { start: pos(start), end: pos(end) };
  return {
    ruleId, severity: 'warning', message: 'm', principle: 1, aspect: '1.1', range, unit: '', excerpt: text.slice(start, end),
    suggestions: [{ title: 't', replacement, range, safe: true }], docsUrl: 'https://example.org',
  };
}

describe('applyFixes', () => {
  it('applies the safe fix of the schriftform rule and nothing else', () => {
    const text = 'Der Antrag ist schriftlich zu stellen. Die Kündigung bedarf der Schriftform.';
    const result = applyFixes(text, lint(text).findings);
    expect(result.text).toBe('Der Antrag ist schriftlich oder elektronisch zu stellen. Die Kündigung bedarf der Schriftform.');
    expect(result.applied).toHaveLength(1);
    expectCleanPass(text, result);
  });

  it('keeps the inflection: „schriftlichen Antrag“ → „schriftlichen oder elektronischen Antrag“', () => {
    const text = 'Auf schriftlichen Antrag wird die Leistung gewährt.';
    expect(fixText(text, ONLY_SCHRIFTFORM).text).toBe('Auf schriftlichen oder elektronischen Antrag wird die Leistung gewährt.');
  });

  it('never applies overlapping fixes: the earlier wins, the later is skipped', () => {
    const text = 'abcdefghij';
    const result = applyFixes(text, [finding(text, 2, 6, 'X'), finding(text, 4, 8, 'Y'), finding(text, 8, 9, 'Z')]);
    expect(result.text).toBe('abXghZj');
    expect(result.skipped.map((s) => s.reason)).toEqual(['overlap']);
  });

  it('applies touching fixes, but only one of two insertions at the same point', () => {
    const text = 'abcdef';
    const touching = applyFixes(text, [finding(text, 0, 2, 'X'), finding(text, 2, 4, 'Y')]);
    expect(touching.text).toBe('XYef');
    const inserts = applyFixes(text, [finding(text, 3, 3, '1'), finding(text, 3, 3, '2', 'zweite')]);
    expect(inserts.text).toBe('abc1def');
    expect(inserts.skipped).toHaveLength(1);
  });

  it('skips a fix whose range no longer holds the finding (stale) and one that would drop a comment', () => {
    const text = 'Der Antrag ist schriftlich zu stellen.';
    const [f] = lint(text).findings;
    expect(applyFixes('Der Antrag ist mündlich zu stellen.', [f!]).skipped[0]!.reason).toBe('stale');
    const withComment = 'ab<!-- c -->cd';
    expect(applyFixes(withComment, [finding(withComment, 1, 13, 'X')]).skipped[0]!.reason).toBe('comment');
  });

  it('does not fix suppressed findings or unsafe suggestions', () => {
    const text = '<!-- dclint-disable-next-line schriftform -- Begründung: Bürgschaft -->\nDie Erklärung ist schriftlich abzugeben.\n\nDie Kündigung bedarf der Schriftform.';
    const result = fixText(text, ONLY_SCHRIFTFORM);
    expect(result.text).toBe(text);
    expect(result.fixed).toBe(0);
  });

  it('keeps CRLF line ends and everything around the fix', () => {
    const text = '# § 1\r\n\r\n(1) Der Antrag ist schriftlich\r\nzu stellen.\r\n';
    expect(fixText(text, ONLY_SCHRIFTFORM).text).toBe('# § 1\r\n\r\n(1) Der Antrag ist schriftlich oder elektronisch\r\nzu stellen.\r\n');
  });
});

describe('fixText', () => {
  it('fixes every occurrence over several passes, and a second run changes nothing', () => {
    const text = 'Der Antrag ist schriftlich zu stellen.\n\nDer Widerspruch ist schriftlich einzulegen; die schriftliche Begründung folgt.';
    expect(expectFixProperties(text, ONLY_SCHRIFTFORM)).toBe(3);
  });
});
