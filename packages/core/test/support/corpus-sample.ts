import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A seeded random sample of the federal-law corpus for equivalence tests. The corpus is unpacked from
 * ../shared/corpus into .cache/corpus when absent (CI starts from a fresh clone); without the archive the
 * sample is empty and `corpusMissing` says why, so that a test can skip with that reason.
 */

const repoRoot = join(import.meta.dirname, '../../../..');
const archive = join(repoRoot, '../shared/corpus/bundesrecht-2022.tar.gz');
const corpusDir = join(repoRoot, '.cache/corpus');

const complete = (dir: string) => existsSync(join(dir, 'b', 'bgb', 'index.md')) && existsSync(join(dir, 'z'));

export const corpusMissing: string | undefined = existsSync(archive) || complete(corpusDir)
  ? undefined
  : `Korpus nicht vorhanden (${archive}): Vergleich mit dem Korpus übersprungen.`;

function ensureCorpus(): string {
  if (complete(corpusDir)) return corpusDir;
  // Unpack into a folder of our own and move it into place, so that a parallel test never reads half of it.
  const temp = `${corpusDir}.tmp-${process.pid}`;
  mkdirSync(temp, { recursive: true });
  const tar = spawnSync('tar', ['-xzf', archive, '-C', temp], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error(`Entpacken von ${archive} fehlgeschlagen.`);
  try {
    if (existsSync(corpusDir) && !complete(corpusDir)) rmSync(corpusDir, { recursive: true, force: true });
    if (!existsSync(corpusDir)) renameSync(temp, corpusDir);
  } catch {
    // another process moved its copy into place first
  }
  if (existsSync(temp)) rmSync(temp, { recursive: true, force: true });
  return corpusDir;
}

/** Every law file of the corpus, sorted. */
function allFiles(): string[] {
  const dir = ensureCorpus();
  const files: string[] = [];
  for (const letter of readdirSync(dir).sort()) {
    if (!statSync(join(dir, letter)).isDirectory()) continue;
    for (const law of readdirSync(join(dir, letter)).sort()) {
      const file = join(dir, letter, law, 'index.md');
      if (existsSync(file)) files.push(file);
    }
  }
  return files;
}

/** `count` files drawn with a fixed seed (mulberry32), the same on every machine; [] without corpus. */
export function corpusSample(count: number, seed = 20220326): string[] {
  if (corpusMissing) return [];
  const files = allFiles();
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const picked = new Set<string>();
  while (picked.size < Math.min(count, files.length)) picked.add(files[Math.floor(random() * files.length)]!);
  return [...picked].sort();
}

/** A named law of the corpus (e.g. "b/bgb"), or undefined without corpus. */
export function corpusFile(slug: string): string | undefined {
  if (corpusMissing) return undefined;
  const file = join(ensureCorpus(), slug, 'index.md');
  return existsSync(file) ? file : undefined;
}
