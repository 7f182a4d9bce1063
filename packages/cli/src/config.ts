import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseTree, type ParseError, printParseErrorCode, type Node as JsonNode } from 'jsonc-parser';
import { parseDocument, isMap, isScalar, isPair, type Node as YamlNode } from 'yaml';
import picomatch from 'picomatch';
import {
  DIRECTIVE_RULE_ID, LineIndex, parseRuleFile, resolveRules, RuleFileError, SEVERITIES,
  type LintOptions, type PartKind, type RuleDefinition, type Severity,
} from '@dclint/core';
import { ConfigError } from './errors.js';
import { validateBasesConfig } from './bases.js';

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = [
  'dclint.config.json', 'dclint.config.jsonc', 'dclint.config.yaml', 'dclint.config.yml',
  '.dclintrc.json', '.dclintrc.jsonc', '.dclintrc.yaml', '.dclintrc.yml', '.dclintrc',
];

/** Settings that a config file and each of its `overrides` may contain. */
export interface ConfigSettings {
  rules?: Record<string, Severity | 'off'>;
  parts?: PartKind[];
  /** A directive needs a justification after " -- " (default true). */
  requireJustification?: boolean;
  /** Obey `<!-- dclint-… -->` directives in drafts (default true). */
  inlineConfig?: boolean;
}

export interface ConfigOverride extends ConfigSettings {
  /** Glob patterns relative to the config file's folder; a pattern without "/" matches the file name. */
  files: string[];
  excludedFiles?: string[];
}

export interface DclintConfig extends ConfigSettings {
  /** Stop the cascade here: config files in folders above are not read. */
  root?: boolean;
  /** Config files this one builds on (absolute paths; relative to the config file when written). */
  extends?: string[];
  /** Folders with additional rule files (*.yaml), absolute (relative to the config file when written). */
  rulesDir?: string[];
  overrides?: ConfigOverride[];
  /** Texts in force of amended laws: abbreviation → path (absolute; relative to the config file when written). */
  bases?: Record<string, string>;
}

const PARTS: PartKind[] = ['vorblatt', 'regelungstext', 'begruendung'];
const SETTING_KEYS = ['rules', 'parts', 'requireJustification', 'inlineConfig'];
export const CONFIG_KEYS = ['$schema', 'root', 'extends', 'rulesDir', ...SETTING_KEYS, 'overrides', 'bases'];
const OVERRIDE_KEYS = ['files', 'excludedFiles', ...SETTING_KEYS];

/** The config files of one folder (the cascade reads one per folder; two are ambiguous). */
function configFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return CONFIG_FILE_NAMES.filter((n) => names.includes(n)).map((n) => join(dir, n)).filter((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

function configFileIn(dir: string, folders?: Map<string, string[]>): string | undefined {
  let found = folders?.get(dir);
  if (!found) {
    found = configFilesIn(dir);
    folders?.set(dir, found);
  }
  if (found.length > 1) {
    throw new ConfigError(found[1]!, `mehrere Konfigurationsdateien im selben Ordner (${found.map((f) => f.slice(dir.length + 1)).join(', ')}). Bitte behalten Sie nur eine.`);
  }
  return found[0];
}

/** The nearest config file from `startDir` upwards, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  return findConfigFiles(startDir)[0];
}

/** The config files of the cascade, nearest first, up to the file system root or a config with `root: true`. */
export function findConfigFiles(startDir: string, folders?: Map<string, string[]>): string[] {
  const out: string[] = [];
  let dir = resolve(startDir);
  for (;;) {
    const file = configFileIn(dir, folders);
    if (file) {
      out.push(file);
      if (readConfigFile(file).config.root) break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/** A parsed value with a way to locate any of its keys in the file, for error messages. */
interface Located {
  value: unknown;
  /** Line and column of the key at `path` (or of the value, if the key cannot be found). */
  where(path: (string | number)[]): { line?: number; column?: number };
}

function parseConfigText(file: string, text: string): Located {
  const lines = new LineIndex(text);
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const p = lines.position(offset);
    return { line: p.line, column: p.column };
  };
  const isYaml = /\.ya?ml$/.test(file) || (file.endsWith('.dclintrc') && !text.trimStart().startsWith('{'));
  if (isYaml) {
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      const p = at(e.pos[0]);
      throw new ConfigError(file, `ungültiges YAML: ${e.message.split('\n')[0]}`, p.line, p.column);
    }
    return {
      value: doc.toJS() ?? {},
      where: (path) => at(findYamlOffset(doc.contents as YamlNode | null, path)),
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0]!;
    const p = at(e.offset);
    throw new ConfigError(file, `ungültiges JSON (${translateJsonError(printParseErrorCode(e.error))}).`, p.line, p.column);
  }
  return {
    value: tree ? jsonValue(tree) : {},
    where: (path) => at(findJsonOffset(tree, path)),
  };
}

function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value, jsonValue(p.children![1]!)]));
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

function findJsonOffset(tree: JsonNode | undefined, path: (string | number)[]): number | undefined {
  let node = tree;
  let offset = node?.offset;
  for (const key of path) {
    if (!node) break;
    if (node.type === 'object') {
      const prop = node.children?.find((p) => p.children?.[0]?.value === key);
      offset = prop?.offset ?? offset;
      node = prop?.children?.[1];
    } else if (node.type === 'array' && typeof key === 'number') {
      node = node.children?.[key];
      offset = node?.offset ?? offset;
    } else break;
  }
  return offset;
}

function findYamlOffset(root: YamlNode | null, path: (string | number)[]): number | undefined {
  let node: unknown = root;
  let offset = (root as { range?: number[] } | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      offset = (pair?.key as { range?: number[] } | undefined)?.range?.[0] ?? offset;
      node = pair?.value;
    } else if (node && typeof key === 'number' && 'items' in (node as object)) {
      node = (node as { items: unknown[] }).items[key];
      offset = (node as { range?: number[] } | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

function translateJsonError(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: 'unerwartetes Zeichen', InvalidNumberFormat: 'ungültige Zahl', PropertyNameExpected: 'Schlüssel erwartet',
    ValueExpected: 'Wert erwartet', ColonExpected: 'Doppelpunkt erwartet', CommaExpected: 'Komma erwartet',
    CloseBraceExpected: '„}“ erwartet', CloseBracketExpected: '„]“ erwartet', EndOfFileExpected: 'Dateiende erwartet',
    UnexpectedEndOfString: 'Zeichenkette nicht abgeschlossen', UnexpectedEndOfComment: 'Kommentar nicht abgeschlossen',
  };
  return map[code] ?? code;
}

/** A config file as read: validated in itself, its rule ids checked once the cascade is known. */
interface ParsedConfig {
  file: string;
  config: DclintConfig;
  /** Rules from the file's `rulesDir`. */
  extraRules: RuleDefinition[];
  /** Throws a ConfigError at the key `path` of this file. */
  fail(path: (string | number)[], detail: string): never;
}

const parsedCache = new Map<string, { stamp: string; parsed: ParsedConfig }>();

/** Reads, parses and structurally validates a config file (cached while its size and time stay). */
function readConfigFile(file: string): ParsedConfig {
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    throw new ConfigError(file, 'Konfigurationsdatei nicht lesbar oder nicht vorhanden.');
  }
  const cached = parsedCache.get(file);
  if (cached?.stamp === stamp) return cached.parsed;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, 'Konfigurationsdatei nicht lesbar oder nicht vorhanden.');
  }
  const located = parseConfigText(file, text);
  const fail = (path: (string | number)[], detail: string): never => {
    const { line, column } = located.where(path);
    throw new ConfigError(file, detail, line, column);
  };
  const config = validateConfig(located.value, file, fail);
  const parsed: ParsedConfig = { file, config, extraRules: (config.rulesDir ?? []).flatMap(loadRulesDir), fail };
  parsedCache.set(file, { stamp, parsed });
  return parsed;
}

type Fail = (path: (string | number)[], detail: string) => never;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringList = (v: unknown): string[] | undefined =>
  typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v as string[] : undefined;

function validateConfig(value: unknown, file: string, fail: Fail): DclintConfig {
  if (!isObject(value)) fail([], 'Die Konfiguration muss ein Objekt sein.');
  const raw = value as Record<string, unknown>;
  checkKeys(raw, CONFIG_KEYS, [], fail);
  const base = dirname(file);
  const config: DclintConfig = validateSettings(raw, [], fail);
  if (raw.root !== undefined) {
    if (typeof raw.root !== 'boolean') fail(['root'], '„root“ muss true oder false sein.');
    config.root = raw.root as boolean;
  }
  if (raw.extends !== undefined) {
    const list = stringList(raw.extends);
    if (!list) fail(['extends'], '„extends“ muss ein Pfad oder eine Liste von Pfaden zu Konfigurationsdateien sein.');
    config.extends = list!.map((p) => resolve(base, p));
  }
  if (raw.rulesDir !== undefined) {
    const dirs = stringList(raw.rulesDir);
    if (!dirs) fail(['rulesDir'], '„rulesDir“ muss ein Ordner oder eine Liste von Ordnern sein.');
    config.rulesDir = dirs!.map((d) => resolve(base, d));
  }
  if (raw.bases !== undefined) config.bases = validateBasesConfig(raw.bases, base, fail);
  if (raw.overrides !== undefined) {
    if (!Array.isArray(raw.overrides)) fail(['overrides'], '„overrides“ muss eine Liste sein: [{ "files": ["*.md"], "rules": { … } }].');
    config.overrides = (raw.overrides as unknown[]).map((o, i) => {
      if (!isObject(o)) fail(['overrides', i], 'Jeder Eintrag in „overrides“ muss ein Objekt mit „files“ sein.');
      const entry = o as Record<string, unknown>;
      checkKeys(entry, OVERRIDE_KEYS, ['overrides', i], fail);
      const files = stringList(entry.files);
      if (!files?.length) fail(['overrides', i, 'files'], '„files“ muss ein Glob-Muster oder eine Liste von Mustern sein, z. B. "entwuerfe/**/*.md".');
      const excluded = entry.excludedFiles === undefined ? undefined : stringList(entry.excludedFiles);
      if (entry.excludedFiles !== undefined && !excluded) fail(['overrides', i, 'excludedFiles'], '„excludedFiles“ muss ein Glob-Muster oder eine Liste von Mustern sein.');
      return { files: files!, ...(excluded ? { excludedFiles: excluded } : {}), ...validateSettings(entry, ['overrides', i], fail) };
    });
  }
  return config;
}

function checkKeys(raw: Record<string, unknown>, allowed: string[], at: (string | number)[], fail: Fail): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) fail([...at, key], `unbekannter Schlüssel „${key}“ (erlaubt: ${allowed.join(', ')}).`);
  }
}

/** Checks the settings of a config or an override; rule ids are checked later (see checkRuleIds). */
function validateSettings(raw: Record<string, unknown>, at: (string | number)[], fail: Fail): ConfigSettings {
  const out: ConfigSettings = {};
  if (raw.parts !== undefined) {
    if (!Array.isArray(raw.parts)) fail([...at, 'parts'], `„parts“ muss eine Liste sein (${PARTS.join(', ')}).`);
    (raw.parts as unknown[]).forEach((p, i) => {
      if (!PARTS.includes(p as PartKind)) fail([...at, 'parts', i], `„${String(p)}“ ist kein Teil eines Entwurfs (erlaubt: ${PARTS.join(', ')}).`);
    });
    out.parts = raw.parts as PartKind[];
  }
  for (const key of ['requireJustification', 'inlineConfig'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] !== 'boolean') fail([...at, key], `„${key}“ muss true oder false sein.`);
    out[key] = raw[key] as boolean;
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) fail([...at, 'rules'], '„rules“ muss ein Objekt sein: Regel-ID → Schweregrad oder "off".');
    out.rules = {};
    for (const [id, setting] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (setting !== 'off' && !SEVERITIES.includes(setting as Severity)) {
        fail([...at, 'rules', id], `ungültiger Schweregrad „${String(setting)}“ für „${id}“ (erlaubt: off, ${SEVERITIES.join(', ')}).`);
      }
      out.rules[id] = setting as Severity | 'off';
    }
  }
  return out;
}

/** Every rule id a config names must exist (built in, from a `rulesDir` of the cascade, or dclint-directive). */
function checkRuleIds(parsed: ParsedConfig, known: Set<string>): void {
  const check = (rules: Record<string, unknown> | undefined, at: (string | number)[]) => {
    for (const id of Object.keys(rules ?? {})) {
      if (!known.has(id)) parsed.fail([...at, 'rules', id], `unbekannte Regel „${id}“. ${suggestRule(id, known)}`);
    }
  };
  check(parsed.config.rules, []);
  parsed.config.overrides?.forEach((o, i) => check(o.rules, ['overrides', i]));
}

function knownRuleIds(extraRules: RuleDefinition[]): Set<string> {
  return new Set([...resolveRules({ extraRules }).map((r) => r.id), DIRECTIVE_RULE_ID]);
}

/** Reads, parses and validates one config file (without its cascade, with its `extends`). */
export function loadConfigFile(file: string): { config: DclintConfig; extraRules: RuleDefinition[] } {
  const layers = expandExtends(resolve(file), []);
  const extraRules = layers.flatMap((l) => l.extraRules);
  const known = knownRuleIds(extraRules);
  for (const layer of layers) checkRuleIds(layer, known);
  return { config: layers[layers.length - 1]!.config, extraRules };
}

/** The file with the files it extends before it (depth first, in the order listed); cycles are errors. */
function expandExtends(file: string, stack: string[], from?: { parsed: ParsedConfig; index: number }): ParsedConfig[] {
  if (stack.includes(file)) {
    from!.parsed.fail(['extends', from!.index], `„extends“ bildet einen Kreis: ${[...stack, file].map((f) => relative(process.cwd(), f) || f).join(' → ')}.`);
  }
  let parsed: ParsedConfig;
  try {
    parsed = readConfigFile(file);
  } catch (error) {
    if (from && error instanceof ConfigError && error.file === file && error.line === undefined) {
      from.parsed.fail(['extends', from.index], `„${relative(dirname(from.parsed.file), file)}“ (extends) ist nicht vorhanden oder nicht lesbar.`);
    }
    throw error;
  }
  const out: ParsedConfig[] = [];
  (parsed.config.extends ?? []).forEach((target, index) => {
    out.push(...expandExtends(target, [...stack, file], { parsed, index }));
  });
  out.push(parsed);
  return out;
}

/** Loads every rule file (*.yaml, *.yml) of a folder. Throws ConfigError for a bad folder or file. */
export function loadRulesDir(dir: string): RuleDefinition[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    throw new ConfigError(dir, 'Regelordner nicht gefunden oder nicht lesbar.');
  }
  return names.map((name) => {
    const path = join(dir, name);
    try {
      return parseRuleFile(path, readFileSync(path, 'utf8'));
    } catch (error) {
      if (error instanceof RuleFileError) throw new ConfigError(path, error.message.slice(path.length + 2));
      throw error;
    }
  });
}

export function suggestRule(id: string, known: Set<string>): string {
  const close = [...known].filter((k) => k.includes(id) || id.includes(k) || editDistance(k, id) <= 3);
  return close.length ? `Meinten Sie „${close[0]}“?` : `Bekannte Regeln: ${[...known].sort().join(', ')}.`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = temp;
    }
  }
  return row[b.length]!;
}

export interface ResolvedConfig {
  options: LintOptions;
  /** The nearest config file (or the one given with `--config`). */
  configFile?: string;
  /** Every file that contributed, farthest first, with the files they extend. */
  configFiles?: string[];
  /** Base texts of amended laws ("bases"): abbreviation → absolute path; nearer files override farther ones. */
  bases?: Record<string, string>;
}

export interface ResolveOptions {
  /** Use this config file instead of searching (`--config`). */
  configFile?: string;
  /** Ignore config files (`--no-config`). */
  noConfig?: boolean;
  /**
   * The config files found in each folder, kept for one run over many drafts (a command: a listing per folder
   * instead of one per draft and folder above it). Without it every call looks again (the language server).
   */
  folders?: Map<string, string[]>;
}

/**
 * The lint options for a draft at `filePath`: the cascade of config files from the farthest folder to the
 * nearest (nearer overrides farther; `root: true` stops the search upwards), each after the files it
 * extends, each followed by its `overrides` whose globs match the draft. With `configFile` only that file
 * (and what it extends) counts.
 */
export function resolveConfig(filePath: string, how: ResolveOptions = {}): ResolvedConfig {
  if (how.noConfig) return { options: {}, configFiles: [] };
  const absolute = resolve(filePath);
  const roots = how.configFile ? [resolve(how.configFile)] : findConfigFiles(dirname(absolute), how.folders).reverse();
  if (roots.length === 0) return { options: {}, configFiles: [] };
  const seen = new Set<string>();
  const layers = roots.flatMap((file) => expandExtends(file, [])).filter((l) => !seen.has(l.file) && seen.add(l.file));
  const extraRules = layers.flatMap((l) => l.extraRules);
  const known = knownRuleIds(extraRules);
  for (const layer of layers) checkRuleIds(layer, known);

  const options: LintOptions = {};
  const apply = (settings: ConfigSettings) => {
    if (settings.rules) options.rules = { ...options.rules, ...settings.rules };
    if (settings.parts) options.parts = settings.parts;
    if (settings.requireJustification !== undefined) options.requireJustification = settings.requireJustification;
    if (settings.inlineConfig !== undefined) options.inlineConfig = settings.inlineConfig;
  };
  for (const layer of layers) {
    apply(layer.config);
    for (const override of layer.config.overrides ?? []) {
      if (overrideMatches(override, dirname(layer.file), absolute)) apply(override);
    }
  }
  if (extraRules.length) options.extraRules = extraRules;
  const bases = Object.assign({}, ...layers.map((l) => l.config.bases ?? {})) as Record<string, string>;
  return { options, configFile: roots[roots.length - 1], configFiles: layers.map((l) => l.file), bases };
}

const matchers = new Map<string, (path: string) => boolean>();

function overrideMatches(override: ConfigOverride, base: string, file: string): boolean {
  const rel = relative(base, file).split(sep).join('/');
  if (isAbsolute(rel)) return false;
  const test = (patterns: string[]) => patterns.some((pattern) => {
    let matcher = matchers.get(pattern);
    if (!matcher) {
      // A pattern without "/" matches the file name in any folder (as in .gitignore and ESLint).
      matcher = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
      matchers.set(pattern, matcher);
    }
    return matcher(rel);
  });
  return test(override.files) && !test(override.excludedFiles ?? []);
}
