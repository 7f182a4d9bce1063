import type { CodeRule, CodeRuleContext, RawMatch, SentenceContext } from './index.js';
import { personalDataProcessing } from './personal-data.js';
import { groupByParagraph } from './paragraphs.js';

/**
 * zweckbindung-fehlt: a § orders or permits that personal data be collected, stored, transmitted or otherwise
 * processed but states no purpose. Art. 5 Abs. 1 Buchst. b and Art. 6 Abs. 3 DSGVO require the legal basis to name
 * it; systems can only enforce a purpose that the law writes down. One finding per §, on the first such verb.
 *
 * Anything that reads like a purpose keeps the rule quiet: „Zweck“ in any form („zu diesem Zweck“,
 * „Forschungszwecke“), „zur/zum …“ („zur Erfüllung ihrer Aufgaben“), „für die Durchführung …“, „um … zu“, „dient“,
 * necessity clauses („soweit dies … erforderlich ist“) and, in the sentence itself, a reference to another
 * provision that may carry the purpose („nach § 19“, „unter den Voraussetzungen des Artikels 6“).
 */
const PURPOSE = new RegExp([
  String.raw`zweck`,
  String.raw`\b(zur|zum)\s+(?!verfügung\b)\p{L}`,
  String.raw`\bfür\s+(die|den|das|ein|eine|einen)\s+(\p{L}+\s+){0,2}\p{L}*(ung|ungen|verfahren|aufgabe|aufgaben)\b`,
  String.raw`\bum\s+[^.;]{0,160}\bzu\b`,
  String.raw`\b(dient|dienen|dienende|dienenden)\b`,
  String.raw`\b(erforderlich|erforderlichen|erforderliche|notwendig|notwendigen|benötigt|unerlässlich)\b`,
].join('|'), 'u');
const REFERENCE = /§|\bartikel\s+\d|\bart\.\s*\d|\bnach\s+maßgabe\b|\bvoraussetzungen\b|rechtsvorschrift/u;

export const zweckbindungFehlt: CodeRule = Object.assign(({ doc, sentences }: CodeRuleContext) => {
  const matches: RawMatch[] = [];
  const lower = (s: SentenceContext) => doc.matchText.slice(s.start, s.end).replace(/\s+/g, ' ').toLowerCase();
  for (const group of groupByParagraph(sentences)) {
    // Whether a § states a purpose can only be read from the whole §: a text without §§ is an excerpt.
    if (!group[0]!.unit.paragraph) continue;
    let verb: RawMatch | undefined;
    const trigger = group.find((s) => (verb = personalDataProcessing(s.tokens, ['collect', 'store', 'transmit', 'process'])));
    if (!trigger || !verb || REFERENCE.test(lower(trigger))) continue;
    if (PURPOSE.test(group.map(lower).join(' '))) continue;
    matches.push(verb);
  }
  return matches;
}, {
  /** What it finds in a § depends only on that §. An editor re-runs it only where the text changed. */
  scope: 'paragraph' as const,
});
