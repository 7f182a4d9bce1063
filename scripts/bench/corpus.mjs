// `npm run bench:corpus`: dclint over all federal law (../shared/corpus), with ripgrep as the floor.
// Unpacks the corpus into .cache/corpus once, runs the built `dclint` CLI over it with the default
// catalogue (no config file), and prints files, MB, wall seconds, MB/s, peak RSS and findings; then
// with `--cache` (cold, then warm) if the CLI has it; then `rg` with the barrier keywords over the same
// files and the ratio dclint/rg; then the slowest files, each linted alone in this process.
// Prints numbers; asserts nothing. CPU is user + system time of all threads (on a busy machine wall time
// grows with the load of others, CPU time much less).
//
//   npm run bench:corpus                       the whole corpus
//   npm run bench:corpus -- b                  only the folder .cache/corpus/b
//   npm run bench:corpus -- --no-per-file      without the per-file timing (saves about half a minute)
//   npm run bench:corpus -- -- --jobs 1        extra arguments after "--" go to dclint
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tarball = join(repo, '../shared/corpus/bundesrecht-2022.tar.gz');
const corpus = join(repo, '.cache/corpus');
const cli = join(repo, 'packages/cli/bin/dclint.js');
const coreDist = join(repo, 'packages/core/dist/index.js');

const argv = process.argv.slice(2);
const dashDash = argv.indexOf('--');
const ownArgs = dashDash < 0 ? argv : argv.slice(0, dashDash);
const dclintExtra = dashDash < 0 ? [] : argv.slice(dashDash + 1);
const perFile = !ownArgs.includes('--no-per-file');
const sub = ownArgs.find((a) => !a.startsWith('--'));

if (!existsSync(join(repo, 'packages/cli/dist/main.js')) || !existsSync(coreDist)) {
  console.error('dclint ist nicht gebaut: bitte zuerst „npm run build“ ausführen.');
  process.exit(2);
}
ensureCorpus();
const target = sub ? join(corpus, sub) : corpus;
if (!existsSync(target)) {
  console.error(`Ordner nicht gefunden: ${target}`);
  process.exit(2);
}

const files = listMarkdown(target);
const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
const mb = bytes / 1e6;
console.log(`Korpus: ${relative(repo, target) || '.'} – ${files.length} Dateien, ${mb.toFixed(1)} MB`);
console.log(`Rechner: ${(await import('node:os')).cpus().length} Kerne, Node ${process.version}`);
console.log('');

const work = mkdtempSync(join(tmpdir(), 'dclint-bench-'));
const cold = runDclint('dclint (kalt)', []);
let ratioBase = cold.seconds;
const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout;
if (help.includes('--cache')) {
  const cacheFile = join(work, 'dclintcache');
  runDclint('dclint --cache (leer)', ['--cache', '--cache-location', cacheFile]);
  runDclint('dclint --cache (warm)', ['--cache', '--cache-location', cacheFile]);
} else {
  console.log('dclint --cache: noch nicht vorhanden (die CLI kennt --cache nicht), übersprungen.');
}

console.log('');
const rg = runRipgrep();
if (rg !== undefined) {
  console.log(`Verhältnis dclint/rg: ${(ratioBase / rg).toFixed(1)}×`);
}
if (perFile) await slowestFiles();
rmSync(work, { recursive: true, force: true });

function ensureCorpus() {
  const marker = join(corpus, '.unpacked');
  if (existsSync(marker)) return;
  if (!existsSync(tarball)) {
    console.error(`Korpus nicht gefunden: ${tarball} (erwartet ../shared neben dem Repository).`);
    process.exit(2);
  }
  console.log(`Entpacke ${relative(repo, tarball)} nach ${relative(repo, corpus)} …`);
  mkdirSync(corpus, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', corpus], { stdio: 'inherit' });
  if (untar.status !== 0) process.exit(2);
  writeFileSync(marker, new Date().toISOString() + '\n');
}

function listMarkdown(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listMarkdown(path));
    else if (entry.name.endsWith('.md')) out.push(path);
  }
  return out.sort();
}

/** Runs the CLI as users do; peak RSS comes from a preload that reports getrusage at exit (threads included). */
function runDclint(label, extra) {
  const output = join(work, 'out.json');
  const rssFile = join(work, 'rss');
  const preload = join(work, 'rss.mjs');
  writeFileSync(preload, `import { writeFileSync } from 'node:fs';\n`
    + `process.on('exit', () => { const u = process.resourceUsage(); `
    + `writeFileSync(${JSON.stringify(rssFile)}, JSON.stringify({ rss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 })); });\n`);
  const args = ['--import', preload, cli, target, '--no-config', '-f', 'json', '-o', output, ...extra, ...dclintExtra];
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1) {
    console.error(`${label}: dclint endete mit Code ${run.status}\n${run.stderr}`);
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const findings = report.files.reduce((sum, f) => sum + f.findings.length, 0);
  const fileErrors = report.files.filter((f) => f.error).length;
  const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
  console.log(`${label}: ${report.files.length} Dateien, ${mb.toFixed(1)} MB in ${seconds.toFixed(1)} s = `
    + `${(mb / seconds).toFixed(2)} MB/s, Spitze RSS ${(usage.rss / 1024).toFixed(0)} MB, CPU ${usage.cpu.toFixed(1)} s, ${findings} Befunde`
    + (fileErrors ? `, ${fileErrors} Dateien mit Fehler` : ''));
  return { seconds, findings };
}

/** The floor: ripgrep with the words of the catalogue's patterns, fixed strings, case-insensitive. */
function runRipgrep() {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.log('rg (ripgrep) fehlt – Vergleich übersprungen. Installieren: apt-get update && apt-get install -y ripgrep');
    return undefined;
  }
  const keywords = barrierKeywords();
  const args = ['--no-config', '-i', '-F', '-c', '--no-messages', '-g', '*.md', ...keywords.flatMap((k) => ['-e', k]), target];
  const started = process.hrtime.bigint();
  const run = spawnSync('rg', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = run.stdout.split('\n').filter(Boolean).reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(':') + 1)), 0);
  console.log(`rg (${keywords.length} Schlüsselwörter): ${mb.toFixed(1)} MB in ${seconds.toFixed(2)} s = `
    + `${(mb / seconds).toFixed(0)} MB/s, ${lines} Zeilen mit Treffer`);
  return seconds;
}

/** Words of the built-in patterns (not mitigations or exclusions): the vocabulary a barrier needs. */
function barrierKeywords() {
  const rules = JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e',
    `import { builtinRules } from ${JSON.stringify(coreDist)}; console.log(JSON.stringify(builtinRules));`],
  { encoding: 'utf8' }).stdout);
  const stop = new Set(['oder', 'und', 'sowie', 'durch', 'über', 'kann', 'können', 'die', 'der', 'mit', 'per', 'auf', 'zur', 'bei',
    'des', 'vor', 'beim', 'ist', 'an', 'im', 'in']);
  const words = new Set();
  for (const rule of rules) {
    for (const spec of rule.patterns ?? []) {
      for (const source of spec.all ?? [spec.pattern]) {
        for (const word of source.split(/[\s()|?]+/)) {
          const bare = word.replace(/^[=*]+|[*]+$/g, '');
          if (bare.length >= 2 && !/^(\.\.\.|…)\d*$/.test(bare) && !stop.has(bare.toLowerCase())) words.add(bare.toLowerCase());
        }
      }
    }
  }
  return [...words].sort();
}

/** Lints every file alone in this process (single thread) and prints the slowest ones. */
async function slowestFiles() {
  const { lint } = await import(coreDist);
  const times = [];
  const started = process.hrtime.bigint();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const t0 = process.hrtime.bigint();
    lint(text);
    times.push({ file, ms: Number(process.hrtime.bigint() - t0) / 1e6, size: text.length });
  }
  const total = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => b.ms - a.ms);
  console.log('');
  console.log(`Je Datei, ein Thread, im Prozess: ${total.toFixed(1)} s = ${(mb / total).toFixed(2)} MB/s; langsamste Dateien:`);
  for (const t of times.slice(0, 5)) {
    console.log(`  ${(t.ms / 1000).toFixed(2)} s  ${relative(corpus, t.file)} (${(t.size / 1e6).toFixed(2)} MB)`);
  }
}
