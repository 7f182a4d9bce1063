import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../packages/core/src/index.js';
// @ts-expect-error plain ESM script shared with the quality scripts
import { loadJudged } from '../../scripts/quality/report.mjs';

interface Entry { file: string; unit: string; excerpt: string; context: string; at?: number; verdict: string | null; reason: string; status?: string }
interface Round { seed: number; severity: string; entries: Entry[] }
interface Judged { rule: string; rounds: Round[] }

/**
 * Regression over the judged corpus samples (docs/quality.md): a finding judged right must still be found
 * in its Absatz at its level (or, marked "herabgestuft", at a deliberately milder level);
 * a false one marked "behoben" must stay quiet at that level. Open false positives are not asserted.
 */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const cases = (loadJudged() as Judged[]).flatMap((j) => j.rounds.flatMap((round) => round.entries
  .filter((e) => e.verdict === 'richtig' || (e.verdict === 'falsch' && e.status === 'behoben'))
  .map((e) => [`${j.rule} ${e.file.split('/')[1]} ${e.unit} „${e.excerpt}“ (${e.verdict})`, j.rule, round.severity, e] as const)));

/** The judged place in the context: from `at` over as many non-space characters as the (normalised) excerpt has. */
function place(e: Entry): [number, number] | undefined {
  if (e.at === undefined) return undefined;
  let end = e.at;
  for (let seen = 0, want = e.excerpt.replace(/\s+/g, '').length; seen < want && end < e.context.length; end++) {
    if (!/\s/.test(e.context[end]!)) seen++;
  }
  return [e.at, end];
}

/** Findings of the rule at the judged place (overlapping it: a rule change may widen or narrow the span) and level. */
function hits(rule: string, severity: string, e: Entry): Finding[] {
  const span = place(e);
  return lint(e.context).findings.filter((f) => f.ruleId === rule
    && (span ? f.range.start.offset < span[1] && span[0] < f.range.end.offset : norm(f.excerpt) === norm(e.excerpt))
    && (severity === 'all' || f.severity === severity));
}

describe('judged corpus samples', () => {
  it('exist', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases)('%s', (_name, rule, severity, entry) => {
    if (entry.verdict === 'falsch') expect(hits(rule, severity, entry), entry.reason).toEqual([]);
    else expect(hits(rule, entry.status === 'herabgestuft' ? 'all' : severity, entry), entry.reason).not.toEqual([]);
  });
});
