import type { AbsatzUnit, AnalysedDocument } from '../structure/parse.js';
import { wordKey } from '../text/stem.js';
import type { Span } from '../types.js';

/**
 * Begriffsbestimmungen (legal definitions) in a law or draft, found in the forms federal law uses:
 *
 *   (3) Arbeitgeber im Sinne dieses Gesetzes sind natürliche und juristische Personen, …
 *   (1) Im Sinne dieses Gesetzes sind                       ← an intro, then one definition per Nummer:
 *       1.  Milch: das durch Melken gewonnene Erzeugnis …
 *       2.  „Umgebungslärm“ belästigende Geräusche …
 *       3.  Arbeitstage die Wochentage Montag bis Freitag …
 *
 * Used by the rule begriff-uneinheitlich and by scripts/build-term-index.mjs (the index of terms that
 * federal law defines most often), so both read definitions the same way.
 */
export interface Definition {
  /** The term as written, e.g. "Arbeitgeber". */
  term: string;
  /** Comparison key: the word keys of the term (inflection and case folded). */
  key: string;
  /** Span of the term in the document. */
  termSpan: Span;
  /** What the term is defined as, whitespace-normalised (for comparing two definitions). */
  content: string;
  /** The whole definition (sentence or Nummer). */
  span: Span;
  /** "Gesetzes", "Verordnung", "Abschnitts" …: the scope named by "im Sinne dieses …". */
  scope: string;
  /** The definition points to another provision ("im Sinne des § 14 BGB", "nach § 3 …"). */
  refersElsewhere: boolean;
  unit: AbsatzUnit;
}

const ARTICLE = String.raw`(?:(?:Ein|Eine|Der|Die|Das|Als)\s+)?`;
/** One to three words, the first and last capitalised ("Zuständige Behörde", "Sonstige Rechtsvorschriften"). */
const TERM = String.raw`((?:[\p{Lu}][\p{L}\p{N}-]*\s+)?(?:[\p{L}][\p{L}\p{N}-]*\s+)?[\p{Lu}][\p{L}\p{N}-]*)`;
const SCOPE = String.raw`im\s+Sinne\s+(?:dieses|dieser)\s+([\p{L}-]+)`;
const VERB = String.raw`(?:ist|sind|bedeutet|bedeuten|bezeichnet|bezeichnen|gilt|gelten)`;
/** "Arbeitgeber im Sinne dieses Gesetzes sind …" at the start of a sentence. */
const INLINE = new RegExp(String.raw`^${ARTICLE}${TERM}\s+${SCOPE}\b[^.;:]{0,80}?\s${VERB}\b[\s,]*`, 'u');
/** "Als Einkommen gilt …": a definition by fiction, common in social and tax law. */
const AS = new RegExp(String.raw`^Als\s+${TERM}\s+(?:gilt|gelten)\b(?!\s+(?:nicht|auch|ferner|ebenfalls))[\s,]*`, 'u');
/** "Im Sinne dieses Gesetzes sind" / "Für die Zwecke dieser Verordnung bezeichnet der Ausdruck" ending an intro. */
const INTRO = new RegExp(String.raw`(?:^|\s)(?:im\s+Sinne|für\s+die\s+Zwecke|im\s+Rahmen)\s+(?:dieses|dieser)\s+([\p{L}-]+)\b[^.]{0,60}?(?:${VERB}(?:\s+oder\s+${VERB})?(?:\s+(?:der|die)\s+(?:Ausdruck|Ausdrücke|Begriff|Begriffe))?|[^.]*:)\s*:?\s*$`, 'iu');
/** The term at the start of a Nummer: „Term“ …, Term: …, or Term followed by an article. */
const ITEM_QUOTED = /^„([^“”"]{1,80})[“”"]\s*/u;
const ITEM_COLON = new RegExp(String.raw`^${TERM}\s*:\s*`, 'u');
const ITEM_WHO = new RegExp(String.raw`^${TERM},\s+(?=wer\s)`, 'u');
const ITEM_ARTICLE = /^((?:[\p{Lu}][\p{L}\p{N}-]*)(?:\s+(?:und|oder|[\p{Lu}][\p{L}\p{N}-]*)){0,3})\s+(?=(?:der|die|das|ein|eine|einer|eines|einen|jede|jeder|jedes|jeden|alle|solche|diejenigen|derjenige|diejenige|dasjenige)\s)/u;
/** A pointer to another provision inside a definition. */
const REFERENCE = /\bim\s+Sinne\s+(?:des|der|von|nach)\b|(?:§|Artikel|Art\.)\s*\d/u;
const ARTICLES = new Set(['der', 'die', 'das', 'ein', 'eine']);

export function termKey(term: string): string {
  return term.split(/\s+/).filter((w) => w && !ARTICLES.has(w.toLowerCase()))
    .map((w) => wordKey(w.toLowerCase())).join(' ');
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** All definitions in the given Absatz units (by default every unit of the Regelungstext). */
export function findDefinitions(
  doc: AnalysedDocument, units = doc.units.filter((u) => u.part === 'regelungstext'),
): Definition[] {
  const found: Definition[] = [];
  const text = doc.matchText;
  // Cheap tests first: INLINE needs „Sinne“, AS „Als“ at the start, INTRO one of three words.
  let from = text.length;
  let to = 0;
  for (const unit of units) {
    for (const block of unit.blocks) {
      from = Math.min(from, block.start);
      to = Math.max(to, block.end);
    }
  }
  const hasSinne = occursIn(text, /Sinne/gu, Math.min(from, to), to);
  const mayOpenIntro = occursIn(text, /sinne|zwecke|rahmen/giu, Math.min(from, to), to);
  for (const unit of units) {
    // Sentence-initial definitions.
    for (const s of unit.absatz.sentences) {
      if (!hasSinne(s) && !text.startsWith('Als', s.start)) continue;
      const sentence = text.slice(s.start, s.end);
      const m = INLINE.exec(sentence) ?? AS.exec(sentence);
      if (!m) continue;
      const termStart = s.start + m.index + m[0].indexOf(m[1]!);
      const content = normalise(sentence.slice(m[0].length));
      found.push(make(m[1]!, termStart, content, s, m[2] ?? 'Gesetzes', unit));
    }
    // An intro followed by one definition per Nummer or Buchstabe.
    for (let b = 0; b < unit.blocks.length; b++) {
      if (!mayOpenIntro(unit.blocks[b]!)) continue;
      const intro = INTRO.exec(normalise(text.slice(unit.blocks[b]!.start, unit.blocks[b]!.end)));
      if (!intro) continue;
      for (let i = b + 1; i < unit.blocks.length && unit.blocks[i]!.item; i++) {
        const block = unit.blocks[i]!;
        const raw = text.slice(block.start, block.end);
        const m = ITEM_QUOTED.exec(raw) ?? ITEM_COLON.exec(raw) ?? ITEM_WHO.exec(raw) ?? ITEM_ARTICLE.exec(raw);
        if (!m) continue;
        const termStart = block.start + raw.indexOf(m[1]!);
        const rest = normalise(raw.slice(m[0].length).replace(/^[\s:,]+/, ''));
        // The definition may continue in the blocks below (a colon, then an indented text).
        let content = rest;
        for (let j = i + 1; !content && j < unit.blocks.length && !unit.blocks[j]!.item; j++) {
          content = normalise(text.slice(unit.blocks[j]!.start, unit.blocks[j]!.end));
        }
        found.push(make(m[1]!, termStart, content, block, intro[1]!, unit));
      }
    }
  }
  // "Beschäftigte im Sinne dieses Gesetzes sind nicht …" excludes, it does not define.
  return found.filter((d) => d.key.length > 0 && d.term.length >= 3 && !/^nicht\b/.test(d.content));
}

function make(term: string, termStart: number, content: string, span: Span, scope: string, unit: AbsatzUnit): Definition {
  const clean = normalise(term);
  return {
    term: clean,
    key: termKey(clean),
    termSpan: { start: termStart, end: termStart + term.trimEnd().length },
    content,
    span: { start: span.start, end: span.end },
    scope,
    refersElsewhere: REFERENCE.test(content),
    unit,
  };
}

/**
 * Whether the expression (flag g) matches inside a span of text[from, to). For spans asked in increasing order
 * that part of the text is searched once, not once per span.
 */
export function occursIn(text: string, expression: RegExp, from = 0, to = text.length): (span: Span) => boolean {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  let searchedFrom = Infinity;
  let found: Span | undefined;
  return (span) => {
    const start = span.start - from;
    if (start < searchedFrom || (found && found.start < start)) {
      searchedFrom = start;
      expression.lastIndex = Math.max(0, start);
      const m = expression.exec(part);
      found = m ? { start: m.index, end: m.index + m[0].length } : undefined;
    }
    return found !== undefined && found.end <= span.end - from;
  };
}

/** Content compared without punctuation, case and the final "und"/"oder" of a list entry. */
export function sameContent(a: string, b: string): boolean {
  const canon = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/\s(und|oder)\s*$/u, '').trim();
  return canon(a) === canon(b);
}
