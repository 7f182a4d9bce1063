import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../../../..');
const archive = join(repoRoot, '../shared/corpus/bundesrecht-2022.tar.gz');
const corpusDir = join(repoRoot, '.cache/corpus');
const complete = (dir: string) => existsSync(join(dir, 'v', 'vwvfg', 'index.md')) && existsSync(join(dir, 'b', 'bgb', 'index.md'));

/**
 * The unpacked corpus of federal law (CI starts from a fresh machine with only ../shared). It is unpacked
 * into a folder of its own and then moved into place, so that a parallel reader never sees half of it.
 */
export function ensureCorpus(): string {
  if (complete(corpusDir)) return corpusDir;
  if (!existsSync(archive)) throw new Error(`Korpus fehlt: ${archive} (../shared neben dem Repository erwartet).`);
  const temp = `${corpusDir}.tmp-${process.pid}`;
  mkdirSync(temp, { recursive: true });
  const tar = spawnSync('tar', ['-xzf', archive, '-C', temp], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error(`Entpacken von ${archive} fehlgeschlagen.`);
  try {
    if (!existsSync(corpusDir) || readdirSync(corpusDir).length === 0) {
      if (existsSync(corpusDir)) renameSync(corpusDir, `${temp}-empty`);
      renameSync(temp, corpusDir);
      return corpusDir;
    }
  } catch {
    // another process moved its copy into place first
  }
  return complete(corpusDir) ? corpusDir : temp;
}

/** `count` law files picked deterministically: every n-th of all files in sorted order. */
export function pickCorpusFiles(count: number): string[] {
  const dir = ensureCorpus();
  const all: string[] = [];
  for (const letter of readdirSync(dir).sort()) {
    if (!statSync(join(dir, letter)).isDirectory()) continue;
    for (const law of readdirSync(join(dir, letter)).sort()) {
      const file = join(dir, letter, law, 'index.md');
      if (existsSync(file)) all.push(file);
    }
  }
  const step = all.length / count;
  return Array.from({ length: Math.min(count, all.length) }, (_, i) => all[Math.floor(i * step)]!);
}

/** Every Markdown draft under fixtures/ (recursively). */
export function fixtureFiles(dir = join(repoRoot, 'fixtures')): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}
