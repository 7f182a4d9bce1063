import type { Span } from '../types.js';
import type { Action, Instruction, Wording } from './recognise.js';
import { LawText, type ResolvedUnit, type TopUnit } from './law-text.js';
import { quotedText, type Excerpt } from './quotes.js';
import { formatPath, rankOf, type Level, type UnitPath } from './refs.js';

/**
 * Turns instructions into changes: the wording of one place before and after. With the text of the law
 * in force the change is made there and covers the full sentence (or unit); without it, the change covers
 * only what the instruction itself quotes.
 */

/** Where a run of `Change.after` comes from: the draft (new wording), `before` (kept wording), or nowhere. */
export interface Run {
  at: number;
  length: number;
  from: 'draft' | 'before' | 'none';
  offset: number;
}

export interface Change {
  instruction: Instruction;
  action: Action;
  /** The changed unit in citation style: "§ 6 Abs. 3 Satz 5". */
  unit: string;
  /** words: a sentence (or quoted words) changes; unit: a unit is restated, inserted or repealed. */
  mode: 'words' | 'unit';
  /** The wording before the change; undefined if unknown (a unit restated without the law's text). */
  before?: string;
  after: string;
  runs: Run[];
  /** The change only covers the quoted words, not the full sentence (no base text). */
  partial: boolean;
  /** Address of an offset of `after` in the amended law, if the law's text is known. */
  addressAt?: (offset: number) => string | undefined;
  /** The kind of unit the change creates (restate/insert/append), to name it without base text. */
  creates?: Level;
  /** The instruction could not be applied to the base text; the change is read from its quotations. */
  unapplied?: boolean;
}

export interface ApplyError extends Span {
  instruction: Instruction;
  message: string;
}

/** A provision of the law (a § or one of its Absätze) that the instructions change, for the synopsis. */
export interface Provision {
  kind: 'paragraph' | 'artikel';
  label: string;
  absatz?: string;
  instructions: string[];
}

/* ---------- without the law's text ---------- */

/** The changes an action makes, judged from its own quotations. */
export function changesFromQuotes(text: string, instruction: Instruction, action: Action): Change[] {
  const unit = action.targets.map(formatPath).filter(Boolean).join(', ');
  const make = (before: string | undefined, parts: Piece[], mode: Change['mode'], creates?: Level): Change => {
    const { after, runs } = assemble(parts);
    return { instruction, action, unit, mode, before, after, runs, partial: true, creates };
  };
  const wordsOf = (w: Wording): Piece => (w.quote ? quotedText(text, w.quote.inner) : w.text);
  switch (action.kind) {
    case 'replace':
      return action.old.map((o, i) => make(o.text, [wordsOf(action.neu[i]!)], 'words'));
    case 'delete':
      return action.old.map((o) => make(o.text, [], 'words'));
    case 'insert': {
      const neu = wordsOf(action.neu[0]!);
      if (!action.anchor) return [make('', [neu], 'words')];
      const anchor = action.anchor.text;
      const parts = action.position === 'before' ? [neu, ' ', keep(anchor, 0)] : [keep(anchor, 0), separator(action.neu[0]!.text), neu];
      return [make(anchor, parts, 'words')];
    }
    case 'restate': case 'insertUnit': case 'append': case 'prepend': {
      const parts = action.neu.flatMap((w, i) => (i > 0 ? ['\n\n', wordsOf(w)] : [wordsOf(w)]));
      const creates = action.newUnit ?? action.targets[0]?.[action.targets[0].length - 1];
      return [make(action.kind === 'restate' ? undefined : '', parts, 'unit', creates)];
    }
    default:
      return [];
  }
}

/* ---------- with the law's text ---------- */

/** Part of a new wording: glue text, words from the draft, or wording kept from before (offset in `before`). */
type Piece = string | Excerpt | { kept: string; offset: number };

interface Edit extends Span {
  insert: Piece[];
}

type Applied = { changes: Change[]; errors: ApplyError[] };
/** Records an error at a span of the draft and ends the action. */
type Fail = (span: Span | undefined, message: string) => Applied;

/** Applies the instructions of an amending law to the text of the law in force, one after the other. */
export class Application {
  readonly law: LawText;
  readonly original: LawText;
  readonly provisions: Provision[] = [];

  constructor(text: string, readonly lawName: string) {
    this.law = new LawText(text, lawName);
    this.original = new LawText(text, lawName);
  }

  apply(draft: string, instruction: Instruction, action: Action): Applied {
    const errors: ApplyError[] = [];
    const fail: Fail = (span, message) => {
      errors.push({ ...(span ?? action.verb), instruction, message });
      return { changes: [], errors };
    };
    const resolved: ResolvedUnit[] = [];
    const targets = action.kind === 'append' && action.targets.every((t) => t.length === 0) ? [] : action.targets;
    for (const path of targets) {
      const unit = this.law.resolve(path);
      if ('missing' in unit) return fail(action.targetSpan, unit.missing);
      resolved.push(unit);
    }
    switch (action.kind) {
      case 'replace': case 'delete': case 'insert':
        return this.applyWords(draft, instruction, action, resolved, fail, errors);
      case 'restate':
        return this.applyRestate(draft, instruction, action, resolved, fail);
      case 'repeal':
        return this.applyRepeal(instruction, action, resolved);
      case 'insertUnit': case 'append': case 'prepend':
        return this.applyInsertUnit(draft, instruction, action, resolved, fail);
      case 'renumber':
        return this.applyRenumber(instruction, action, resolved, fail);
    }
  }

  private applyWords(
    draft: string, instruction: Instruction, action: Action, units: ResolvedUnit[],
    fail: Fail, errors: ApplyError[],
  ) {
    const edits: Array<Edit & { unit: ResolvedUnit }> = [];
    const where = units.map((u) => u.address).join(', ') + ` ${this.lawName}`;
    const pairs: Array<{ needle?: Wording; make: (m: Span, u: ResolvedUnit) => Edit }> = [];
    const wordsOf = (w: Wording): Piece => (w.quote ? quotedText(draft, w.quote.inner) : w.text);
    if (action.kind === 'replace') {
      action.old.forEach((o, i) => pairs.push({ needle: o, make: (m) => ({ ...m, insert: [wordsOf(action.neu[i]!)] }) }));
    } else if (action.kind === 'delete') {
      for (const o of action.old) pairs.push({ needle: o, make: (m) => ({ ...this.widenForDeletion(m), insert: [] }) });
    } else if (action.anchor) {
      const neu = action.neu[0]!;
      pairs.push({
        needle: action.anchor,
        make: (m) => (action.position === 'before'
          ? { start: m.start, end: m.start, insert: [wordsOf(neu), ' '] }
          : { start: m.end, end: m.end, insert: [separator(neu.text), wordsOf(neu)] }),
      });
    } else {
      const neu = action.neu[0]!;
      pairs.push({
        make: (_m, u) => (action.position === 'start'
          ? { start: u.start, end: u.start, insert: [wordsOf(neu), ' '] }
          : { start: u.end, end: u.end, insert: [separator(neu.text), wordsOf(neu)] }),
      });
    }
    for (const pair of pairs) {
      if (!pair.needle) {
        for (const u of units) edits.push({ ...pair.make({ start: u.end, end: u.end }, u), unit: u });
        continue;
      }
      const found = units.map((u) => ({ u, hits: this.occurrences(pair.needle!, u, action.atEnd === true) }));
      const total = found.reduce((n, f) => n + f.hits.length, 0);
      const shown = `„${pair.needle.text.replace(/\s+/g, ' ')}“`;
      const quoteSpan = { start: pair.needle.start, end: pair.needle.end };
      if (total === 0) return fail(quoteSpan, `${shown} steht nicht in ${where}.`);
      let chosen: Array<{ u: ResolvedUnit; hit: Span }>;
      if (action.every) {
        const empty = found.find((f) => f.hits.length === 0);
        if (empty) return fail(quoteSpan, `${shown} steht nicht in ${empty.u.address} ${this.lawName}.`);
        chosen = found.flatMap((f) => f.hits.map((hit) => ({ u: f.u, hit })));
      } else if (action.occurrence !== undefined) {
        const all = found.flatMap((f) => f.hits.map((hit) => ({ u: f.u, hit })));
        const hit = all[action.occurrence - 1];
        if (!hit) return fail(quoteSpan, `${shown} steht nur ${total}-mal in ${where}, nicht an der ${action.occurrence}. Stelle.`);
        chosen = [hit];
      } else if (total > 1) {
        return fail(quoteSpan, `${shown} steht ${total}-mal in ${where}; ohne „jeweils“ (oder „an der … Stelle“) ist unklar, welche Stelle gemeint ist.`);
      } else {
        chosen = found.flatMap((f) => f.hits.map((hit) => ({ u: f.u, hit })));
      }
      for (const { u, hit } of chosen) edits.push({ ...pair.make(hit, u), unit: u });
    }
    if (errors.length) return { changes: [], errors };
    return { changes: this.commit(instruction, action, edits), errors };
  }

  /** Applies edits (any order) and returns one change per sentence they touch. */
  private commit(instruction: Instruction, action: Action, edits: Array<Edit & { unit: ResolvedUnit }>): Change[] {
    edits.sort((a, b) => a.start - b.start);
    const regions: Array<Span & { edits: typeof edits; unit: ResolvedUnit }> = [];
    for (const edit of edits) {
      const [sentence] = this.law.sentencesAround(edit.unit, edit.start, edit.end);
      const span = { start: Math.min(sentence!.start, edit.start), end: Math.max(sentence!.end, edit.end) };
      const last = regions[regions.length - 1];
      if (last && span.start < last.end) {
        last.end = Math.max(last.end, span.end);
        last.edits.push(edit);
      } else regions.push({ ...span, edits: [edit], unit: edit.unit });
    }
    const changes: Change[] = [];
    let shift = 0;
    const snapshots: Array<{ change: Change; start: number }> = [];
    for (const region of regions) {
      const before = this.law.text.slice(region.start, region.end);
      const parts: Piece[] = [];
      let cursor = region.start;
      for (const edit of region.edits) {
        parts.push(keep(this.law.text.slice(cursor, edit.start), cursor - region.start));
        parts.push(...edit.insert);
        cursor = edit.end;
      }
      parts.push(keep(this.law.text.slice(cursor, region.end), cursor - region.start));
      const { after, runs } = assemble(parts);
      const change: Change = {
        instruction, action, unit: this.address(region.unit, region.start), mode: 'words', before, after, runs, partial: false,
      };
      snapshots.push({ change, start: region.start + shift });
      shift += after.length - before.length;
      changes.push(change);
      this.remember(region.unit.top, region.unit, instruction);
    }
    for (const edit of [...edits].reverse()) this.law.splice(edit.start, edit.end, assemble(edit.insert).after);
    const snapshot = this.law.text;
    for (const { change, start } of snapshots) change.addressAt = lazyAddress(snapshot, start);
    return changes;
  }

  private applyRestate(
    draft: string, instruction: Instruction, action: Action, units: ResolvedUnit[],
    fail: Fail,
  ) {
    if (units.length !== 1 && units.length !== action.neu.length) {
      return fail(action.targetSpan, `${units.length} Einheiten werden neu gefasst, aber ${action.neu.length} Wortlaute angegeben.`);
    }
    const changes: Change[] = [];
    const groups = units.length === 1 ? [action.neu] : action.neu.map((n) => [n]);
    // From the last unit to the first, so that earlier spans stay valid.
    for (let i = units.length - 1; i >= 0; i--) {
      const unit = units[i]!;
      const span = this.replacedSpan(unit);
      const before = this.law.text.slice(span.start, span.end);
      const parts = this.unitText(draft, groups[i]!, unit.kind === 'paragraph' || unit.kind === 'artikel' ? unit.top : undefined);
      changes.unshift(this.spliceUnit(instruction, action, unit, span, before, parts));
    }
    return { changes, errors: [] };
  }

  private applyRepeal(instruction: Instruction, action: Action, units: ResolvedUnit[]) {
    const changes: Change[] = [];
    for (const unit of [...units].reverse()) {
      let span = this.replacedSpan(unit);
      let placeholder: string;
      if (unit.kind === 'satz') {
        span = this.widenForDeletion(span);
        placeholder = '';
      } else if (unit.kind === 'paragraph' || unit.kind === 'artikel') {
        placeholder = `${unit.top.marks}${unit.top.kind === 'paragraph' ? '§' : 'Artikel'} ${unit.top.label} (weggefallen)`;
      } else {
        placeholder = `${unit.label ? this.law.text.slice(unit.label.start, unit.label.end) + ' ' : ''}(weggefallen)`;
      }
      const before = this.law.text.slice(span.start, span.end);
      changes.unshift(this.spliceUnit(instruction, action, unit, span, before, [placeholder]));
    }
    return { changes, errors: [] };
  }

  private applyInsertUnit(
    draft: string, instruction: Instruction, action: Action, units: ResolvedUnit[],
    fail: Fail,
  ) {
    const kind = action.newUnit?.kind ?? (action.kind === 'insertUnit' ? units[0]?.kind : 'satz') ?? 'satz';
    const label = action.newUnit?.labels[0];
    if (label && (kind === 'paragraph' || kind === 'artikel') && this.law.top(kind, label)) {
      return fail(action.verb, `${formatPath([{ kind, labels: [label] }])} ${this.lawName} gibt es schon.`);
    }
    const anchor = units[0];
    if (label && kind === 'absatz' && anchor) {
      const exists = this.law.resolve([{ kind: anchor.top.kind, labels: [anchor.top.label] }, { kind: 'absatz', labels: [label] }]);
      if (!('missing' in exists)) return fail(action.verb, `${exists.address} ${this.lawName} gibt es schon.`);
    }
    const isTop = kind === 'paragraph' || kind === 'artikel';
    let at: number;
    if (!anchor) at = this.law.text.length;
    else if (action.kind === 'prepend') at = anchor.kind === 'absatz' ? this.law.resolveStart(anchor) : anchor.start;
    else if (action.position === 'before') at = isTop ? anchor.top.start : anchor.start;
    else at = isTop ? anchor.top.end : anchor.end;
    const gap = kind === 'satz' ? ' ' : isTop ? '\n\n\n' : '\n\n';
    const body = this.unitText(draft, action.neu, isTop ? (anchor?.top ?? this.law.tops().at(-1)) : undefined);
    const before = action.kind === 'prepend' || action.position === 'before';
    const parts = before ? [...body, gap] : [gap, ...body];
    const change = this.spliceUnit(instruction, action, anchor, { start: at, end: at }, '', parts, { kind, labels: label ? [label] : [] });
    return { changes: [change], errors: [] };
  }

  private applyRenumber(
    instruction: Instruction, action: Action, units: ResolvedUnit[],
    fail: Fail,
  ) {
    const to = action.renumberTo?.[action.renumberTo.length - 1];
    if (!to || to.labels.length !== units.length) return fail(action.targetSpan, 'Alte und neue Bezeichnungen passen nicht zusammen.');
    const edits = units.map((u, i) => ({ u, label: to.labels[i]! })).filter((e) => e.u.label);
    for (const { u, label } of edits.sort((a, b) => b.u.label!.start - a.u.label!.start)) {
      const old = this.law.text.slice(u.label!.start, u.label!.end);
      this.law.splice(u.label!.start, u.label!.end, old.replace(/[\da-z]+/, label));
      this.remember(u.top, u, instruction);
    }
    return { changes: [], errors: [] };
  }

  private spliceUnit(
    instruction: Instruction, action: Action, unit: ResolvedUnit | undefined, span: Span, before: string,
    parts: Piece[], creates?: Level,
  ): Change {
    const { after, runs } = assemble(parts);
    this.law.splice(span.start, span.end, after);
    const change: Change = {
      instruction, action, mode: 'unit', before, after, runs, partial: false, creates,
      unit: creates?.labels.length && unit ? formatPath([...this.pathOf(unit).filter((l) => rankOf(l.kind) < rankOf(creates.kind)), creates])
        : unit ? unit.address : '',
      addressAt: lazyAddress(this.law.text, span.start),
    };
    if (unit) this.remember(unit.top, unit, instruction, creates);
    else {
      const top = this.law.tops().find((t) => t.start >= span.start);
      if (top) this.remember(top, undefined, instruction);
    }
    return change;
  }

  private pathOf(unit: ResolvedUnit): UnitPath {
    const path: UnitPath = [{ kind: unit.top.kind, labels: [unit.top.label] }];
    const absatz = unit.units[0]?.absatz.number;
    if (absatz && unit.kind !== 'paragraph') path.push({ kind: 'absatz', labels: [absatz] });
    return path;
  }

  /** Records the provision (§ or Absatz) that changes, once, for the synopsis. */
  private remember(top: TopUnit, unit: ResolvedUnit | undefined, instruction: Instruction, creates?: Level): void {
    let absatz = unit && unit.kind !== 'paragraph' && unit.kind !== 'artikel' && unit.kind !== 'ueberschrift'
      ? unit.units[0]?.absatz.number : undefined;
    if (creates?.kind === 'absatz' && creates.labels[0]) absatz = creates.labels[0];
    if (creates && (creates.kind === 'paragraph' || creates.kind === 'artikel') && creates.labels[0]) {
      return this.note({ kind: creates.kind, label: creates.labels[0], instructions: [] }, instruction);
    }
    this.note({ kind: top.kind, label: top.label, absatz, instructions: [] }, instruction);
  }

  private note(provision: Provision, instruction: Instruction): void {
    const same = this.provisions.find((p) => p.kind === provision.kind && p.label === provision.label
      && (p.absatz === provision.absatz || p.absatz === undefined));
    const wider = provision.absatz === undefined
      ? this.provisions.filter((p) => p.kind === provision.kind && p.label === provision.label && p.absatz !== undefined) : [];
    if (same) {
      if (!same.instructions.includes(instruction.address)) same.instructions.push(instruction.address);
      return;
    }
    // A change to the whole § absorbs the Absätze noted before.
    const absorbed = wider.flatMap((p) => p.instructions);
    for (const p of wider) this.provisions.splice(this.provisions.indexOf(p), 1);
    this.provisions.push({ ...provision, instructions: [...new Set([...absorbed, instruction.address])] });
  }

  /** The whole unit as it is replaced: an Absatz or item with its label, a § with its heading. */
  private replacedSpan(unit: ResolvedUnit): Span {
    if (unit.kind === 'paragraph' || unit.kind === 'artikel') return { start: unit.top.start, end: unit.top.end };
    if (unit.label && unit.label.start < unit.start) return { start: unit.label.start, end: unit.end };
    if (unit.kind === 'nummer' || unit.kind === 'buchstabe' || unit.kind === 'doppelbuchstabe') {
      // The item starts at its marker; keep the indentation before it.
      let start = unit.start;
      while (/[ \t]/.test(this.law.text[start] ?? '')) start++;
      return { start, end: unit.end };
    }
    return { start: unit.start, end: unit.end };
  }

  /** The text of new units; a § gets the heading marks of its neighbours ("### § 3a Titel"). */
  private unitText(draft: string, neu: Wording[], neighbour?: TopUnit): Piece[] {
    const parts: Piece[] = [];
    neu.forEach((w, i) => {
      if (i > 0) parts.push('\n\n');
      const excerpt = w.quote ? quotedText(draft, w.quote.inner) : { text: w.text, runs: [] };
      if (neighbour && /^(?:§|Art(?:ikel|\.)?)\s*\d/.test(excerpt.text)) {
        parts.push(neighbour.marks || '');
        // "§ 3a\n\nTitel" (two lines, as the Bundesgesetzblatt prints it) becomes one heading line.
        const twoLine = /^((?:§|Art(?:ikel|\.)?)\s*\d+[a-z]*)[ \t]*\n[ \t]*\n[ \t]*([^\n(][^\n]*)\n/u.exec(excerpt.text);
        if (twoLine) {
          parts.push(slice(excerpt, 0, twoLine[1]!.length), ' ', slice(excerpt, twoLine[0].length - twoLine[2]!.length - 1, excerpt.text.length));
          return;
        }
      }
      parts.push(excerpt);
    });
    return parts;
  }

  /** Occurrences of the quoted words as whole words; line breaks and hyphenation of the law text allowed. */
  private occurrences(needle: Wording, unit: ResolvedUnit, atEnd: boolean): Span[] {
    const region = this.law.text.slice(unit.start, unit.end);
    if (atEnd) {
      const trimmed = region.replace(/\s+$/, '');
      return trimmed.endsWith(needle.text) ? [{ start: unit.start + trimmed.length - needle.text.length, end: unit.start + trimmed.length }] : [];
    }
    const words = needle.text.trim();
    if (words === '') return [];
    const body = words.split(/\s+/).map((w) => escape(w).replace(/-/g, '-\\s*')).join('\\s+');
    const head = /^[\p{L}\p{N}]/u.test(words) ? '(?<![\\p{L}\\p{N}])' : '';
    const tail = /[\p{L}\p{N}]$/u.test(words) ? '(?![\\p{L}\\p{N}])' : '';
    const regex = new RegExp(head + body + tail, 'gu');
    return [...region.matchAll(regex)].map((m) => ({ start: unit.start + m.index, end: unit.start + m.index + m[0].length }));
  }

  /** Struck words take one neighbouring space with them ("schriftlich oder elektronisch" → "schriftlich"). */
  private widenForDeletion(span: Span): Span {
    const text = this.law.text;
    let { start, end } = span;
    if (/[ \t]/.test(text[start - 1] ?? '') && /[\s,.;:)]/.test(text[end] ?? '.')) {
      while (/[ \t]/.test(text[start - 1] ?? '')) start--;
    } else if (/\s/.test(text[end] ?? '')) {
      while (/[ \t]/.test(text[end] ?? '')) end++;
    }
    return { start, end };
  }

  private address(unit: ResolvedUnit, offset: number): string {
    if (unit.kind === 'satz' || unit.kind === 'nummer' || unit.kind === 'buchstabe' || unit.kind === 'doppelbuchstabe') return unit.address;
    return this.law.addressAt(offset) ?? unit.address;
  }
}

/* ---------- helpers ---------- */

function keep(text: string, offset: number): Piece {
  return { kept: text, offset };
}

/** Joins pieces into one text and records where each run comes from. */
function assemble(parts: Piece[]): { after: string; runs: Run[] } {
  let after = '';
  const runs: Run[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part) runs.push({ at: after.length, length: part.length, from: 'none', offset: 0 });
      after += part;
    } else if ('kept' in part) {
      if (part.kept) runs.push({ at: after.length, length: part.kept.length, from: 'before', offset: part.offset });
      after += part.kept;
    } else {
      for (const r of part.runs) runs.push({ at: after.length + r.at, length: r.length, from: 'draft', offset: r.from });
      after += part.text;
    }
  }
  return { after, runs };
}

function slice(excerpt: Excerpt, start: number, end: number): Excerpt {
  const out: Excerpt = { text: excerpt.text.slice(start, end), runs: [] };
  for (const r of excerpt.runs) {
    const s = Math.max(r.at, start);
    const e = Math.min(r.at + r.length, end);
    if (e > s) out.runs.push({ at: s - start, from: r.from + (s - r.at), length: e - s });
  }
  return out;
}

/** No space before punctuation: "nach dem Wort „Antrag“ wird ein Komma eingefügt". */
function separator(next: string): string {
  return /^[,.;:)]/.test(next) ? '' : ' ';
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lazyAddress(snapshot: string, start: number): (offset: number) => string | undefined {
  let law: LawText | undefined;
  return (offset) => {
    law ??= new LawText(snapshot, '');
    return law.addressAt(start + offset);
  };
}
