import { parse as parseYaml } from 'yaml';
import { analyse, type AbsatzUnit, type AnalysedDocument } from '../structure/parse.js';
import { addressOf } from '../structure/address.js';
import { trimEnd } from '../text/sentences.js';
import type { ItemNode, Span } from '../types.js';
import { formatPath, type Level, type UnitPath } from './refs.js';

/**
 * The text of a law in force (a base text, e.g. a corpus file), changed instruction by instruction.
 * Only the § (or Artikel) an instruction names is analysed, and only when needed: a whole law takes
 * hundreds of milliseconds to analyse, one § a few.
 */

/** A § or Artikel of the law: from its heading to the next heading. */
export interface TopUnit extends Span {
  kind: 'paragraph' | 'artikel';
  label: string;
  /** The heading line. */
  heading: Span;
  /** Markdown heading marks ("### "), to give an inserted § the same level. */
  marks: string;
}

/** A unit resolved in the current text: absolute spans. */
export interface ResolvedUnit extends Span {
  top: TopUnit;
  /** The kind of the innermost level ('paragraph' for a whole §). */
  kind: Level['kind'];
  /** The Absatz units the span lies in (to find sentences and addresses). */
  units: AbsatzUnit[];
  /** The label of an Absatz or item, with its marks: "(3)" or "3." (for repeal and renumbering). */
  label?: Span;
  /** "§ 23 Abs. 1 Satz 2" */
  address: string;
}

const TOP_HEADING = /^(#{1,6}[ \t]+)?(?:\*\*)?(§|Art(?:ikel|\.)?)[ \t]*(\d+[a-z]*)(?![\p{L}\p{N}])([^\n]*)$/gmu;
const ANY_HEADING = /^#{1,6}[ \t]/gm;

export class LawText {
  private topCache?: TopUnit[];
  private readonly localCache = new Map<string, AnalysedDocument>();

  /** `name` cites the law in messages ("BMG"). */
  constructor(public text: string, readonly name: string) {}

  /** Replaces text[start, end) and forgets every cached analysis. */
  splice(start: number, end: number, insert: string): void {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.topCache = undefined;
    this.localCache.clear();
  }

  tops(): TopUnit[] {
    if (this.topCache) return this.topCache;
    const text = this.text;
    const starts: number[] = [];
    for (const m of text.matchAll(ANY_HEADING)) starts.push(m.index);
    const tops: TopUnit[] = [];
    for (const m of text.matchAll(TOP_HEADING)) {
      const isMarkdownHeading = m[1] !== undefined;
      // Plain-text laws: "§ 3 Antrag" on a line of its own, not a sentence ("§ 3 gilt entsprechend.").
      if (!isMarkdownHeading && (/[.;,:]$/.test(m[0].trim()) || !blankAround(text, m.index, m.index + m[0].length))) continue;
      starts.push(m.index);
      tops.push({
        kind: m[2] === '§' ? 'paragraph' : 'artikel', label: m[3]!, start: m.index, end: text.length,
        heading: { start: m.index, end: m.index + m[0].length }, marks: m[1] ?? '',
      });
    }
    starts.sort((a, b) => a - b);
    for (const top of tops) {
      const next = starts.find((s) => s > top.start);
      top.end = trimEnd(text, next ?? text.length);
    }
    this.topCache = tops;
    return tops;
  }

  top(kind: 'paragraph' | 'artikel', label: string): TopUnit | undefined {
    return this.tops().find((t) => t.kind === kind && t.label === label);
  }

  /** The analysed text of one § (offsets relative to its start). */
  local(top: TopUnit): AnalysedDocument {
    const key = `${top.start}:${top.end}`;
    let doc = this.localCache.get(key);
    if (!doc) {
      doc = analyse(this.text.slice(top.start, top.end));
      this.localCache.set(key, doc);
    }
    return doc;
  }

  /**
   * Finds a unit by its path (§ 6 Absatz 3 Satz 5). Returns a German message naming the missing unit
   * if the law has no such unit.
   */
  resolve(path: UnitPath): ResolvedUnit | { missing: string } {
    const head = path[0];
    if (!head || (head.kind !== 'paragraph' && head.kind !== 'artikel')) {
      return { missing: `Der Änderungsbefehl nennt keinen § (${this.name}; Ziel: ${formatPath(path) || "keines"}).` };
    }
    const top = this.top(head.kind, head.labels[0]!);
    if (!top) return { missing: `${formatPath([head])} ${this.name} gibt es nicht.` };
    const doc = this.local(top);
    const units = doc.units.filter((u) => u.part === 'regelungstext' && u.blocks.length > 0);
    let current: ResolvedUnit = {
      top, kind: head.kind, units, start: top.start, end: top.end, address: formatPath([head]),
    };
    const at = (offset: number) => top.start + offset;
    for (let i = 1; i < path.length; i++) {
      const level = path[i]!;
      const label = level.labels[0];
      const where = `${formatPath(path.slice(0, i))} ${this.name}`;
      switch (level.kind) {
        case 'ueberschrift': {
          const title = /^(#{1,6}[ \t]+)?(?:\*\*)?(?:§|Art(?:ikel|\.)?)[ \t]*\d+[a-z]*[ \t.:–-]*/u.exec(this.text.slice(top.heading.start, top.heading.end));
          const start = top.heading.start + (title?.[0].length ?? 0);
          current = { ...current, kind: 'ueberschrift', start, end: top.heading.end, units: [] };
          break;
        }
        case 'absatz': {
          const found = current.units.filter((u) => u.absatz.number === label);
          if (found.length === 0) return { missing: `${where} hat keinen Absatz ${label}.` };
          const labelStart = this.text.lastIndexOf(`(${label})`, at(found[0]!.absatz.start));
          const labelSpan = labelStart >= at(0) ? { start: labelStart, end: labelStart + label!.length + 2 } : undefined;
          current = {
            ...current, kind: 'absatz', units: found, label: labelSpan,
            start: labelSpan?.start ?? at(found[0]!.absatz.start), end: at(found[found.length - 1]!.absatz.end),
          };
          break;
        }
        case 'satz': {
          if (current.kind === 'paragraph' && current.units.some((u) => u.absatz.number !== undefined)) {
            return { missing: `${where} ist in Absätze gegliedert; der Änderungsbefehl nennt keinen Absatz.` };
          }
          const sentences = current.units.flatMap((u) => u.absatz.sentences.map((s) => ({ s, u })));
          const n = Number(label);
          const hit = sentences[n - 1];
          if (!hit) return { missing: `${where} hat keinen Satz ${label} (nur ${sentences.length} ${sentences.length === 1 ? 'Satz' : 'Sätze'}).` };
          current = { ...current, kind: 'satz', units: [hit.u], start: at(hit.s.start), end: at(hit.s.end), label: undefined };
          break;
        }
        case 'nummer': case 'buchstabe': case 'doppelbuchstabe': {
          const item = this.findItem(current, level.kind, label!, at);
          if (!item) return { missing: `${where} hat ${ITEM_NAMES[level.kind]} ${label}.` };
          const marker = /^[ \t]*(\d+[a-z]?\.|[a-z]{1,3}\))/.exec(this.text.slice(at(item.start), at(item.end)));
          current = {
            ...current, kind: level.kind, start: at(item.start), end: at(item.end),
            label: marker ? { start: at(item.start) + marker[0].length - marker[1]!.length, end: at(item.start) + marker[0].length } : undefined,
          };
          break;
        }
        case 'eingang': case 'schluss': {
          const items = current.units.flatMap((u) => u.absatz.items)
            .filter((it) => it.kind === 'nummer' && at(it.start) >= current.start && at(it.end) <= current.end);
          if (items.length === 0) return { missing: `${where} hat keine Aufzählung.` };
          current = level.kind === 'eingang'
            ? { ...current, kind: 'eingang', end: at(items[0]!.start), label: undefined }
            : { ...current, kind: 'schluss', start: at(items[items.length - 1]!.end), label: undefined };
          break;
        }
        default:
          return { missing: `${formatPath(path)} ${this.name}: diese Gliederungsebene kann dclint nicht auflösen.` };
      }
    }
    current.address = formatPath(path);
    return current;
  }

  private findItem(current: ResolvedUnit, kind: ItemNode['kind'], label: string, at: (o: number) => number): ItemNode | undefined {
    for (const unit of current.units) {
      for (const item of unit.absatz.items) {
        if (item.kind === kind && item.label === label && at(item.start) >= current.start - 8 && at(item.end) <= current.end + 1) return item;
      }
    }
    return undefined;
  }

  /** Where the text of a unit starts: after the label "(1) " of an Absatz. */
  resolveStart(unit: ResolvedUnit): number {
    const first = unit.units[0];
    return unit.kind === 'absatz' && first ? unit.top.start + first.absatz.start : unit.start;
  }

  /** The sentences (absolute spans) that overlap [start, end) inside a resolved unit. */
  sentencesAround(unit: ResolvedUnit, start: number, end: number): Span[] {
    const base = unit.top.start;
    const all = unit.units.flatMap((u) => u.absatz.sentences).map((s) => ({ start: base + s.start, end: base + s.end }));
    const hit = all.filter((s) => s.start < Math.max(end, start + 1) && start < s.end);
    if (hit.length === 0) return [{ start: unit.start, end: unit.end }];
    return [{ start: hit[0]!.start, end: hit[hit.length - 1]!.end }];
  }

  /** The address of an offset of the current text in citation style ("§ 18 Abs. 5 Satz 1"). */
  addressAt(offset: number): string | undefined {
    const top = this.tops().find((t) => offset >= t.start && offset <= t.end);
    if (!top) return undefined;
    const doc = this.local(top);
    const local = offset - top.start;
    const unit = doc.units.find((u) => u.blocks.some((b) => local >= b.start && local <= b.end));
    return unit ? addressOf(unit, local) : formatPath([{ kind: top.kind, labels: [top.label] }]);
  }
}

const ITEM_NAMES: Record<string, string> = { nummer: 'keine Nummer', buchstabe: 'keinen Buchstaben', doppelbuchstabe: 'keinen Doppelbuchstaben' };

/** A plain-text heading stands alone: a blank line (or the start) before it, a blank line (or the end) after it. */
function blankAround(text: string, start: number, end: number): boolean {
  const before = start === 0 || /\n[ \t]*\n$/.test(text.slice(Math.max(0, start - 40), start));
  const after = end >= text.length || /^\n[ \t]*(\n|$)/.test(text.slice(end, end + 40));
  return before && after;
}

/** Title and abbreviation of a base text: YAML front matter (Title, jurabk) or the first heading "Name (ABK)". */
export function describeLaw(text: string): { title?: string; abbreviation?: string } {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  let meta: Record<string, unknown> = {};
  try {
    const parsed: unknown = front ? parseYaml(front) : undefined;
    if (parsed && typeof parsed === 'object') meta = parsed as Record<string, unknown>;
  } catch {
    // A broken front matter only costs the title; the heading may still name the law.
  }
  const h1 = /^#[ \t]+(.+?)(?:[ \t]+\(([^()]+)\))?[ \t]*$/m.exec(text);
  const title = typeof meta.Title === 'string' ? meta.Title.replace(/\s+/g, ' ').trim() : h1?.[1]?.trim();
  const abbreviation = typeof meta.jurabk === 'string' ? meta.jurabk.trim() : h1?.[2]?.trim();
  return { title, abbreviation };
}
