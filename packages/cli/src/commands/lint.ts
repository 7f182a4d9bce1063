import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint, resolveRules, SEVERITIES, type Finding, type LintOptions, type PartKind, type Severity } from '@dclint/core';
import { resolveConfig, loadRulesDir, suggestRule } from '../config.js';
import { InputError } from '../errors.js';
import { expandInputs, readDraft, displayPath, decodeDraft } from '../files.js';
import { formatters, summarize, type FileResult } from '../formatters/index.js';
import { VERSION } from '../version.js';
import { UsageError, type CommandContext } from './context.js';

export const LINT_HELP = `Aufruf: dclint [Optionen] <Dateien | Ordner | Muster | ->

Prüft Gesetzentwürfe (Markdown oder Text) auf Hürden für die digitale Umsetzung
nach den fünf Prinzipien des Digitalchecks.

Eingaben:
  <Datei>                 eine Datei (.md, .txt oder andere Textdatei)
  <Ordner>                alle *.md- und *.txt-Dateien darin, rekursiv
  <Muster>                ein Glob-Muster, z. B. "entwuerfe/**/*.md" (in Anführungszeichen)
  -                       Text von der Standardeingabe

Optionen:
  -f, --format <name>     Ausgabeformat: ${'{formats}'} (Standard: stylish)
  -o, --output-file <p>   Ausgabe in eine Datei schreiben statt auf die Konsole
      --max-warnings <n>  mit Code 1 beenden, wenn es mehr als n Warnungen gibt
      --fail-on <stufe>   ab dieser Stufe mit Code 1 beenden: error, warning, info, hint
                          (Standard: warning)
  -q, --quiet             nur Fehler ausgeben, keine Warnungen und Hinweise
      --rule <id>         nur diese Regel prüfen (mehrfach möglich)
      --disable <id>      diese Regel abschalten (mehrfach möglich)
      --parts <liste>     zu prüfende Teile: regelungstext, begruendung, vorblatt
                          (Standard: regelungstext; die Begründung erläutert nur)
  -c, --config <pfad>     diese Konfigurationsdatei verwenden
      --no-config         keine Konfigurationsdatei verwenden
      --rules-dir <ordner> zusätzliche Regeln (*.yaml) laden (mehrfach möglich)
      --stdin-filename <n> Name für die Standardeingabe (für Ausgabe und Konfiguration)
      --color, --no-color Farben erzwingen oder abschalten
  -h, --help              diese Hilfe
  -v, --version           Version ausgeben

Befehle:
  dclint rules            den Regelkatalog auflisten
  dclint explain <id>     die Seite einer Regel anzeigen

Konfiguration: Die nächstgelegene Datei dclint.config.json, .jsonc, .yaml oder
.dclintrc.json/.yaml im Ordner der Datei oder darüber wird verwendet, z. B.
  { "rules": { "technik-spezifisch": "off", "schriftform": "error" } }

Rückgabewerte:
  0  keine Befunde ab der Schwelle (--fail-on)
  1  Befunde ab der Schwelle oder mehr Warnungen als --max-warnings
  2  Aufruf-, Konfigurations- oder Eingabefehler
`;

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export async function lintCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      'output-file': { type: 'string', short: 'o' },
      'max-warnings': { type: 'string' },
      'fail-on': { type: 'string', default: 'warning' },
      quiet: { type: 'boolean', short: 'q' },
      rule: { type: 'string', multiple: true },
      disable: { type: 'string', multiple: true },
      parts: { type: 'string' },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean' },
      'rules-dir': { type: 'string', multiple: true },
      'stdin-filename': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
  });
  const formatter = formatters[values.format!];
  if (!formatter) throw new UsageError(`Unbekanntes Format „${values.format}“. Verfügbar: ${Object.keys(formatters).join(', ')}.`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings braucht eine ganze Zahl ab 0, nicht „${values['max-warnings']}“.`);
  }
  const failOn = values['fail-on'] as Severity;
  if (!SEVERITIES.includes(failOn)) throw new UsageError(`--fail-on braucht eine Stufe: ${SEVERITIES.join(', ')}.`);
  const parts = values.parts?.split(',').map((p) => p.trim()) as PartKind[] | undefined;
  if (parts?.some((p) => !['regelungstext', 'begruendung', 'vorblatt'].includes(p))) {
    throw new UsageError(`--parts: erlaubt sind regelungstext, begruendung, vorblatt (durch Komma getrennt).`);
  }
  if (positionals.length === 0) throw new UsageError('Keine Eingabe. Nennen Sie Dateien, Ordner, ein Muster oder - für die Standardeingabe.');

  const cliRules = (values['rules-dir'] ?? []).flatMap((dir) => loadRulesDir(resolve(ctx.cwd, dir)));
  const known = new Set(resolveRules({ extraRules: cliRules }).map((r) => r.id));
  for (const id of [...(values.rule ?? []), ...(values.disable ?? [])]) {
    if (!known.has(id)) throw new UsageError(`Unbekannte Regel „${id}“. ${suggestRule(id, known)}`);
  }

  const files = await expandInputs(positionals, ctx.cwd);
  const results: FileResult[] = [];
  for (const file of files) {
    const display = file === '-' ? (values['stdin-filename'] ?? '<stdin>') : displayPath(file, ctx.cwd);
    const draft = file === '-' ? decodeDraft(await ctx.readStdin(), display) : readDraft(file, display);
    if ('error' in draft) {
      results.push({ path: draft.path, findings: [], error: draft.error });
      continue;
    }
    const configPath = file === '-' ? resolve(ctx.cwd, values['stdin-filename'] ?? 'stdin.md') : file;
    const { options } = resolveConfig(configPath, { configFile: values.config, noConfig: values['no-config'] });
    const effective = withCliOverrides(options, { only: values.rule, disable: values.disable, parts, extraRules: cliRules, known });
    let findings: Finding[];
    try {
      findings = lint(draft.text, effective).findings;
    } catch (error) {
      results.push({ path: display, findings: [], error: `Interner Fehler beim Prüfen: ${(error as Error).message}` });
      continue;
    }
    if (values.quiet) findings = findings.filter((f) => f.severity === 'error');
    results.push({ path: display, findings });
  }

  const summary = summarize(results);
  const color = values['no-color'] ? false : values.color ?? ctx.colorDefault;
  const output = formatter(results, summary, { color: values['output-file'] ? false : color, version: VERSION });
  if (values['output-file']) writeFileSync(resolve(ctx.cwd, values['output-file']), output);
  else ctx.stdout(output);

  if (summary.fileErrors > 0) return 2;
  const all = results.flatMap((r) => r.findings);
  if (all.some((f) => f.severity === 'error' && SEVERITY_RANK.error >= SEVERITY_RANK[failOn])) return 1;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) return 1;
  const failing = all.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
  if (maxWarnings !== undefined) return failing.some((f) => f.severity !== 'warning') ? 1 : 0;
  return failing.length > 0 ? 1 : 0;
}

function withCliOverrides(
  options: LintOptions,
  cli: { only?: string[]; disable?: string[]; parts?: PartKind[]; extraRules: LintOptions['extraRules']; known: Set<string> },
): LintOptions {
  const rules = { ...options.rules };
  if (cli.only?.length) {
    for (const id of cli.known) if (!cli.only.includes(id)) rules[id] = 'off';
  }
  for (const id of cli.disable ?? []) rules[id] = 'off';
  return {
    ...options,
    rules,
    parts: cli.parts ?? options.parts,
    extraRules: [...(options.extraRules ?? []), ...(cli.extraRules ?? [])],
  };
}

export { InputError };
