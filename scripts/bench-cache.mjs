// Measures --cache: lints a folder of the corpus three times with a fresh cache file – cold (fills the cache),
// warm (nothing changed), and after touching one file – and prints the wall-clock times.
//   node scripts/bench-cache.mjs [folder of .cache/corpus, default: v]
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '.cache/corpus');
const archive = join(root, '../shared/corpus/bundesrecht-2022.tar.gz');
if (!existsSync(join(corpus, 'v', 'vwvfg', 'index.md'))) {
  mkdirSync(corpus, { recursive: true });
  if (spawnSync('tar', ['-xzf', archive, '-C', corpus], { stdio: 'inherit' }).status !== 0) process.exit(2);
}
const folder = process.argv[2] ?? 'v';
// A copy, so that touching a file does not change the corpus.
const work = mkdtempSync(join(tmpdir(), 'dclint-bench-cache-'));
cpSync(join(corpus, folder), join(work, folder), { recursive: true });
const files = readdirSync(join(work, folder)).length;
const cacheFile = join(work, 'cache.json');
const bin = join(root, 'packages/cli/bin/dclint.js');

function timed(label) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, '--no-config', '--cache', '--cache-location', cacheFile, '-f', 'json', '-o', join(work, 'out.json'), folder], { cwd: work });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status === 2) {
    console.error(run.stderr.toString());
    process.exit(2);
  }
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s`);
  return ms;
}

console.log(`dclint --cache über .cache/corpus/${folder} (${files} Gesetze)`);
const cold = timed('1. Lauf (Cache leer)');
const warm = timed('2. Lauf (nichts geändert)');
const first = readdirSync(join(work, folder)).sort()[0];
appendFileSync(join(work, folder, first, 'index.md'), '\nDer Antrag ist schriftlich zu stellen.\n');
timed('3. Lauf (eine Datei geändert)');
console.log(`Beschleunigung unverändert: ${(cold / warm).toFixed(1)}×`);
