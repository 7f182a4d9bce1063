import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/diff.js';

/** A seeded generator, so that a failure can be reproduced. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

function mutate(lines: string[], rnd: () => number): string[] {
  const out = [...lines];
  const edits = 1 + Math.floor(rnd() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const kind = rnd();
    if (kind < 0.4 && out.length) out[Math.min(at, out.length - 1)] += ' geändert';
    else if (kind < 0.7) out.splice(at, 0, `neu ${Math.floor(rnd() * 100)}`);
    else if (out.length) out.splice(Math.min(at, out.length - 1), 1);
  }
  return out;
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'a', 'b')).toBe('');
  });

  it('produces hunks that GNU patch applies exactly (100 random edits, with and without final newline)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dclint-diff-'));
    const rnd = random(42);
    for (let i = 0; i < 100; i++) {
      const base = Array.from({ length: 1 + Math.floor(rnd() * 40) }, (_, k) => `Zeile ${k + 1}`);
      const oldText = base.join('\n') + (rnd() < 0.8 ? '\n' : '');
      const changed = mutate(base, rnd);
      const newText = changed.join('\n') + (changed.length && rnd() < 0.8 ? '\n' : '');
      writeFileSync(join(dir, 'f.txt'), oldText);
      const diff = unifiedDiff(oldText, newText, 'a/f.txt', 'b/f.txt');
      if (oldText === newText) continue;
      writeFileSync(join(dir, 'f.diff'), diff);
      const patch = spawnSync('patch', ['-p1', '--quiet', '-i', 'f.diff'], { cwd: dir, encoding: 'utf8' });
      expect(patch.status, `Fall ${i}:\n${diff}\n${patch.stdout}${patch.stderr}`).toBe(0);
      expect(readFileSync(join(dir, 'f.txt'), 'utf8'), `Fall ${i}:\n${diff}`).toBe(newText);
    }
  });
});
