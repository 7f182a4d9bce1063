// Draws a seeded random sample of a rule's findings on the corpus, to be read and judged by a person.
//
//   node scripts/quality/sample.mjs --rule ID --n 30 --seed S [--in FILE] [--severity warning|info|all]
//
// Input: the findings of scripts/quality/corpus.mjs (default .cache/quality/corpus-findings.json).
// Output: a new round in test/quality/judged/<ID>.json with one entry per finding (law, address, excerpt,
// sentence, and the Absatz with its § heading as context, so the regression test can lint it without the
// corpus). Fill in "verdict" ("richtig" or "falsch") and "reason" for every entry, set "status": "behoben"
// on a false positive once a rule change silences it, then run scripts/quality/report.mjs.
// The same seed on the same findings draws the same sample.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusDir, corpusFindingsFile, ensureCorpus, judgedDir, parseOptions, root, seededRandom } from './lib.mjs';

const opts = parseOptions(process.argv.slice(2), { rule: 'value', n: 'value', seed: 'value', in: 'value', severity: 'value' });
if (!opts.rule || !opts.seed) {
  console.error('Aufruf: node scripts/quality/sample.mjs --rule ID --n 30 --seed S [--in DATEI] [--severity warning|info|all]');
  process.exit(2);
}
const n = Number(opts.n ?? 30);
const seed = Number(opts.seed);
const input = opts.in ?? corpusFindingsFile;
if (!existsSync(input)) {
  console.error(`${relative(root, input)} fehlt: erst „node scripts/quality/corpus.mjs“ ausführen.`);
  process.exit(2);
}
const { analyse, resolveRules } = await import(join(root, 'packages/core/dist/index.js'));
const rule = resolveRules().find((r) => r.id === opts.rule);
if (!rule) {
  console.error(`Unbekannte Regel „${opts.rule}“.`);
  process.exit(2);
}
// A warning rule is judged on what it reports as a warning; a hint rule on everything it reports.
const severity = opts.severity ?? (rule.severity === 'warning' || rule.severity === 'error' ? 'warning' : 'all');
const corpus = JSON.parse(readFileSync(input, 'utf8'));
const pool = corpus.findings.filter((f) => f.ruleId === rule.id && (severity === 'all' || f.severity === severity));

// Fisher–Yates with a seeded generator: reproducible on the same findings file.
const random = seededRandom(seed);
const order = pool.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const drawn = order.slice(0, n).map((i) => pool[i]);

ensureCorpus();
const entries = drawn.map((f) => {
  const { context, at } = contextOf(f);
  return { file: f.file, unit: f.unit, line: f.line, excerpt: f.excerpt, sentence: f.sentence, context, at, verdict: null, reason: '' };
});

const file = join(judgedDir, `${rule.id}.json`);
const judged = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { rule: rule.id, rounds: [] };
const command = `node scripts/quality/sample.mjs --rule ${rule.id} --n ${n} --seed ${seed}${opts.severity ? ` --severity ${opts.severity}` : ''}`;
if (judged.rounds.some((r) => r.seed === seed && r.corpusCommand === corpus.command)) {
  console.error(`Runde mit Seed ${seed} gibt es schon in ${relative(root, file)}; bitte einen anderen Seed wählen.`);
  process.exit(2);
}
judged.rounds.push({
  seed, n: entries.length, severity, command, corpusCommand: corpus.command, findings: pool.length, entries,
});
mkdirSync(judgedDir, { recursive: true });
writeFileSync(file, `${JSON.stringify(judged, null, 2)}\n`);
console.log(`${entries.length} von ${pool.length} Befunden (${severity === 'all' ? 'alle Stufen' : severity}) der Regel ${rule.id} → ${relative(root, file)}`);
for (const [i, e] of entries.entries()) {
  console.log(`\n${i + 1}. ${e.file} ${e.unit} (Zeile ${e.line}): „${e.excerpt}“\n   ${e.sentence}`);
}

/**
 * The finding's Absatz with its § heading: enough to lint it again without the whole law.
 * `at` is where the finding starts in the context (the same words may occur twice in an Absatz).
 */
function contextOf(f, text = readFileSync(join(corpusDir, f.file), 'utf8'), doc = analyse(text)) {
  const unit = doc.units.find((u) => u.absatz.start <= f.offset && f.offset < u.absatz.end)
    ?? doc.units.find((u) => u.blocks.some((b) => b.start <= f.offset && f.offset < b.end));
  if (!unit) return { context: f.sentence, at: Math.max(0, f.sentence.indexOf(f.excerpt)) };
  const lineStart = text.lastIndexOf('\n', unit.absatz.start) + 1;
  const body = text.slice(lineStart, unit.absatz.end);
  const p = unit.paragraph;
  const heading = p ? `## ${p.label}${p.title ? ` ${p.title}` : ''}\n\n` : '';
  return { context: `${heading}${body}\n`, at: heading.length + f.offset - lineStart };
}
