import type { AnalysedDocument } from '../structure/parse.js';
import type { Span } from '../types.js';
import { findQuotes, type Quote } from './quotes.js';
import { expandPath, mergePath, parseRef, type Level, type UnitPath } from './refs.js';

/**
 * Reads the structure of an amending law (Änderungsgesetz, Mantelgesetz) as the Handbuch der
 * Rechtsförmlichkeit prescribes it: Artikel "Änderung des …gesetzes", the introductory sentence naming the
 * law and its last amendment, numbered instructions (1., a), aa)) and the closing Artikel.
 */

export type ActionKind =
  | 'replace' // „X“ durch „Y“ ersetzt
  | 'insert' // nach dem Wort „X“ das Wort „Y“ eingefügt; am Ende angefügt
  | 'delete' // „X“ gestrichen
  | 'restate' // wird wie folgt gefasst: „…“
  | 'insertUnit' // Nach § 3 wird folgender § 3a eingefügt: „…“
  | 'append' // Folgender Satz wird angefügt: „…“
  | 'prepend' // Folgender Satz wird vorangestellt: „…“
  | 'repeal' // § 4 wird aufgehoben
  | 'renumber'; // Der bisherige Absatz 3 wird Absatz 4

/** Words of an instruction: a quotation or a punctuation mark named in words ("ein Komma"). */
export interface Wording extends Span {
  /** The text meant: the quoted words, or "," for "ein Komma". */
  text: string;
  /** The quotation in the draft, if the words are quoted. */
  quote?: Quote;
}

export interface Action extends Span {
  kind: ActionKind;
  /** The units the action applies to, one path per unit ("In den Sätzen 1 und 2" gives two). */
  targets: UnitPath[];
  /** Where the target is named in the draft, for messages about it. */
  targetSpan?: Span;
  /** replace: old[i] becomes neu[i]; delete: the struck words. */
  old: Wording[];
  /** replace, insert: the new words; restate, insertUnit, append, prepend: the new units' text. */
  neu: Wording[];
  /** insert: the words next to which the new words go. */
  anchor?: Wording;
  position?: 'after' | 'before' | 'end' | 'start';
  /** insertUnit, append, prepend: the unit named ("folgender § 3a", "folgender Satz"). */
  newUnit?: Level;
  /** renumber: the new designation. */
  renumberTo?: UnitPath;
  /** "jeweils", "an beiden Stellen": every occurrence. */
  every: boolean;
  /** "an der zweiten Stelle". */
  occurrence?: number;
  /** The old words stand at the end of the unit ("der Punkt am Ende"). */
  atEnd?: boolean;
  /** The verb (ersetzt, eingefügt …): where findings about the action as a whole point. */
  verb: Span;
  /** The target lies outside the law's provisions (Inhaltsübersicht, Anlage): not applied to a base text. */
  unsupported?: string;
}

export interface Problem extends Span {
  message: string;
}

export interface Instruction extends Span {
  /** "Artikel 1 Nr. 2 Buchst. a" */
  address: string;
  actions: Action[];
  /** Readable instructions; their text is never linted as regulation. */
  recognised: boolean;
  problems: Problem[];
}

export interface TargetLaw {
  /** Name as the draft writes it, in the nominative: "Bundesmeldegesetz". */
  name: string;
  /** Abbreviation, if the draft gives one ("(BMG)"). */
  abbreviation?: string;
  /** "Artikel 7 des Gesetzes vom 15. Januar 2021 (BGBl. I S. 530)" */
  lastAmendment?: string;
}

export interface AmendingArtikel extends Span {
  number: string;
  title?: string;
  kind: 'aenderung' | 'inkrafttreten' | 'sonstiges';
  law?: TargetLaw;
  /** The introductory sentence ("Das … wird wie folgt geändert:"). */
  intro?: Span;
  instructions: Instruction[];
  /** Spans that are instruction text, not regulation: never linted as such. */
  instructionText: Span[];
}

export interface AmendingLaw {
  artikel: AmendingArtikel[];
}

const AMENDING_TITLE = /^(?:(?:Weitere|Erneute|Nochmalige)\s+)?(?:Folge)?[ÄA]nderung(?:en)?\s+(?:des|der|zur)\s+(.+?)\.?$/u;
const CLOSING_TITLE = /(Inkrafttreten|Außerkrafttreten)/;
const WIE_FOLGT_GEAENDERT = /(?:wird|werden)\s+wie\s+folgt\s+geändert\s*:\s*$/;
// "gefaßt" and "erhält folgende Fassung" are the spelling and style of older amending laws.
const VERB = /(?<![\p{L}])(ersetzt|eingefügt|gestrichen|aufgehoben|gefasst|gefaßt|angefügt|vorangestellt|(?<=folgende\s)Fassung)(?![\p{L}])/gu;
const QUOTE_MARK = '\uE000';

/** The amending-law structure of a draft, or undefined if no Artikel amends a law. */
export function recogniseAmendingLaw(doc: AnalysedDocument): AmendingLaw | undefined {
  const artikel: AmendingArtikel[] = [];
  for (const node of doc.structure.artikel) {
    artikel.push(readArtikel(doc.matchText, node.number, node.title, node.start, node.end));
  }
  return artikel.some((a) => a.kind === 'aenderung') ? { artikel } : undefined;
}

function readArtikel(text: string, number: string, headingTitle: string | undefined, start: number, end: number): AmendingArtikel {
  let bodyStart = lineEnd(text, start);
  let title = headingTitle?.replace(/[*_]/g, '').trim() || undefined;
  const instructionText: Span[] = [];
  if (!title) {
    // "Artikel 1" on its own line, the title on the next: "Änderung des Bundesmeldegesetzes"
    const next = nextLine(text, bodyStart, end);
    const line = next && text.slice(next.start, next.end).replace(/[*_#]/g, '').trim();
    if (next && line && (AMENDING_TITLE.test(line) || CLOSING_TITLE.test(line)) && !/[.:;,]$/.test(line)) {
      title = line;
      instructionText.push(next);
      bodyStart = next.end;
    }
  }
  const base: AmendingArtikel = { number, title, start, end, kind: 'sonstiges', instructions: [], instructionText };
  if (title && CLOSING_TITLE.test(title) && !AMENDING_TITLE.test(title)) return { ...base, kind: 'inkrafttreten' };

  // Most Artikel of a law in force (Art 79 GG "Änderung des Grundgesetzes") are no instructions: a cheap test first.
  if (!/(geändert|ersetzt|eingefügt|gestrichen|aufgehoben|gefasst|angefügt|vorangestellt)/.test(text.slice(bodyStart, end))) return base;
  const items = findItems(text, bodyStart, end);
  const introEnd = items.length ? items[0]!.labelStart : end;
  const intro = trimSpan(text, bodyStart, introEnd);
  if (!intro) return base;
  const introText = text.slice(intro.start, intro.end);
  const titleLaw = title ? AMENDING_TITLE.exec(title)?.[1] : undefined;

  if (WIE_FOLGT_GEAENDERT.test(introText)) {
    const law = readLawDesignation(introText, titleLaw);
    const artikel: AmendingArtikel = { ...base, kind: 'aenderung', law, intro };
    instructionText.push(intro);
    artikel.instructions = readInstructions(text, items, `Artikel ${number}`, []);
    for (const instruction of artikel.instructions) if (instruction.recognised) instructionText.push(instruction);
    return artikel;
  }
  // A single instruction: "In § 23 Absatz 1 des Bundesmeldegesetzes vom …, das zuletzt … geändert worden ist, wird …"
  if (items.length === 0 && titleLaw !== undefined) {
    const designation = findInlineDesignation(text, intro);
    const instruction = readInstruction(text, { ...intro, ownEnd: intro.end }, `Artikel ${number}`, [], designation?.span);
    const artikel: AmendingArtikel = {
      ...base, kind: 'aenderung', intro, instructions: [instruction],
      law: designation?.law ?? { name: nominative(titleLaw) },
    };
    if (!instruction.recognised && instruction.problems.length === 0) return base;
    if (instruction.recognised) instructionText.push(intro);
    return artikel;
  }
  return base;
}

/* ---------- the introductory sentence ---------- */

function readLawDesignation(intro: string, titleLaw: string | undefined): TargetLaw {
  const oneLine = intro.replace(/\s+/g, ' ');
  const name = /^(?:Das|Die|Der)\s+(.+?)(?:\s+\(([^()]*)\))?\s+(?:vom\s|in der Fassung\b|,|wird\s)/u.exec(oneLine);
  const last = /(?:das|die|der)\s+(?:zuletzt\s+)?durch\s+(.+?)\s+geändert worden ist/u.exec(oneLine);
  const law: TargetLaw = { name: name?.[1] ?? (titleLaw ? nominative(titleLaw) : 'unbekanntes Gesetz') };
  const abbreviation = name?.[2];
  if (abbreviation && /^[\p{L}\d-]+$/u.test(abbreviation) && /\p{Lu}.*\p{Lu}/u.test(abbreviation)) law.abbreviation = abbreviation;
  if (last) law.lastAmendment = last[1];
  return law;
}

/** "des Bundesmeldegesetzes vom 3. Mai 2013 (BGBl. I S. 1084), das zuletzt … geändert worden ist," */
function findInlineDesignation(text: string, intro: Span): { span: Span; law: TargetLaw } | undefined {
  const source = text.slice(intro.start, intro.end);
  const ref = parseRef(source, /^(?:In|Im)\s+/.exec(source)?.[0].length ?? 0);
  const from = ref?.end ?? 0;
  const head = /\s+(?:des|der)\s+/y;
  head.lastIndex = from;
  if (!head.test(source)) return undefined;
  const rest = source.slice(head.lastIndex);
  const name = /^(.+?)(?:\s+\(([^()]*)\))?\s+(?:vom\s|in der Fassung\b)/su.exec(rest);
  if (!name) return undefined;
  const amended = /(?:geändert|aufgehoben) worden ist\s*,?/u.exec(rest);
  const bgbl = /\)\s*,?/u.exec(rest.slice(name[0].length));
  const endInRest = amended ? amended.index + amended[0].length
    : bgbl ? name[0].length + bgbl.index + bgbl[0].length : name[0].length;
  const last = /(?:das|die|der)\s+(?:zuletzt\s+)?durch\s+(.+?)\s+geändert worden ist/su.exec(rest);
  const law: TargetLaw = { name: nominative(name[1]!.replace(/\s+/g, ' ')) };
  if (last) law.lastAmendment = last[1]!.replace(/\s+/g, ' ');
  return { span: { start: intro.start + from, end: intro.start + head.lastIndex + endInRest }, law };
}

/** "Bundesmeldegesetzes" → "Bundesmeldegesetz", "Gesetzes über …" → "Gesetz über …" (for display). */
export function nominative(genitive: string): string {
  return genitive.replace(/^(\S*?(?:gesetz|buch|vertrag|abkommen|statut|recht))(?:es|s)(?=\s|$)/iu, '$1');
}

/* ---------- numbered instructions ---------- */

interface Item {
  level: number;
  label: string;
  labelStart: number;
  /** Start of the item's text (after the label). */
  start: number;
  end: number;
  /** End of the item's own text (before its first sub-item). */
  ownEnd: number;
  children: Item[];
}

const LABELS: Array<[RegExp, number]> = [
  [/^[ \t>]*(\d+[a-z]?)\\?\.[ \t]+/, 1],
  [/^[ \t>]*(([a-z])\2\2)\)[ \t]+/, 4],
  [/^[ \t>]*(([a-z])\2)\)[ \t]+/, 3],
  [/^[ \t>]*([a-z])\)[ \t]+/, 2],
];
const LEVEL_NAMES = ['', 'Nr.', 'Buchst.', 'Doppelbuchst.', 'Dreifachbuchst.'];

/** Nummern, Buchstaben, Doppelbuchstaben that start a line outside quotations, as a tree. */
function findItems(text: string, from: number, to: number): Item[] {
  const { quotes } = findQuotes(text, from, to);
  const inQuote = (offset: number) => quotes.some((q) => offset > q.start && offset < q.end);
  const flat: Item[] = [];
  let lineStart = from;
  let previousLine = '';
  let blankBefore = true;
  while (lineStart < to) {
    const end = lineEnd(text, lineStart, to);
    const line = text.slice(lineStart, end);
    if (line.trim() === '') {
      blankBefore = true;
    } else {
      const opensBlock = blankBefore || /[:.;“]\s*$/.test(previousLine);
      if (opensBlock && !inQuote(lineStart)) {
        for (const [regex, level] of LABELS) {
          const m = regex.exec(line);
          if (m) {
            flat.push({ level, label: m[1]!, labelStart: lineStart, start: lineStart + m[0].length, end: to, ownEnd: to, children: [] });
            break;
          }
        }
      }
      previousLine = line;
      blankBefore = false;
    }
    lineStart = end + 1;
  }
  for (let i = 0; i < flat.length; i++) {
    const next = flat[i + 1];
    flat[i]!.ownEnd = next ? next.labelStart : to;
    const sibling = flat.slice(i + 1).find((it) => it.level <= flat[i]!.level);
    flat[i]!.end = sibling ? sibling.labelStart : to;
  }
  const roots: Item[] = [];
  const stack: Item[] = [];
  for (const item of flat) {
    while (stack.length && stack[stack.length - 1]!.level >= item.level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : roots).push(item);
    stack.push(item);
  }
  renumberLists(roots);
  return roots;
}

/**
 * Markdown numbers an ordered list itself: a draft may write "1." before every Nummer. Nummern that do not
 * count upwards are numbered by their position, as the rendered draft shows them.
 */
function renumberLists(items: Item[]): void {
  const numbers = items.filter((i) => i.level === 1);
  const values = numbers.map((i) => Number.parseInt(i.label, 10));
  if (numbers.length > 1 && values.some((v, k) => k > 0 && v <= values[k - 1]!)) {
    numbers.forEach((item, k) => { item.label = String(values[0]! + k); });
  }
  for (const item of items) renumberLists(item.children);
}

function readInstructions(text: string, items: Item[], parentAddress: string, context: UnitPath, unsupported?: string): Instruction[] {
  const out: Instruction[] = [];
  for (const item of items) {
    const address = `${parentAddress} ${LEVEL_NAMES[item.level]} ${item.label}`;
    const own = trimSpan(text, item.start, item.ownEnd);
    const ownText = own ? text.slice(own.start, own.end) : '';
    if (item.children.length > 0 && own && WIE_FOLGT_GEAENDERT.test(ownText)) {
      // "§ 18 wird wie folgt geändert:" – a context for the sub-items
      const lead = /^(?:In|Im|Die|Der|Das)\s+/.exec(ownText)?.[0].length ?? 0;
      const ref = parseRef(ownText, lead);
      const outside = outsideProvisions(ownText);
      out.push({ ...own, address, actions: [], recognised: true, problems: [] });
      const inner = ref ? mergePath(context, ref.paths[0]!) : context;
      out.push(...readInstructions(text, item.children, address, inner, outside ?? unsupported));
      continue;
    }
    if (own) out.push(readInstruction(text, { ...own, ownEnd: own.end }, address, context, undefined, unsupported));
    out.push(...readInstructions(text, item.children, address, context, unsupported));
  }
  return out;
}

/** "Die Inhaltsübersicht wird wie folgt geändert", "In Anlage 2 …": outside the §§ dclint can resolve. */
function outsideProvisions(sentence: string): string | undefined {
  const m = /^(?:In|Im|Die|Der|Das)?\s*(?:der\s+|dem\s+)?(Inhaltsübersicht|Inhaltsverzeichnis|Anlage(?:\s+\d+)?|Anhang(?:\s+\d+)?|Eingangsformel|Gliederung|Überschrift des Gesetzes|Bezeichnung des Gesetzes)\b/u.exec(sentence);
  return m?.[1];
}

/* ---------- one instruction: sentences, clauses, actions ---------- */

function readInstruction(
  text: string, span: Span & { ownEnd: number }, address: string, context: UnitPath, designation?: Span, unsupported?: string,
): Instruction {
  const instruction: Instruction = { start: span.start, end: span.end, address, actions: [], recognised: false, problems: [] };
  const { quotes, unclosed } = findQuotes(text, span.start, span.end);
  if (unclosed !== undefined) {
    instruction.problems.push({
      start: unclosed, end: unclosed + 1,
      message: `Das Anführungszeichen ${text[unclosed]} wird nicht geschlossen; der Änderungsbefehl ist so nicht lesbar.`,
    });
    return instruction;
  }
  // Quotations and the law's designation become neutral characters, offsets unchanged.
  let masked = text.slice(0, span.end);
  for (const q of quotes) masked = masked.slice(0, q.start) + QUOTE_MARK.repeat(q.end - q.start) + masked.slice(q.end);
  if (designation) masked = masked.slice(0, designation.start) + ' '.repeat(designation.end - designation.start) + masked.slice(designation.end);

  let allRead = true;
  for (const sentence of splitInstructionSentences(masked, span.start, span.end)) {
    const actions = readSentence(text, masked, sentence, quotes, context, instruction.problems, unsupported);
    if (actions === undefined) allRead = false;
    else instruction.actions.push(...actions);
  }
  instruction.recognised = allRead && instruction.actions.length > 0;
  return instruction;
}

function splitInstructionSentences(masked: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  const boundary = /\.(?=\s+[\p{Lu}§]|\s*$)/gu;
  boundary.lastIndex = start;
  const source = masked.slice(0, end);
  for (let m = boundary.exec(source); m; m = boundary.exec(source)) {
    const span = trimSpan(masked, from, m.index + 1);
    if (span) out.push(span);
    from = m.index + 1;
  }
  const rest = trimSpan(masked, from, end);
  if (rest && masked.slice(rest.start, rest.end).replace(/\s/g, '') !== '') out.push(rest);
  return out;
}

interface Clause extends Span {
  verb: Span & { word: string };
  /** Quotations after "…: " that follow the verb. */
  trailing: Quote[];
  before: Quote[];
}

/** The actions of one instruction sentence, or undefined if the sentence is not a readable instruction. */
function readSentence(
  text: string, masked: string, sentence: Span, quotes: Quote[], context: UnitPath, problems: Problem[], unsupported?: string,
): Action[] | undefined {
  const source = masked.slice(sentence.start, sentence.end);
  const inSentence = quotes.filter((q) => q.start >= sentence.start && q.end <= sentence.end);
  // "In § 6 Absatz 3 Satz 5 wird …": the sentence's target, context for every clause
  const lead = /^(?:In|Im)\s+(?:(?:den|dem|der)\s+)?/u.exec(source);
  const sentenceRef = lead ? parseRef(source, lead[0].length) : undefined;
  const sentenceContext = sentenceRef ? mergePath(context, sentenceRef.paths[0]!) : context;
  const sentenceTargets = sentenceRef ? sentenceRef.paths.map((p) => mergePath(context, p)) : [context];
  const outside = outsideProvisions(source) ?? unsupported;

  const verbs = [...source.matchAll(VERB)];
  if (verbs.length === 0) return readRenumbering(source, sentenceRef?.end ?? 0, sentence, sentenceContext, outside);

  const clauses: Clause[] = [];
  let from = sentenceRef ? sentenceRef.end : 0;
  for (let v = 0; v < verbs.length; v++) {
    const verb = verbs[v]!;
    const verbEnd = verb.index + verb[0].length;
    let end = verbEnd;
    const trailing: Quote[] = [];
    if (/^\s*:/.test(source.slice(verbEnd))) {
      const nextVerb = verbs[v + 1]?.index ?? source.length;
      for (const q of inSentence) {
        if (q.start - sentence.start > verbEnd && q.start - sentence.start < nextVerb) {
          trailing.push(q);
          end = q.end - sentence.start;
        }
      }
      if (trailing.length === 0) end = source.indexOf(':', verbEnd) + 1;
    }
    const before = inSentence.filter((q) => q.start - sentence.start >= from && q.end - sentence.start <= verb.index);
    clauses.push({
      start: sentence.start + from, end: sentence.start + end, before, trailing,
      verb: { start: sentence.start + verb.index, end: sentence.start + verbEnd, word: verb[1]! },
    });
    from = end;
  }

  const actions: Action[] = [];
  for (const clause of clauses) {
    const action = readClause(text, masked, clause, sentenceContext, sentenceTargets, sentenceRef !== undefined, problems);
    if (!action) return undefined;
    if (outside) action.unsupported = outside;
    if (sentenceRef && !action.targetSpan) action.targetSpan = { start: sentence.start + sentenceRef.start, end: sentence.start + sentenceRef.end };
    actions.push(action);
  }
  return actions;
}

function readRenumbering(source: string, at: number, sentence: Span, context: UnitPath, outside?: string): Action[] | undefined {
  const head = /^\s*(?:(?:wird|werden)\s+)?(?:Der|Die|Das|der|die|das)\s+bisherigen?\s+/u.exec(source.slice(at));
  if (!head) return undefined;
  const from = parseRef(source, at + head[0].length);
  if (!from) return undefined;
  // "Der bisherige Absatz 3 wird Absatz 4" or "In § 23 werden die bisherigen Absätze 6 und 7 die Absätze 7 und 8"
  const verbFirst = /^\s*(?:wird|werden)\s/u.test(source.slice(at));
  const verb = verbFirst ? /\s+(?:(?:der|die|das)\s+)?(?:neuen?\s+)?/uy : /\s+(?:wird|werden)\s+(?:(?:der|die|das)\s+)?(?:neuen?\s+)?/uy;
  verb.lastIndex = from.end;
  if (!verb.test(source)) return undefined;
  const to = parseRef(source, verb.lastIndex);
  if (!to) return undefined;
  const targets = from.paths.flatMap((p) => expandPath(mergePath(context, p)));
  return [{
    kind: 'renumber', start: sentence.start, end: sentence.end, targets, old: [], neu: [], every: false,
    renumberTo: mergePath(context, to.paths[0]!), verb: { start: sentence.start + from.end, end: sentence.start + verb.lastIndex },
    targetSpan: { start: sentence.start + from.start, end: sentence.start + from.end }, unsupported: outside,
  }];
}

const LITERALS: Record<string, string> = { Komma: ',', Punkt: '.', Semikolon: ';', Doppelpunkt: ':' };

function readClause(
  text: string, masked: string, clause: Clause, context: UnitPath, sentenceTargets: UnitPath[], hasSentenceRef: boolean,
  problems: Problem[],
): Action | undefined {
  const source = masked.slice(clause.start, clause.verb.start);
  const verb = clause.verb.word === 'gefaßt' || clause.verb.word === 'Fassung' ? 'gefasst' : clause.verb.word;
  const wording = (q: Quote): Wording => ({ start: q.inner.start, end: q.inner.end, text: text.slice(q.inner.start, q.inner.end), quote: q });
  const base = {
    start: clause.start, end: clause.end, old: [] as Wording[], neu: [] as Wording[],
    verb: { start: clause.verb.start, end: clause.verb.end }, ...occurrences(source),
  };
  // The clause's own subject: "§ 4 wird aufgehoben", "Dem Absatz 3 wird …", "und Satz 2 wird …"
  // ("In Absatz 7 wird Satz 2 aufgehoben": the subject may follow the verb "wird")
  const subjectLead = /^\s*(?:,\s*)?(?:und\s+)?(?:(?:wird|werden|erhält|erhalten)\s+)?(?:(?:in|im)\s+)?(?:(?:der|die|das|dem|den|Der|Die|Das|Dem|Den)\s+)?(?:bisherigen?\s+)?/u.exec(source)!;
  const subject = parseRef(source, subjectLead[0].length);
  const subjectSpan = subject ? { start: clause.start + subject.start, end: clause.start + subject.end } : undefined;
  const subjectTargets = subject ? subject.paths.map((p) => mergePath(context, p)) : hasSentenceRef ? sentenceTargets : [context];
  const expand = (paths: UnitPath[]) => paths.flatMap(expandPath);
  const newUnitOf = (s: string): Level | undefined => {
    const m = /(?<![\p{L}])[Ff]olgender?[nmrs]?\s+/u.exec(s);
    return m ? parseRef(s, m.index + m[0].length, true)?.paths[0]?.[0] : undefined;
  };

  if (clause.trailing.length > 0 || /:\s*$/.test(masked.slice(clause.start, clause.end))) {
    // Unit actions with the new text after a colon.
    const neu = clause.trailing.map(wording);
    if (neu.length === 0) {
      problems.push({ ...clause.verb, message: 'Nach dem Doppelpunkt fehlt der neue Wortlaut in Anführungszeichen („…“).' });
      return undefined;
    }
    if (verb === 'gefasst' || verb === 'ersetzt') {
      return { ...base, kind: 'restate', targets: expand(subjectTargets), targetSpan: subjectSpan, neu };
    }
    if (verb === 'eingefügt') {
      const anchor = /(?<![\p{L}])(Nach|nach|Vor|vor)\s+(?:der\s+Angabe\s+zu\s+)?(?=§|Art|Abs|Satz|Sätze|Num|Nr|Buch|Doppel)/u.exec(source);
      const anchorRef = anchor ? parseRef(source, anchor.index + anchor[0].length) : undefined;
      if (!anchorRef) return undefined;
      return {
        ...base, kind: 'insertUnit', neu, newUnit: newUnitOf(source),
        position: /^[Nn]/.test(anchor![1]!) ? 'after' : 'before',
        targets: expand(anchorRef.paths.map((p) => mergePath(context, p))),
        targetSpan: { start: clause.start + anchorRef.start, end: clause.start + anchorRef.end },
      };
    }
    if (verb === 'angefügt' || verb === 'vorangestellt') {
      const dative = /^\s*(?:und\s+)?(?:(?:wird|werden)\s+)?(?:Dem|Der|Den|dem|der|den)\s+/u.exec(source);
      const target = dative ? parseRef(source, dative[0].length) : undefined;
      const targets = target ? target.paths.map((p) => mergePath(context, p)) : hasSentenceRef ? sentenceTargets : [context];
      return {
        ...base, kind: verb === 'angefügt' ? 'append' : 'prepend', neu, newUnit: newUnitOf(source), targets: expand(targets),
        targetSpan: target ? { start: clause.start + target.start, end: clause.start + target.end } : undefined,
      };
    }
    return undefined;
  }

  const quotes = clause.before;
  if (verb === 'ersetzt') {
    const pairs = readReplacements(masked, clause, quotes.map(wording));
    if (!pairs) {
      problems.push({ ...clause.verb, message: 'Zu jedem ersetzten Wortlaut gehört ein neuer: „…“ durch „…“ ersetzt.' });
      return undefined;
    }
    for (const [o, n] of pairs) {
      if (o.text.replace(/\s+/g, ' ') === n.text.replace(/\s+/g, ' ')) {
        problems.push({ start: n.start, end: n.end, message: `„${o.text}“ wird durch denselben Wortlaut ersetzt; die Änderung bewirkt nichts.` });
      }
    }
    return {
      ...base, kind: 'replace', targets: expand(subjectTargets), targetSpan: subjectSpan,
      old: pairs.map((p) => p[0]), neu: pairs.map((p) => p[1]), atEnd: pairs.some((p) => p[0].quote === undefined),
    };
  }
  if (verb === 'eingefügt' || ((verb === 'angefügt' || verb === 'vorangestellt') && quotes.length > 0)) {
    if (verb !== 'eingefügt') {
      // "In Nummer 2 wird am Ende das Wort „und“ angefügt"
      if (quotes.length !== 1) return undefined;
      return {
        ...base, kind: 'insert', targets: expand(subjectTargets), targetSpan: subjectSpan, neu: [wording(quotes[0]!)],
        position: verb === 'angefügt' ? 'end' : 'start',
      };
    }
    let anchor: Wording | undefined;
    let position: 'after' | 'before' = 'after';
    const neu: Wording[] = [];
    let last = clause.start;
    for (const q of quotes) {
      const between = masked.slice(last, q.start);
      const m = /(?<![\p{L}])(nach|vor)\s+(?:dem|der|den)\s+(?:(?:Wort|Wörtern|Worten|Angabe|Angaben|Zeichen|Zahl|Zahlen|Ziffer|Ziffern|Buchstaben|Satzteil|Klammerzusatz)\s*)?$/u.exec(between);
      if (m && !anchor) {
        anchor = wording(q);
        position = m[1] === 'vor' ? 'before' : 'after';
      } else neu.push(wording(q));
      last = q.end;
    }
    const literal = /(?<![\p{L}])(?:ein|einen)\s+(Komma|Punkt|Semikolon|Doppelpunkt)\s*$/u.exec(masked.slice(last, clause.verb.start));
    if (anchor && neu.length === 0 && literal) {
      const start = last + literal.index + literal[0].trimEnd().length - literal[1]!.length;
      neu.push({ start, end: start + literal[1]!.length, text: LITERALS[literal[1]!]! });
    }
    if (!anchor || neu.length !== 1) {
      problems.push({ ...clause.verb, message: 'Es fehlt, wo eingefügt wird: „nach dem Wort „…“ wird das Wort „…“ eingefügt“.' });
      return undefined;
    }
    return { ...base, kind: 'insert', targets: expand(subjectTargets), targetSpan: subjectSpan, anchor, position, neu };
  }
  if (verb === 'gestrichen' && quotes.length > 0) {
    return { ...base, kind: 'delete', targets: expand(subjectTargets), targetSpan: subjectSpan, old: quotes.map(wording) };
  }
  if (verb === 'gestrichen' || verb === 'aufgehoben') {
    if (quotes.length > 0) return undefined;
    if (!subject && !hasSentenceRef) return undefined;
    return { ...base, kind: 'repeal', targets: expand(subjectTargets), targetSpan: subjectSpan };
  }
  return undefined;
}

/** Pairs of old and new wording: „A“ durch „B“, also „A“ durch „B“ und „C“ durch „D“, „ein Komma“. */
function readReplacements(masked: string, clause: Clause, quotes: Wording[]): Array<[Wording, Wording]> | undefined {
  const pairs: Array<[Wording, Wording]> = [];
  const pending: Wording[] = [];
  let last = clause.start;
  const endLiteral = /(?<![\p{L}])(?:der|das|den)\s+(Punkt|Komma|Semikolon)\s+am\s+Ende(?![\p{L}])/u.exec(masked.slice(clause.start, clause.verb.start));
  if (endLiteral) {
    const start = clause.start + endLiteral.index;
    pending.push({ start, end: start + endLiteral[0].length, text: LITERALS[endLiteral[1]!]! });
  }
  for (const q of quotes) {
    const between = masked.slice(last, q.start);
    if (/(?<![\p{L}])durch(?![\p{L}])/u.test(between)) {
      const old = pending.pop();
      if (!old) return undefined;
      pairs.push([old, q]);
    } else pending.push(q);
    last = q.end;
  }
  const tail = masked.slice(last, clause.verb.start);
  const literal = /(?<![\p{L}])durch\s+(?:ein|einen|das|den)\s+(Komma|Punkt|Semikolon|Doppelpunkt)(?![\p{L}])/u.exec(tail);
  if (literal) {
    const old = pending.pop();
    if (!old) return undefined;
    const start = last + literal.index + literal[0].length - literal[1]!.length;
    pairs.push([old, { start, end: start + literal[1]!.length, text: LITERALS[literal[1]!]! }]);
  }
  if (pending.length > 0 || pairs.length === 0) return undefined;
  return pairs;
}

function occurrences(source: string): { every: boolean; occurrence?: number } {
  if (/(?<![\p{L}])(jeweils|an (?:beiden|allen) Stellen)(?![\p{L}])/u.test(source)) return { every: true };
  const ordinal = /an der (ersten|zweiten|dritten|vierten|fünften|sechsten|(\d+)\.) Stelle/u.exec(source);
  if (!ordinal) return { every: false };
  const words = ['ersten', 'zweiten', 'dritten', 'vierten', 'fünften', 'sechsten'];
  return { every: false, occurrence: ordinal[2] ? Number(ordinal[2]) : words.indexOf(ordinal[1]!) + 1 };
}

/* ---------- small helpers ---------- */

function lineEnd(text: string, from: number, limit = text.length): number {
  const i = text.indexOf('\n', from);
  return i < 0 || i > limit ? limit : i;
}

function nextLine(text: string, from: number, limit: number): Span | undefined {
  let i = from;
  while (i < limit && /\s/.test(text[i]!)) i++;
  if (i >= limit) return undefined;
  return { start: i, end: lineEnd(text, i, limit) };
}

function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}
