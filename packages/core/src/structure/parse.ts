import type { Nodes, Parents, RootContent, ListItem } from 'mdast';
import type {
  AbsatzNode, ArtikelNode, ItemNode, ParagraphNode, PartKind, PartNode, Span, Structure,
} from '../types.js';
import { splitSentences, trimEnd } from '../text/sentences.js';
import { isSpace } from '../text/chars.js';
import { forEachSection, parseWithRemark } from './markdown.js';
import { optimisations } from '../optimisations.js';

/** A run of text that is matched (a paragraph without its label, a table cell). */
export interface TextBlock extends Span {
  /** A table cell is a sentence of its own. */
  cell?: boolean;
  /** The block opens a Nummer or Buchstabe: it continues the sentence before it. */
  item?: boolean;
  /** Indented text (a code block to CommonMark): its lines end it when they are indented less. */
  indented?: boolean;
}

/** One Absatz with the context needed to lint and address it. */
export interface AbsatzUnit {
  absatz: AbsatzNode;
  paragraph?: ParagraphNode;
  artikel?: ArtikelNode;
  part: PartKind;
  /** Nearest heading outside the Regelungstext ("Zu § 3"), for addresses in Vorblatt and Begründung. */
  heading?: string;
  blocks: TextBlock[];
}

export interface AnalysedDocument {
  text: string;
  /** The text with HTML (comments, directives, tags) blanked out, same length: what rules match on. */
  matchText: string;
  structure: Structure;
  units: AbsatzUnit[];
}

const ARTIKEL = /^Art(?:ikel|\.)?\s*(\d+[a-z]?)\b[\s.:–-]*(.*)$/;
export const PARAGRAPH = /^(§§?)\s*(\d+[a-z]*)((?:\s*(?:bis|und|,)\s*\d+[a-z]*)*)[\s.:–-]*(.*)$/;
const ABSATZ_LABEL = /^\((\d+[a-z]?)\)[ \t\n]+/;
const BUCHSTABE_LABEL = /^([a-z])(\1)?\)[ \t\n]+/;
const BEGRUENDUNG = /^Begründung\b/;
const VORBLATT = /^(Vorblatt\b|A\.\s*Problem und Ziel)/;
const REGELUNGSTEXT_START = /^(Entwurf (eines|einer)\b|Artikel\s+1\b|§\s*1\b|Regelungstext\b)/;
export const REPEALED = /\((weggefallen|aufgehoben)\)/;

/** Parses Markdown (or plain text) into the legal structure: parts, Artikel, §§, Absätze, Sätze, Nummern. */
export function analyse(text: string): AnalysedDocument {
  const builder = new StructureBuilder(text);
  const html: Span[] = [];
  const read = (nodes: RootContent[]) => {
    for (const node of nodes) collectHtml(node, html);
    builder.walk(nodes);
  };
  // The fast path hands over one section at a time: its nodes are read and let go (less to keep and to collect).
  if (optimisations.fastParse) forEachSection(text, read);
  else read(parseWithRemark(text).children);
  return builder.finish(maskHtml(text, html));
}

class StructureBuilder {
  private readonly parts: PartNode[] = [];
  private readonly artikel: ArtikelNode[] = [];
  private readonly paragraphs: ParagraphNode[] = [];
  private readonly looseAbsaetze: AbsatzNode[] = [];
  private readonly units: AbsatzUnit[] = [];
  private part: PartKind = 'regelungstext';
  private currentArtikel?: ArtikelNode;
  private currentParagraph?: ParagraphNode;
  private currentUnit?: AbsatzUnit;
  private heading?: string;

  constructor(private readonly text: string) {
    this.parts.push({ kind: 'regelungstext', start: 0, end: text.length });
  }

  walk(nodes: RootContent[]): void {
    for (const node of nodes) this.visit(node);
  }

  /** The document, with `matchText`: the text with HTML blanked out (see maskHtml). */
  finish(matchText: string): AnalysedDocument {
    for (const unit of this.units) {
      unit.absatz.sentences = splitSentences(matchText, unit.blocks).map((s, i) => ({ start: s.start, end: s.end, index: i + 1 }));
    }
    const last = this.parts[this.parts.length - 1]!;
    last.end = this.text.length;
    const structure: Structure = {
      parts: this.parts.filter((p) => p.end > p.start || this.parts.length === 1),
      artikel: this.artikel,
      paragraphs: this.paragraphs,
      looseAbsaetze: this.looseAbsaetze,
    };
    return { text: this.text, matchText, structure, units: this.units };
  }

  private visit(node: RootContent): void {
    switch (node.type) {
      case 'heading':
        this.onHeading(node, plainText(this.text, node));
        return;
      case 'paragraph':
        this.onParagraph(node);
        return;
      case 'list':
        for (const item of node.children) this.onListItem(item, node.ordered === true);
        return;
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) {
            const span = contentSpan(cell);
            if (span) this.addBlock(span, { cell: true });
          }
        }
        return;
      case 'blockquote':
        this.walk(node.children);
        return;
      case 'code':
        this.onIndentedText(node);
        return;
      default:
        // yaml front matter, code, html comments, thematic breaks: not regulation text
        return;
    }
  }

  /** Headings (and heading-like single lines in plain text) switch part, Artikel and §. */
  private onHeading(node: Nodes, title: string): void {
    const span = { start: offsetOf(node, 'start'), end: offsetOf(node, 'end') };
    if (BEGRUENDUNG.test(title) && this.part !== 'begruendung') return this.switchPart('begruendung', span.start, title);
    if (VORBLATT.test(title) && this.part === 'regelungstext' && this.paragraphs.length === 0) {
      return this.switchPart('vorblatt', span.start, title);
    }
    if (this.part === 'vorblatt' && REGELUNGSTEXT_START.test(title)) this.switchPart('regelungstext', span.start);
    if (this.part !== 'regelungstext') {
      this.heading = title;
      this.currentUnit = undefined;
      return;
    }
    const artikel = ARTIKEL.exec(title);
    if (artikel) {
      this.closeParagraph(span.start);
      this.closeArtikel(span.start);
      this.currentArtikel = { number: artikel[1]!, title: artikel[2] || undefined, start: span.start, end: this.text.length };
      this.artikel.push(this.currentArtikel);
      return;
    }
    const paragraph = PARAGRAPH.exec(title);
    if (paragraph) {
      this.closeParagraph(span.start);
      const number = paragraph[2]! + paragraph[3]!.replace(/\s+/g, ' ');
      this.currentParagraph = {
        label: `${paragraph[1]} ${number}`.replace(/\s+/g, ' '),
        number: paragraph[2]!,
        title: paragraph[4] || undefined,
        repealed: REPEALED.test(title),
        absaetze: [],
        start: span.start,
        end: this.text.length,
      };
      this.paragraphs.push(this.currentParagraph);
      return;
    }
    // Teil, Abschnitt, Kapitel, Anlage …: the § before it ends here.
    this.closeParagraph(span.start);
    this.currentUnit = undefined;
  }

  private switchPart(kind: PartKind, at: number, heading?: string): void {
    this.closeParagraph(at);
    this.closeArtikel(at);
    this.parts[this.parts.length - 1]!.end = at;
    this.parts.push({ kind, start: at, end: this.text.length });
    this.part = kind;
    this.heading = heading;
    this.currentUnit = undefined;
  }

  private closeParagraph(at: number): void {
    if (this.currentParagraph) this.currentParagraph.end = trimEnd(this.text, at);
    this.currentParagraph = undefined;
    this.currentUnit = undefined;
  }

  private closeArtikel(at: number): void {
    if (this.currentArtikel) this.currentArtikel.end = trimEnd(this.text, at);
    this.currentArtikel = undefined;
  }

  private onParagraph(node: Nodes): void {
    const span = contentSpan(node);
    if (!span) return;
    const raw = this.text.slice(span.start, span.end);
    const headingLike = asHeadingLine(raw);
    if (headingLike !== undefined) return this.onHeading(node, headingLike);
    const label = ABSATZ_LABEL.exec(raw);
    if (label && this.part === 'regelungstext') {
      this.startAbsatz(label[1]);
      this.addBlock({ start: span.start + label[0].length, end: span.end });
      return;
    }
    this.addBlock(span);
  }

  private onListItem(item: ListItem, ordered: boolean): void {
    const itemStart = offsetOf(item, 'start');
    const unit = this.ensureUnit();
    let nummer: ItemNode | undefined;
    if (ordered) {
      const marker = /^\s*(\d+[a-z]?)[.)]/.exec(this.text.slice(itemStart, itemStart + 12));
      nummer = { kind: 'nummer', label: marker?.[1] ?? '?', start: itemStart, end: offsetOf(item, 'end') };
      unit.absatz.items.push(nummer);
    }
    let first = true;
    for (const child of item.children) {
      const opensItem = first && ordered;
      first = false;
      if (child.type === 'paragraph') {
        const span = contentSpan(child);
        if (!span) continue;
        const letter = BUCHSTABE_LABEL.exec(this.text.slice(span.start, span.end));
        if (letter && nummer) this.addLetterItem(unit, letter, span);
        else {
          this.extendLetterItems(unit, span.end, nummer);
          this.addBlock(span, { item: opensItem });
        }
      } else if (child.type === 'code') {
        this.onIndentedText(child, nummer);
      } else {
        this.visit(child);
      }
    }
  }

  /**
   * Deeply indented law text (Doppelbuchstaben "        aa) …") is an indented code block to CommonMark.
   * In a draft it is prose: read it paragraph by paragraph. Fenced code stays code.
   */
  private onIndentedText(node: Nodes, nummer?: ItemNode): void {
    const start = offsetOf(node, 'start');
    const end = offsetOf(node, 'end');
    if (/^\s*(```|~~~)/.test(this.text.slice(start, start + 40))) return;
    const unit = this.ensureUnit();
    const before = unit.blocks.length;
    // The chunks /\S[\s\S]*?(?=\n[ \t]*\n|$)/g of text[start, end), found without copying them.
    const text = this.text;
    let at = start;
    for (;;) {
      while (at < end && isSpace(text.charCodeAt(at))) at++;
      if (at >= end) break;
      const chunkStart = at;
      let chunkEnd = end; // before a line break that a blank line follows, or the end
      for (let nl = text.indexOf('\n', chunkStart + 1); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) {
        let k = nl + 1;
        while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
        if (k < end && text.charCodeAt(k) === 10) {
          chunkEnd = nl;
          break;
        }
      }
      at = chunkEnd;
      let trimmed = chunkEnd;
      while (isSpace(text.charCodeAt(trimmed - 1))) trimmed--; // stops at the chunk's first character at the latest
      const span = { start: chunkStart, end: trimmed };
      const letter = letterLabel(text, chunkStart, chunkEnd);
      if (letter && nummer) this.addLetterItem(unit, letter, span);
      else {
        this.extendLetterItems(unit, span.end, nummer);
        this.addBlock(span);
      }
    }
    for (const block of unit.blocks.slice(before)) block.indented = true;
  }

  /** A Buchstabe "a)" or Doppelbuchstabe "aa)" paragraph; a Doppelbuchstabe lies inside its Buchstabe. */
  private addLetterItem(unit: AbsatzUnit, letter: RegExpExecArray, span: Span): void {
    const kind = letter[2] ? 'doppelbuchstabe' : 'buchstabe';
    if (kind === 'doppelbuchstabe') this.extendLetterItems(unit, span.end, undefined, BUCHSTABE_ONLY);
    unit.absatz.items.push({ kind, label: letter[0].slice(0, letter[0].indexOf(')')), start: span.start, end: span.end });
    this.addBlock({ start: span.start + letter[0].length, end: span.end }, { item: true });
  }

  /** Buchstaben run until the next one: later paragraphs of the same Nummer extend the open ones. */
  private extendLetterItems(unit: AbsatzUnit, end: number, nummer?: ItemNode, kinds: readonly ItemNode['kind'][] = LETTER_KINDS): void {
    const items = unit.absatz.items;
    const lastNummer = nummer ?? lastOfKind(items, 'nummer');
    for (const kind of kinds) {
      const last = lastOfKind(items, kind);
      if (last && lastNummer && last.start >= lastNummer.start) last.end = Math.max(last.end, end);
    }
  }

  private ensureUnit(): AbsatzUnit {
    return this.currentUnit ?? this.startAbsatz(undefined);
  }

  private startAbsatz(number: string | undefined): AbsatzUnit {
    const absatz: AbsatzNode = { number, sentences: [], items: [], start: -1, end: -1 };
    const unit: AbsatzUnit = {
      absatz,
      paragraph: this.currentParagraph,
      artikel: this.currentArtikel,
      part: this.part,
      heading: this.part === 'regelungstext' ? undefined : this.heading,
      blocks: [],
    };
    if (this.currentParagraph) this.currentParagraph.absaetze.push(absatz);
    else this.looseAbsaetze.push(absatz);
    this.units.push(unit);
    this.currentUnit = unit;
    return unit;
  }

  private addBlock(span: Span, flags: { cell?: boolean; item?: boolean } = {}): void {
    if (span.end <= span.start) return;
    const unit = this.ensureUnit();
    // One shape for every block (absent flags undefined): the sentence splitter reads them in a hot loop.
    unit.blocks.push({ start: span.start, end: span.end, cell: flags.cell, item: flags.item, indented: undefined });
    if (unit.absatz.start < 0) unit.absatz.start = span.start;
    unit.absatz.end = span.end;
    // In plain text without §§ every paragraph is its own Absatz.
    if (!this.currentParagraph && !flags.cell && !this.currentArtikel) this.currentUnit = undefined;
  }
}

const LETTER_KINDS: readonly ItemNode['kind'][] = ['buchstabe', 'doppelbuchstabe'];
const BUCHSTABE_ONLY: readonly ItemNode['kind'][] = ['buchstabe'];

/** The last item of a kind (a search from the end: lists of Nummern can be long). */
function lastOfKind(items: ItemNode[], kind: ItemNode['kind']): ItemNode | undefined {
  for (let k = items.length - 1; k >= 0; k--) if (items[k]!.kind === kind) return items[k];
  return undefined;
}

/** BUCHSTABE_LABEL on text[start, end), reading only its beginning unless the label's spaces run on. */
function letterLabel(text: string, start: number, end: number): RegExpExecArray | null {
  const headEnd = Math.min(end, start + 32);
  const letter = BUCHSTABE_LABEL.exec(text.slice(start, headEnd));
  if (letter && start + letter[0].length === headEnd && headEnd < end) return BUCHSTABE_LABEL.exec(text.slice(start, end));
  return letter;
}

/** The spans of the HTML nodes (block or inline) in a node, in document order. */
function collectHtml(node: Nodes, spans: Span[]): void {
  if (node.type === 'html') spans.push({ start: offsetOf(node, 'start'), end: offsetOf(node, 'end') });
  else if ('children' in node) for (const child of (node as Parents).children) collectHtml(child, spans);
}

/** Blanks out the HTML (`spans`, in order) so that comments and directives are never linted. */
function maskHtml(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const { start, end } of spans) {
    out += text.slice(last, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    last = end;
  }
  return out + text.slice(last);
}

/** "§ 3 Antrag", "**Artikel 2**", "Begründung" on a line of its own act as headings in plain text. */
function asHeadingLine(raw: string): string | undefined {
  const line = raw.replace(/^\*\*(.*)\*\*$/s, '$1').trim();
  if (line.includes('\n') || line.length > 150 || /[.:;,]$/.test(line)) return undefined;
  if (ARTIKEL.test(line) || PARAGRAPH.test(line) || BEGRUENDUNG.test(line) || VORBLATT.test(line)) {
    // "§ 3 gilt entsprechend" is a sentence, not a heading: headings have no finite verb we could check,
    // but a sentence of regulation ends with a dot, which we excluded above.
    return line;
  }
  return /^(Zu (§|Artikel|Nummer)\s|[A-F]\.\s+\p{Lu})/u.test(line) ? line : undefined;
}

function offsetOf(node: Nodes, which: 'start' | 'end'): number {
  return node.position?.[which].offset ?? 0;
}

/** The source span of a node's inline content (without the markers of headings or cells). */
function contentSpan(node: Nodes): Span | undefined {
  const children = 'children' in node ? (node as Parents).children : [];
  if (children.length === 0) return undefined;
  return { start: offsetOf(children[0]!, 'start'), end: offsetOf(children[children.length - 1]!, 'end') };
}

function plainText(text: string, node: Nodes): string {
  const span = contentSpan(node);
  if (!span) return '';
  return text.slice(span.start, span.end).replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}
