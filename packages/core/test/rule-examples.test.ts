import { describe, expect, it } from 'vitest';
import { builtinRules, lint } from '../src/index.js';

/** «…» marks the expected span in an invalid example. Returns the text without marks and the spans. */
export function parseMarkedExample(marked: string): { text: string; spans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  let text = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === '«') open = text.length;
    else if (ch === '»') {
      spans.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

function findingsOf(ruleId: string, text: string) {
  const onlyThisRule = Object.fromEntries(builtinRules.filter((r) => r.id !== ruleId).map((r) => [r.id, 'off' as const]));
  return lint(text, { rules: onlyThisRule }).findings.filter((f) => f.ruleId === ruleId);
}

describe.each(builtinRules.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it.each(rule.examples.valid.map((e) => [e.source, e.text]))('valid: %s', (_source, text) => {
    expect(findingsOf(id, text).map((f) => f.excerpt)).toEqual([]);
  });

  it.each(rule.examples.invalid.map((e) => [e.source, e.text]))('invalid: %s', (_source, marked) => {
    const { text, spans } = parseMarkedExample(marked);
    const findings = findingsOf(id, text);
    expect(findings.length).toBeGreaterThan(0);
    if (spans.length > 0) {
      expect(findings.map((f) => [f.range.start.offset, f.range.end.offset])).toEqual(spans);
    }
  });
});
