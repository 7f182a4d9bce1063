// The core's IncrementalLinter on the largest law of the corpus: 1-character edits at random places (fixed
// seed), one after another, each linted again; prints p50/p95 of wall and CPU time per edit, with all rules
// and without the code rules. What the language server can reach when it keeps one IncrementalLinter per
// document. Prints numbers; asserts nothing.
//
//   node scripts/bench/incremental.mjs [Änderungen, Standard 60] [Datei]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(repo, 'packages/core/dist/index.js');
if (!existsSync(dist)) {
  console.error('Der Kern ist nicht gebaut: bitte zuerst „npm run build“ ausführen.');
  process.exit(2);
}
const { IncrementalLinter, lint, resolveRules } = await import(dist);
const edits = Number(process.argv[2] ?? 60);
const file = process.argv[3] ?? largestLaw(join(repo, '.cache/corpus'));
if (!file) {
  console.error('Kein Korpus in .cache/corpus: bitte zuerst „npm run bench:corpus“ (entpackt es) oder eine Datei nennen.');
  process.exit(2);
}

function largestLaw(dir) {
  if (!existsSync(dir)) return undefined;
  let best;
  for (const letter of readdirSync(dir)) {
    if (!statSync(join(dir, letter)).isDirectory()) continue;
    for (const law of readdirSync(join(dir, letter))) {
      const path = join(dir, letter, law, 'index.md');
      if (existsSync(path) && (!best || statSync(path).size > best.size)) best = { path, size: statSync(path).size };
    }
  }
  return best?.path;
}

const original = readFileSync(file, 'utf8');
const codeRulesOff = Object.fromEntries(resolveRules().filter((r) => r.implementation).map((r) => [r.id, 'off']));
console.log(`${file}: ${(original.length / 1e6).toFixed(2)} MB, ${edits} Änderungen`);
for (const [label, options] of [['alle Regeln', {}], ['ohne Code-Regeln', { rules: codeRulesOff }]]) {
  let seed = 20220301;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  let text = original;
  let started = performance.now();
  lint(text, options);
  const full = performance.now() - started;
  const linter = new IncrementalLinter();
  linter.lint(text, options);
  const wall = [];
  const cpu = [];
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * text.length);
    text = text.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz '[Math.floor(random() * 27)] + text.slice(at);
    const before = process.cpuUsage();
    started = performance.now();
    linter.lint(text, options);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const pct = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil((p / 100) * list.length) - 1)];
  console.log(`${label}: lint() ${full.toFixed(0)} ms; je Änderung Wand p50 ${pct(wall, 50).toFixed(0)} ms, p95 ${pct(wall, 95).toFixed(0)} ms; `
    + `CPU p50 ${pct(cpu, 50).toFixed(0)} ms, p95 ${pct(cpu, 95).toFixed(0)} ms`);
}
