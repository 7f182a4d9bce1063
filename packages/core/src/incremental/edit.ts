import type { Finding, LintOptions, LintResult, Position, Range, RuleDefinition, Span, Structure } from '../types.js';
import { PARAGRAPH, REPEALED, type AbsatzUnit, type AnalysedDocument } from '../structure/parse.js';
import type { AbsatzNode, ArtikelNode, ParagraphNode } from '../types.js';
import { finish, matchesBySpan, relativeKey, runRule, type Emitted, type LintRecord, type RuleRecord } from '../engine.js';
import { codeRules, type RawMatch, type SentenceContext } from '../code-rules/index.js';
import { materialise } from '../code-rules/paragraphs.js';
import { recogniseAmendingLaw } from '../amend/recognise.js';
import { splitSentences } from '../text/sentences.js';
import { unitSentences } from '../sentence-contexts.js';
import { detachedDeep } from './detach.js';

/**
 * Typing in a large law: an edit inside the prose of one § changes nothing of the document's structure but
 * that §'s sentences, and no finding outside that § but those of the rules about the whole draft. Then the
 * previous result is re-used: the structure and the other §§' findings moved by the length of the edit, that
 * § linted again, and the rules about the whole draft combined again from their summaries per § (see
 * code-rules/index.ts, Groupwise), of which only that §'s is new. The result is exactly lint()'s; every edit
 * that could change more (a heading, a label, a list marker, a line start, HTML, an amending law …) is left
 * to the full path, which `lintAfterEdit` signals by returning undefined.
 */

/** What the last version left for the next one. */
export interface Previous {
  text: string;
  optionsKey: string;
  rules: RuleDefinition[];
  record: LintRecord;
  /** Per regular expression of a rule's textTests: a match in `text` (its span), none (null), or not known. */
  textTests: Map<RegExp, Span | null>;
}

/** text[start, oldEnd) of the previous version became text[start, newEnd) of the new one. */
interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
  delta: number;
}

/** Characters an edit may insert or remove to stay on this path: no Markdown, no label, no line break. */
const PLAIN = /^[\p{L} ]*$/u;
/** How far from where a block or line begins labels („(1)“, „aa)“), list markers and headings are read. */
const BLOCK_MARGIN = 16;
/** Characters that begin nothing in Markdown nor a label. */
const SAFE_START = /^[\p{L}\p{N} §„“",(;'\/]*$/u;

export function optionsKey(options: LintOptions): string {
  // Base texts matter only to amending laws, which this path leaves alone; they may be megabytes.
  return JSON.stringify({ ...options, baseTexts: undefined });
}

export function lintAfterEdit(previous: Previous, text: string, options: LintOptions): { result: LintResult; previous: Previous } | undefined {
  const { record } = previous;
  if (record.amending || !record.rules.every(editable)) return undefined;
  const edit = findEdit(previous.text, text);
  const old = record.doc;
  const place = edit.delta === 0 && edit.start === edit.oldEnd ? undefined
    : editedUnit(old, previous.text, text, edit) ?? editedTitle(old, previous.text, text, edit);
  if (place === null) return undefined;
  const group = place && ('unit' in place ? groupOf(old, place.unit) : old.units.filter((u) => u.paragraph === place.paragraph && u.blocks.length > 0));
  const groupSpan = group?.length ? { start: group[0]!.blocks[0]!.start, end: group[group.length - 1]!.absatz.end } : undefined;
  const doc = moved(old, text, edit, place && 'unit' in place ? place.unit : undefined);
  if (place && 'paragraph' in place) place.paragraph.title = detachedDeep(place.title);
  if (doc.structure.artikel.length > 0 && recogniseAmendingLaw(doc)) return undefined;

  const lines = record.lines.moved(edit.start, edit.delta);
  const editLine = lines.position(edit.start).line;
  const groupSentences = group ? unitSentences(doc, group) : [];
  const inGroup = (f: Finding) => groupSpan !== undefined && f.range.start.offset >= groupSpan.start && f.range.start.offset < groupSpan.end;
  const shift = (f: Finding) => movedFinding(f, edit, editLine);
  const textTests = new Map<RegExp, Span | null>();

  const findings: Finding[] = [];
  const rules: RuleRecord[] = [];
  for (const rule of record.rules) {
    const { prepared, severity, parts } = rule;
    const inScope = groupSentences.filter((s) => parts.has(s.unit.part));
    const local = rule.local.filter((f) => !inGroup(f)).map(shift);
    if (inScope.length > 0) {
      local.push(...detachedDeep(runRule(prepared, doc, inScope, lines, severity, options, { patterns: true, code: 'local' }).local));
    }
    let combined: Finding[] = [];
    let summaries = rule.summaries;
    const code = prepared.rule.implementation ? codeRules[prepared.rule.implementation] : undefined;
    if (code?.groupwise && summaries) {
      const edited = editedIndex(summaries.spans, groupSpan, inScope);
      summaries = movedSummaries(summaries, edit, edited, () => materialise(code.groupwise!.summarise(doc, inScope) as object), inScope);
      const tests = code.groupwise.textTests ?? [];
      const matches = code.groupwise.combine(summaries.values, {
        doc,
        matchesText: (i) => textTest(previous, textTests, tests[i]!, doc.matchText, edit),
      });
      const taken = local.map((f) => [f.range.start.offset, f.range.end.offset] as [number, number]);
      const emitted = emitGroupwise(summaries.emitted, summaries.spans, matches, edited, edit, editLine, (group, groupMatches) => {
        // The sentences of that §, and what the rule's patterns found there.
        const units = doc.units.filter((u) => u.blocks.length > 0 && within(summaries!.spans[group]!, u.blocks[0]!.start));
        const sentences = unitSentences(doc, units).filter((s) => parts.has(s.unit.part));
        return detachedDeep(runRule(prepared, doc, sentences, lines, severity, options, { patterns: false, code: groupMatches, taken }).combined);
      });
      summaries = { ...summaries, emitted };
      combined = emitted.flatMap((e) => e.findings);
    }
    findings.push(...local, ...combined);
    rules.push(summaries ? { ...rule, local, combined, summaries } : { ...rule, local, combined });
  }
  const result = finish(text, doc.structure, findings, previous.rules, options);
  return { result, previous: { ...previous, text, record: { doc, lines, rules, amending: false }, textTests } };
}

/** Whether a rule can be linted § by §: no window over the whole document, and code that is local or groupwise. */
function editable(rule: RuleRecord): boolean {
  const { prepared } = rule;
  if (prepared.mitigations.some((m) => m.window === 'document')) return false;
  const code = prepared.rule.implementation ? codeRules[prepared.rule.implementation] : undefined;
  return !code || code.scope !== undefined || code.onlyAmending === true || (code.groupwise !== undefined && rule.summaries !== undefined);
}

/** The changed region: the longest common prefix, then the longest common suffix of the rest. */
function findEdit(a: string, b: string): Edit {
  const start = commonLength(a, b, 0, Math.min(a.length, b.length), (x, from, to) => x.slice(from, to));
  const max = Math.min(a.length, b.length) - start;
  const tail = commonLength(a, b, 0, max, (x, from, to) => x.slice(x.length - to, x.length - from));
  return { start, oldEnd: a.length - tail, newEnd: b.length - tail, delta: b.length - a.length };
}

/** How many characters of part(a) and part(b) agree, by halving: equal stretches compare as strings, fast. */
function commonLength(a: string, b: string, lo: number, hi: number, part: (x: string, from: number, to: number) => string): number {
  while (hi - lo > 32) {
    const mid = (lo + hi) >> 1;
    if (part(a, lo, mid) === part(b, lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && part(a, lo, lo + 1) === part(b, lo, lo + 1)) lo++;
  return lo;
}

/**
 * The Absatz whose prose the edit lies in, if the edit cannot change the structure: letters and spaces only,
 * inside one text block, outside HTML, in a block too long to be read as a heading; in the indentation of a
 * line only where the line goes on a paragraph; and where a line or the block begins (markers, labels, headings
 * are read there) only among letters, digits and a few harmless signs. Otherwise null.
 */
function editedUnit(doc: AnalysedDocument, before: string, after: string, edit: Edit): { unit: AbsatzUnit } | null {
  if (!PLAIN.test(before.slice(edit.start, edit.oldEnd)) || !PLAIN.test(after.slice(edit.start, edit.newEnd))) return null;
  const unit = doc.units.find((u) => u.blocks.length > 0 && u.blocks[0]!.start <= edit.start && edit.start < u.absatz.end);
  const block = unit?.blocks.find((b) => b.start <= edit.start && edit.oldEnd < b.end);
  if (!unit || !block || block.cell) return null;
  if (doc.matchText.slice(edit.start - 1, edit.oldEnd + 1) !== before.slice(edit.start - 1, edit.oldEnd + 1)) return null;
  // A paragraph of one short line may be read as a heading („§ 3 Antrag“); the first of a Nummer never is.
  const heading = (b: string) => !block.item && !b.includes('\n') && b.length <= 160 && !/[.:;,]$/.test(b.trimEnd());
  if (heading(before.slice(block.start, block.end)) || heading(after.slice(block.start, block.end + edit.delta))) return null;
  const lineStart = before.lastIndexOf('\n', edit.start - 1) + 1;
  // A line that goes on a paragraph and begins with a letter stays that, however it is indented.
  if (lineStart > block.start && !block.indented && /\p{L}/u.test(firstOfLine(before, lineStart)) && /\p{L}/u.test(firstOfLine(after, lineStart))) {
    return { unit };
  }
  // Where the block begins (on its first line) or the line (on the others): what the edit leaves there must be harmless.
  let begins = Math.max(lineStart, block.start);
  while (begins < edit.start && /\s/.test(before[begins]!)) begins++;
  if (begins > edit.start || (begins === edit.start && !/\p{L}/u.test(before[begins] ?? ''))) return null;
  if (begins === edit.start && !/\p{L}/u.test(after[begins]!)) return null;
  if (edit.start >= begins + BLOCK_MARGIN) return { unit };
  // A line that begins with a letter begins no Markdown block; a paragraph only a label like „a)“ or „aa)“.
  const letters = /\p{L}/u.test(before[begins]!) && /\p{L}/u.test(after[begins]!);
  const harmless = (text: string) => {
    const start = text.slice(begins, begins + BLOCK_MARGIN);
    return letters ? begins > block.start || !start.includes(')') : SAFE_START.test(start);
  };
  if (harmless(before) && harmless(after)) return { unit };
  // „130 vom 24.4.2020“: markers and labels are the first word; an edit behind it and the space after it leaves them.
  const firstWord = /^[\p{N}(§„"][^\s]*\s/u.exec(before.slice(begins, edit.start));
  return firstWord && !/[.)]/.test(firstWord[0]) && edit.start > begins + firstWord[0].length ? { unit } : null;
}

/**
 * The § whose title the edit lies in („#### § 21 Verhütung von Zahnerkrankungen“), if only the title changes: a
 * heading line without emphasis, code or HTML, whose label, number and „(weggefallen)“ stay. Otherwise null.
 */
function editedTitle(doc: AnalysedDocument, before: string, after: string, edit: Edit): { paragraph: ParagraphNode; title?: string } | null {
  const lineStart = before.lastIndexOf('\n', edit.start - 1) + 1;
  const paragraph = doc.structure.paragraphs.find((p) => p.start === lineStart);
  if (!paragraph || !PLAIN.test(before.slice(edit.start, edit.oldEnd)) || !PLAIN.test(after.slice(edit.start, edit.newEnd))) return null;
  const line = (text: string, end: number) => {
    const lineEnd = text.indexOf('\n', end);
    return text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  };
  const read = (text: string) => {
    const heading = /^#{1,6}[ \t]+([^#*_`<\\\r]*?)[ \t]*$/.exec(text)?.[1]?.replace(/\s+/g, ' ');
    const parts = heading === undefined ? null : PARAGRAPH.exec(heading);
    return parts && { heading: heading!, parts };
  };
  const was = read(line(before, edit.oldEnd));
  const is = read(line(after, edit.newEnd));
  if (!was || !is || (was.parts[4] || undefined) !== paragraph.title || REPEALED.test(was.heading) !== REPEALED.test(is.heading)) return null;
  if ([1, 2, 3].some((i) => was.parts[i] !== is.parts[i])) return null;
  return { paragraph, title: is.parts[4] || undefined };
}

/** The first character of a line that is not a space or tab. */
function firstOfLine(text: string, lineStart: number): string {
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] ?? '';
}

/** The Absätze of the § of a unit (the unit alone outside §§), in order. */
function groupOf(doc: AnalysedDocument, unit: AbsatzUnit): AbsatzUnit[] {
  if (!unit.paragraph) return [unit];
  return doc.units.filter((u) => u.paragraph === unit.paragraph && u.blocks.length > 0);
}

/**
 * The document after the edit, made from the previous one in place (it is not needed again): offsets behind the
 * edit moved, the sentences of the edited Absatz split again.
 */
function moved(doc: AnalysedDocument, text: string, edit: Edit, edited: AbsatzUnit | undefined): AnalysedDocument {
  const move = (x: Span) => {
    if (x.end < edit.oldEnd) return;
    if (x.start >= edit.oldEnd) x.start += edit.delta;
    x.end += edit.delta;
  };
  const { structure } = doc;
  structure.parts.forEach(move);
  structure.artikel.forEach(move);
  structure.paragraphs.forEach(move);
  for (const unit of doc.units) { // each Absatz belongs to one unit
    if (unit.absatz.end < edit.oldEnd) continue;
    move(unit.absatz);
    unit.absatz.sentences.forEach(move);
    unit.absatz.items.forEach(move);
    unit.blocks.forEach(move);
  }
  // Without HTML the text is its own matchText: no second copy of a large law per keystroke.
  const matchText = doc.matchText === doc.text ? text
    : doc.matchText.slice(0, edit.start) + text.slice(edit.start, edit.newEnd) + doc.matchText.slice(edit.oldEnd);
  if (edited) edited.absatz.sentences = splitSentences(matchText, edited.blocks).map((s, i) => ({ ...s, index: i + 1 }));
  return { text, matchText, structure, units: doc.units };
}

/** A finding of the previous version at its place in the new one (lines stay: the edit has no line break). */
function movedFinding(f: Finding, edit: Edit, editLine: number): Finding {
  if (f.range.end.offset < edit.oldEnd && !f.relatedInformation) return f;
  const position = (p: Position): Position => (p.offset < edit.oldEnd ? p
    : { line: p.line, column: p.line === editLine ? p.column + edit.delta : p.column, offset: p.offset + edit.delta });
  const range = (r: Range): Range => ({ start: position(r.start), end: position(r.end) });
  const copy: Finding = { ...f, range: range(f.range), suggestions: f.suggestions.map((s) => ({ ...s, range: range(s.range) })) };
  if (f.relatedInformation) copy.relatedInformation = f.relatedInformation.map((r) => ({ ...r, range: range(r.range) }));
  return copy;
}

/** The index of the edited § among a rule's summaries (-1: none of its sentences is in the rule's parts). */
function editedIndex(spans: Span[], groupSpan: Span | undefined, sentences: SentenceContext[]): number {
  return groupSpan && sentences.length > 0 ? spans.findIndex((s) => s.start >= groupSpan.start && s.start < groupSpan.end) : -1;
}

/** The summaries per § after the edit, in place: the edited §'s made anew, the offsets of those behind it moved. */
function movedSummaries(
  summaries: NonNullable<RuleRecord['summaries']>, edit: Edit, edited: number, summarise: () => unknown, sentences: SentenceContext[],
): NonNullable<RuleRecord['summaries']> {
  for (let i = 0; i < summaries.spans.length; i++) {
    if (i === edited) {
      summaries.spans[i] = { start: sentences[0]!.start, end: sentences[sentences.length - 1]!.end };
      summaries.values[i] = detachedDeep(summarise());
    } else if (summaries.spans[i]!.end >= edit.oldEnd) {
      moveSpans(summaries.spans[i], edit);
      moveSpans(summaries.values[i], edit);
    }
  }
  return summaries;
}

/**
 * The findings of a groupwise rule's matches, § by §: where a § other than the edited one has the same matches
 * as before, its findings are the previous ones moved; otherwise `emit` makes them.
 */
function emitGroupwise(
  before: Emitted[], spans: Span[], matches: RawMatch[], edited: number, edit: Edit,
  editLine: number, emit: (group: number, matches: RawMatch[]) => Finding[],
): Emitted[] {
  const emitted: Emitted[] = spans.map(() => ({ key: '[]', findings: [] }));
  for (const [group, list] of matchesBySpan(spans, matches)) {
    const key = relativeKey(list, spans[group]!.start);
    const findings = group !== edited && before[group]?.key === key
      ? before[group]!.findings.map((f) => movedFinding(f, edit, editLine))
      : emit(group, list);
    emitted[group] = { key, findings };
  }
  return emitted;
}

/** Moves, in place, every `start` and `end` behind the edit in plain data. */
function moveSpans(value: unknown, edit: Edit): void {
  if (Array.isArray(value)) {
    for (const v of value) moveSpans(v, edit);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const [key, v] of Object.entries(record)) {
      if ((key === 'start' || key === 'end') && typeof v === 'number') {
        if (v >= edit.oldEnd) record[key] = v + edit.delta;
      } else {
        moveSpans(v, edit);
      }
    }
  }
}

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset < span.end;
}

/**
 * Whether a rule's regular expression matches the new text, from what was known of the old one: a match away
 * from the edit still matches; without one before, only a match across the edit is new, found in a window around
 * it. Otherwise (or in doubt) the whole text is searched.
 */
function textTest(previous: Previous, known: Map<RegExp, Span | null>, expression: RegExp, text: string, edit: Edit): boolean {
  let found = known.get(expression);
  if (found === undefined) {
    const before = previous.textTests.get(expression);
    if (before && (before.end < edit.start || before.start > edit.oldEnd)) {
      found = before.start > edit.oldEnd ? { start: before.start + edit.delta, end: before.end + edit.delta } : before;
    } else if (before === null) {
      found = aroundEdit(expression, text, edit);
    }
    if (found === undefined) {
      const m = expression.exec(text);
      found = m ? { start: m.index, end: m.index + m[0].length } : null;
    }
    known.set(expression, found);
  }
  return found !== null;
}

/** A match in a window of text around the edit (null: none can cross it), or undefined when the window is in doubt. */
function aroundEdit(expression: RegExp, text: string, edit: Edit): Span | null | undefined {
  const WIDTH = 400;
  const from = Math.max(0, edit.start - WIDTH);
  const to = Math.min(text.length, edit.newEnd + WIDTH);
  const window = text.slice(from, to);
  // Matches are short but may hold runs of white space: a long run near the edge could hide a part of one.
  if (/\s{40}/.test(window)) return undefined;
  const m = expression.exec(window);
  if (!m) return null;
  // A match at the window's edge may be cut (or only seem to start at a word boundary): search the whole text.
  if ((m.index === 0 && from > 0) || (m.index + m[0].length === window.length && to < text.length)) return undefined;
  return { start: from + m.index, end: from + m.index + m[0].length };
}
