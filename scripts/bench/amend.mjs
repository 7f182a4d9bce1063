// `node scripts/bench/amend.mjs`: what amending laws cost. Prints numbers; asserts nothing.
//  1. the amending-law fixture: lint without base text, with the BMG excerpt, with the whole corpus BMG;
//     synopsis with the whole BMG (median of 5 runs each)
//  2. the 414 Schriftform pairs of ../shared as instructions, old → new and back, with base text
//  3. the cost for laws in force: recognising amending Artikel in 300 corpus laws, against lint
// Needs `npm run build` first; unpacks the corpus into .cache/corpus if needed.
import { existsSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const core = join(repo, 'packages/core/dist/index.js');
if (!existsSync(core)) {
  console.error('dclint ist nicht gebaut: bitte zuerst „npm run build“ ausführen.');
  process.exit(2);
}
const { lint, synopsis, analyse, recogniseAmendingLaw } = await import(core);
const corpus = join(repo, '.cache/corpus');
if (!existsSync(join(corpus, 'b/bmg/index.md'))) {
  const tarball = join(repo, '../shared/corpus/bundesrecht-2022.tar.gz');
  mkdirSync(corpus, { recursive: true });
  if (spawnSync('tar', ['-xzf', tarball, '-C', corpus], { stdio: 'inherit' }).status !== 0) process.exit(2);
}

const median = (f, runs = 5) => {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], result };
};

const draft = readFileSync(join(repo, 'fixtures/amending/referentenentwurf-meldedigitalisierung.md'), 'utf8');
const excerpt = readFileSync(join(repo, 'fixtures/amending/basis/bmg-auszug.markdown'), 'utf8');
const full = readFileSync(join(corpus, 'b/bmg/index.md'), 'utf8');
console.log(`Entwurf: ${(draft.length / 1000).toFixed(1)} kB, BMG-Auszug ${(excerpt.length / 1000).toFixed(1)} kB, BMG ganz ${(full.length / 1000).toFixed(1)} kB`);
lint(draft); // warm-up (stemmer, patterns)
for (const [name, options] of [['ohne geltenden Text', {}], ['mit BMG-Auszug', { baseTexts: { BMG: excerpt } }], ['mit ganzem BMG', { baseTexts: { BMG: full } }]]) {
  const { ms, result } = median(() => lint(draft, options));
  console.log(`lint ${name.padEnd(22)} ${ms.toFixed(1).padStart(7)} ms  (${result.findings.length} Befunde)`);
}
const syn = median(() => synopsis(draft, { BMG: full }));
console.log(`synopse mit ganzem BMG ${syn.ms.toFixed(1).padStart(12)} ms  (${syn.result.laws[0].rows.length} Vorschriften)`);

const pairsFile = join(repo, '../shared/digitalcheck/schriftform-pairs-2013-2022.json');
if (existsSync(pairsFile)) {
  const pairs = JSON.parse(readFileSync(pairsFile, 'utf8')).pairs;
  const clean = (s) => s.split('\n').filter((l) => !/^\s*#/.test(l) && !/^\s*\d+[a-z]?\s*$/.test(l)).join(' ').replace(/\s+/g, ' ').trim();
  const make = (x, y) => '## Artikel 1 Änderung des Testgesetzes\n\nDas Testgesetz vom 1. Januar 2000 (BGBl. I S. 1) wird wie folgt geändert:\n\n'
    + `1.  In § 1 werden die Wörter „${x}“ durch die Wörter „${y}“ ersetzt.\n`;
  const base = (t) => `---\nTitle: Testgesetz\njurabk: TestG\n---\n\n### § 1 Vorschrift\n\n${t}\n`;
  const start = performance.now();
  let n = 0;
  for (const p of pairs) {
    const [o, w] = [clean(p.old), clean(p.new)];
    lint(make(o, w), { baseTexts: { TestG: base(o) } });
    lint(make(w, o), { baseTexts: { TestG: base(w) } });
    n += 2;
  }
  const ms = performance.now() - start;
  console.log(`Schriftform-Paare: ${n} Änderungsgesetze mit geltendem Text in ${(ms / 1000).toFixed(2)} s, ${(ms / n).toFixed(2)} ms je Entwurf`);
} else {
  console.log(`Schriftform-Paare: ${pairsFile} fehlt, übersprungen.`);
}

const laws = [];
for (const letter of readdirSync(corpus).sort()) {
  if (letter.startsWith('.')) continue;
  for (const law of readdirSync(join(corpus, letter)).sort()) laws.push(join(corpus, letter, law, 'index.md'));
}
const sample = laws.filter((_, i) => i % Math.floor(laws.length / 300) === 0).slice(0, 300).filter(existsSync);
let recognise = 0;
let total = 0;
let withArtikel = 0;
for (const file of sample) {
  const text = readFileSync(file, 'utf8');
  const doc = analyse(text);
  if (doc.structure.artikel.length) withArtikel++;
  let t = performance.now();
  recogniseAmendingLaw(doc);
  recognise += performance.now() - t;
  t = performance.now();
  lint(text);
  total += performance.now() - t;
}
console.log(`Geltende Gesetze (${sample.length}, ${withArtikel} mit Artikeln): Erkennen von Änderungsartikeln ${recognise.toFixed(0)} ms `
  + `von ${total.toFixed(0)} ms lint (${((recognise / total) * 100).toFixed(2)} %)`);
