import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinRules, type Finding, type LintOptions, type RuleDefinition } from '@dclint/core';

/** The default cache file, in the working folder. */
export const DEFAULT_CACHE_FILE = '.dclintcache';

/** What is cached per draft: the result of lint() plus the sentence hash of every finding (for the baseline). */
export interface CachedLint {
  findings: Finding[];
  suppressed: Finding[];
  findingHashes: string[];
  suppressedHashes: string[];
}

interface CacheEntry {
  content: string;
  config: string;
  result: CachedLint;
}

interface CacheFile {
  tool: 'dclint';
  version: string;
  entries: Record<string, CacheEntry>;
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Lint results keyed by draft path and checked against the hash of its content, the hash of the effective
 * configuration (including the full rule definitions, so a changed rule invalidates) and the dclint version.
 */
export class LintCache {
  private changed = false;

  private constructor(readonly path: string, private readonly data: CacheFile) {}

  /** Opens the cache at `location` (a file, or a folder to hold `.dclintcache`). A broken file starts empty. */
  static open(location: string, version: string): LintCache {
    let path = resolve(location);
    if (location.endsWith('/') || location.endsWith('\\') || (existsSync(path) && statSync(path).isDirectory())) {
      path = join(path, DEFAULT_CACHE_FILE);
    }
    let data: CacheFile = { tool: 'dclint', version, entries: {} };
    try {
      const read = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (read.tool === 'dclint' && read.version === version && typeof read.entries === 'object' && read.entries) data = read;
    } catch {
      // absent or unreadable: a cache is only an optimisation, start empty
    }
    return new LintCache(path, data);
  }

  get(file: string, contentHash: string, configHash: string): CachedLint | undefined {
    const entry = this.data.entries[file];
    return entry && entry.content === contentHash && entry.config === configHash ? entry.result : undefined;
  }

  set(file: string, contentHash: string, configHash: string, result: CachedLint): void {
    this.data.entries[file] = { content: contentHash, config: configHash, result };
    this.changed = true;
  }

  /** Writes the cache if anything changed (atomically, so a parallel run never reads half a file). */
  save(): void {
    if (!this.changed) return;
    for (const file of Object.keys(this.data.entries)) {
      if (!existsSync(file)) delete this.data.entries[file];
    }
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.data));
    renameSync(temp, this.path);
    this.changed = false;
  }
}

const ruleHashes = new WeakMap<RuleDefinition, string>();
const ruleHash = (rule: RuleDefinition) => {
  let hash = ruleHashes.get(rule);
  if (!hash) {
    hash = sha256(JSON.stringify(rule));
    ruleHashes.set(rule, hash);
  }
  return hash;
};

/** Hash of everything in the options that changes findings: settings and the full text of every rule. */
export function configHash(options: LintOptions, version: string): string {
  const { extraRules, ...settings } = options;
  return sha256(JSON.stringify({
    version,
    settings,
    builtin: builtinRules.map(ruleHash),
    extra: (extraRules ?? []).map(ruleHash),
  }));
}
