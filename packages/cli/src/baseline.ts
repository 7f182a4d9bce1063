import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineIndex, type BaselineEntry } from '@dclint/core';
import { InputError } from './errors.js';

/** The baseline file looked for in the working folder when `--baseline` is not given. */
export const DEFAULT_BASELINE_FILE = 'dclint-baseline.json';

const ENTRY_FIELDS: Array<keyof BaselineEntry> = ['file', 'ruleId', 'unit', 'sentenceHash', 'excerpt', 'author', 'date', 'reason'];

/**
 * Reads a baseline file: `{ "version": 1, "entries": [BaselineEntry…] }`. Returns undefined when the file
 * does not exist; a malformed file is an InputError naming the place.
 */
export function readBaseline(path: string): BaselineEntry[] | undefined {
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(path, 'Baseline-Datei nicht lesbar.');
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  const lines = new LineIndex(text);
  const fail = (offset: number | undefined, detail: string): never => {
    const p = offset === undefined ? undefined : lines.position(offset);
    throw new InputError(path, `ungültige Baseline: ${detail}`, p?.line, p?.column);
  };
  if (errors.length) fail(errors[0]!.offset, `kein gültiges JSON (${printParseErrorCode(errors[0]!.error)}).`);
  const root = tree?.type === 'object' ? tree : fail(tree?.offset, 'erwartet wird ein Objekt mit „version“ und „entries“.');
  const prop = (name: string) => root.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1];
  const version = prop('version');
  if (version?.value !== 1) fail(version?.offset ?? root.offset, '„version“ muss 1 sein.');
  const entries = prop('entries');
  if (entries?.type !== 'array') fail(entries?.offset ?? root.offset, '„entries“ muss eine Liste sein.');
  return (entries!.children ?? []).map((node) => {
    if (node.type !== 'object') fail(node.offset, 'jeder Eintrag muss ein Objekt sein.');
    const entry: Record<string, string> = {};
    for (const field of ENTRY_FIELDS) {
      const value = node.children?.find((p) => p.children?.[0]?.value === field)?.children?.[1];
      if (value?.type !== 'string') fail(value?.offset ?? node.offset, `„${field}“ fehlt oder ist kein Text.`);
      entry[field] = value!.value as string;
    }
    return entry as unknown as BaselineEntry;
  });
}

/** Writes entries in a stable order (file, unit, rule), so that the file diffs well under version control. */
export function writeBaseline(path: string, entries: BaselineEntry[]): void {
  const sorted = [...entries].sort((a, b) => compare(a.file, b.file) || compare(a.unit, b.unit)
    || a.ruleId.localeCompare(b.ruleId) || a.sentenceHash.localeCompare(b.sentenceHash) || a.date.localeCompare(b.date));
  const body = {
    version: 1,
    description: 'Von dclint akzeptierte Befunde (wer, wann, warum). Bearbeiten mit dclint --write-baseline / --prune-baseline.',
    entries: sorted.map((e) => Object.fromEntries(ENTRY_FIELDS.map((f) => [f, e[f]]))),
  };
  writeFileSync(path, JSON.stringify(body, null, 2) + '\n');
}

const compare = (a: string, b: string) => a.localeCompare(b, 'de', { numeric: true });

/** How a draft is named in the baseline: relative to the baseline file's folder, with "/". */
export function baselineFileKey(baselinePath: string, draftPath: string): string {
  return relative(dirname(resolve(baselinePath)), resolve(draftPath)).split(sep).join('/');
}
