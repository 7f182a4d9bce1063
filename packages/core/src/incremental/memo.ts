import type { RootContent } from 'mdast';
import type { SectionCache } from '../structure/markdown.js';
import type { Span } from '../types.js';
import type { Token } from '../text/tokens.js';
import type { Candidates, MatchStore } from '../rules/matcher-index.js';

/**
 * What an IncrementalLinter remembers between two versions of a document, each piece keyed by the full
 * text it was computed from (so a hit is exactly what computing again would give): parsed sections, and
 * per Absatz its sentence spans, words, and the anchors and candidates of patterns in each sentence, and
 * the matches of code rules per § or Absatz. Offsets are stored relative to the start of their piece.
 *
 * While `lint()` runs for an IncrementalLinter its memo is the active one; the functions of the pipeline
 * ask `activeMemo()` and compute as always when there is none. Entries not used by the latest version
 * are dropped after it, so the memory holds about one document.
 */
export class Memo implements SectionCache {
  private run = 0;
  private readonly sections = new Map<string, Entry<RootContent[]>>();
  readonly units = new Tier<UnitMemo>(this);
  readonly codeMatches = new Tier<unknown>(this);
  /** Per version: the memo of each Absatz by its blocks (so its key is made and hashed once). */
  current = new WeakMap<object, UnitMemo>();

  get generation(): number {
    return this.run;
  }

  get(text: string): RootContent[] | undefined {
    const entry = this.sections.get(text);
    if (entry) entry.used = this.run;
    return entry?.value;
  }

  set(text: string, nodes: RootContent[]): void {
    this.sections.set(detached(text), { value: nodes, used: this.run });
  }

  /** Starts a version: entries it does not use are dropped when it ends. */
  begin(): void {
    this.run++;
    this.current = new WeakMap();
  }

  end(): void {
    sweep(this.sections, this.run);
    this.units.sweep(this.run);
    this.codeMatches.sweep(this.run);
  }
}

/** What is remembered of one Absatz (offsets relative to its first block; sentences by their relative start). */
export interface UnitMemo {
  /** Offsets and kinds of the blocks (the key is their text). */
  layout: string;
  splits?: Span[];
  tokens?: Token[];
  /** Whether a pattern's anchor occurs in the sentence, for this number of registered patterns. */
  anchors?: { patterns: number; bySentence: Map<number, boolean> };
  candidates?: { patterns: number; bySentence: Map<number, Candidates> };
  /** Matches of each pattern in each sentence (token indices). */
  matches?: Map<number, MatchStore>;
  /** The words as last placed in the document (the same objects while the Absatz does not move). */
  placed?: { base: number; tokens: Token[] };
}

interface Entry<T> {
  value: T;
  used: number;
}

/** One kind of remembered result, by key. */
export class Tier<T> {
  private readonly entries = new Map<string, Entry<T>>();
  constructor(private readonly memo: Memo) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry) entry.used = this.memo.generation;
    return entry?.value;
  }

  set(key: string, value: T): void {
    this.entries.set(detached(key), { value, used: this.memo.generation });
  }

  sweep(run: number): void {
    sweep(this.entries, run);
  }
}

function sweep<T>(entries: Map<string, Entry<T>>, run: number): void {
  for (const [key, entry] of entries) if (entry.used !== run) entries.delete(key);
}

/**
 * A copy of a key that does not keep the document it was cut from alive (a slice of a string may point
 * into it, and kept keys would hold one old version of the document each).
 */
export function detached(key: string): string {
  return (' ' + key).slice(1);
}

/**
 * Plain data (findings, summaries) with every string detached from the text it was cut from: kept across
 * versions, a cut-out word would otherwise keep its whole version of a large law in memory.
 */
export function detachedDeep<T>(value: T): T {
  if (typeof value === 'string') return (value.length >= 13 ? detached(value) : value) as T;
  if (Array.isArray(value)) return value.map(detachedDeep) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) copy[key] = detachedDeep(v);
  return copy as T;
}

let active: Memo | undefined;

/** The memo of the IncrementalLinter now linting, if any. */
export function activeMemo(): Memo | undefined {
  return active;
}

/** Runs `fn` with `memo` active (nested lint calls share it: all entries are keyed by content). */
export function withMemo<T>(memo: Memo, fn: () => T): T {
  const previous = active;
  active = memo;
  try {
    return fn();
  } finally {
    active = previous;
  }
}
