import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';

const root = join(import.meta.dirname, '../../..');

/** Every Markdown draft under fixtures/ (recursively); amending-law fixtures included. */
function fixtureFiles(dir = join(root, 'fixtures')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

/**
 * Expected findings are marked in the fixture itself: `<!-- erwartet: ruleA, ruleB -->` at the end of the
 * line on which each finding starts (a rule id once per finding). Lines without a marker expect nothing.
 */
export function expectedFindings(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const marker = /<!--\s*erwartet:\s*([^>]*?)\s*-->/.exec(line);
    return marker ? marker[1]!.split(',').map((id) => `${i + 1}: ${id.trim()}`) : [];
  }).sort();
}

describe.each(fixtureFiles().map((f) => [relative(root, f), f]))('fixture %s', (_name, file) => {
  it('has exactly the findings marked in it', () => {
    const text = readFileSync(file, 'utf8');
    const expected = expectedFindings(text);
    const actual = lint(text).findings.map((f) => `${f.range.start.line}: ${f.ruleId}`).sort();
    expect(actual).toEqual(expected);
  });
});
