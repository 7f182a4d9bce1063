// The measurements behind the README section "Qualität", shared by the scripts (printing numbers) and the
// tests (keeping them as floors). Each takes the core's `lint` and rule list, so tests can pass the sources.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, shared } from './lib.mjs';

export const pairsFile = join(shared, 'digitalcheck', 'schriftform-pairs-2013-2022.json');
export const beispieleFile = join(shared, 'digitalcheck', 'beispiele-regelungen.json');
/** Pairs left out of the measurement, each with its reason. */
export const pairsExcludedFile = join(root, 'test', 'quality', 'pairs-excluded.json');

/** Identifies a pair in the shared file: its law and the start of its old sentence. */
export const pairKey = (pair) => `${pair.file} ${pair.old.replace(/\s+/g, ' ').trim().slice(0, 80)}`;

/** Barrier rules of principle 1: warnings by default. */
export function barrierRulesOfPrinciple1(rules) {
  return rules.filter((r) => r.principle === 1 && r.severity === 'warning').map((r) => r.id);
}

/**
 * Before/after pairs of the 2017 Schriftform reform: the old sentence should raise a principle-1 warning,
 * the new one (with its electronic alternative) should not raise that rule at all, at any level.
 */
export function measurePairs(lint, rules) {
  const barrierRules = barrierRulesOfPrinciple1(rules);
  const excluded = new Map(JSON.parse(readFileSync(pairsExcludedFile, 'utf8')).map((e) => [e.pair, e.reason]));
  const { pairs } = JSON.parse(readFileSync(pairsFile, 'utf8'));
  const usedExclusions = new Set();
  const result = { total: pairs.length, measured: 0, excluded: 0, oldFires: 0, newFires: 0, oldMisses: [], newHits: [], staleExclusions: [] };
  for (const pair of pairs) {
    const key = pairKey(pair);
    if (excluded.has(key)) {
      usedExclusions.add(key);
      result.excluded++;
      continue;
    }
    result.measured++;
    const old = lint(pair.old).findings.filter((f) => barrierRules.includes(f.ruleId));
    const fired = [...new Set(old.filter((f) => f.severity === 'warning').map((f) => f.ruleId))];
    if (fired.length > 0) result.oldFires++;
    else result.oldMisses.push({ key, old: pair.old });
    const again = lint(pair.new).findings.filter((f) => fired.includes(f.ruleId));
    if (again.length > 0) {
      result.newFires++;
      result.newHits.push({ key, new: pair.new, findings: again.map((f) => `${f.ruleId}: ${f.excerpt}`) });
    }
  }
  result.staleExclusions = [...excluded.keys()].filter((k) => !usedExclusions.has(k));
  result.oldRate = result.oldFires / result.measured;
  result.newRate = result.newFires / result.measured;
  return result;
}

/**
 * The good-practice examples of the Digitalcheck: every Absatz it praises is linted as a draft on its own;
 * no finding may reach the warning level.
 */
export function measureBeispiele(lint) {
  const data = JSON.parse(readFileSync(beispieleFile, 'utf8'));
  const result = { passages: 0, warnings: [], infos: [] };
  for (const regelung of data.regelungen) {
    for (const absatz of regelung.absaetze) {
      if (!absatz.text?.trim()) continue;
      result.passages++;
      const where = `${absatz.artikel ? `Art. ${absatz.artikel} ` : ''}§ ${absatz.paragraph} Abs. ${absatz.absatz} ${absatz.gesetz}`;
      for (const f of lint(absatz.text).findings) {
        const entry = { where, ruleId: f.ruleId, excerpt: f.excerpt.replace(/\s+/g, ' '), severity: f.severity };
        if (f.severity === 'warning' || f.severity === 'error') result.warnings.push(entry);
        else result.infos.push(entry);
      }
    }
  }
  return result;
}
