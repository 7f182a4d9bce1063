import { addressOf } from '../structure/address.js';
import type { CodeRule, RawMatch, SentenceContext } from './index.js';
import type { AnalysedDocument } from '../structure/parse.js';
import { groupwise, lazily } from './paragraphs.js';
import { findDefinitions, occursIn, sameContent, termKey, type Definition } from './definitions.js';
import { federalDefinitions } from './term-index.js';
import type { Span } from '../types.js';

/**
 * begriff-uneinheitlich (principle 2.1): a term the draft defines
 *  1. twice, with different content;
 *  2. and then uses "im Sinne" of another law's provision (so it means something else there);
 *  3. although federal law already defines it often (term-index.ts, built from the corpus), without
 *     referring to an existing definition.
 * Findings of 1 and 2 point at the other place with relatedInformation.
 */
const WHOLE_LAW = /^(Gesetzes|Gesetzbuchs|Gesetzbuches|Buches|Verordnung)$/;
/** "<Term> im Sinne des § 2 Absatz 4 des Einkommensteuergesetzes": up to three words before the reference. */
const FOREIGN_USE = /((?:[\p{L}][\p{L}\p{N}-]*\s+){0,2}[\p{Lu}][\p{L}\p{N}-]*)\s+im\s+Sinne\s+(?:des|der|von)\s+(?:§§?|Artikel|Art\.)\s*\d[^.;]{0,120}/gu;
/** The reference names another law: "des Einkommensteuergesetzes", "der Abgabenordnung", "EStG", "SGB II". */
const OTHER_LAW = /\b(?:des|der)\s+(?!dieses\b|dieser\b)[\p{Lu}][\p{L}-]*(?:gesetz|gesetzes|gesetzbuch|gesetzbuches|gesetzbuchs|ordnung|verordnung)\b|\bBuches\s+Sozialgesetzbuch\b|\b[\p{Lu}][\p{L}]*[\p{Lu}][\p{L}]*\b/u;

/** A definition as summarised: plain data, with its address. */
type Defined = Omit<Definition, 'unit'> & { where: string };

/** „<Term> im Sinne des § … des <anderen Gesetzes>“: the words that may be the term, longest first. */
interface ForeignUse {
  candidates: Array<Span & { text: string; key: string }>;
}

interface Summary {
  definitions: Defined[];
  uses: ForeignUse[];
}

export const begriffUneinheitlich: CodeRule = groupwise<Summary>({
  summarise: lazily<Summary>({
    definitions: (doc, sentences) => definitionsIn(doc, sentences).map(({ unit, ...d }) => ({ ...d, where: addressOf(unit, d.termSpan.start) })),
    uses: (doc, sentences) => foreignUses(doc, sentences, definitionsIn(doc, sentences)),
  }),
  combine: (summaries) => {
    const definitions = summaries.flatMap((s) => s.definitions);
    const matches: RawMatch[] = [];
    const reported = new Set<Defined>();

    // 1. Defined twice with different content.
    const firstByKey = new Map<string, Defined>();
    for (const d of definitions) {
      const first = firstByKey.get(d.key);
      if (!first) {
        firstByKey.set(d.key, d);
        continue;
      }
      // "X im Sinne dieses Gesetzes sind auch …" extends the first definition; it does not contradict it.
      if (sameContent(first.content, d.content) || /^(auch|ferner|ebenfalls)\b/.test(d.content)) continue;
      reported.add(d);
      matches.push({
        ...d.termSpan,
        message: `„${d.term}“ wird hier anders bestimmt als in ${first.where}. Bitte verwenden Sie für einen Begriff `
          + 'eine Bestimmung oder geben Sie dem zweiten Begriff einen eigenen Namen.',
        related: [{ ...first.termSpan, message: `Andere Bestimmung von „${first.term}“ (${first.where})` }],
      });
    }

    // 2. A term defined for the whole draft, used with the meaning of another law.
    const wholeLaw = definitions.filter((d) => WHOLE_LAW.test(d.scope) && !d.refersElsewhere);
    for (const use of wholeLaw.length > 0 ? summaries.flatMap((s) => s.uses) : []) {
      for (const candidate of use.candidates) {
        const def = wholeLaw.find((d) => d.key === candidate.key);
        if (!def) continue;
        matches.push({
          start: candidate.start,
          end: candidate.end,
          message: `„${candidate.text}“ ist in ${def.where} für dieses Gesetz bestimmt, wird hier aber im Sinne einer anderen `
            + 'Vorschrift verwendet. Bitte verwenden Sie einen Begriff nur in einer Bedeutung oder verweisen Sie schon in der '
            + 'Begriffsbestimmung auf die andere Vorschrift.',
          related: [{ ...def.termSpan, message: `Begriffsbestimmung von „${def.term}“ (${def.where})` }],
        });
        break;
      }
    }

    // 3. A new definition of a term federal law already defines, without a reference to one of those definitions.
    const seen = new Set<string>();
    for (const d of definitions) {
      const indexed = federalDefinitions[d.key];
      if (!indexed || d.refersElsewhere || reported.has(d) || seen.has(d.key)) continue;
      seen.add(d.key);
      matches.push({
        ...d.termSpan,
        message: `„${d.term}“ ist schon in ${indexed.laws} Gesetzen und Verordnungen des Bundes bestimmt (z. B. `
          + `${indexed.examples.join(', ')}). Bitte prüfen Sie, ob Sie auf eine bestehende Begriffsbestimmung verweisen `
          + `können („${d.term} im Sinne des § … des …“), damit Daten zwischen den Verfahren wiederverwendet werden können.`,
      });
    }
    return matches.sort((a, b) => a.start - b.start);
  },
});

function definitionsIn(doc: AnalysedDocument, sentences: SentenceContext[]): Definition[] {
  return findDefinitions(doc, [...new Set(sentences.map((s) => s.unit))]);
}

/** Where the sentences use a term „im Sinne“ of another law's provision (outside the definitions themselves). */
function foreignUses(doc: AnalysedDocument, sentences: SentenceContext[], definitions: Definition[]): ForeignUse[] {
  const uses: ForeignUse[] = [];
  const inDefinition = overlapTest(definitions.map((d) => d.span));
  // FOREIGN_USE needs „Sinne“, which most sentences lack.
  const hasSinne = occursIn(doc.matchText, /Sinne/gu, sentences[0]!.start, sentences[sentences.length - 1]!.end);
  for (const s of sentences) {
    if (!hasSinne(s) || inDefinition(s)) continue;
    const text = doc.matchText.slice(s.start, s.end);
    for (const m of text.matchAll(FOREIGN_USE)) {
      if (!OTHER_LAW.test(m[0].slice(m[1]!.length))) continue;
      const words = m[1]!.split(/\s+/);
      const candidates: ForeignUse['candidates'] = [];
      for (let n = Math.min(3, words.length); n >= 1; n--) {
        if (/^(der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen)$/i.test(words[words.length - n]!)) continue;
        const candidate = words.slice(-n).join(' ');
        const start = s.start + m.index! + m[1]!.lastIndexOf(candidate);
        candidates.push({ start, end: start + candidate.length, text: candidate, key: termKey(candidate) });
      }
      uses.push({ candidates });
    }
  }
  return uses;
}

/** Whether a span overlaps one of the given spans: binary search over their merged union. */
function overlapTest(spans: Span[]): (span: Span) => boolean {
  const union: Span[] = [];
  for (const x of [...spans].sort((a, b) => a.start - b.start)) {
    const last = union[union.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else union.push({ start: x.start, end: x.end });
  }
  return ({ start, end }) => {
    let lo = 0;
    let hi = union.length;
    while (lo < hi) { // the first merged span ending after `start`
      const mid = (lo + hi) >> 1;
      if (union[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < union.length && union[lo]!.start < end;
  };
}
