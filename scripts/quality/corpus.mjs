// Lints the whole corpus of federal law (or a part of it) and writes every finding with its sentence to JSON.
// Prints the number of findings per rule. Input of sample.mjs (random samples to judge) and of docs/quality.md.
//
//   node scripts/quality/corpus.mjs [--out FILE] [--rule ID]... [--laws v/vwvfg,b/bgb] [--every N] [--workers N]
//
// --every N lints only every N-th law (a quick subset while working on a rule); --laws names laws explicitly.
// A full run without options also records the counts per rule in test/quality/corpus-counts.json.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles, corpusFindingsFile, ensureCorpus, parseOptions, root } from './lib.mjs';

if (isMainThread) await main();
else await work();

async function main() {
  const opts = parseOptions(process.argv.slice(2), { out: 'value', rule: 'list', laws: 'value', every: 'value', workers: 'value' });
  const dir = ensureCorpus();
  let files = corpusFiles(dir);
  if (opts.laws) {
    const wanted = new Set(opts.laws.split(',').map((l) => `${l.replace(/\/(index\.md)?$/, '')}/index.md`));
    files = files.filter((f) => wanted.has(f));
  }
  if (opts.every) files = files.filter((_, i) => i % Number(opts.every) === 0);
  const out = opts.out ?? corpusFindingsFile;
  const workers = Math.max(1, Math.min(Number(opts.workers ?? availableParallelism()), files.length));
  const started = performance.now();
  const queue = [...files];
  const results = [];
  await Promise.all(Array.from({ length: workers }, () => new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { dir, rules: opts.rule ?? null } });
    const next = () => {
      const file = queue.shift();
      if (file === undefined) {
        worker.terminate().then(resolve);
        return;
      }
      worker.postMessage(file);
    };
    worker.on('message', (message) => {
      results.push(message);
      if (results.length % 500 === 0) process.stderr.write(`  ${results.length}/${files.length} Gesetze\n`);
      next();
    });
    worker.on('error', reject);
    next();
  })));
  results.sort((a, b) => a.file.localeCompare(b.file));
  const findings = results.flatMap((r) => r.findings);
  const counts = {};
  for (const f of findings) {
    const c = (counts[f.ruleId] ??= { total: 0, error: 0, warning: 0, info: 0, hint: 0 });
    c.total++;
    c[f.severity]++;
  }
  const command = `node scripts/quality/corpus.mjs ${process.argv.slice(2).join(' ')}`.trim();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({
    command, laws: files.length, seconds: Math.round((performance.now() - started) / 1000), counts, findings,
  }));
  // A full run (all laws, all rules) is the record behind docs/quality.md.
  if (!opts.laws && !opts.every && !opts.rule && !opts.out) {
    writeFileSync(join(root, 'test', 'quality', 'corpus-counts.json'), `${JSON.stringify({ command, laws: files.length, counts }, null, 2)}\n`);
  }
  console.log(`${files.length} Gesetze, ${findings.length} Befunde in ${Math.round((performance.now() - started) / 1000)} s → ${relative(root, out)}`);
  for (const [rule, c] of Object.entries(counts).sort()) {
    console.log(`  ${rule.padEnd(26)} ${String(c.total).padStart(6)}  (Warnung ${c.warning}, Hinweis ${c.info})`);
  }
}

async function work() {
  const { lint, resolveRules } = await import(join(root, 'packages/core/dist/index.js'));
  const { dir, rules } = workerData;
  const off = rules ? Object.fromEntries(resolveRules().filter((r) => !rules.includes(r.id)).map((r) => [r.id, 'off'])) : {};
  parentPort.on('message', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const { findings, structure } = lint(text, { rules: off });
    const sentences = structure.paragraphs.flatMap((p) => p.absaetze.flatMap((a) => a.sentences.map((s) => ({ ...s, p }))))
      .concat(structure.looseAbsaetze.flatMap((a) => a.sentences));
    parentPort.postMessage({
      file,
      findings: findings.map((f) => {
        const offset = f.range.start.offset;
        const s = sentences.find((x) => offset >= x.start && offset < x.end);
        return {
          file, ruleId: f.ruleId, severity: f.severity, line: f.range.start.line, offset, end: f.range.end.offset,
          unit: f.unit, excerpt: f.excerpt.replace(/\s+/g, ' '),
          sentence: s ? text.slice(s.start, s.end).replace(/\s+/g, ' ') : '',
          paragraph: s?.p ? [s.p.start, s.p.end] : undefined,
          ...(f.mitigatedBy ? { mitigatedBy: f.mitigatedBy } : {}),
        };
      }),
    });
  });
}
