// Lints federal law (the corpus) with chosen rules and draws a seeded, reproducible sample of findings to judge.
// The judged samples of the principle-3-to-5 rules (docs/quality/<rule>.md) were drawn with it.
//
//   node scripts/quality/judge-sample.mjs --rule frist-fehlt [--rule …] [--laws v/vwvfg,s/sgb_10]
//                                          [--n 30] [--seed 1] [--json out.json]
//
// Prints the number of findings per rule and, with --n, a Markdown list of the sample with the sentence around each
// finding. The corpus is unpacked into .cache/corpus when absent (CI starts from a fresh machine).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = join(root, '.cache/corpus');
const archive = join(root, '../shared/corpus/bundesrecht-2022.tar.gz');

if (isMainThread) await main();
else await work();

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.rules.length === 0) fail('Bitte mindestens eine Regel mit --rule angeben.');
  ensureCorpus();
  const files = args.laws.length
    ? args.laws.map((law) => join(corpusDir, law, 'index.md')).filter((f) => existsSync(f) || fail(`Gesetz fehlt: ${f}`))
    : listLaws();
  const started = Date.now();
  const workers = Math.max(1, Math.min(availableParallelism(), 4));
  const chunks = Array.from({ length: workers }, (_, i) => files.filter((_, k) => k % workers === i));
  const results = (await Promise.all(chunks.map((chunk) => new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { files: chunk, rules: args.rules } });
    worker.once('message', resolve);
    worker.once('error', reject);
  })))).flat();
  const findings = results.sort((a, b) => a.law.localeCompare(b.law) || a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
  console.log(`${files.length} Gesetze, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const rule of args.rules) {
    const own = findings.filter((f) => f.ruleId === rule);
    const bySeverity = {};
    for (const f of own) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    console.log(`${rule}: ${own.length} Befunde in ${new Set(own.map((f) => f.law)).size} Gesetzen ${JSON.stringify(bySeverity)}`);
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(findings, null, 1));
  if (args.n > 0) {
    for (const rule of args.rules) {
      const pool = findings.filter((f) => f.ruleId === rule && (!args.severity || f.severity === args.severity));
      const sample = draw(pool, args.n, args.seed);
      console.log(`\n## ${rule}: Stichprobe ${sample.length} von ${pool.length} (Seed ${args.seed})\n`);
      sample.forEach((f, i) => {
        console.log(`${i + 1}. **${f.law}** ${f.unit} (Zeile ${f.line}, ${f.severity}): „${f.excerpt.replace(/\s+/g, ' ')}“`);
        console.log(`   > ${f.context}\n`);
      });
    }
  }
}

async function work() {
  const { lint, builtinRules } = await import(join(root, 'packages/core/dist/index.js'));
  const { files, rules } = workerData;
  const settings = Object.fromEntries(builtinRules.filter((r) => !rules.includes(r.id)).map((r) => [r.id, 'off']));
  const out = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const law = relative(corpusDir, dirname(file));
    for (const f of lint(text, { rules: settings }).findings) {
      out.push({
        law, ruleId: f.ruleId, severity: f.severity, unit: f.unit, line: f.range.start.line, offset: f.range.start.offset,
        excerpt: f.excerpt, message: f.message, context: sentenceAround(text, f.range.start.offset, f.range.end.offset),
      });
    }
  }
  parentPort.postMessage(out);
}

/** The sentence (roughly) around a finding, on one line, for judging without opening the law. */
function sentenceAround(text, start, end) {
  let from = start;
  while (from > 0 && start - from < 400 && !/[.;:]\s|\n\n|^\(\d/.test(text.slice(from - 2, from + 1))) from--;
  let to = end;
  while (to < text.length && to - end < 400 && !/[.;]\s|\n\n/.test(text.slice(to, to + 2))) to++;
  const oneLine = (s) => s.replace(/\s+/g, ' ');
  return `${oneLine(text.slice(from, start))}«${oneLine(text.slice(start, end))}»${oneLine(text.slice(end, to + 1))}`.trim();
}

function listLaws() {
  const files = [];
  for (const letter of readdirSync(corpusDir).sort().filter((l) => !l.startsWith('.'))) {
    for (const slug of readdirSync(join(corpusDir, letter)).sort()) {
      const file = join(corpusDir, letter, slug, 'index.md');
      if (existsSync(file)) files.push(file);
    }
  }
  return files;
}

function ensureCorpus() {
  if (existsSync(join(corpusDir, 'v/vwvfg/index.md'))) return;
  if (!existsSync(archive)) fail(`Korpus nicht gefunden: ${archive}`);
  mkdirSync(corpusDir, { recursive: true });
  execFileSync('tar', ['-xzf', archive, '-C', corpusDir]);
}

/** Seeded sample without replacement (mulberry32 + partial Fisher–Yates): the same seed draws the same findings. */
function draw(pool, n, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...pool];
  const count = Math.min(n, copy.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

function parseArgs(argv) {
  const args = { rules: [], laws: [], n: 0, seed: 1, json: undefined, severity: undefined };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? fail(`${argv[i - 1]} braucht einen Wert.`);
    switch (argv[i]) {
      case '--rule': args.rules.push(value()); break;
      case '--laws': args.laws.push(...value().split(',').filter(Boolean)); break;
      case '--n': args.n = Number(value()); break;
      case '--seed': args.seed = Number(value()); break;
      case '--json': args.json = value(); break;
      case '--severity': args.severity = value(); break;
      default: fail(`Unbekannte Option: ${argv[i]}`);
    }
  }
  return args;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}
