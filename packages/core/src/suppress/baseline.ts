import type { Finding, Span, Structure } from '../types.js';
import { sha256Hex } from './hash.js';

/**
 * One accepted finding in a baseline file (`dclint-baseline.json`). It is anchored to the rule, the legal
 * unit and a hash of the normalised sentence, never to line numbers: it survives added lines, reflowed
 * text and renumbered Absätze or Nummern as long as the sentence itself is unchanged.
 */
export interface BaselineEntry {
  /** Path of the draft, relative to the baseline file, with "/" separators. */
  file: string;
  ruleId: string;
  /** Legal address when the entry was written; preferred, but not required, when matching. */
  unit: string;
  /** First 16 hex digits of the SHA-256 of the normalised sentence. */
  sentenceHash: string;
  /** The matched words (whitespace collapsed): tells apart two findings of a rule in one sentence. */
  excerpt: string;
  /** Who accepted the finding, when (ISO date) and why. */
  author: string;
  date: string;
  reason: string;
}

export interface BaselineMatch {
  /** Findings no entry covers. */
  findings: Finding[];
  /** Covered findings, with `suppressed: { kind: 'baseline', justification }`. */
  suppressed: Finding[];
  /** Entries that matched no finding (stale: the sentence changed or the barrier is gone). */
  unmatched: BaselineEntry[];
  /** For each input finding, the entry that accepted it (undefined: not accepted). */
  matches: Array<BaselineEntry | undefined>;
}

/** Sentence text as hashed: NFC, without Markdown emphasis, list labels, soft hyphens and line breaks. */
export function normaliseSentence(text: string): string {
  return text.normalize('NFC').replace(/\u00ad/g, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

const normaliseExcerpt = (excerpt: string) => excerpt.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Computes the sentence hash of findings of one document. The hashed text is the smallest legal unit
 * around the finding: the Satz, or inside an enumeration the Nummer or Buchstabe (or the intro before the
 * first Nummer) – so that adding, removing or renumbering other Nummern keeps the fingerprint.
 */
export class SentenceFingerprints {
  /** Segments in document order: a sentence without items is one segment; items split it further. */
  private segmentList?: Array<Span & { label: number }>;
  private readonly memo = new Map<number, string>();

  constructor(private readonly text: string, private readonly structure: Structure) {}

  /** Made on first use: most drafts of a corpus have no finding to hash. */
  private get segments(): Array<Span & { label: number }> {
    if (this.segmentList) return this.segmentList;
    const { text, structure } = this;
    const segments: Array<Span & { label: number }> = [];
    for (const absatz of [...structure.paragraphs.flatMap((p) => p.absaetze), ...structure.looseAbsaetze]) {
      // The distinct starts of its items, ascending: each sentence takes those inside it (one search each).
      const starts = [...new Set(absatz.items.map((i) => i.start))].sort((x, y) => x - y);
      for (const s of absatz.sentences) {
        let k = firstAbove(starts, s.start);
        const itemAtStart = k > 0 && starts[k - 1] === s.start;
        if (!itemAtStart && (k === starts.length || starts[k]! >= s.end)) {
          segments.push({ start: s.start, end: s.end, label: s.start });
          continue;
        }
        // Each segment starting at an item loses its label ("2.", "b)"): renumbering keeps the hash.
        let start = s.start;
        for (; k < starts.length && starts[k]! < s.end; k++) {
          segments.push({ start, end: starts[k]!, label: labelEnd(text, start) });
          start = starts[k]!;
        }
        segments.push({ start, end: s.end, label: labelEnd(text, start) });
      }
    }
    return (this.segmentList = segments.sort((x, y) => x.start - y.start));
  }

  /** The hash of the sentence (or Nummer, Buchstabe) containing `offset`; outside any, of its line. */
  hashAt(offset: number): string {
    let hash = this.memo.get(offset);
    if (hash === undefined) {
      hash = sha256Hex(normaliseSentence(this.sentenceTextAt(offset))).slice(0, 16);
      this.memo.set(offset, hash);
    }
    return hash;
  }

  sentenceTextAt(offset: number): string {
    const segment = this.find(offset);
    if (!segment) {
      const start = this.text.lastIndexOf('\n', offset - 1) + 1;
      const end = this.text.indexOf('\n', offset);
      return this.text.slice(start, end === -1 ? this.text.length : end);
    }
    return this.text.slice(Math.min(segment.label, segment.end), segment.end);
  }

  private find(offset: number): (Span & { label: number }) | undefined {
    let low = 0;
    let high = this.segments.length - 1;
    let best: (Span & { label: number }) | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const s = this.segments[mid]!;
      if (s.start <= offset) {
        best = s;
        low = mid + 1;
      } else high = mid - 1;
    }
    return best && offset < best.end ? best : undefined;
  }
}

/** The index of the first value above `value` in an ascending list. */
function firstAbove(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The end of a list label at `start` ("1. ", "2a) ", "b) "), or `start` when there is none. */
function labelEnd(text: string, start: number): number {
  const m = /^[ \t]*(?:\d+[a-z]*[.)]|[a-z]{1,2}\))[ \t]*/.exec(text.slice(start, start + 16));
  return start + (m ? m[0].length : 0);
}

/** The baseline entry that would accept `finding` (without file, who, when and why). */
export function baselineKey(finding: Finding, sentenceHash: string): Pick<BaselineEntry, 'ruleId' | 'unit' | 'sentenceHash' | 'excerpt'> {
  return { ruleId: finding.ruleId, unit: finding.unit, sentenceHash, excerpt: normaliseExcerpt(finding.excerpt) };
}

/**
 * Matches the findings of one draft against the baseline entries for that draft (`sentenceHashes[i]` is
 * the hash of the sentence of `findings[i]`, see SentenceFingerprints). Each entry accepts at
 * most one finding; an entry whose legal unit is unchanged is preferred, otherwise rule, sentence and
 * excerpt decide (the Absatz may have been renumbered).
 */
export function applyBaseline(findings: Finding[], sentenceHashes: string[], entries: BaselineEntry[]): BaselineMatch {
  const pool = new Map<string, BaselineEntry[]>();
  const keyOf = (e: Pick<BaselineEntry, 'ruleId' | 'sentenceHash' | 'excerpt'>) => `${e.ruleId}\0${e.sentenceHash}\0${normaliseExcerpt(e.excerpt)}`;
  for (const entry of entries) {
    const key = keyOf(entry);
    pool.set(key, [...(pool.get(key) ?? []), entry]);
  }
  const keys = findings.map((f, i) => baselineKey(f, sentenceHashes[i]!));
  const matched: Array<BaselineEntry | undefined> = Array.from({ length: findings.length }, () => undefined);
  // First pass: same unit; second pass: any unit.
  for (const sameUnit of [true, false]) {
    keys.forEach((key, i) => {
      if (matched[i]) return;
      const candidates = pool.get(keyOf(key));
      const index = candidates?.findIndex((e) => !sameUnit || e.unit === key.unit) ?? -1;
      if (index >= 0) matched[i] = candidates!.splice(index, 1)[0];
    });
  }
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  findings.forEach((finding, i) => {
    const entry = matched[i];
    if (entry) suppressed.push({ ...finding, suppressed: { kind: 'baseline', justification: entry.reason } });
    else kept.push(finding);
  });
  const used = new Set(matched);
  return { findings: kept, suppressed, unmatched: entries.filter((e) => !used.has(e)), matches: matched };
}
