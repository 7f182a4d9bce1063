import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { synopsis, type Synopsis, type SynopsisLaw, type SynopsisRow } from '@dclint/core';
import { resolveConfig } from '../config.js';
import { InputError } from '../errors.js';
import { decodeDraft, displayPath, readDraft } from '../files.js';
import { parseBaseOptions, readBases } from '../bases.js';
import { UsageError, type CommandContext } from './context.js';

export const SYNOPSE_HELP = `Aufruf: dclint synopse <entwurf.md | -> [--base ABK=pfad]…

Stellt für ein Änderungsgesetz jede geänderte Vorschrift gegenüber: links die geltende
Fassung, rechts die Fassung nach dem Entwurf (eine zweispaltige Markdown-Tabelle je Gesetz;
Änderungen fett). Mit dem geltenden Text (--base) führt dclint jeden Änderungsbefehl aus und
zeigt ganze Absätze; ohne ihn nur den zitierten Wortlaut.

Optionen:
      --base <ABK=pfad>   geltender Text eines geänderten Gesetzes, z. B. --base BMG=bmg.md
                          (mehrfach möglich; ohne „ABK=“ gilt die Abkürzung aus der Datei)
  -o, --output-file <p>   Ausgabe in eine Datei schreiben
  -c, --config <pfad>     diese Konfigurationsdatei verwenden ("bases": { "BMG": "pfad" })
      --no-config         keine Konfigurationsdatei verwenden
  -h, --help              diese Hilfe

Rückgabewerte:
  0  alle Änderungsbefehle gelesen und ausgeführt
  1  mindestens ein Änderungsbefehl ist nicht ausführbar oder nicht lesbar (aufgelistet)
  2  Aufruf- oder Eingabefehler, oder der Entwurf ändert kein Gesetz
`;

export async function synopseCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      base: { type: 'string', multiple: true },
      'output-file': { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    ctx.stdout(SYNOPSE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('Bitte genau einen Entwurf nennen, z. B. „dclint synopse entwurf.md --base BMG=bmg.md“.');
  const input = positionals[0]!;
  const file = input === '-' ? '-' : resolve(ctx.cwd, input);
  const display = input === '-' ? '<stdin>' : displayPath(file, ctx.cwd);
  const draft = input === '-' ? decodeDraft(await ctx.readStdin(), display) : readDraft(file, display);
  if ('error' in draft) throw new InputError(display, draft.error);

  const configPath = input === '-' ? resolve(ctx.cwd, 'stdin.md') : file;
  const { bases: configBases } = resolveConfig(configPath, { configFile: values.config, noConfig: values['no-config'] });
  const paths = { ...configBases, ...parseBaseOptions(values.base, ctx.cwd) };
  const baseTexts = readBases(paths, (p) => displayPath(p, ctx.cwd));

  const result = synopsis(draft.text, baseTexts);
  if (!result) {
    throw new InputError(display, 'Der Entwurf ändert kein Gesetz: kein Artikel „Änderung des …“ mit „… wird wie folgt geändert:“ '
      + 'oder einem einzelnen Änderungsbefehl gefunden.');
  }
  for (const key of result.unusedBases) {
    ctx.stderr(`dclint: Hinweis: Der geltende Text „${key}“ (${displayPath(paths[key]!, ctx.cwd)}) passt zu keinem Artikel des Entwurfs; `
      + 'die Zuordnung geht über den Namen des Gesetzes im Einleitungssatz oder seine Abkürzung.\n');
  }
  const output = render(display, result, paths, ctx.cwd);
  if (values['output-file']) writeFileSync(resolve(ctx.cwd, values['output-file']), output);
  else ctx.stdout(output);
  for (const p of result.problems) ctx.stderr(`dclint: ${display}:${p.line}:${p.column}: ${p.address}: ${p.message}\n`);
  return result.problems.length || result.unrecognised.length ? 1 : 0;
}

function render(display: string, result: Synopsis, paths: Record<string, string>, cwd: string): string {
  const out: string[] = [`# Synopse: ${escapeText(display)}`, ''];
  for (const law of result.laws) out.push(...renderLaw(law, paths, cwd));
  if (result.problems.length) {
    out.push('## Nicht ausführbare Änderungsbefehle', '');
    for (const p of result.problems) out.push(`- Zeile ${p.line}, ${p.address}: ${escapeText(p.message)}`);
    out.push('');
  }
  if (result.unrecognised.length) {
    out.push('## Nicht erkannte Änderungsbefehle', '', 'dclint prüft diesen Text wie gewöhnlichen Regelungstext.', '');
    for (const u of result.unrecognised) out.push(`- Zeile ${u.line}, ${u.address}`);
    out.push('');
  }
  return out.join('\n');
}

function renderLaw(law: SynopsisLaw, paths: Record<string, string>, cwd: string): string[] {
  const name = law.label !== law.name ? `${law.name} (${law.label})` : law.name;
  const out = [`## ${escapeText(name)} – ${law.artikel.join(', ')}`, ''];
  if (law.lastAmendment) out.push(`Zuletzt geändert durch ${escapeText(law.lastAmendment)}.`, '');
  if (law.base) {
    out.push(`Geltende Fassung: ${escapeText(displayPath(paths[law.base.key] ?? law.base.key, cwd))}.`, '');
  } else {
    out.push('Ohne geltenden Text (Option --base ABK=pfad) zeigt die Synopse nur den zitierten Wortlaut.', '');
  }
  out.push('| Geltende Fassung | Fassung nach dem Entwurf |', '| --- | --- |');
  for (const row of law.rows) out.push(renderRow(row));
  out.push('');
  return out;
}

function renderRow(row: SynopsisRow): string {
  const head = `**${escapeText(row.provision)}**`;
  if (row.before === undefined) {
    // Restated or repealed without the text in force: nothing to compare.
    return `| ${head}<br>*(geltender Wortlaut ohne --base nicht bekannt)* | ${head} – ${row.instructions.map(escapeText).join(', ')}<br>${plain(row.after)} |`;
  }
  const [before, after] = highlight(row.before, row.after);
  const left = row.before ? `${head}<br>${before}` : `${head}<br>*(neu)*`;
  const right = `${head} – ${row.instructions.map(escapeText).join(', ')}<br>${after || '*(entfällt)*'}`;
  return `| ${left} | ${right} |`;
}

const PARAGRAPH = '\u2029';
/** Punctuation after a word is a token of its own, written without a space before it. */
const GLUE = '\u2060';

/** Words of a provision: Markdown heading marks dropped, line wraps joined, paragraph breaks kept. */
function words(text: string): string[] {
  return text
    .replace(/^#{1,6}[ \t]+/gm, '')
    .replace(/-\n[ \t]*(?=\p{Lu})/gu, '-') // "De-\nMail" is "De-Mail" (the corpus wraps at hyphens)
    .replace(/\n[ \t]*\n\s*/g, ` ${PARAGRAPH} `)
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => {
      const m = /^(.*?[^.,;:)]|)([.,;:)]+)$/u.exec(w);
      return m && m[1] ? [m[1], GLUE + m[2]] : [w];
    });
}

/** Both sides as table cells, with removed words bold on the left and inserted words bold on the right. */
export function highlight(before: string, after: string): [string, string] {
  const a = words(before);
  const b = words(after);
  const keep = commonWords(a, b);
  return [cell(a, keep.left), cell(b, keep.right)];
}

function plain(text: string): string {
  const list = words(text);
  return cell(list, list.map(() => true));
}

function cell(list: string[], kept: boolean[]): string {
  let out = '';
  let bold = false;
  list.forEach((token, i) => {
    if (token === PARAGRAPH) {
      if (bold) out += '**';
      bold = false;
      out += '<br>';
      return;
    }
    const glued = token.startsWith(GLUE);
    const word = escapeText(glued ? token.slice(1) : token);
    const space = out === '' || out.endsWith('<br>') || glued ? '' : ' ';
    if (!kept[i] && !bold) {
      out += `${space}**${word}`;
      bold = true;
    } else if (kept[i] && bold) {
      out += `**${space}${word}`;
      bold = false;
    } else out += `${space}${word}`;
  });
  return bold ? `${out}**` : out;
}

/** Which words of each side belong to the longest common subsequence. */
function commonWords(a: string[], b: string[]): { left: boolean[]; right: boolean[] } {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const left = new Array<boolean>(n).fill(false);
  const right = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      left[i++] = true;
      right[j++] = true;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return { left, right };
}

/** Text inside a Markdown table cell: no pipes, emphasis or HTML from the law text. */
function escapeText(text: string): string {
  return text.replace(/[\\|*_<>[\]`]/g, (c) => `\\${c}`);
}
