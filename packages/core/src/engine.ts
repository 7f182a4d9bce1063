import type {
  Finding, LintOptions, LintResult, PartKind, RuleDefinition, Severity, Span, Structure, Suggestion,
} from './types.js';
import { analyse, type AnalysedDocument, type AbsatzUnit } from './structure/parse.js';
import { addressOf } from './structure/address.js';
import { LineIndex } from './text/lines.js';
import { tokenize, type Token } from './text/tokens.js';
import { compilePattern, type CompiledPattern } from './rules/pattern.js';
import { sentenceContexts, sentencesWithAnchors } from './sentence-contexts.js';
import { codeRules, type RawMatch, type SentenceContext } from './code-rules/index.js';
import { combineAll, materialise } from './code-rules/paragraphs.js';
import { principleUrl } from './principles.js';
import { builtinRules } from './rules/catalogue.js';
import { applyInlineDirectives } from './suppress/inline.js';
import { analyseAmendments } from './amend/index.js';

/** A rule with its patterns compiled once. */
export interface PreparedRule {
  rule: RuleDefinition;
  patterns: Array<{ compiled: CompiledPattern[]; ignoreMitigations: boolean; message?: string; sameItem: boolean; severity?: Severity }>;
  mitigations: Array<{ compiled: CompiledPattern; window: string; effect: 'cancel' | 'downgrade'; severity: Severity; reason?: string }>;
  exclusions: Array<{ compiled: CompiledPattern; window: 'overlap' | 'sentence' }>;
  fixes: Array<{ regex: RegExp; replace: string; title: string; safe: boolean }>;
}

const prepared = new WeakMap<RuleDefinition, PreparedRule>();

function prepare(rule: RuleDefinition): PreparedRule {
  let p = prepared.get(rule);
  if (!p) {
    p = {
      rule,
      patterns: (rule.patterns ?? []).map((spec) => ({
        compiled: (spec.all ?? [spec.pattern!]).map(compilePattern),
        ignoreMitigations: spec.ignoreMitigations ?? false,
        message: spec.message,
        sameItem: spec.window === 'item',
        severity: spec.severity,
      })),
      mitigations: (rule.mitigations ?? []).map((m) => ({
        compiled: compilePattern(m.pattern),
        window: m.window ?? 'sentence',
        effect: m.effect ?? 'cancel',
        severity: m.severity ?? 'info',
        reason: m.reason,
      })),
      exclusions: (rule.exclusions ?? []).map((x) => ({ compiled: compilePattern(x.pattern), window: x.window ?? 'overlap' })),
      fixes: (rule.fixes ?? []).map((f) => ({
        regex: new RegExp(`^(?:${f.match})$`, 'iu'),
        replace: f.replace,
        title: f.title,
        safe: f.safe ?? false,
      })),
    };
    prepared.set(rule, p);
  }
  return p;
}

/** The rules in effect: built-in ones, replaced or extended by `extraRules`. */
export function resolveRules(options: LintOptions = {}): RuleDefinition[] {
  const byId = new Map(builtinRules.map((r) => [r.id, r]));
  for (const r of options.extraRules ?? []) byId.set(r.id, r);
  return [...byId.values()];
}

/** Lints a draft: Markdown or plain text in, findings and the legal structure out. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintRecorded(text, options, false).result;
}

/** What lint() computed for one rule, kept by an IncrementalLinter to lint the next version after a small edit. */
export interface RuleRecord {
  prepared: PreparedRule;
  severity: Severity;
  parts: Set<PartKind>;
  /** Findings of the patterns and of a code rule that is not groupwise. */
  local: Finding[];
  /** Findings of a groupwise code rule (see code-rules/index.ts), from the summaries of its §§. */
  combined: Finding[];
  /** Those summaries (every field read), the span of each § and the matches in it with their findings, when recorded. */
  summaries?: { spans: Span[]; values: unknown[]; emitted: Emitted[] };
}

/** The matches of a groupwise rule in one § and the findings they gave. */
export interface Emitted {
  /** The matches as JSON, offsets relative to the start of the § (see relativeKey). */
  key: string;
  findings: Finding[];
}

export interface LintRecord {
  doc: AnalysedDocument;
  lines: LineIndex;
  rules: RuleRecord[];
  amending: boolean;
}

/** lint(), and with `record` what an IncrementalLinter needs to lint the next version (see incremental/edit.ts). */
export function lintRecorded(text: string, options: LintOptions, record: boolean): { result: LintResult; record: LintRecord } {
  const doc = analyse(text);
  const lines = new LineIndex(text);
  const rules = resolveRules(options);
  // Amending laws: instruction text is not regulation; what the instructions insert is judged instead.
  const amending = analyseAmendments(doc, lines, options, rules, lint);
  const sentences = amending ? amending.mask(sentenceContexts(doc)) : sentenceContexts(doc);
  const findings: Finding[] = amending ? [...amending.findings] : [];
  const scoped = new Map<string, SentenceContext[]>(); // the sentences of each set of parts, filtered once
  const records: RuleRecord[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const parts = new Set<PartKind>(rule.parts ?? options.parts ?? ['regelungstext']);
    const scopeKey = [...parts].sort().join();
    const inScope = scoped.get(scopeKey) ?? sentences.filter((s) => parts.has(s.unit.part));
    scoped.set(scopeKey, inScope);
    const severity = setting ?? rule.severity;
    const prepared = prepare(rule);
    const out = runRule(prepared, doc, inScope, lines, severity, options, { patterns: true, code: 'all', record });
    findings.push(...out.local, ...out.combined);
    records.push({ prepared, severity, parts, ...out });
  }
  return { result: finish(text, doc.structure, findings, rules, options), record: { doc, lines, rules: records, amending: !!amending } };
}

/** Sorts the findings and applies the <!-- dclint-disable… --> directives (see suppress/inline.ts). */
export function finish(
  text: string, structure: Structure, findings: Finding[], rules: RuleDefinition[], options: LintOptions,
): LintResult {
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
  const inline = applyInlineDirectives(text, findings, structure, options, new Set(rules.map((r) => r.id)),
    new Set(rules.filter((r) => options.rules?.[r.id] !== 'off').map((r) => r.id)));
  return { findings: inline.findings, suppressed: inline.suppressed, structure };
}

/**
 * What runRule does: the patterns or not; the code rule on the sentences ('all'), only unless it is groupwise
 * ('local'), or given matches of it; the summaries of a groupwise rule recorded; spans already taken.
 */
export interface RuleRun {
  patterns: boolean;
  code: 'all' | 'local' | RawMatch[];
  record?: boolean;
  taken?: Array<[number, number]>;
}

export function runRule(
  p: PreparedRule, doc: AnalysedDocument, sentences: SentenceContext[], lines: LineIndex,
  severity: Severity, options: LintOptions, run: RuleRun,
): Pick<RuleRecord, 'local' | 'combined' | 'summaries'> {
  const windows = windowsOf(sentences);
  const local: Finding[] = [];
  const combined: Finding[] = [];
  const taken: Array<[number, number]> = [...(run.taken ?? [])];
  const emit = (
    into: Finding[], sentence: SentenceContext, match: RawMatch, ignoreMitigations: boolean, message?: string, level = severity,
  ) => {
    if (taken.some(([s, e]) => match.start < e && s < match.end)) return;
    if (isExcluded(p, sentence, match)) return;
    let effective = level;
    let mitigatedBy: string | undefined;
    if (!ignoreMitigations) {
      const mitigation = p.mitigations.find((m) => m.compiled.findAll(windows.tokens(sentence, m.window)).length > 0);
      if (mitigation?.effect === 'cancel') return;
      if (mitigation) {
        effective = mitigation.severity;
        mitigatedBy = mitigation.reason ?? mitigation.compiled.source;
      }
    }
    taken.push([match.start, match.end]);
    into.push(makeFinding(p, doc, sentence.unit, lines, match, effective, message, mitigatedBy, options));
  };

  // Most sentences contain no pattern's anchor word (see rules/matcher-index.ts); code-only rules have no patterns.
  for (const sentence of run.patterns && p.patterns.length ? sentencesWithAnchors(sentences) : []) {
    for (const pattern of p.patterns) {
      const [first, ...rest] = pattern.compiled;
      const others = rest.map((c) => c.findAll(sentence.tokens));
      if (others.some((found) => found.length === 0)) continue;
      for (const [a, b] of first!.findAll(sentence.tokens)) {
        if (pattern.sameItem && !others.every((found) => found.some(([c]) => sameItem(sentence, a, c)))) continue;
        const match = { start: sentence.tokens[a]!.start, end: sentence.tokens[b]!.end };
        // A pattern's own level (a weaker sign) applies unless the configuration sets the rule's level.
        const level = pattern.severity && options.rules?.[p.rule.id] === undefined ? pattern.severity : severity;
        emit(local, sentence, match, pattern.ignoreMitigations, pattern.message, level);
      }
    }
  }
  const code = p.rule.implementation ? codeRules[p.rule.implementation] : undefined;
  if (!code) return { local, combined };
  let matches: RawMatch[];
  let summaries: RuleRecord['summaries'];
  if (Array.isArray(run.code)) matches = run.code;
  else if (run.code === 'local' && code.groupwise) matches = [];
  else if (run.record && code.groupwise) {
    const all = combineAll(code.groupwise, doc, sentences, (s) => materialise(s as object));
    summaries = { spans: all.spans, values: all.values, emitted: all.spans.map(() => ({ key: '[]', findings: [] })) };
    matches = all.matches;
  } else {
    matches = code({ doc, sentences, rule: p.rule });
  }
  const into = code.groupwise ? combined : local;
  for (const match of matches) {
    const sentence = sentenceAt(sentences, match.start);
    if (!sentence) continue;
    const count = into.length;
    emit(into, sentence, match, false, match.message);
    if (summaries && into.length > count) summaries.emitted[indexAt(summaries.spans, match.start)]!.findings.push(into[count]!);
  }
  if (!summaries) return { local, combined };
  for (const [group, list] of matchesBySpan(summaries.spans, matches)) summaries.emitted[group]!.key = relativeKey(list, summaries.spans[group]!.start);
  return { local, combined, summaries };
}

/** The matches in each span (sorted, disjoint), by the span's index; matches outside every span are left out. */
export function matchesBySpan(spans: Span[], matches: RawMatch[]): Map<number, RawMatch[]> {
  const bySpan = new Map<number, RawMatch[]>();
  for (const match of matches) {
    const index = indexAt(spans, match.start);
    if (index < 0) continue;
    const list = bySpan.get(index);
    if (list) list.push(match);
    else bySpan.set(index, [match]);
  }
  return bySpan;
}

/** Matches as JSON with every `start` and `end` relative to `base`: the same in a § that only moved. */
export function relativeKey(matches: RawMatch[], base: number): string {
  return JSON.stringify(matches, (key, value) => ((key === 'start' || key === 'end') && typeof value === 'number' ? value - base : value));
}

/** The sentence that contains an offset (sentences in order). */
function sentenceAt(sentences: SentenceContext[], offset: number): SentenceContext | undefined {
  return sentences[indexAt(sentences, offset)];
}

/** The index of the span (in order, disjoint) that contains an offset, or -1: binary search. */
function indexAt(spans: Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) { // the first span ending after the offset
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && offset >= spans[lo]!.start && offset < spans[lo]!.end ? lo : -1;
}

/**
 * Two tokens of a sentence belong together in a list: the same Nummer or Buchstabe (or one inside the other),
 * or one of them outside all items – the intro ("Dem Antrag sind beizufügen:") speaks for every item.
 */
function sameItem(sentence: SentenceContext, a: number, b: number): boolean {
  const items = sentence.unit.absatz.items;
  const at = (t: number) => sentence.tokens[t]!.start;
  const innermost = (offset: number) => items.filter((i) => i.start <= offset && offset < i.end)
    .reduce<(typeof items)[number] | undefined>((best, i) => (!best || i.end - i.start < best.end - best.start ? i : best), undefined);
  const ia = innermost(at(a));
  const ib = innermost(at(b));
  if (!ia || !ib) return true;
  return (ia.start <= at(b) && at(b) < ia.end) || (ib.start <= at(a) && at(a) < ib.end);
}

function isExcluded(p: PreparedRule, sentence: SentenceContext, match: RawMatch): boolean {
  return p.exclusions.some((x) => x.compiled.findAll(sentence.tokens).some(([a, b]) => {
    if (x.window === 'sentence') return true;
    return sentence.tokens[a]!.start < match.end && match.start < sentence.tokens[b]!.end;
  }));
}

const windowCaches = new WeakMap<SentenceContext[], WindowCache>();

/** The windows of a list of sentences, shared by the rules that lint the same list (the same parts). */
function windowsOf(sentences: SentenceContext[]): WindowCache {
  let windows = windowCaches.get(sentences);
  if (!windows) windowCaches.set(sentences, (windows = new WindowCache(sentences)));
  return windows;
}

/** Tokens of the window around a sentence (its Absatz, its §, the document), computed once each. */
class WindowCache {
  private readonly cache = new Map<unknown, Token[]>();
  /** Sentences by Absatz and by § (or Absatz outside §§), in order; grouped once instead of a filter per window. */
  private groups?: { absatz: Map<unknown, SentenceContext[]>; paragraph: Map<unknown, SentenceContext[]> };
  constructor(private readonly sentences: SentenceContext[]) {}

  tokens(sentence: SentenceContext, window: string): Token[] {
    if (window === 'sentence') return sentence.tokens;
    const key = window === 'absatz' ? sentence.unit
      : window === 'paragraph' ? (sentence.unit.paragraph ?? sentence.unit)
      : 'document';
    let tokens = this.cache.get(key);
    if (!tokens) {
      tokens = this.members(sentence, window).flatMap((s) => s.tokens);
      this.cache.set(key, tokens);
    }
    return tokens;
  }

  /** The sentences of the window, in order: all, those of the Absatz, or those of the § (of the Absatz outside §§). */
  private members(sentence: SentenceContext, window: string): SentenceContext[] {
    if (window === 'document') return this.sentences;
    if (!this.groups) {
      this.groups = { absatz: new Map(), paragraph: new Map() };
      for (const s of this.sentences) {
        for (const [map, key] of [[this.groups.absatz, s.unit], [this.groups.paragraph, s.unit.paragraph ?? s.unit]] as const) {
          const list = map.get(key);
          if (list) list.push(s);
          else map.set(key, [s]);
        }
      }
    }
    const members = window === 'absatz' ? this.groups.absatz.get(sentence.unit) : this.groups.paragraph.get(sentence.unit.paragraph ?? sentence.unit);
    return members ?? [];
  }
}

function makeFinding(
  p: PreparedRule, doc: AnalysedDocument, unit: AbsatzUnit, lines: LineIndex, match: RawMatch,
  severity: Severity, message: string | undefined, mitigatedBy: string | undefined, options: LintOptions,
): Finding {
  const { rule } = p;
  const excerpt = doc.text.slice(match.start, match.end);
  const range = lines.range(match.start, match.end);
  // Messages and fixes quote the words without line breaks and without HTML comments in between.
  const oneLine = doc.matchText.slice(match.start, match.end).replace(/\s+/g, ' ');
  const suggestions: Suggestion[] = [];
  for (const fix of p.fixes) {
    if (fix.regex.test(oneLine)) {
      suggestions.push({ title: fix.title, replacement: oneLine.replace(fix.regex, fix.replace), range, safe: fix.safe });
    }
  }
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message: (message ?? rule.message).replaceAll('{match}', oneLine),
    principle: match.principle ?? rule.principle,
    aspect: match.aspect ?? rule.aspect,
    range,
    unit: match.unit ?? addressOf(unit, match.start),
    excerpt,
    suggestions,
    docsUrl: options.docsBaseUrl ? options.docsBaseUrl.replaceAll('{id}', rule.id) : principleUrl(rule.principle),
  };
  if (mitigatedBy) finding.mitigatedBy = mitigatedBy;
  if (match.target) finding.target = match.target;
  if (match.related?.length) {
    finding.relatedInformation = match.related.map((r) => ({ message: r.message, range: lines.range(r.start, r.end) }));
  }
  return finding;
}
