// Summarises a V8 CPU profile (node --cpu-prof): the functions with the most time of their own, and the
// functions with the most time including what they call. Used for docs/performance.md.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof packages/cli/bin/dclint.js .cache/corpus/b/bgb/index.md -f json -j 1 -o /dev/null
//   node scripts/bench/profile-summary.mjs /tmp/prof [Anzahl] [Filter für die zweite Liste, ein regulärer Ausdruck]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [where, countArg, filterArg] = process.argv.slice(2);
if (!where) {
  console.error('Aufruf: node scripts/bench/profile-summary.mjs <Profil oder Ordner mit .cpuprofile> [Anzahl] [Filter]');
  process.exit(2);
}
const file = statSync(where).isDirectory()
  ? join(where, readdirSync(where).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1) ?? '')
  : where;
const count = Number(countArg ?? 25);
const filter = filterArg ? new RegExp(filterArg) : /packages\/|\(garbage collector\)/;

const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const name = (n) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonym)'} ${where}`.trim();
};

const own = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  own.set(id, (own.get(id) ?? 0) + dt);
  total += dt;
});
const self = new Map();
const inclusive = new Map();
for (const [id, dt] of own) {
  const key = name(nodes.get(id));
  self.set(key, (self.get(key) ?? 0) + dt);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const k = name(nodes.get(at));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  }
}
const show = (title, map, keep) => {
  console.log(title);
  for (const [key, dt] of [...map].filter(([k]) => keep(k)).sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${((dt / total) * 100).toFixed(1).padStart(6)} %  ${(dt / 1000).toFixed(0).padStart(7)} ms  ${key.slice(0, 130)}`);
  }
};
console.log(`Profil ${file}: ${(total / 1e6).toFixed(1)} s`);
show('\nEigene Zeit:', self, () => true);
show(`\nMit Aufgerufenem (${filter}):`, inclusive, (k) => filter.test(k));
