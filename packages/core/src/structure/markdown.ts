import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Parents, Root, RootContent } from 'mdast';
import { fastParse, frontMatterEnd } from './fast-parse.js';

/**
 * Markdown to mdast, fast: the text is cut into sections at headings ("# …" at the start of a line, which
 * always begins a new block), each section is parsed by the fast block parser, and only the sections it
 * refuses (tables, HTML, quotes, fenced code …) by remark-parse. The result has the same block nodes with
 * the same offsets as remark-parse over the whole text (`parseWithRemark`, the reference).
 */

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** The reference parser: remark-parse (with front matter) over the whole text. */
export function parseWithRemark(text: string): Root {
  return processor.parse(text);
}

/** A parsed section: its top-level nodes, offsets relative to the section start. */
export type SectionNodes = RootContent[];

export function parseMarkdown(text: string): Root {
  const children: RootContent[] = [];
  forEachSection(text, (nodes) => {
    for (const node of nodes) children.push(node);
  });
  const end = { line: 0, column: 0, offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/**
 * The top-level nodes of parseMarkdown, handed over a section (or a run of chunks) at a time, in order, so
 * that a caller can read them and let them go: the nodes of a whole law at once need not exist.
 */
export function forEachSection(text: string, visit: (nodes: RootContent[]) => void): void {
  const chunks = chunksOf(text);
  const pull = () => {
    const next = chunks.next();
    return next.done ? undefined : next.value;
  };
  let chunk = pull();
  let following = pull();
  while (chunk) {
    let to = following?.from ?? text.length;
    let nodes = chunk.nodes ?? (chunk.refused ? undefined : fastNodes(text, chunk.from, to));
    if (!nodes) {
      // remark-parse; a fenced code block or HTML block at the end may run on into the next chunk.
      for (;;) {
        nodes = remarkNodes(text, chunk.from, to);
        if (to === text.length || !mayRunOn(nodes, text, chunk.from, to)) break;
        following = pull();
        to = following?.from ?? text.length;
      }
    }
    visit(nodes);
    chunk = following;
    following = pull();
  }
}

/**
 * The chunks of the text: a section the fast parser takes, with its nodes; a section it refuses is cut
 * further, at lines that begin a new top-level block after a blank line, so that remark-parse only sees the
 * part it is needed for.
 */
function* chunksOf(text: string): Generator<{ from: number; nodes?: RootContent[]; refused?: boolean }> {
  const starts = sectionStarts(text);
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    const to = starts[k + 1] ?? text.length;
    const nodes = fastNodes(text, from, to);
    if (nodes) {
      yield { from, nodes };
      continue;
    }
    const inner = blockStarts(text, from, to);
    for (const start of inner) yield { from: start, refused: inner.length === 1 };
  }
}

/**
 * Offsets where sections start: 0 and every line that is an ATX heading at column 0 (outside front matter).
 * Such a line ends every open block except a fenced code block or HTML block, which parseMarkdown checks.
 */
export function sectionStarts(text: string): number[] {
  const starts = [0];
  let from = Math.max(0, frontMatterEnd(text));
  for (;;) {
    const at = text.indexOf('\n#', from);
    if (at < 0) break;
    const line = at + 1;
    if (line > starts[starts.length - 1]! && isAtxLine(text, line)) starts.push(line);
    from = line;
  }
  return starts;
}

function isAtxLine(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && i - at < 7 && text.charCodeAt(i) === 35) i++;
  const level = i - at;
  if (level < 1 || level > 6) return false;
  const c = text.charCodeAt(i);
  return i >= text.length || c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Starts of top-level blocks in [from, to): `from` and every line at column 0 after a blank line that does
 * not start a list item (so lists stay whole). Such a line begins a new block after anything but fenced
 * code, HTML or indented code, which parseMarkdown checks (mayRunOn).
 */
function blockStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  let at = Math.max(from, frontMatterEnd(text));
  const blank = /\n[ \t]*\r?\n(?=[^ \t\r\n])/g;
  for (;;) {
    blank.lastIndex = at;
    const m = blank.exec(text);
    if (!m || m.index + m[0].length >= to) break;
    const line = m.index + m[0].length;
    if (!LIST_ITEM.test(text.slice(line, line + 12))) starts.push(line);
    at = line - 1;
  }
  return starts;
}

const LIST_ITEM = /^(?:[*+-]|\d{1,9}[.)])(?:[ \t\r\n]|$)/;

/** Fast-parsed nodes of text[from, to) with absolute offsets, or undefined when remark-parse is needed. */
function fastNodes(text: string, from: number, to: number): RootContent[] | undefined {
  return fastParse(text, from, to);
}

function remarkNodes(text: string, from: number, to: number): RootContent[] {
  const nodes = processor.parse(from === 0 && to === text.length ? text : text.slice(from, to)).children;
  return from === 0 ? nodes : nodes.map((n) => shifted(n, from));
}

/** Whether the last block of a chunk is fenced code or HTML reaching its end (it might continue). */
function mayRunOn(nodes: RootContent[], text: string, from: number, to: number): boolean {
  const last = nodes[nodes.length - 1];
  if (!last || (last.type !== 'code' && last.type !== 'html')) return false;
  // Indented code ends at a line with less indentation, as every chunk starts: only fenced code runs on.
  if (last.type === 'code' && !/^ {0,3}(```|~~~)/.test(text.slice(last.position?.start.offset ?? 0))) return false;
  let end = to;
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  return (last.position?.end.offset ?? 0) >= end;
}

/** A copy of a node with every offset moved by `delta` (line and column are not used downstream). */
function shifted<T extends Nodes>(node: T, delta: number): T {
  const copy = { ...node } as T;
  if (node.position) {
    copy.position = {
      start: { ...node.position.start, offset: (node.position.start.offset ?? 0) + delta },
      end: { ...node.position.end, offset: (node.position.end.offset ?? 0) + delta },
    };
  }
  if ('children' in node) {
    (copy as Parents).children = (node as Parents).children.map((c) => shifted(c, delta)) as Parents['children'];
  }
  return copy;
}
