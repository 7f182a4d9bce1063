// Installs what the editor end-to-end tests need, so that a fresh machine (CI) can run them:
// Debian packages (chromium, neovim, ripgrep, libkrb5-dev), code-server into a cache folder, and the .vsix.
// Each function returns a reason string instead of throwing when a tool truly cannot be installed.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const EXTENSION_DIR = join(REPO, 'packages/vscode');
export const CACHE = join(REPO, '.cache/e2e');
export const CODE_SERVER_VERSION = '4.100.3';
/** The ripgrep release @vscode/ripgrep 1.15.11 (inside code-server 4.100.3) downloads unless it finds it cached. */
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export type Ready<T> = { ok: true; value: T } | { ok: false; reason: string };

function run(command: string, args: string[], options: SpawnSyncOptions = {}): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { status: result.status, output };
}

function log(message: string): void {
  process.stderr.write(`[e2e] ${message}\n`);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Everything the editor tests install from Debian, in one apt-get run (the recipe known to work here). */
export const EDITOR_PACKAGES = [
  { name: 'chromium', binary: '/usr/bin/chromium' },
  { name: 'neovim', binary: '/usr/bin/nvim' },
  { name: 'ripgrep', binary: '/usr/bin/rg' },
  { name: 'libkrb5-dev', binary: '/usr/include/krb5.h' },
];

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `task` while holding a lock folder: vitest runs the test files in parallel, and two
 * apt-get runs at once fail on dpkg's lock. A lock left by a dead process is taken over.
 */
function withLock<T>(name: string, task: () => T): T {
  const lock = join(CACHE, `${name}.lock`);
  mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = 0;
      try { holder = Number(readFileSync(join(lock, 'pid'), 'utf8')); } catch { /* being created */ }
      let alive = true;
      if (holder > 0) { try { process.kill(holder, 0); } catch { alive = false; } }
      if (!alive) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Sperre ${lock} wird seit 20 Minuten gehalten.`);
      else sleep(500);
    }
  }
  try {
    return task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Debian packages by name; `binary` says which file each one provides, to skip the install when present. */
export function ensureDebianPackages(packages: Array<{ name: string; binary: string }> = EDITOR_PACKAGES): Ready<void> {
  return withLock('apt', () => {
    const missing = packages.filter((p) => !existsSync(p.binary));
    if (missing.length === 0) return { ok: true, value: undefined };
    const names = missing.map((p) => p.name);
    if (!existsSync('/usr/bin/apt-get')) return { ok: false, reason: `apt-get fehlt; ${names.join(', ')} können nicht installiert werden.` };
    if (!isRoot() && run('sudo', ['-n', 'true']).status !== 0) {
      return { ok: false, reason: `Keine Root-Rechte für apt-get; bitte ${names.join(', ')} installieren.` };
    }
    const [command, ...prefix] = isRoot() ? ['apt-get'] : ['sudo', '-n', 'apt-get'];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const waitForDpkg = ['-o', 'DPkg::Lock::Timeout=600'];
    log(`apt-get install ${names.join(' ')} …`);
    const started = Date.now();
    const update = run(command!, [...prefix, ...waitForDpkg, 'update', '-q'], { env });
    if (update.status !== 0) return { ok: false, reason: `apt-get update fehlgeschlagen:\n${update.output.slice(-2000)}` };
    const install = run(command!, [...prefix, ...waitForDpkg, 'install', '-y', '-q', ...names], { env });
    if (install.status !== 0) return { ok: false, reason: `apt-get install ${names.join(' ')} fehlgeschlagen:\n${install.output.slice(-2000)}` };
    const stillMissing = missing.filter((p) => !existsSync(p.binary));
    if (stillMissing.length) return { ok: false, reason: `Nach apt-get fehlt weiterhin: ${stillMissing.map((p) => p.binary).join(', ')}` };
    log(`apt-get fertig in ${Math.round((Date.now() - started) / 1000)} s`);
    return { ok: true, value: undefined };
  });
}

/**
 * code-server (pinned: the last release for Node 20) into .cache/e2e/code-server-VERSION.
 * Its install would download ripgrep from the internet; a tarball made from Debian's rg in the
 * cache folder it checks first avoids that. Install scripts are blocked by npm 11 unless allowed.
 */
export function ensureCodeServer(): Ready<string> {
  const prefix = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  const binary = join(prefix, 'node_modules/.bin/code-server');
  const marker = join(prefix, 'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
  if (existsSync(binary) && existsSync(marker)) return { ok: true, value: binary };
  const apt = ensureDebianPackages();
  if (!apt.ok) return apt;
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  const tmp = join(CACHE, 'tmp');
  mkdirSync(join(tmp, RIPGREP_CACHE), { recursive: true });
  const rgDir = mkdtempSync(join(tmp, 'rg-'));
  copyFileSync('/usr/bin/rg', join(rgDir, 'rg'));
  const tar = run('tar', ['-czf', join(tmp, RIPGREP_CACHE, RIPGREP_TARBALL), '-C', rgDir, 'rg']);
  if (tar.status !== 0) return { ok: false, reason: `ripgrep-Archiv nicht erstellt: ${tar.output}` };
  log(`npm install code-server@${CODE_SERVER_VERSION} (einige Minuten) …`);
  const started = Date.now();
  const install = run('npm', [
    'install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error',
    ...(isRoot() ? ['--unsafe-perm'] : []), `code-server@${CODE_SERVER_VERSION}`,
  ], {
    cwd: prefix,
    env: {
      ...process.env,
      TMPDIR: tmp,
      npm_config_yes: 'true',
      // npm 11 blocks dependency install scripts by default; code-server's postinstall builds its native modules.
      npm_config_dangerously_allow_all_scripts: 'true',
    },
  });
  if (install.status !== 0 || !existsSync(binary) || !existsSync(marker)) {
    return { ok: false, reason: `code-server@${CODE_SERVER_VERSION} ließ sich nicht installieren:\n${install.output.slice(-3000)}` };
  }
  log(`code-server installiert in ${Math.round((Date.now() - started) / 1000)} s`);
  return { ok: true, value: binary };
}

/** Packages the extension (esbuild bundle + vsce package --no-dependencies) and returns the .vsix path. */
export function packageExtension(): Ready<string> {
  const vsix = join(EXTENSION_DIR, 'dist/dclint-vscode.vsix');
  const result = run('npm', ['run', '--silent', 'package'], { cwd: EXTENSION_DIR });
  if (result.status !== 0 || !existsSync(vsix)) return { ok: false, reason: `vsce package fehlgeschlagen:\n${result.output.slice(-3000)}` };
  return { ok: true, value: vsix };
}

/** A fresh folder for one test run (code-server restores unsaved edits from an old user-data-dir). */
export function freshRunFolder(name: string): string {
  mkdirSync(CACHE, { recursive: true });
  // Keep only the newest runs, so the cache does not grow without bound.
  const old = readdirSync(CACHE).filter((n) => n.startsWith(`${name}-`))
    .map((n) => join(CACHE, n)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const folder of old.slice(2)) rmSync(folder, { recursive: true, force: true });
  return mkdtempSync(join(CACHE, `${name}-`));
}
