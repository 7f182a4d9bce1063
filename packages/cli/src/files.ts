import { readFileSync, statSync, existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from './errors.js';

export const DRAFT_EXTENSIONS = ['md', 'txt'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Expands command-line inputs (files, folders, globs, "-") into a sorted, de-duplicated list. */
export async function expandInputs(inputs: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    const path = resolve(cwd, input);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) {
        const found = await glob(`**/*.{${DRAFT_EXTENSIONS.join(',')}}`, { cwd: path, absolute: true, ignore: IGNORED });
        if (found.length === 0) throw new InputError(input, `Der Ordner enthält keine Entwürfe (*.${DRAFT_EXTENSIONS.join(', *.')}).`);
        files.push(...found.sort());
      } else {
        files.push(path);
      }
    } else if (isDynamicPattern(input)) {
      const found = await glob(input, { cwd, absolute: true, ignore: IGNORED, onlyFiles: true });
      if (found.length === 0) throw new InputError(input, 'Das Muster passt auf keine Datei.');
      files.push(...found.sort());
    } else {
      throw new InputError(input, 'Datei oder Ordner nicht gefunden.');
    }
  }
  return [...new Set(files)];
}

export type Draft = { path: string; text: string } | { path: string; error: string };

/** Reads a draft as UTF-8 text. A binary, invalid or empty file yields an error entry, never an exception. */
export function readDraft(path: string, display = path, stdin?: Buffer): Draft {
  let bytes: Buffer;
  try {
    bytes = stdin ?? readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'keine Leseberechtigung' : code === 'EISDIR' ? 'ist ein Ordner' : 'nicht lesbar';
    return { path: display, error: `Datei ${reason}.` };
  }
  return decodeDraft(bytes, display);
}

export function decodeDraft(bytes: Buffer, display: string): Draft {
  if (bytes.subarray(0, 8192).includes(0)) {
    return { path: display, error: 'Binärdatei: dclint prüft nur Text (Markdown oder reiner Text, UTF-8).' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, column, byte } = firstInvalidUtf8(bytes);
    return {
      path: display,
      error: `Ungültiges UTF-8 in Zeile ${line}, Spalte ${column} (Byte ${byte}). Bitte speichern Sie die Datei als UTF-8.`,
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { path: display, error: 'Die Datei ist leer.' };
  return { path: display, text };
}

/** Locates the first byte that is not valid UTF-8 (for the error message). */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number; byte: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (valid && length > 1) valid = isValidUtf8(bytes.subarray(i, i + length));
    if (!valid) return { line, column, byte: i };
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += length;
  }
  return { line, column, byte: i };
}

export function displayPath(path: string, cwd: string): string {
  if (path === '-') return '<stdin>';
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
