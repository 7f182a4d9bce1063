import type { Token } from '../text/tokens.js';
import type { CodeRule, RawMatch, SentenceContext } from './index.js';

/**
 * zustaendigkeit-offen: the draft gives „die zuständige Behörde“ tasks (at least twice) but no provision of it says
 * which authority that is. Reported once per document, at the first such mention; the others are listed as
 * related places. Mentions in penalty provisions and of foreign authorities do not count.
 *
 * Quiet when the draft assigns competence anywhere („Zuständige Behörde im Sinne dieses Gesetzes ist …“,
 * „Das Bundesamt ist zuständig“, „Die Landesregierungen bestimmen die zuständigen Behörden“, a § titled
 * „Zuständigkeit“), and never on the deliberate formula „die nach Landesrecht zuständige Behörde“ or on a
 * mention that says where competence comes from („die nach § 5 zuständige Behörde“, „die für … zuständige“).
 */

/** Wordings that assign competence somewhere in the draft (lower-cased text, whitespace folded). */
const ASSIGNMENT = new RegExp([
  String.raw`\bzuständig\b`,
  String.raw`\bzuständigkeit(en)?\b`,
  String.raw`\bbestimm(t|en)\b[^.;]{0,200}\bzuständig`,
  String.raw`\bzuständig\w*\s+(behörde|behörden|stelle|stellen)\s+(zu\s+)?bestimm`,
  String.raw`\b(nach\s+landesrecht|landesrechtlich)\b`,
  String.raw`\b(obliegt|obliegen)\b[^.;]{0,150}\b(durchführung|ausführung|vollzug)|\b(durchführung|ausführung|vollzug)\b[^.;]{0,150}\b(obliegt|obliegen)\b`,
  String.raw`\bbehörden?\s+im\s+sinne\s+(dieses|dieser)\b`,
  String.raw`zuständige\s+behörden?\s*(:|“|")`,
  String.raw`(^|[.;:]\s)zuständige\s+behörden?\s+(ist|sind)\b`,
  String.raw`\baufgaben\b[^.;]{0,150}\b(wahrgenommen|nimmt|nehmen)\b`,
].join('|'), 'u');

/** Words that may stand before „zuständige Behörde“ without saying which one it is. */
const DETERMINERS = new Set(['die', 'der', 'den', 'dem', 'des', 'eine', 'einer', 'einen', 'jede', 'jeder', 'jeweils', 'alle', 'allen', 'und', 'oder', 'sowie']);
/** Words after „zuständige Behörde“ that qualify it („nach § 5“, „des Landes“, „im Sinne …“, „in deren Bezirk“). */
const POSTPOSED_QUALIFIERS = new Set(['nach', 'im', 'gemäß', 'des', 'der', 'eines', 'einer', 'für', 'in', 'am', 'bei', 'aus']);

export const zustaendigkeitOffen: CodeRule = ({ doc, sentences }) => {
  // Whether a draft assigns competence can only be read from the whole draft: a text without §§ is an excerpt.
  if (!sentences.some((s) => s.unit.paragraph)) return [];
  const text = sentences.map((s) => doc.matchText.slice(s.start, s.end)).join(' ').replace(/\s+/g, ' ').toLowerCase();
  if (ASSIGNMENT.test(text)) return [];
  if (doc.structure.paragraphs.some((p) => p.title && /zuständig/iu.test(p.title))) return [];
  const mentions = sentences.filter((s) => !isPenaltyOrForeign(s, doc.matchText))
    .flatMap((s) => bareMentions(s.tokens, doc.matchText));
  // A single mention is often a reference to an authority of another law; the draft relies on one it never
  // names when it gives „the competent authority“ tasks at least twice.
  if (mentions.length < 2) return [];
  const [first, ...others] = mentions;
  return [{
    ...first!,
    related: others.slice(0, 20).map((m) => ({ ...m, message: 'Weitere Nennung der zuständigen Behörde ohne Zuweisung' })),
  }];
};

/**
 * Penalty provisions point to duties defined elsewhere, „bleibt unberührt“ to powers under another law; foreign
 * authorities are not the draft's to assign.
 */
const PENALTY = /\b(ordnungswidrig|ordnungswidrigkeit|ordnungswidrigkeiten|geldbuße|freiheitsstrafe|geldstrafe)\b/u;
const FOREIGN = /\b(mitgliedstaat\w*|vertragsstaat\w*|herkunftsstaat\w*|herkunftsmitgliedstaat\w*|drittstaat\w*|drittland\w*|ausländisch\w*|anderen\s+staat\w*|ausland\w*|europäischen\s+union)\b/u;

function isPenaltyOrForeign(sentence: SentenceContext, text: string): boolean {
  const paragraph = sentence.unit.paragraph;
  const scope = paragraph ? text.slice(paragraph.start, paragraph.end) : text.slice(sentence.start, sentence.end);
  if (PENALTY.test(scope.toLowerCase())) return true;
  const own = text.slice(sentence.start, sentence.end).toLowerCase();
  // „Die Befugnis der zuständigen Behörden nach dem … bleibt unberührt“ points to another law's authority.
  return FOREIGN.test(own) || /\bunberührt\b/u.test(own);
}

/** „(die) zuständige Behörde“ without any word that says which authority is meant. */
export function bareMentions(tokens: Token[], text: string): RawMatch[] {
  const found: RawMatch[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!/^zuständige[nr]?$/.test(tokens[i]!.lower) || !/^behörden?$/.test(tokens[i + 1]!.lower)) continue;
    const before = tokens[i - 1]?.lower;
    if (before !== undefined && !DETERMINERS.has(before)) continue;
    const after = tokens[i + 2]?.lower;
    if (after !== undefined && POSTPOSED_QUALIFIERS.has(after)) continue;
    // „der zuständigen Behörde/Bewilligungsstelle des Landes“
    if (text.slice(tokens[i + 1]!.end, tokens[i + 1]!.end + 1) === '/') continue;
    found.push({ start: tokens[i]!.start, end: tokens[i + 1]!.end });
  }
  return found;
}
