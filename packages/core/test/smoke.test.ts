import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';

describe('lint', () => {
  it('finds a Schriftform requirement in a single sentence', () => {
    const { findings } = lint('Der Antrag ist schriftlich zu stellen.');
    expect(findings.map((f) => [f.ruleId, f.unit, f.excerpt])).toEqual([['schriftform', 'Satz 1', 'schriftlich']]);
  });
});
