import type { Finding, LintOptions, LintResult, PartKind, RuleDefinition, Span } from '../types.js';
import { analyse, type AnalysedDocument } from '../structure/parse.js';
import type { RawMatch, SentenceContext } from '../code-rules/index.js';
import { LineIndex } from '../text/lines.js';
import { principleUrl } from '../principles.js';
import { recogniseAmendingLaw, nominative, type AmendingArtikel, type AmendingLaw } from './recognise.js';
import { Application, changesFromQuotes, type Change } from './apply.js';
import { describeLaw } from './law-text.js';
import { judge, type Catalogue, type Credit } from './judge.js';
import { rememberAmendmentResults } from './code-rules.js';
import { formatPath, rankOf } from './refs.js';

/**
 * Amending laws: what the draft changes is linted, not what it removes. Called by the engine for every
 * draft; a draft without an Artikel "Änderung des …" costs one look at its Artikel headings.
 */

export const REMOVED_BARRIER_RULE = 'barriere-entfernt';
export const INSTRUCTION_RULE = 'aenderungsbefehl';
const OWN_RULES = new Set([REMOVED_BARRIER_RULE, INSTRUCTION_RULE]);

type LintFunction = (text: string, options: LintOptions) => LintResult;

/** A law the draft amends, with the changes made to it. */
export interface AmendedLaw {
  /** How findings cite the law: the abbreviation if known ("BMG"), else its name. */
  label: string;
  name: string;
  lastAmendment?: string;
  /** "Artikel 1", "Artikel 3" */
  artikel: string[];
  /** The base text used (key of `LintOptions.baseTexts`). */
  base?: { key: string; title?: string };
  application?: Application;
  changes: Change[];
}

export interface InstructionProblem extends Span {
  address: string;
  message: string;
}

export interface AmendmentRun {
  law: AmendingLaw;
  laws: AmendedLaw[];
  problems: InstructionProblem[];
  /** Keys of base texts that no Artikel amends. */
  unusedBases: string[];
}

/** Applies (or, without base text, reads) every instruction of an amending law. */
export function runAmendments(text: string, law: AmendingLaw, baseTexts: Record<string, string> = {}): AmendmentRun {
  const bases = Object.entries(baseTexts).map(([key, body]) => ({ key, text: body, ...describeLaw(body) }));
  const used = new Set<string>();
  const laws: AmendedLaw[] = [];
  const problems: InstructionProblem[] = [];
  for (const artikel of law.artikel) {
    if (artikel.kind !== 'aenderung' || !artikel.law) continue;
    const base = matchBase(artikel, bases);
    const label = base?.abbreviation ?? base?.key ?? artikel.law.abbreviation ?? artikel.law.name;
    let amended = laws.find((l) => (base ? l.base?.key === base.key : l.label === label));
    if (!amended) {
      amended = { label, name: artikel.law.name, lastAmendment: artikel.law.lastAmendment, artikel: [], changes: [] };
      if (base) {
        used.add(base.key);
        amended.base = { key: base.key, title: base.title };
        amended.application = new Application(base.text, label);
      }
      laws.push(amended);
    }
    amended.artikel.push(`Artikel ${artikel.number}`);
    for (const instruction of artikel.instructions) {
      for (const p of instruction.problems) problems.push({ ...p, address: instruction.address });
      if (!instruction.recognised) continue;
      for (const action of instruction.actions) {
        if (amended.application && !action.unsupported) {
          const applied = amended.application.apply(text, instruction, action);
          for (const e of applied.errors) problems.push({ start: e.start, end: e.end, message: e.message, address: instruction.address });
          // An instruction that cannot be applied is still linted from its own quotations.
          const fallback = () => changesFromQuotes(text, instruction, action).map((c) => ({ ...c, unapplied: true }));
          amended.changes.push(...(applied.errors.length ? fallback() : applied.changes));
        } else {
          amended.changes.push(...changesFromQuotes(text, instruction, action));
        }
      }
    }
  }
  return { law, laws, problems, unusedBases: bases.map((b) => b.key).filter((k) => !used.has(k)) };
}

interface Base {
  key: string;
  text: string;
  title?: string;
  abbreviation?: string;
}

/** The base text of the amended law: by name, abbreviation or key; else by the letters of an abbreviation. */
function matchBase(artikel: AmendingArtikel, bases: Base[]): Base | undefined {
  const names = [artikel.law!.name, nominative(artikel.law!.name), artikel.law!.abbreviation ?? ''].map(normal).filter(Boolean);
  const exact = bases.find((b) => [b.title, b.abbreviation, b.key].some((n) => n && names.includes(normal(n))));
  if (exact) return exact;
  // "Bundesverfassungsschutzgesetz" is "BVerfSchG": B-Verf-Sch-G are the starts of its word parts.
  const loose = bases.filter((b) => [b.abbreviation, b.key].some((a) => a && names.some((n) => abbreviates(a, n))));
  return loose.length === 1 ? loose[0] : undefined;
}

function normal(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function abbreviates(abbreviation: string, name: string): boolean {
  const parts = abbreviation.match(/\p{Lu}[\p{Ll}]*|\d+/gu);
  if (!parts || parts.length < 2) return false;
  let at = 0;
  for (const part of parts) {
    const found = name.indexOf(part.toLowerCase(), at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return name.startsWith(parts[0]!.toLowerCase());
}

/* ---------- lint integration ---------- */

export interface AmendmentAnalysis {
  law: AmendingLaw;
  /** Barrier findings in wording the draft inserts (with both addresses). */
  findings: Finding[];
  /** The sentences without instruction text: quoted removed wording and the instructions' own words. */
  mask(sentences: SentenceContext[]): SentenceContext[];
}

/**
 * Reads an amending law for `lint()`: judges every change with the catalogue and prepares the matches of
 * the rules barriere-entfernt and aenderungsbefehl. Returns undefined for a draft that amends no law.
 */
export function analyseAmendments(
  doc: AnalysedDocument, lines: LineIndex, options: LintOptions, rules: RuleDefinition[], lintFunction: LintFunction,
): AmendmentAnalysis | undefined {
  const law = recogniseAmendingLaw(doc);
  if (!law) return undefined;
  const run = runAmendments(doc.matchText, law, options.baseTexts);
  const catalogue = makeCatalogue(options, rules, lintFunction);
  const findings: Finding[] = [];
  const credits: Array<Credit & { law: string; address: string }> = [];
  for (const amended of run.laws) {
    for (const change of amended.changes) {
      const verdict = judge(change, amended.label, doc.text, lines, catalogue);
      findings.push(...verdict.findings);
      credits.push(...verdict.credits.map((c) => ({ ...c, law: amended.label, address: change.instruction.address })));
    }
  }
  const errors: RawMatch[] = run.problems.map((p) => ({ start: p.start, end: p.end, message: p.message, unit: p.address }));
  rememberAmendmentResults(doc, creditMatches(credits), errors);
  const parts = new Set<PartKind>(options.parts ?? ['regelungstext']);
  const spans = law.artikel.flatMap((a) => a.instructionText).sort((a, b) => a.start - b.start);
  return {
    law,
    findings: parts.has('regelungstext') ? findings : [],
    mask: (sentences) => sentences.map((s) => {
      if (!spans.some((x) => x.start < s.end && s.start < x.end)) return s;
      return { ...s, tokens: s.tokens.filter((t) => !spans.some((x) => t.start >= x.start && t.start < x.end)) };
    }),
  };
}

const sharedJudgements = new Map<string, Finding[]>();

function makeCatalogue(options: LintOptions, rules: RuleDefinition[], lintFunction: LintFunction): Catalogue {
  // Judging needs every barrier rule, also one the user switched off: its removal still counts.
  const nested: LintOptions = {
    extraRules: options.extraRules,
    docsBaseUrl: options.docsBaseUrl,
    parts: ['regelungstext'],
    rules: Object.fromEntries([...OWN_RULES].map((id) => [id, 'off' as const])),
    inlineConfig: false,
  };
  // With the built-in catalogue only, judgements are kept across calls (an editor lints the same draft often).
  const cache = options.extraRules?.length || options.docsBaseUrl ? new Map<string, Finding[]>() : sharedJudgements;
  return {
    lint(text) {
      let found = cache.get(text);
      if (!found) {
        found = lintFunction(text, nested).findings;
        if (cache.size >= 5000) cache.clear();
        cache.set(text, found);
      }
      return found;
    },
    rules: rules.filter((r) => !OWN_RULES.has(r.id)),
    setting: (id) => options.rules?.[id],
    docsUrl: (rule) => (options.docsBaseUrl ? options.docsBaseUrl.replaceAll('{id}', rule.id) : principleUrl(rule.principle)),
  };
}

/** One credit per place in the draft, naming every barrier that disappears there. */
function creditMatches(credits: Array<Credit & { law: string; address: string }>): RawMatch[] {
  const byPlace = new Map<string, typeof credits>();
  for (const c of credits) {
    const key = `${c.start}:${c.end}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), c]);
  }
  return [...byPlace.values()].map((group) => {
    const first = group[0]!;
    const barriers = [...new Set(group.map((c) => `„${c.rule?.title ?? c.finding.ruleId}“ (${c.finding.ruleId})`))];
    const words = [...new Set(group.map((c) => `„${c.finding.excerpt.replace(/\s+/g, ' ')}“`))];
    return {
      start: first.start, end: first.end,
      message: `Die Änderung beseitigt ${barriers.length > 1 ? 'die Hürden' : 'die Hürde'} ${joinGerman(barriers)} in ${first.target}: `
        + `${joinGerman(words)} gilt dort nicht mehr als Hürde. Gut so – das zählt für die Digitaltauglichkeit.`,
      principle: first.finding.principle,
      aspect: first.finding.aspect,
      unit: first.address,
      target: { law: first.law, unit: first.targetUnit },
    };
  });
}

function joinGerman(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

/* ---------- synopsis ---------- */

export interface SynopsisRow {
  /** "§ 23 Abs. 3" */
  provision: string;
  /** "Artikel 1 Nr. 4" */
  instructions: string[];
  /** Wording in force (or the quoted wording without base text); '' for a new provision, undefined if unknown. */
  before?: string;
  after: string;
}

export interface SynopsisLaw {
  label: string;
  name: string;
  lastAmendment?: string;
  artikel: string[];
  base?: { key: string; title?: string };
  rows: SynopsisRow[];
}

export interface Synopsis {
  laws: SynopsisLaw[];
  problems: Array<InstructionProblem & { line: number; column: number }>;
  /** Instructions dclint could not read (their text is linted as ordinary text). */
  unrecognised: Array<{ address: string; line: number }>;
  unusedBases: string[];
}

/**
 * Before and after of every provision an amending law changes. With the base text: the full provisions
 * (Absatz or §) in force and as amended; without: the quoted wording of each instruction.
 * Returns undefined if the draft amends no law.
 */
export function synopsis(text: string, baseTexts: Record<string, string> = {}): Synopsis | undefined {
  const doc = analyse(text);
  const law = recogniseAmendingLaw(doc);
  if (!law) return undefined;
  const run = runAmendments(doc.matchText, law, baseTexts);
  const lines = new LineIndex(text);
  const laws = run.laws.map((amended): SynopsisLaw => ({
    label: amended.label, name: amended.name, lastAmendment: amended.lastAmendment, artikel: amended.artikel, base: amended.base,
    rows: amended.application ? provisionRows(amended.application) : quotedRows(amended, law),
  }));
  const unrecognised = law.artikel.flatMap((a) => a.instructions)
    .filter((i) => !i.recognised && i.problems.length === 0)
    .map((i) => ({ address: i.address, line: lines.position(i.start).line }));
  return {
    laws,
    problems: run.problems.map((p) => ({ ...p, ...pick(lines.position(p.start)) })),
    unrecognised,
    unusedBases: run.unusedBases,
  };
}

function pick(p: { line: number; column: number }) {
  return { line: p.line, column: p.column };
}

function provisionRows(application: Application): SynopsisRow[] {
  const textOf = (law: Application['law'], p: Application['provisions'][number]) => {
    const path = [{ kind: p.kind, labels: [p.label] }, ...(p.absatz ? [{ kind: 'absatz' as const, labels: [p.absatz] }] : [])];
    const unit = law.resolve(path);
    if ('missing' in unit) return '';
    const span = p.absatz && unit.label ? { start: unit.label.start, end: unit.end } : unit;
    return law.text.slice(span.start, span.end).trim();
  };
  return application.provisions.map((p) => ({
    provision: formatPath([{ kind: p.kind, labels: [p.label] }, ...(p.absatz ? [{ kind: 'absatz' as const, labels: [p.absatz] }] : [])]),
    instructions: p.instructions,
    before: textOf(application.original, p),
    after: textOf(application.law, p),
  }));
}

function quotedRows(amended: AmendedLaw, law: AmendingLaw): SynopsisRow[] {
  const rows: SynopsisRow[] = [];
  const instructions = law.artikel.filter((a) => amended.artikel.includes(`Artikel ${a.number}`)).flatMap((a) => a.instructions);
  for (const instruction of instructions) {
    for (const action of instruction.actions) {
      const unit = action.targets.map(formatPath).filter(Boolean).join(', ') || '(ganzes Gesetz)';
      if (action.kind === 'repeal') {
        rows.push({ provision: unit, instructions: [instruction.address], after: '(aufgehoben)' });
        continue;
      }
      if (action.kind === 'renumber') {
        rows.push({ provision: unit, instructions: [instruction.address], before: unit, after: formatPath(action.renumberTo ?? []) });
        continue;
      }
      for (const change of amended.changes.filter((c) => c.action === action)) {
        rows.push({ provision: provisionOf(change), instructions: [instruction.address], before: change.before, after: change.after });
      }
    }
  }
  return rows;
}

function provisionOf(change: Change): string {
  const creates = change.creates;
  if (change.action.kind !== 'restate' && creates?.labels.length) {
    const path = change.action.targets[0] ?? [];
    return formatPath([...path.filter((l) => rankOf(l.kind) < rankOf(creates.kind)), creates]);
  }
  return change.unit || '(ganzes Gesetz)';
}
