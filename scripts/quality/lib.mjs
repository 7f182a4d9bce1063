// Shared helpers of the quality scripts: where the reference data lives, the corpus, a seeded random generator.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Reference material beside the repository (CI puts it there too). */
export const shared = join(root, '..', 'shared');
export const corpusDir = join(root, '.cache', 'corpus');
export const corpusArchive = join(shared, 'corpus', 'bundesrecht-2022.tar.gz');
/** Default output of scripts/quality/corpus.mjs, input of sample.mjs. */
export const corpusFindingsFile = join(root, '.cache', 'quality', 'corpus-findings.json');
export const judgedDir = join(root, 'test', 'quality', 'judged');

/** Unpacks the corpus into .cache/corpus when it is not there yet (a fresh CI machine has only the archive). */
export function ensureCorpus() {
  if (existsSync(join(corpusDir, 'v', 'vwvfg', 'index.md'))) return corpusDir;
  if (!existsSync(corpusArchive)) {
    throw new Error(`Korpus fehlt: ${corpusArchive} nicht gefunden (../shared neben dem Repository erwartet).`);
  }
  mkdirSync(corpusDir, { recursive: true });
  const tar = spawnSync('tar', ['-xzf', corpusArchive, '-C', corpusDir], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error(`Entpacken von ${corpusArchive} fehlgeschlagen.`);
  return corpusDir;
}

/** All law files of the corpus, relative paths like "v/vwvfg/index.md", sorted. */
export function corpusFiles(dir = corpusDir) {
  const out = [];
  for (const letter of readdirSync(dir).sort()) {
    const letterDir = join(dir, letter);
    if (!statSync(letterDir).isDirectory()) continue;
    for (const law of readdirSync(letterDir).sort()) {
      const file = join(letterDir, law, 'index.md');
      if (existsSync(file)) out.push(`${letter}/${law}/index.md`);
    }
  }
  return out;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): the same seed draws the same sample everywhere. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parses "--name value" and "--flag" arguments into an object. */
export function parseOptions(argv, spec) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--') || !(name in spec)) {
      console.error(`Unbekanntes Argument „${arg}“. Erlaubt: ${Object.keys(spec).map((k) => `--${k}`).join(', ')}`);
      process.exit(2);
    }
    if (spec[name] === 'flag') out[name] = true;
    else {
      const value = argv[++i];
      if (value === undefined) {
        console.error(`„${arg}“ braucht einen Wert.`);
        process.exit(2);
      }
      if (spec[name] === 'list') (out[name] ??= []).push(value);
      else out[name] = value;
    }
  }
  return out;
}
