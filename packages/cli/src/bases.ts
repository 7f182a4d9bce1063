import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeLaw, runAmendments, recogniseAmendingLaw, analyse } from '@dclint/core';
import { InputError } from './errors.js';
import { UsageError } from './commands/context.js';

/**
 * Base texts: the law in force that an amending draft changes (`--base BMG=pfad`, or "bases" in the
 * config). dclint applies the draft's instructions to it and lints each changed sentence in full.
 */

/** `--base BMG=pfad/bmg.md` (repeatable); `--base pfad` takes the abbreviation from the file (jurabk). */
export function parseBaseOptions(values: string[] | undefined, cwd: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const eq = value.indexOf('=');
    if (eq === 0 || eq === value.length - 1) {
      throw new UsageError(`--base „${value}“: erwartet Abkürzung=Pfad, z. B. --base BMG=gesetze/bmg.md.`);
    }
    if (eq > 0) {
      out[value.slice(0, eq).trim()] = resolve(cwd, value.slice(eq + 1));
      continue;
    }
    const path = resolve(cwd, value);
    const abbreviation = describeLaw(readBase(path, value)).abbreviation;
    if (!abbreviation) {
      throw new UsageError(`--base „${value}“: Die Datei nennt keine Abkürzung (jurabk); bitte als Abkürzung=Pfad angeben, z. B. --base BMG=${value}.`);
    }
    out[abbreviation] = path;
  }
  return out;
}

/** The config key "bases": { "BMG": "pfad" }, paths relative to the config file. */
export function validateBasesConfig(raw: unknown, configDir: string, fail: (path: (string | number)[], detail: string) => never): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(['bases'], '„bases“ muss ein Objekt sein: Abkürzung → Pfad zum geltenden Gesetzestext, z. B. { "BMG": "gesetze/bmg.md" }.');
  }
  const out: Record<string, string> = {};
  for (const [key, path] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof path !== 'string' || path.trim() === '') fail(['bases', key], `„bases.${key}“ muss ein Pfad zum geltenden Gesetzestext sein.`);
    out[key] = resolve(configDir, path as string);
  }
  return out;
}

const cache = new Map<string, { stamp: string; text: string }>();

/** Reads a base text (UTF-8), cached while the file stays the same. */
export function readBase(path: string, shown = path): string {
  let stamp: string;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(shown, 'Geltender Gesetzestext (--base): Das ist ein Ordner; bitte eine Datei angeben (z. B. …/b/bmg/index.md).');
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(shown, 'Geltender Gesetzestext (--base) nicht gefunden oder nicht lesbar.');
  }
  const hit = cache.get(path);
  if (hit?.stamp === stamp) return hit.text;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    throw new InputError(shown, 'Geltender Gesetzestext (--base) ist kein gültiges UTF-8.');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  cache.set(path, { stamp, text });
  return text;
}

/** The texts of the given bases (abbreviation → path). */
export function readBases(paths: Record<string, string>, display: (path: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(paths).map(([key, path]) => [key, readBase(path, display(path))]));
}

/** Keys of base texts that no Artikel of the draft amends (a likely typo in the abbreviation or the draft). */
export function unusedBases(draft: string, baseTexts: Record<string, string>): string[] {
  if (Object.keys(baseTexts).length === 0) return [];
  const doc = analyse(draft);
  const law = recogniseAmendingLaw(doc);
  if (!law) return Object.keys(baseTexts);
  return runAmendments(doc.matchText, law, baseTexts).unusedBases;
}
