// `npm run bench:lsp`: latency from didChange to publishDiagnostics on the largest law of the corpus.
// Opens it in the built server (stdio), applies 200 one-character edits at random places (fixed seed),
// one at a time, with the debounce set to 0, and prints p50 and p95, the server's CPU time per edit (per thread,
// from /proc), its peak memory, and where it spent the time (it logs that with DCLINT_LSP_TIMINGS=1).
// Prints numbers; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../..');
// BENCH_SERVER: another build of the server to compare (its bin script), e.g. an older commit's.
const server = process.env.BENCH_SERVER ?? join(here, '../bin/dclint-language-server.js');
const tarball = join(repo, '../shared/corpus/bundesrecht-2022.tar.gz');
const corpus = join(repo, '.cache/corpus');
const EDITS = Number(process.env.BENCH_EDITS ?? 200);

if (!existsSync(join(server, '../../dist/main.js'))) {
  console.error('Der Sprachserver ist nicht gebaut: bitte zuerst „npm run build“ ausführen.');
  process.exit(2);
}
if (!existsSync(corpus) || readdirSync(corpus).length === 0) {
  if (!existsSync(tarball)) {
    console.error(`Korpus nicht gefunden: ${tarball}`);
    process.exit(2);
  }
  mkdirSync(corpus, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', corpus], { stdio: 'inherit' });
  if (untar.status !== 0) process.exit(2);
}

function largestIndexMd(dir) {
  let best = { path: '', size: -1 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = largestIndexMd(path);
      if (inner.size > best.size) best = inner;
    } else if (entry.name === 'index.md') {
      const size = statSync(path).size;
      if (size > best.size) best = { path, size };
    }
  }
  return best;
}

const law = largestIndexMd(corpus);
let text = readFileSync(law.path, 'utf8');
const uri = pathToFileURL(law.path).href;

// Deterministic pseudo-random places (mulberry32), so runs are comparable.
let seed = 20220301;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function positionAt(offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

// BENCH_NODE_ARGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const child = spawn(process.execPath, [...nodeArgs, server, '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
  env: { ...process.env, DCLINT_LSP_TIMINGS: '1' },
});

/** CPU time of each thread of the server process in milliseconds, by thread id, from /proc (Linux); undefined elsewhere. */
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
function serverCpuMs() {
  try {
    const threads = new Map();
    for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
      const fields = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      threads.set(tid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond);
    }
    return threads;
  } catch {
    return undefined;
  }
}

/**
 * CPU per edit: all threads, the main thread (protocol, text sync, conversion), the thread that used the most
 * besides it (the lint worker), and the rest (V8's helper threads: garbage collection, compiler).
 */
function cpuPerEdit(before, after, edits) {
  const delta = [...after].map(([tid, ms]) => [tid, ms - (before.get(tid) ?? 0)]);
  const main = delta.find(([tid]) => tid === String(child.pid))?.[1] ?? 0;
  const others = delta.filter(([tid]) => tid !== String(child.pid)).map(([, ms]) => ms).sort((a, b) => b - a);
  const total = main + others.reduce((a, b) => a + b, 0);
  return { total: total / edits, main: main / edits, worker: (others[0] ?? 0) / edits, rest: (total - main - (others[0] ?? 0)) / edits };
}
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
let lastFindings = 0;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri !== uri) return;
  lastFindings = params.diagnostics.length;
  waiting.get(params.version)?.();
  waiting.delete(params.version);
});
connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ debounce: 0 })));
connection.onRequest('client/registerCapability', () => null);
connection.onNotification('window/showMessage', (params) => console.error(`Server: ${params.message}`));
/** The server's breakdown per version (see DCLINT_LSP_TIMINGS in src/server.ts). */
const breakdowns = new Map();
connection.onNotification('window/logMessage', (params) => {
  if (params.message.startsWith('dclint-zeiten ')) {
    const timings = JSON.parse(params.message.slice('dclint-zeiten '.length));
    breakdowns.set(timings.version, timings);
  } else if (params.type <= 2) {
    console.error(`Server: ${params.message}`);
  }
});
connection.listen();

const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: null,
  capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
});
await connection.sendNotification('initialized', {});

let version = 1;
let started = performance.now();
const opened = published(version);
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
await opened;
const openMs = performance.now() - started;
const findingsAtOpen = lastFindings;

/** Resident memory of the server process in MB (VmRSS now, VmHWM peak), from /proc (Linux). */
function memoryMb(field) {
  try {
    return Number(new RegExp(`${field}:\\s*(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return undefined;
  }
}
/** Resident memory after each quarter of the edits: does it grow with them? */
const rssAlong = [];

const latencies = [];
const latencyOf = new Map();
const cpuBefore = serverCpuMs();
const editsStarted = performance.now();
for (let i = 0; i < EDITS; i++) {
  const offset = Math.floor(random() * text.length);
  const at = positionAt(offset);
  const char = 'abcdefghijklmnopqrstuvwxyz '[Math.floor(random() * 27)];
  text = text.slice(0, offset) + char + text.slice(offset);
  version++;
  const done = published(version);
  started = performance.now();
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: at, end: at }, text: char }],
  });
  await done;
  latencies.push(performance.now() - started);
  latencyOf.set(version, latencies.at(-1));
  if ((i + 1) % Math.max(1, Math.floor(EDITS / 4)) === 0) rssAlong.push([i + 1, memoryMb('VmRSS')]);
}
const editsWall = performance.now() - editsStarted;
const cpuAfter = serverCpuMs();
const peakRss = memoryMb('VmHWM');

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();

const percentileOf = (values, p) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const percentile = (p) => percentileOf(latencies, p);
const ms = (n) => (n === undefined ? '–' : `${n.toFixed(1)} ms`);
latencies.sort((a, b) => a - b);
console.log(`Gesetz: ${relative(corpus, law.path)} (${(law.size / 1024 / 1024).toFixed(2)} MB, ${text.split('\n').length} Zeilen, ${findingsAtOpen} Befunde)`);
console.log(`didOpen → publishDiagnostics: ${ms(openMs)}`);
console.log(`didChange → publishDiagnostics, ${latencies.length} Änderungen, debounce 0:`);
console.log(`p50 ${ms(percentile(50))}  p95 ${ms(percentile(95))}  max ${ms(latencies.at(-1))}`);
if (cpuBefore !== undefined && cpuAfter !== undefined) {
  const cpu = cpuPerEdit(cpuBefore, cpuAfter, EDITS);
  console.log(`CPU des Servers je Änderung: ${ms(cpu.total)} (Hauptthread ${ms(cpu.main)}, Prüf-Thread ${ms(cpu.worker)}, `
    + `V8-Hilfsthreads ${ms(cpu.rest)}); Wanduhr je Änderung ${ms(editsWall / EDITS)}`);
}
if (peakRss) {
  console.log(`Speicher des Servers (RSS): Spitze ${peakRss.toFixed(0)} MB; nach ${rssAlong.map(([n, mb]) => `${n}: ${mb?.toFixed(0)}`).join(', ')} Änderungen`);
}
const parts = [
  ['apply', 'Änderung übernehmen (Server)'],
  ['wait', 'Warten bis zum Prüf-Thread'],
  ['workerApply', 'Änderung übernehmen (Prüf-Thread)'],
  ['lint', 'IncrementalLinter.lint'],
  ['transfer', 'Nachrichten zum/vom Prüf-Thread'],
  ['afterReply', 'nach der Antwort bis zur Umwandlung'],
  ['convert', 'Befunde in Diagnosen umwandeln'],
  ['write', 'Diagnosen senden (JSON, stdout)'],
  ['total', 'Server gesamt (Eingang bis geschrieben)'],
];
const rows = [...breakdowns.values()].filter((b) => b.version > 1);
if (rows.length > 0) {
  console.log(`Aufteilung im Server (Wanduhr, p50 / p95 über ${rows.length} Änderungen):`);
  for (const [key, label] of parts) {
    const values = rows.map((r) => r[key]);
    console.log(`  ${label.padEnd(40)} ${ms(percentileOf(values, 50)).padStart(10)} / ${ms(percentileOf(values, 95))}`);
  }
  const protocol = rows.filter((r) => latencyOf.has(r.version) && r.total !== undefined).map((r) => latencyOf.get(r.version) - r.total);
  console.log(`  ${'übrige Zeit (stdio-Wege, JSON im Client)'.padEnd(40)} ${ms(percentileOf(protocol, 50)).padStart(10)} / ${ms(percentileOf(protocol, 95))}`);
}
