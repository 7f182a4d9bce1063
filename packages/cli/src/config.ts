import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseTree, type ParseError, printParseErrorCode, type Node as JsonNode } from 'jsonc-parser';
import { parseDocument, isMap, isScalar, isPair, type Node as YamlNode } from 'yaml';
import {
  LineIndex, parseRuleFile, resolveRules, RuleFileError, SEVERITIES,
  type LintOptions, type PartKind, type RuleDefinition, type Severity,
} from '@dclint/core';
import { ConfigError } from './errors.js';

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = [
  'dclint.config.json', 'dclint.config.jsonc', 'dclint.config.yaml', 'dclint.config.yml',
  '.dclintrc.json', '.dclintrc.jsonc', '.dclintrc.yaml', '.dclintrc.yml', '.dclintrc',
];

export interface DclintConfig {
  rules?: Record<string, Severity | 'off'>;
  parts?: PartKind[];
  /** Folders with additional rule files (*.yaml), relative to the config file. */
  rulesDir?: string[];
}

const PARTS: PartKind[] = ['vorblatt', 'regelungstext', 'begruendung'];
const KNOWN_KEYS = new Set(['$schema', 'rules', 'parts', 'rulesDir']);

/** The nearest config file from `startDir` upwards, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
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
      throw new ConfigError(file, `ungültiges YAML: ${e.message.split('\n')[0]}`, e.linePos?.[0].line, e.linePos?.[0].col);
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

/** Reads, parses and validates a config file. Throws ConfigError naming the file and place. */
export function loadConfigFile(file: string): { config: DclintConfig; extraRules: RuleDefinition[] } {
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
  const value = located.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail([], 'Die Konfiguration muss ein Objekt sein.');
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) fail([key], `unbekannter Schlüssel „${key}“ (erlaubt: ${[...KNOWN_KEYS].join(', ')}).`);
  }
  const config: DclintConfig = {};
  if (raw.rulesDir !== undefined) {
    const dirs = Array.isArray(raw.rulesDir) ? raw.rulesDir : [raw.rulesDir];
    if (!dirs.every((d) => typeof d === 'string')) fail(['rulesDir'], '„rulesDir“ muss ein Ordner oder eine Liste von Ordnern sein.');
    config.rulesDir = (dirs as string[]).map((d) => resolve(dirname(file), d));
  }
  const extraRules = (config.rulesDir ?? []).flatMap(loadRulesDir);
  if (raw.parts !== undefined) {
    if (!Array.isArray(raw.parts)) fail(['parts'], `„parts“ muss eine Liste sein (${PARTS.join(', ')}).`);
    (raw.parts as unknown[]).forEach((p, i) => {
      if (!PARTS.includes(p as PartKind)) fail(['parts', i], `„${String(p)}“ ist kein Teil eines Entwurfs (erlaubt: ${PARTS.join(', ')}).`);
    });
    config.parts = raw.parts as PartKind[];
  }
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) fail(['rules'], '„rules“ muss ein Objekt sein: Regel-ID → Schweregrad oder "off".');
    const known = new Set(resolveRules({ extraRules }).map((r) => r.id));
    config.rules = {};
    for (const [id, setting] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (!known.has(id)) fail(['rules', id], `unbekannte Regel „${id}“. ${suggestRule(id, known)}`);
      if (setting !== 'off' && !SEVERITIES.includes(setting as Severity)) {
        fail(['rules', id], `ungültiger Schweregrad „${String(setting)}“ für „${id}“ (erlaubt: off, ${SEVERITIES.join(', ')}).`);
      }
      config.rules[id] = setting as Severity | 'off';
    }
  }
  return { config, extraRules };
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
  configFile?: string;
}

export interface ResolveOptions {
  /** Use this config file instead of searching (`--config`). */
  configFile?: string;
  /** Ignore config files (`--no-config`). */
  noConfig?: boolean;
}

const cache = new Map<string, ResolvedConfig>();

/** The lint options for a draft at `filePath`: the nearest config file up the tree. */
export function resolveConfig(filePath: string, how: ResolveOptions = {}): ResolvedConfig {
  if (how.noConfig) return { options: {} };
  const configFile = how.configFile ? resolve(how.configFile) : findConfigFile(dirname(resolve(filePath)));
  if (!configFile) return { options: {} };
  const mtime = existsSync(configFile) ? statSync(configFile).mtimeMs : 0;
  const key = `${configFile}\0${mtime}`;
  let resolved = cache.get(key);
  if (!resolved) {
    const { config, extraRules } = loadConfigFile(configFile);
    resolved = { configFile, options: { rules: config.rules, parts: config.parts, extraRules } };
    cache.set(key, resolved);
  }
  return resolved;
}
