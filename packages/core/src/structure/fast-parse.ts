import type { RootContent } from 'mdast';

/**
 * A fast block parser for the plain legal Markdown that makes up almost all laws and drafts:
 * ATX and setext headings, paragraphs, bullet and ordered lists (nested, with lazy lines), block quotes,
 * indented code and thematic breaks. It follows the CommonMark block algorithm (as in the reference implementation
 * commonmark.js) and yields the nodes remark-parse would yield, with the same offsets, as far as the
 * structure builder reads them: type, start and end offset, `ordered`, children, and one text child
 * spanning the inline content of a paragraph or heading (inline syntax never moves those bounds).
 *
 * Whatever it does not understand it refuses (returns undefined), and the caller parses that part with
 * remark-parse, the reference: fenced code, HTML and autolinks ("<" before a letter, "/",
 * "!" or "?"), possible link reference definitions, tabs, a lone carriage return, NUL, a BOM.
 * A test compares both parsers on a sample of the federal-law corpus.
 */

type Kind = 'document' | 'blockquote' | 'list' | 'listItem' | 'paragraph' | 'heading' | 'code' | 'thematicBreak';

interface Block {
  kind: Kind;
  parent: Block | undefined;
  children: Block[];
  open: boolean;
  start: number;
  end: number;
  /** Paragraph and heading: the span of the inline content (end < 0: none). */
  contentStart: number;
  contentEnd: number;
  /** List and list item. */
  ordered: boolean;
  marker: number;
  /** List item: column of the marker and width of marker plus spaces (its content column). */
  markerOffset: number;
  padding: number;
  /** Code started on a lazy line (a list item did not continue): micromark ends it with that line. */
  lazy: boolean;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const PAREN = 41;
const UNDERSCORE = 95;
const EQUALS = 61;
const BRACKET = 91;
const GT = 62;
const BACKTICK = 96;
const TILDE = 126;
const COLON = 58;
const LT = 60;
const QUOTE = 34;
const APOSTROPHE = 39;
const PAREN_OPEN = 40;
const LF = 10;
const CODE_INDENT = 4;

/** Characters whose presence sends a section to remark-parse. */
const REFUSED = /<[A-Za-z/!?]|[\t\0\uFEFF]|```|~~~|\r(?!\n)/;

class Refused extends Error {}

function block(kind: Kind, parent: Block | undefined, start: number): Block {
  return {
    kind, parent, children: [], open: true, start, end: start, contentStart: start, contentEnd: -1,
    ordered: false, marker: 0, markerOffset: 0, padding: 0, lazy: false,
  };
}

/**
 * Parses text[from, to) (from at a line start) into top-level mdast nodes with absolute offsets,
 * or returns undefined when the section needs remark-parse.
 */
export function fastParse(text: string, from = 0, to = text.length): RootContent[] | undefined {
  let start = from;
  let matter: RootContent | undefined;
  if (from === 0 && (text.startsWith('---') || text.startsWith('+++'))) {
    const end = frontMatterEnd(text);
    if (end < 0 || end > to) return undefined;
    matter = { type: text.startsWith('---') ? 'yaml' : 'toml', value: '', position: span(0, end) } as RootContent;
    start = text.indexOf('\n', end) + 1 || to;
  }
  const slice = start === 0 && to === text.length ? text : text.slice(start, to);
  if (REFUSED.test(slice)) return undefined;
  try {
    const nodes = new BlockParser(text, start, to).parse();
    if (matter) nodes.unshift(matter);
    return nodes;
  } catch (error) {
    if (error instanceof Refused) return undefined;
    throw error;
  }
}

/**
 * The end of front matter (remark-frontmatter: "---" or "+++" on the first line and again on a later
 * line, each optionally followed by spaces or tabs): the offset after the closing fence, before its line
 * ending; -1 without front matter.
 */
export function frontMatterEnd(text: string): number {
  const fence = text.startsWith('---') ? '---' : text.startsWith('+++') ? '+++' : undefined;
  if (!fence) return -1;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let contentEnd = end;
    if (contentEnd > start && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
    let trimmed = contentEnd;
    while (trimmed > start && isSpaceOrTab(text.charCodeAt(trimmed - 1))) trimmed--;
    const isFence = trimmed - start === 3 && text.startsWith(fence, start);
    if (start === 0 && !isFence) return -1;
    if (start > 0 && isFence) return contentEnd;
    start = end + 1;
  }
  return -1;
}

/** The one text child of a paragraph or heading: it spans the inline content. */
function text(start: number, end: number) {
  return { type: 'text', value: '', position: span(start, end) };
}

function span(start: number, end: number) {
  return { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
}

class BlockParser {
  private readonly doc: Block;
  private tip: Block;
  private oldTip: Block;
  private lastMatched: Block;
  private allClosed = true;
  // The current line: [lineStart, lineEnd) without its line ending; positions are absolute.
  private lineStart = 0;
  private lineEnd = 0;
  private offset = 0;
  private nextNonspace = 0;
  private indent = 0;
  private indented = false;
  private blank = false;
  /** Some open list item did not continue on this line and no new one started (micromark's "lazy"). */
  private lazyLine = false;
  /**
   * An empty list item was ended by a blank line. micromark keeps it open until the next line with text,
   * which is then lazy (unless it starts a list item).
   */
  private emptyItemEnded = false;
  /**
   * micromark's "interrupt": every open list item continued and the line would otherwise go on with an open
   * paragraph, or ends an indented code block (whose continuation micromark still awaits). List items that
   * start on such a line cannot be empty, and ordered ones must start with "1".
   */
  private interrupt = false;

  constructor(private readonly text: string, private readonly from: number, private readonly to: number) {
    this.doc = block('document', undefined, from);
    this.tip = this.doc;
    this.oldTip = this.doc;
    this.lastMatched = this.doc;
  }

  parse(): RootContent[] {
    const { text, to } = this;
    let start = this.from;
    while (start < to) {
      let newline = text.indexOf('\n', start);
      if (newline < 0 || newline >= to) newline = to;
      let end = newline;
      if (end > start && text.charCodeAt(end - 1) === CR) end--;
      this.incorporateLine(start, end);
      start = newline + 1;
    }
    while (this.tip !== this.doc) this.finalize(this.tip);
    this.finalize(this.doc);
    return this.doc.children.map((b) => this.toMdast(b));
  }

  private findNextNonspace(): void {
    const { text } = this;
    let i = this.offset;
    while (i < this.lineEnd && text.charCodeAt(i) === SPACE) i++;
    this.nextNonspace = i;
    this.indent = i - this.offset;
    this.indented = this.indent >= CODE_INDENT;
    this.blank = i >= this.lineEnd;
  }

  private incorporateLine(lineStart: number, lineEnd: number): void {
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.offset = lineStart;
    this.oldTip = this.tip;
    let container = this.doc;
    let codeEnds = false;
    this.lazyLine = false;

    // Open containers that the line continues.
    let last: Block | undefined;
    while ((last = container.children[container.children.length - 1]) && last.open) {
      container = last;
      this.findNextNonspace();
      if (!this.continues(container)) {
        if (container.kind === 'listItem' || container.kind === 'blockquote') this.lazyLine = true;
        codeEnds = container.kind === 'code' && !container.lazy;
        container = container.parent!;
        break;
      }
    }
    this.interrupt = container.kind === 'paragraph' || codeEnds;
    this.findNextNonspace();
    if (!this.blank && this.emptyItemEnded) {
      this.emptyItemEnded = false;
      this.lazyLine = true;
    }
    this.allClosed = container === this.oldTip;
    this.lastMatched = container;

    // New block starts.
    let matchedLeaf = container.kind === 'code';
    while (!matchedLeaf) {
      this.findNextNonspace();
      const started = this.blockStart(container);
      if (started === 0) {
        this.offset = this.nextNonspace;
        break;
      }
      container = this.tip;
      if (started === 2) matchedLeaf = true;
    }

    // The rest of the line is text: a lazy paragraph line, a line of the container, or a new paragraph.
    if (!this.allClosed && !this.blank && this.tip.kind === 'paragraph') {
      this.addLine(this.tip);
      return;
    }
    this.closeUnmatchedBlocks();
    if (container.kind === 'paragraph' || container.kind === 'code') {
      this.addLine(container);
    } else if (this.offset < this.lineEnd && !this.blank) {
      const paragraph = this.addChild('paragraph', this.nextNonspace);
      this.offset = this.nextNonspace;
      this.addLine(paragraph);
    }
  }

  /** Whether an open block continues on this line (consuming its prefix). */
  private continues(b: Block): boolean {
    switch (b.kind) {
      case 'list':
      case 'document':
        return true;
      case 'blockquote':
        if (this.indented || this.text.charCodeAt(this.nextNonspace) !== GT) return false;
        this.offset = this.nextNonspace + 1;
        if (this.text.charCodeAt(this.offset) === SPACE) this.offset++;
        b.end = this.lineEnd;
        return true;
      case 'listItem':
        if (this.blank) {
          if (b.children.length === 0) {
            this.emptyItemEnded = true; // a blank line after an empty item ends it
            return false;
          }
          this.offset = this.nextNonspace;
          return true;
        }
        if (this.indent >= b.markerOffset + b.padding) {
          this.offset += b.markerOffset + b.padding;
          return true;
        }
        return false;
      case 'paragraph':
        return !this.blank;
      case 'code':
        if (b.lazy) return false;
        if (this.indent >= CODE_INDENT) {
          this.offset += CODE_INDENT;
          return true;
        }
        if (this.blank) {
          this.offset = this.nextNonspace;
          return true;
        }
        return false;
      default:
        return false; // heading, thematic break: one line
    }
  }

  /** Tries the block starts in CommonMark order: 0 none, 1 container started, 2 leaf started. */
  private blockStart(container: Block): number {
    const { text } = this;
    const at = this.nextNonspace;
    const c = at < this.lineEnd ? text.charCodeAt(at) : -1;
    if (!this.indented) {
      if (c === GT) {
        this.closeUnmatchedBlocks();
        this.addChild('blockquote', at).end = this.lineEnd;
        this.offset = at + 1;
        if (text.charCodeAt(this.offset) === SPACE) this.offset++;
        return 1;
      }
      if (c === HASH) {
        const heading = this.atxHeading(at);
        if (heading) return 2;
      }
      if ((c === BACKTICK || c === TILDE) && text.startsWith(c === BACKTICK ? '```' : '~~~', at)) throw new Refused();
      if (container.kind === 'paragraph' && (c === EQUALS || c === DASH) && this.isSetextUnderline(at, c)) {
        // The paragraph becomes a setext heading: same start and content, ending with the underline.
        this.closeUnmatchedBlocks();
        this.checkDefinition(container);
        container.kind = 'heading';
        container.end = this.lineEnd;
        this.offset = this.lineEnd;
        this.finalize(container);
        return 2;
      }
      if ((c === STAR || c === DASH || c === UNDERSCORE) && this.isThematicBreak(at, c)) {
        this.closeUnmatchedBlocks();
        const b = this.addChild('thematicBreak', at);
        b.end = this.lineEnd;
        this.offset = this.lineEnd;
        return 2;
      }
    }
    if ((!this.indented || container.kind === 'list') && this.listItem(container)) {
      this.lazyLine = false;
      return 1;
    }
    if (this.indented && this.tip.kind !== 'paragraph' && !this.blank) {
      const start = this.offset;
      this.offset += CODE_INDENT;
      this.closeUnmatchedBlocks();
      this.addChild('code', start).lazy = this.lazyLine;
      return 2;
    }
    return 0;
  }

  private atxHeading(at: number): boolean {
    const { text, lineEnd } = this;
    let i = at;
    while (i < lineEnd && text.charCodeAt(i) === HASH) i++;
    const level = i - at;
    if (level > 6 || (i < lineEnd && text.charCodeAt(i) !== SPACE)) return false;
    this.closeUnmatchedBlocks();
    const heading = this.addChild('heading', at);
    heading.end = lineEnd;
    // Content: after the marker and its spaces, without trailing spaces and a closing sequence of #.
    let start = i;
    while (start < lineEnd && text.charCodeAt(start) === SPACE) start++;
    let end = lineEnd;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    let hashes = end;
    while (hashes > start && text.charCodeAt(hashes - 1) === HASH) hashes--;
    if (hashes === start) end = start; // only #s: empty heading
    else if (hashes < end && text.charCodeAt(hashes - 1) === SPACE) {
      end = hashes;
      while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    }
    heading.contentStart = start;
    heading.contentEnd = end > start ? end : -1;
    this.offset = lineEnd;
    return true;
  }

  private isSetextUnderline(at: number, c: number): boolean {
    const { text, lineEnd } = this;
    let i = at;
    while (i < lineEnd && text.charCodeAt(i) === c) i++;
    while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
    return i === lineEnd;
  }

  private isThematicBreak(at: number, c: number): boolean {
    const { text, lineEnd } = this;
    let count = 0;
    for (let i = at; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === c) count++;
      else if (ch !== SPACE) return false;
    }
    return count >= 3;
  }

  /** A list item start (commonmark.js parseListMarker); opens the list if needed. */
  private listItem(container: Block): boolean {
    if (this.indent >= CODE_INDENT) return false;
    const { text, lineEnd } = this;
    const at = this.nextNonspace;
    const c = text.charCodeAt(at);
    let markerEnd: number;
    let ordered = false;
    let marker = c;
    if (c === STAR || c === PLUS || c === DASH) {
      markerEnd = at + 1;
    } else {
      let i = at;
      while (i < lineEnd && i - at < 10 && isDigit(text.charCodeAt(i))) i++;
      const digits = i - at;
      const delimiter = i < lineEnd ? text.charCodeAt(i) : -1;
      if (digits === 0 || digits > 9 || (delimiter !== DOT && delimiter !== PAREN)) return false;
      // Interrupting, an ordered list must start with exactly "1" (as micromark has it).
      if (this.interrupt && (digits !== 1 || c !== 49)) return false;
      ordered = true;
      marker = delimiter;
      markerEnd = i + 1;
    }
    const next = markerEnd < lineEnd ? text.charCodeAt(markerEnd) : -1;
    if (next !== -1 && next !== SPACE) return false;
    if (this.interrupt) {
      let j = markerEnd;
      while (j < lineEnd && text.charCodeAt(j) === SPACE) j++;
      if (j >= lineEnd) return false; // an empty item cannot interrupt a paragraph
    }
    // Padding: the marker plus 1–4 spaces; with 5 or more (indented code) or none, marker plus one.
    let spaces = 0;
    while (markerEnd + spaces < lineEnd && spaces < 5 && text.charCodeAt(markerEnd + spaces) === SPACE) spaces++;
    const blankItem = markerEnd + spaces >= lineEnd;
    const markerWidth = markerEnd - at;
    const markerOffset = this.indent;
    let padding: number;
    if (spaces >= 5 || spaces < 1 || blankItem) {
      padding = markerWidth + 1;
      this.offset = markerEnd + (next === SPACE ? 1 : 0);
    } else {
      padding = markerWidth + spaces;
      this.offset = markerEnd + spaces;
    }
    this.closeUnmatchedBlocks();
    if (this.tip.kind !== 'list' || this.tip.ordered !== ordered || this.tip.marker !== marker) {
      const list = this.addChild('list', at);
      list.ordered = ordered;
      list.marker = marker;
    }
    const item = this.addChild('listItem', at);
    item.ordered = ordered;
    item.marker = marker;
    item.markerOffset = markerOffset;
    item.padding = padding;
    item.end = lineEnd;
    return true;
  }

  private checkDefinition(paragraph: Block): void {
    if (this.text.charCodeAt(paragraph.start) === BRACKET && mayBeDefinition(this.text, paragraph.start, paragraph.end)) {
      throw new Refused();
    }
  }

  private addLine(b: Block): void {
    if (b.kind === 'paragraph') {
      b.end = this.lineEnd;
      let end = this.lineEnd;
      while (end > b.start && isSpaceOrTab(this.text.charCodeAt(end - 1))) end--;
      b.contentEnd = end;
    } else if (!this.blank) {
      b.end = this.lineEnd; // code ends at its last line with text
    }
  }

  private addChild(kind: Kind, start: number): Block {
    while (!canContain(this.tip.kind, kind)) this.finalize(this.tip);
    const child = block(kind, this.tip, start);
    this.tip.children.push(child);
    this.tip = child;
    return child;
  }

  private closeUnmatchedBlocks(): void {
    if (this.allClosed) return;
    while (this.oldTip !== this.lastMatched) {
      const parent = this.oldTip.parent!;
      this.finalize(this.oldTip);
      this.oldTip = parent;
    }
    this.allClosed = true;
  }

  private finalize(b: Block): void {
    b.open = false;
    if (b.kind === 'paragraph') this.checkDefinition(b);
    const last = b.children[b.children.length - 1];
    if (b.kind === 'listItem' && last) b.end = last.end;
    if (b.kind === 'list' && last) b.end = last.end;
    if (b.kind === 'blockquote' && last && last.end > b.end) b.end = last.end; // a lazy last line
    if (b.parent) this.tip = b.parent;
  }

  private toMdast(b: Block): RootContent {
    const position = span(b.start, b.end);
    switch (b.kind) {
      case 'paragraph':
        return { type: 'paragraph', position, children: [text(b.contentStart, b.contentEnd)] } as RootContent;
      case 'heading':
        return {
          type: 'heading', depth: 1, position, children: b.contentEnd > b.contentStart ? [text(b.contentStart, b.contentEnd)] : [],
        } as RootContent;
      case 'list':
        return { type: 'list', ordered: b.ordered, position, children: b.children.map((c) => this.toMdast(c)) } as RootContent;
      case 'listItem':
        return { type: 'listItem', position, children: b.children.map((c) => this.toMdast(c)) } as RootContent;
      case 'blockquote':
        return { type: 'blockquote', position, children: b.children.map((c) => this.toMdast(c)) } as RootContent;
      case 'code':
        return { type: 'code', value: '', position } as RootContent;
      default:
        return { type: 'thematicBreak', position } as RootContent;
    }
  }
}

/**
 * Whether a paragraph starting with "[" may begin with a link reference definition ("[label]: destination"
 * with an optional title). Only when it certainly does not is the paragraph kept; otherwise remark decides.
 */
function mayBeDefinition(text: string, start: number, end: number): boolean {
  let i = start + 1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++; // backslash escape
    else if (c === BRACKET) return false;
    else if (c === 93) break;
  }
  if (i >= end || text.charCodeAt(i + 1) !== COLON) return false;
  i += 2;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  if (i < end && (text.charCodeAt(i) === LF || text.charCodeAt(i) === CR)) {
    i = text.indexOf('\n', i) + 1;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
  }
  if (i >= end) return false; // no destination
  if (text.charCodeAt(i) === LT) return true;
  while (i < end && !isWhitespace(text.charCodeAt(i))) i++;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  return c === LF || c === CR || c === QUOTE || c === APOSTROPHE || c === PAREN_OPEN;
}

function isWhitespace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

function canContain(parent: Kind, child: Kind): boolean {
  if (parent === 'document' || parent === 'blockquote') return child !== 'listItem';
  if (parent === 'list') return child === 'listItem';
  if (parent === 'listItem') return child !== 'listItem';
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}
