import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../src/index.js';
import { optimisations, setOptimisations, type Optimisations } from '../src/optimisations.js';
import { corpusMissing, corpusSample } from './support/corpus-sample.js';

/** Every optimisation off: remark-parse, every pattern tried at every token, the regular-expression tokeniser. */
const REFERENCE: Optimisations = Object.fromEntries(Object.keys(optimisations).map((k) => [k, false])) as unknown as Optimisations;
const defaults = { ...optimisations };
afterEach(() => setOptimisations(defaults));

function lintWith(settings: Partial<Optimisations>, text: string, options?: LintOptions) {
  setOptimisations({ ...defaults, ...settings });
  return JSON.stringify(lint(text, options));
}

describe.skipIf(corpusMissing)('findings with and without the optimisations', () => {
  if (corpusMissing) console.log(corpusMissing);
  const files = corpusSample(100);

  it('are identical on 100 laws of the corpus (seeded), with the structure and in every part', () => {
    expect(Object.values(REFERENCE).every((v) => v === false)).toBe(true);
    const differing: string[] = [];
    let findings = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const options: LintOptions = { parts: ['regelungstext', 'begruendung', 'vorblatt'] };
      const optimised = lintWith({}, text, options);
      findings += (JSON.parse(optimised) as { findings: unknown[] }).findings.length;
      if (optimised !== lintWith(REFERENCE, text, options)) differing.push(file);
      // Each optimisation alone, on a few laws: none depends on another to be exact.
      if (files.indexOf(file) % 25 === 0) {
        for (const key of Object.keys(defaults) as Array<keyof Optimisations>) {
          if (lintWith({ ...REFERENCE, [key]: true }, text, options) !== optimised) differing.push(`${file} (nur ${key})`);
        }
      }
    }
    expect(differing).toEqual([]);
    // The comparison is not vacuous: the sample has findings.
    expect(findings).toBeGreaterThan(20);
  }, 600_000);
});
