import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, resolveRules } from '../../packages/core/src/index.js';
// @ts-expect-error plain ESM script shared with the measuring scripts
import { measureBeispiele, measurePairs, pairsExcludedFile } from '../../scripts/quality/measure.mjs';

// The numbers of the README section "Qualität", kept as floors. Reads ../shared/digitalcheck/ (CI has it there).
describe('Schriftform before/after pairs 2013 → 2022', () => {
  const result = measurePairs(lint, resolveRules());

  it('the old sentence raises a principle-1 warning in at least 97 % of the pairs', () => {
    expect(result.measured).toBeGreaterThanOrEqual(400);
    expect(result.oldMisses.map((m: { key: string }) => m.key)).toHaveLength(result.measured - result.oldFires);
    expect(result.oldRate).toBeGreaterThanOrEqual(0.97);
  });

  it('the new sentence raises that rule in at most 3 % of the pairs', () => {
    expect(result.newRate).toBeLessThanOrEqual(0.03);
  });

  it('every pair left out is in the data and has a reason', () => {
    expect(result.staleExclusions).toEqual([]);
    for (const e of JSON.parse(readFileSync(pairsExcludedFile, 'utf8'))) expect(e.reason.length).toBeGreaterThan(20);
  });
});

describe('good-practice examples of the Digitalcheck', () => {
  it('no rule warns on a passage the Digitalcheck praises', () => {
    const result = measureBeispiele(lint);
    expect(result.passages).toBeGreaterThan(100);
    expect(result.warnings).toEqual([]);
  });
});
