import { parseArgs } from 'node:util';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import {
  applyBaseline, baselineKey, DIRECTIVE_RULE_ID, fixUntilStable, lint, resolveRules, SentenceFingerprints, SEVERITIES,
  type BaselineEntry, type Finding, type LintOptions, type PartKind, type RuleDefinition, type Severity,
} from '@dclint/core';
import { resolveConfig, loadRulesDir, suggestRule } from '../config.js';
import { InputError } from '../errors.js';
import { expandInputs, readDraft, displayPath, decodeDraft } from '../files.js';
import { formatters, FORMATS_WITH_HASHES, summarize, type FileResult } from '../formatters/index.js';
import { baselineFileKey, DEFAULT_BASELINE_FILE, readBaseline, writeBaseline } from '../baseline.js';
import { configHash, DEFAULT_CACHE_FILE, LintCache, sha256, type CachedLint } from '../cache.js';
import { unifiedDiff } from '../diff.js';
import { parseBaseOptions, readBases, unusedBases } from '../bases.js';
import { VERSION } from '../version.js';
import { LintAhead } from '../parallel.js';
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
  -c, --config <pfad>     nur diese Konfigurationsdatei verwenden (keine Kaskade)
      --no-config         keine Konfigurationsdatei verwenden
      --rules-dir <ordner> zusätzliche Regeln (*.yaml) laden (mehrfach möglich)
      --stdin-filename <n> Name für die Standardeingabe (für Ausgabe und Konfiguration)
      --base <ABK=pfad>   geltender Text eines Gesetzes, das der Entwurf ändert, z. B.
                          --base BMG=gesetze/bmg.md (mehrfach möglich; Änderungsgesetze)
      --color, --no-color Farben erzwingen oder abschalten
  -h, --help              diese Hilfe
  -v, --version           Version ausgeben

Unterdrücken und Baseline:
      --no-inline-config  Anweisungen <!-- dclint-disable… --> im Entwurf nicht beachten
      --baseline <pfad>   Baseline-Datei (Standard: ${DEFAULT_BASELINE_FILE}, wenn vorhanden)
      --write-baseline    alle jetzigen Befunde in die Baseline übernehmen
                          (braucht --baseline-reason; veraltete Einträge entfallen)
      --prune-baseline    veraltete Einträge aus der Baseline entfernen
      --baseline-reason <text>  Begründung für neue Baseline-Einträge
      --baseline-author <name>  Name für neue Einträge (Standard: git config user.name)

Korrigieren:
      --fix               sichere Korrekturen in den Dateien vornehmen
      --fix-dry-run       die Korrekturen nur als Unified Diff ausgeben (Code 1, wenn es welche gibt)

Cache:
      --cache             Ergebnisse unveränderter Dateien wiederverwenden
      --cache-location <p> Cache-Datei oder -Ordner (Standard: ${DEFAULT_CACHE_FILE})

Geschwindigkeit:
  -j, --jobs <n>          so viele Entwürfe gleichzeitig prüfen (Standard: Zahl der
                          Prozessorkerne; 1: nacheinander in einem Thread)

Befehle:
  dclint rules            den Regelkatalog auflisten
  dclint explain <id>     die Seite einer Regel anzeigen
  dclint synopse <entwurf> geltende Fassung und Fassung des Entwurfs gegenüberstellen

Konfiguration: dclint.config.json, .jsonc, .yaml oder .dclintrc.json/.yaml in
jedem Ordner von der Datei aufwärts; nähere Dateien überschreiben fernere
("root": true beendet die Suche), "extends" und "overrides" nach Mustern, z. B.
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
      'no-inline-config': { type: 'boolean' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'boolean' },
      'prune-baseline': { type: 'boolean' },
      'baseline-reason': { type: 'string' },
      'baseline-author': { type: 'string' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      base: { type: 'string', multiple: true },
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
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs braucht eine ganze Zahl ab 1, nicht „${values.jobs}“.`);
  const parts = values.parts?.split(',').map((p) => p.trim()) as PartKind[] | undefined;
  if (parts?.some((p) => !['regelungstext', 'begruendung', 'vorblatt'].includes(p))) {
    throw new UsageError(`--parts: erlaubt sind regelungstext, begruendung, vorblatt (durch Komma getrennt).`);
  }
  if (positionals.length === 0) throw new UsageError('Keine Eingabe. Nennen Sie Dateien, Ordner, ein Muster oder - für die Standardeingabe.');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix und --fix-dry-run schließen sich aus: entweder ändern oder nur zeigen.');
  if (values.fix && positionals.includes('-')) {
    throw new UsageError('--fix ändert Dateien und kann die Standardeingabe nicht ändern. Verwenden Sie --fix-dry-run.');
  }
  const reason = values['baseline-reason']?.trim();
  if (values['write-baseline'] && !reason) {
    throw new UsageError('--write-baseline braucht eine Begründung: --baseline-reason "…". Die Baseline hält fest, wer wann warum einen Befund akzeptiert hat.');
  }

  const cliRules = (values['rules-dir'] ?? []).flatMap((dir) => loadRulesDir(resolve(ctx.cwd, dir)));
  const known = new Set([...resolveRules({ extraRules: cliRules }).map((r) => r.id), DIRECTIVE_RULE_ID]);
  for (const id of [...(values.rule ?? []), ...(values.disable ?? [])]) {
    if (!known.has(id)) throw new UsageError(`Unbekannte Regel „${id}“. ${suggestRule(id, known)}`);
  }

  const baselinePath = resolve(ctx.cwd, values.baseline ?? DEFAULT_BASELINE_FILE);
  const baselineEntries = readBaseline(baselinePath);
  if (!baselineEntries && values.baseline !== undefined && !values['write-baseline']) {
    throw new InputError(values.baseline, 'Baseline-Datei nicht gefunden. Anlegen mit --write-baseline --baseline-reason "…".');
  }
  const entriesByFile = new Map<string, BaselineEntry[]>();
  for (const entry of baselineEntries ?? []) entriesByFile.set(entry.file, [...(entriesByFile.get(entry.file) ?? []), entry]);
  const cache = values.cache || values['cache-location'] ? LintCache.open(resolve(ctx.cwd, values['cache-location'] ?? DEFAULT_CACHE_FILE), VERSION) : undefined;

  const files = await expandInputs(positionals, ctx.cwd);
  const folders = new Map<string, string[]>(); // config files per folder, looked up once in this run
  const cliBases = parseBaseOptions(values.base, ctx.cwd);
  const basesNoDraftUses = new Set(Object.keys(cliBases));
  const results: FileResult[] = [];
  const rulesInEffect = new Map<string, RuleDefinition>();
  const judged = new Set<string>();
  const stale: BaselineEntry[] = [];
  const newEntries: BaselineEntry[] = [];
  const diffs: string[] = [];
  let fixed = 0;
  let fixedFiles = 0;
  const author = values['write-baseline'] ? (values['baseline-author'] ?? gitUserName(ctx.cwd)) : '';
  const today = new Date().toISOString().slice(0, 10);

  // The sentence hash of each finding (SHA-256 of its sentence) is needed by the cache (which keeps it), the
  // baseline and the fingerprints of SARIF and GitLab; without them it is not computed.
  const hashes = Boolean(cache) || Boolean(baselineEntries?.length) || Boolean(values['write-baseline'])
    || Boolean(values['prune-baseline']) || FORMATS_WITH_HASHES.has(values.format!);

  // Drafts are linted ahead in worker threads (parallel.ts); the loop below takes their records in order.
  // `prepare` must work out the options exactly as the loop does; if not, the loop lints itself (slower, same result).
  const ahead = values.fix || values['fix-dry-run'] ? undefined : LintAhead.start(files, (file) => {
    const draft = readDraft(file, displayPath(file, ctx.cwd));
    if ('error' in draft) return { draft };
    const { options, bases: configBases } = resolveConfig(file, { configFile: values.config, noConfig: values['no-config'], folders });
    const effective = withCliOverrides(options, {
      only: values.rule, disable: values.disable, parts, extraRules: cliRules, known, noInlineConfig: values['no-inline-config'],
    });
    const basePaths = { ...configBases, ...cliBases };
    if (Object.keys(basePaths).length) effective.baseTexts = readBases(basePaths, (p) => displayPath(p, ctx.cwd));
    const contentHash = cache ? sha256(draft.text) : undefined;
    if (cache && cache.get(file, contentHash!, configHash(effective, VERSION))) return { draft, contentHash };
    return { draft, contentHash, job: { text: draft.text, options: effective } };
  }, jobs, hashes);

  for (const file of files) {
    const display = file === '-' ? (values['stdin-filename'] ?? '<stdin>') : displayPath(file, ctx.cwd);
    const draft = file === '-' ? decodeDraft(await ctx.readStdin(), display) : (ahead?.draft(file) ?? readDraft(file, display));
    if ('error' in draft) {
      results.push({ path: draft.path, findings: [], error: draft.error });
      continue;
    }
    const configPath = file === '-' ? resolve(ctx.cwd, values['stdin-filename'] ?? 'stdin.md') : file;
    const { options, bases: configBases } = resolveConfig(configPath, { configFile: values.config, noConfig: values['no-config'], folders });
    const effective = withCliOverrides(options, {
      only: values.rule, disable: values.disable, parts, extraRules: cliRules, known, noInlineConfig: values['no-inline-config'],
    });
    // Amending laws: the texts in force of the amended laws (--base, config "bases").
    const basePaths = { ...configBases, ...cliBases };
    if (Object.keys(basePaths).length) {
      effective.baseTexts = readBases(basePaths, (p) => displayPath(p, ctx.cwd));
      const unused = new Set(unusedBases(draft.text, effective.baseTexts));
      for (const key of Object.keys(basePaths)) if (!unused.has(key)) basesNoDraftUses.delete(key);
    }
    for (const rule of resolveRules(effective)) rulesInEffect.set(rule.id, rule);
    const key = baselineFileKey(baselinePath, configPath);
    const entries = entriesByFile.get(key) ?? [];
    const cacheKey = file === '-' ? undefined : file;
    const cfgHash = cache ? configHash(effective, VERSION) : '';

    let text = draft.text;
    let record: CachedLint;
    try {
      if (values.fix || values['fix-dry-run']) {
        // Fix what neither a directive nor the baseline accepts, until nothing fixable is left.
        const result = fixUntilStable(text, (t) => applyBaseline(...recordParts(lintRecord(t, effective, hashes)), entries).findings);
        if (result.text !== text) {
          fixed += result.fixed;
          fixedFiles++;
          if (values['fix-dry-run']) diffs.push(unifiedDiff(text, result.text, `a/${display}`, `b/${display}`));
          else writeFileSync(file, (hasBom(file) ? '\ufeff' : '') + result.text);
          if (values.fix) text = result.text;
        }
        if (!result.converged) {
          ctx.stderr(`dclint: ${display}: Die Korrekturen kommen nach ${result.passes} Durchgängen nicht zur Ruhe; bitte melden Sie diesen Fehler.\n`);
        }
      }
      const contentHash = cacheKey && cache ? ((text === draft.text ? ahead?.contentHash(file) : undefined) ?? sha256(text)) : '';
      const cached = cacheKey && cache ? cache.get(cacheKey, contentHash, cfgHash) : undefined;
      record = cached
        ?? (ahead ? await ahead.record(file, text, effective, () => lintRecord(text, effective, hashes)) : lintRecord(text, effective, hashes));
      if (cacheKey && cache && !cached) cache.set(cacheKey, contentHash, cfgHash, record);
    } catch (error) {
      results.push({ path: display, findings: [], error: `Interner Fehler beim Prüfen: ${(error as Error).message}` });
      continue;
    }

    const match = applyBaseline(record.findings, record.findingHashes, entries);
    judged.add(key);
    stale.push(...match.unmatched);
    const sentenceHashes = new Map<Finding, string>();
    const findings: Finding[] = [];
    const suppressed: Finding[] = [];
    record.suppressed.forEach((f, i) => {
      suppressed.push(f);
      sentenceHashes.set(f, record.suppressedHashes[i]!);
    });
    record.findings.forEach((f, i) => {
      const entry = match.matches[i];
      const hash = record.findingHashes[i]!;
      if (entry) {
        const accepted = { ...f, suppressed: { kind: 'baseline' as const, justification: entry.reason } };
        suppressed.push(accepted);
        sentenceHashes.set(accepted, hash);
        return;
      }
      if (values['write-baseline'] && f.ruleId !== DIRECTIVE_RULE_ID) {
        newEntries.push({ file: key, ...baselineKey(f, hash), author, date: today, reason: reason! });
        const accepted = { ...f, suppressed: { kind: 'baseline' as const, justification: reason! } };
        suppressed.push(accepted);
        sentenceHashes.set(accepted, hash);
        return;
      }
      findings.push(f);
      sentenceHashes.set(f, hash);
    });
    suppressed.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
    results.push({
      path: display,
      findings: values.quiet ? findings.filter((f) => f.severity === 'error') : findings,
      suppressed,
      ...(hashes ? { sentenceHashes } : {}),
    });
  }
  await ahead?.close();
  cache?.save();
  for (const key of basesNoDraftUses) {
    ctx.stderr(`dclint: Hinweis: --base ${key} passt zu keinem Artikel der geprüften Entwürfe (Zuordnung über den Namen des Gesetzes im Einleitungssatz oder seine Abkürzung).\n`);
  }

  if (values['fix-dry-run']) {
    const output = diffs.join('');
    if (values['output-file']) writeFileSync(resolve(ctx.cwd, values['output-file']), output);
    else ctx.stdout(output);
    if (results.some((r) => r.error)) return 2;
    return diffs.length ? 1 : 0;
  }
  if (values.fix && fixed) {
    ctx.stderr(`dclint: ${fixed} ${fixed === 1 ? 'Korrektur' : 'Korrekturen'} in ${fixedFiles} ${fixedFiles === 1 ? 'Datei' : 'Dateien'} vorgenommen.\n`);
  }

  // Entries for drafts that no longer exist are stale too; entries for drafts not linted now stay as they are.
  const baseDir = dirname(baselinePath);
  for (const entry of baselineEntries ?? []) {
    if (!judged.has(entry.file) && !existsSync(resolve(baseDir, entry.file))) stale.push(entry);
  }
  const staleSet = new Set(stale);
  if (values['write-baseline'] || values['prune-baseline']) {
    const kept = (baselineEntries ?? []).filter((e) => !staleSet.has(e));
    if (values['write-baseline'] || stale.length) writeBaseline(baselinePath, [...kept, ...newEntries]);
    const parts = [
      values['write-baseline'] ? `${newEntries.length} neu` : '',
      `${kept.length} behalten`,
      `${stale.length} veraltet entfernt`,
    ].filter(Boolean);
    ctx.stderr(`dclint: Baseline ${displayPath(baselinePath, ctx.cwd)}: ${parts.join(', ')}.\n`);
  } else if (stale.length) {
    const list = stale.slice(0, 10).map((e) => `  ${e.file}: ${e.ruleId} in ${e.unit || '(ohne Gliederung)'} „${e.excerpt}“ (${e.author}, ${e.date})`);
    if (stale.length > 10) list.push(`  … und ${stale.length - 10} weitere`);
    ctx.stderr(`dclint: ${stale.length} ${stale.length === 1 ? 'Eintrag' : 'Einträge'} der Baseline ${displayPath(baselinePath, ctx.cwd)} `
      + `${stale.length === 1 ? 'passt' : 'passen'} zu keinem Befund mehr (Satz geändert oder Hürde beseitigt):\n${list.join('\n')}\n`
      + '  Entfernen mit --prune-baseline.\n');
  }

  const summary = summarize(results);
  const color = values['no-color'] ? false : values.color ?? ctx.colorDefault;
  const output = formatter(results, summary, {
    color: values['output-file'] ? false : color, version: VERSION, rules: [...rulesInEffect.values()], cwd: ctx.cwd,
  });
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

/**
 * lint() plus the sentence hash of each finding (what the cache stores and the baseline needs); with `hashes`
 * false every hash is "" (the caller needs none).
 */
export function lintRecord(text: string, options: LintOptions, hashes = true): CachedLint {
  const result = lint(text, options);
  const fingerprints = hashes ? new SentenceFingerprints(text, result.structure) : undefined;
  const hashOf = (f: Finding) => fingerprints?.hashAt(f.range.start.offset) ?? '';
  const suppressed = result.suppressed ?? [];
  return {
    findings: result.findings,
    suppressed,
    findingHashes: result.findings.map(hashOf),
    suppressedHashes: suppressed.map(hashOf),
  };
}

const recordParts = (record: CachedLint) => [record.findings, record.findingHashes] as const;

function hasBom(file: string): boolean {
  const head = readFileSync(file).subarray(0, 3);
  return head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/** Who accepts findings in the baseline: git's user name, else the login name. */
function gitUserName(cwd: string): string {
  const git = spawnSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8' });
  const name = git.status === 0 ? git.stdout.trim() : '';
  if (name) return name;
  try {
    return userInfo().username;
  } catch {
    return 'unbekannt';
  }
}

function withCliOverrides(
  options: LintOptions,
  cli: {
    only?: string[]; disable?: string[]; parts?: PartKind[]; extraRules: LintOptions['extraRules']; known: Set<string>;
    noInlineConfig?: boolean;
  },
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
    ...(cli.noInlineConfig ? { inlineConfig: false } : {}),
  };
}

export { InputError };
