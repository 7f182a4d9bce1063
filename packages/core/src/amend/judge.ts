import type { Finding, RuleDefinition, Severity, Span, Suggestion } from '../types.js';
import type { LineIndex } from '../text/lines.js';
import { tokenize } from '../text/tokens.js';
import { compilePattern, type CompiledPattern } from '../rules/pattern.js';
import type { Change, Run } from './apply.js';
import { formatPath, rankOf } from './refs.js';

/**
 * Judges a change with the normal rule engine: the catalogue runs on the wording before and after, and the
 * difference decides. A barrier in new wording is reported where the draft writes it; a barrier that only
 * arises because the change removed an alternative is reported at the instruction's verb; a barrier that
 * disappears is credited (rule barriere-entfernt).
 */

export interface Catalogue {
  /** Lints a text as regulation with every barrier rule at its default severity. */
  lint(text: string): Finding[];
  rules: RuleDefinition[];
  /** The severity configured for a rule ('off', a severity, or undefined for the default). */
  setting(ruleId: string): Severity | 'off' | undefined;
  docsUrl(rule: RuleDefinition): string;
}

/** A barrier the change removes: reported at info level so that a report can credit it. */
export interface Credit extends Span {
  finding: Finding;
  rule?: RuleDefinition;
  /** "§ 7 Abs. 2 Satz 1 BMG" */
  target: string;
  targetUnit: string;
}

export interface Verdict {
  findings: Finding[];
  credits: Credit[];
}

export function judge(change: Change, law: string, draft: string, lines: LineIndex, catalogue: Catalogue): Verdict {
  const after = change.after.trim() ? catalogue.lint(change.after) : [];
  const before = change.before?.trim() ? catalogue.lint(change.before) : [];
  const address = change.instruction.address;
  const findings: Finding[] = [];
  const matchedBefore = new Set<Finding>();
  const creditSpan = primarySpan(change);
  const removed = removedRanges(change);
  // The same barrier, rewritten: an old finding in wording the change removes, of the same rule.
  const rewritten = (b: Finding, f: Finding) => b.ruleId === f.ruleId
    && (removed.some((r) => b.range.start.offset < r.end && r.start < b.range.end.offset) || same(b.excerpt, f.excerpt));

  for (const f of after) {
    const setting = catalogue.setting(f.ruleId);
    if (setting === 'off') continue;
    const mapped = mapRange(change.runs, f.range.start.offset, f.range.end.offset);
    const targetUnit = targetOf(change, f);
    const target = `${targetUnit} ${law}`.trim();
    if (mapped.draft) {
      const kept = before.find((b) => !matchedBefore.has(b) && rewritten(b, f));
      if (kept) matchedBefore.add(kept);
      const note = change.before === undefined
        ? `Der neu gefasste Text enthält diese Hürde (${address} → ${target}); ob sie schon im geltenden Recht steht, zeigt ein Abgleich mit dessen Text.`
        : kept ? `Die Neufassung behält diese Hürde bei (${address} → ${target}).`
          : `Die Änderung führt diese Hürde ein (${address} → ${target}).`;
      findings.push(remap(f, mapped.draft, note, setting, address, { law, unit: targetUnit }, draft, lines, mapped.exact));
      continue;
    }
    if (!mapped.before) continue;
    // The same barrier, still there (perhaps narrower: „handschriftlich zu unterschreiben“ → „zu unterschreiben“).
    const old = before.find((b) => b.ruleId === f.ruleId
      && b.range.start.offset < mapped.before!.end && mapped.before!.start < b.range.end.offset);
    if (old) {
      matchedBefore.add(old);
      continue;
    }
    // The wording was there before; the change takes away what made it harmless.
    const context = snippet(change.after, f.range.start.offset, f.range.end.offset);
    const note = `Die Änderung führt diese Hürde ein: Nach ${address} lautet ${target} „${context}“.`;
    findings.push(remap(f, change.action.verb, note, setting, address, { law, unit: targetUnit }, draft, lines, false));
  }

  if (change.partial && (change.action.kind === 'delete' || change.action.kind === 'replace') && change.before) {
    const removed = removedAlternative(change.before, change.after, after, catalogue);
    if (removed) {
      const target = `${change.unit} ${law}`.trim();
      const setting = catalogue.setting(removed.id);
      if (setting !== 'off') {
        const range = lines.range(change.action.verb.start, change.action.verb.end);
        findings.push({
          ruleId: removed.id, severity: setting ?? removed.severity, principle: removed.principle, aspect: removed.aspect,
          message: `Die Änderung streicht „${oneLine(change.before)}“ in ${target} und führt diese Hürde ein: „${removed.title}“ – `
            + `die Alternative, die sie bisher ausräumt, entfällt. Bitte prüfen Sie, ob das gewollt ist; sonst behalten Sie die Alternative bei.`,
          range, unit: address, target: { law, unit: change.unit }, excerpt: draft.slice(change.action.verb.start, change.action.verb.end),
          suggestions: [], docsUrl: catalogue.docsUrl(removed),
        });
      }
    }
  }

  const credits: Credit[] = [];
  for (const b of before) {
    // Nothing is removed by an instruction that could not be applied.
    if (matchedBefore.has(b) || change.unapplied) continue;
    const targetUnit = change.unit;
    credits.push({ ...creditSpan, finding: b, rule: catalogue.rules.find((r) => r.id === b.ruleId), target: `${targetUnit} ${law}`.trim(), targetUnit });
  }
  return { findings, credits };
}

/** The address of what the change creates: from the amended law, or from the quoted structure. */
function targetOf(change: Change, f: Finding): string {
  const fromLaw = change.addressAt?.(f.range.start.offset);
  if (fromLaw) return fromLaw;
  if (change.mode === 'words') return change.unit;
  const nested = f.unit.replace(/^Artikel \d+[a-z]? /, '');
  if (/^(§|Artikel)/.test(nested)) return nested;
  const path = change.action.targets[0] ?? [];
  if (/^Abs\./.test(nested)) return `${formatPath(path.filter((l) => rankOf(l.kind) < rankOf('absatz')))} ${nested}`.trim();
  if (change.creates?.kind === 'satz' && change.action.kind !== 'restate') {
    return `${change.unit} (${change.action.kind === 'prepend' ? 'vorangestellter' : change.action.kind === 'append' ? 'angefügter' : 'eingefügter'} Satz)`;
  }
  return change.unit;
}

/** The parts of `before` that the change removes or replaces (everything not kept in `after`). */
function removedRanges(change: Change): Span[] {
  const length = change.before?.length ?? 0;
  const kept = change.runs.filter((r) => r.from === 'before').map((r) => ({ start: r.offset, end: r.offset + r.length }))
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = 0;
  for (const k of kept) {
    if (k.start > at) out.push({ start: at, end: k.start });
    at = Math.max(at, k.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}

/** Where a credit points: the removed wording in the draft, else the new wording, else the verb. */
function primarySpan(change: Change): Span {
  const action = change.action;
  const removed = action.old.find((o) => o.quote);
  if (removed) return { start: removed.start, end: removed.end };
  const added = action.neu.find((n) => n.quote);
  if (added && action.kind !== 'restate' && action.kind !== 'insertUnit') return { start: added.start, end: added.end };
  return action.verb;
}

function remap(
  f: Finding, span: Span, note: string, setting: Severity | undefined, address: string, target: { law: string; unit: string },
  draft: string, lines: LineIndex, exact: boolean,
): Finding {
  const range = lines.range(span.start, span.end);
  const suggestions: Suggestion[] = exact ? f.suggestions.map((s) => ({ ...s, range })) : [];
  const finding: Finding = {
    ...f,
    severity: f.mitigatedBy ? f.severity : setting ?? f.severity,
    message: `${f.message} ${note}`,
    range,
    unit: address,
    target,
    excerpt: draft.slice(span.start, span.end),
    suggestions,
  };
  delete finding.relatedInformation;
  delete finding.suppressed;
  return finding;
}

/** Maps a range of `after` to the draft (new wording) or to `before` (kept wording). */
export function mapRange(runs: Run[], start: number, end: number): { draft?: Span; before?: Span; exact: boolean } {
  let draft: Span | undefined;
  let before: Span | undefined;
  let fromBefore = 0;
  let covered = 0;
  for (const r of runs) {
    const s = Math.max(start, r.at);
    const e = Math.min(end, r.at + r.length);
    if (e <= s) continue;
    covered += e - s;
    const from = r.offset + (s - r.at);
    const to = r.offset + (e - r.at);
    if (r.from === 'draft') draft = draft ? { start: Math.min(draft.start, from), end: Math.max(draft.end, to) } : { start: from, end: to };
    if (r.from === 'before') {
      fromBefore += e - s;
      before = before ? { start: Math.min(before.start, from), end: Math.max(before.end, to) } : { start: from, end: to };
    }
  }
  const exact = draft !== undefined && covered === end - start && draft.end - draft.start === end - start;
  return { draft, before: fromBefore === end - start ? before : undefined, exact };
}

/**
 * Without the full sentence: struck words that are the alternative of a rule („oder elektronisch“ for
 * the Schriftform) bring that rule's barrier back. Candidates are the rules with a mitigation among the
 * removed words. Several rules accept „elektronisch“ as an alternative; then the rule whose own fix adds
 * the struck words („schriftlich“ → „schriftlich oder elektronisch“) is meant. If that does not decide,
 * nothing is reported: only the full sentence (base text) can tell.
 */
function removedAlternative(before: string, after: string, afterFindings: Finding[], catalogue: Catalogue): RuleDefinition | undefined {
  const old = tokenize(before);
  const neu = tokenize(after);
  // Only matters if the new wording is harmless itself.
  if (afterFindings.length > 0) return undefined;
  const runs = removedRuns(old, neu).map(([a, b]) => old.slice(a, b + 1));
  if (runs.length === 0) return undefined;
  const candidates = catalogue.rules.filter((rule) => {
    if (!rule.patterns?.length || !rule.mitigations?.length) return false;
    // The barrier word itself was removed too: nothing comes back.
    if (rule.patterns.some((p) => (p.all ?? [p.pattern!]).every((x) => compiled(x).findAll(old).length > 0))) return false;
    return rule.mitigations.some((m) => (m.effect ?? 'cancel') === 'cancel'
      && compiled(m.pattern).findAll(neu).length === 0
      && runs.some((run) => compiled(m.pattern).findAll(run).length > 0));
  });
  if (candidates.length <= 1) return candidates[0];
  const owners = candidates.filter((rule) => (rule.fixes ?? []).some((fix) => {
    const added = addedWords(fix);
    return added.length > 0 && runs.some((run) => added.every((w) => run.some((t) => t.key === w)));
  }));
  return owners.length === 1 ? owners[0] : undefined;
}

/** The words a fix adds to what it matches: "$1chriftlich$2 oder elektronisch$2" adds „oder“, „elektronisch“. */
function addedWords(fix: { match: string; replace: string }): string[] {
  const matched = new Set(tokenize(fix.match.replace(/\\./g, ' ')).map((t) => t.lower));
  return tokenize(fix.replace.replace(/\$\d+/g, '')).filter((t) => !matched.has(t.lower)).map((t) => t.key);
}

/** Runs of `old` (first and last index) that are not in the longest common subsequence with `neu`. */
function removedRuns(old: Array<{ lower: string }>, neu: Array<{ lower: string }>): Array<[number, number]> {
  const n = old.length;
  const m = neu.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = old[i]!.lower === neu[j]!.lower ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const runs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  let open = -1;
  while (i < n) {
    if (j < m && old[i]!.lower === neu[j]!.lower) {
      if (open >= 0) runs.push([open, i - 1]);
      open = -1;
      i++;
      j++;
    } else if (j < m && table[i]![j + 1]! >= table[i + 1]![j]!) {
      j++;
    } else {
      if (open < 0) open = i;
      i++;
    }
  }
  if (open >= 0) runs.push([open, n - 1]);
  return runs;
}

const patternCache = new Map<string, CompiledPattern>();
function compiled(source: string): CompiledPattern {
  let p = patternCache.get(source);
  if (!p) {
    p = compilePattern(source);
    patternCache.set(source, p);
  }
  return p;
}

function same(a: string, b: string): boolean {
  return oneLine(a).toLowerCase() === oneLine(b).toLowerCase();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The words around a match, for a message: "… schriftlich zu übermitteln …". */
function snippet(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 40)));
  const to = text.indexOf(' ', Math.min(text.length, end + 40));
  const inner = oneLine(text.slice(from, to < 0 ? text.length : to)).replace(/[.;,]$/, '');
  return `${from > 0 ? '… ' : ''}${inner}${to >= 0 && to < text.length ? ' …' : ''}`;
}
