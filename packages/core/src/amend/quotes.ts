import type { Span } from '../types.js';

/** A German quotation „…“ in the draft: `start`/`end` include the marks, `inner` is the quoted text. */
export interface Quote extends Span {
  inner: Span;
}

const OPENERS = new Set(['„']);
// “ is the correct closing mark; ” is a frequent typo in drafts.
const CLOSERS = new Set(['“', '”']);

/**
 * The top-level quotations in text[from, to). Quotations nest („… „…“ …“, as drafts write inner quotes
 * when they forget ‚…‘); only the outermost ones are returned. An unclosed quotation is reported in
 * `unclosed` so that the instruction can be rejected instead of misread.
 */
export function findQuotes(text: string, from: number, to: number): { quotes: Quote[]; unclosed?: number } {
  if (!text.slice(from, to).includes('„') && text.slice(from, to).includes('"')) return straightQuotes(text, from, to);
  const quotes: Quote[] = [];
  let depth = 0;
  let open = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (OPENERS.has(ch)) {
      if (depth === 0) open = i;
      depth++;
    } else if (CLOSERS.has(ch) && depth > 0) {
      depth--;
      if (depth === 0) quotes.push({ start: open, end: i + 1, inner: { start: open + 1, end: i } });
    }
  }
  return depth > 0 ? { quotes, unclosed: open } : { quotes };
}

/** Drafts typed without typographic quotes write "…": they pair up in order (no nesting). */
function straightQuotes(text: string, from: number, to: number): { quotes: Quote[]; unclosed?: number } {
  const quotes: Quote[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    if (text[i] !== '"') continue;
    if (open < 0) open = i;
    else {
      quotes.push({ start: open, end: i + 1, inner: { start: open + 1, end: i } });
      open = -1;
    }
  }
  return open >= 0 ? { quotes, unclosed: open } : { quotes };
}

/** A text cut out of the draft, with the draft offset of every run of characters. */
export interface Excerpt {
  text: string;
  /** Runs in `text` order: text[at, at + length) comes from draft[from, from + length). */
  runs: Array<{ at: number; from: number; length: number }>;
}

/**
 * The quoted text of a multi-line quotation as a document of its own: the lines after the first lose
 * their common indentation (the list indentation of the draft), so that "(2) …" or "§ 3a …" start a
 * line as they would in the law.
 */
export function quotedText(text: string, inner: Span): Excerpt {
  const lines: Array<{ start: number; end: number }> = [];
  let lineStart = inner.start;
  for (let i = inner.start; i <= inner.end; i++) {
    if (i === inner.end || text[i] === '\n') {
      lines.push({ start: lineStart, end: i });
      lineStart = i + 1;
    }
  }
  const indents = lines.slice(1)
    .map((l) => text.slice(l.start, l.end))
    .filter((l) => l.trim() !== '')
    .map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  const out: Excerpt = { text: '', runs: [] };
  lines.forEach((line, i) => {
    if (i > 0) append(out, '\n', line.start - 1);
    const start = i === 0 ? line.start : Math.min(line.start + cut, line.end);
    append(out, text.slice(start, line.end), start);
  });
  return out;
}

function append(out: Excerpt, piece: string, from: number): void {
  if (piece === '') return;
  const last = out.runs[out.runs.length - 1];
  if (last && last.from + last.length === from && last.at + last.length === out.text.length) last.length += piece.length;
  else out.runs.push({ at: out.text.length, from, length: piece.length });
  out.text += piece;
}
