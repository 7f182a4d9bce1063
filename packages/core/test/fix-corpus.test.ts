import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectFixProperties } from './support/fix-check.js';
import { fixtureFiles, pickCorpusFiles, repoRoot } from './support/corpus.js';

// `--fix` on real text: every fixture and 200 laws of the corpus (every n-th file, deterministic).
// Properties: fixes never overlap, nothing outside the fixed spans changes, the fixed text has no
// fixable finding left, a second --fix changes nothing.
let total = 0;

describe.each(fixtureFiles().map((f) => [relative(repoRoot, f), f]))('fixture %s', (_name, file) => {
  it('fixes cleanly and idempotently', () => {
    total += expectFixProperties(readFileSync(file, 'utf8'));
  });
});

describe.each(pickCorpusFiles(200).map((f) => [relative(repoRoot, f), f]))('corpus %s', (_name, file) => {
  it('fixes cleanly and idempotently', () => {
    total += expectFixProperties(readFileSync(file, 'utf8'));
  }, 300_000); // large laws (GOÄ, BGB) are linted up to four times; generous for a loaded CI machine
});

afterAll(() => {
  // The sample must exercise the fixer at all, or the properties above prove nothing.
  expect(total).toBeGreaterThan(50);
});
