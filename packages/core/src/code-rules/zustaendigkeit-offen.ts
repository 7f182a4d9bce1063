import type { Token } from '../text/tokens.js';
import type { CodeRule, RawMatch, SentenceContext } from './index.js';
import { groupwise, lazily, paragraphMatches } from './paragraphs.js';

/**
 * zustaendigkeit-offen: the draft gives „die zuständige Behörde“ tasks (three times or more) but no provision of it says
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
  String.raw`\bzuständig\w*\s+(behörde|behörden|stelle|stellen)\b[^.;]{0,80}\bzu\s+bestimmen\b`,
  String.raw`\b(nach\s+landesrecht|landesrechtlich)\b`,
  String.raw`\b(obliegt|obliegen)\b[^.;]{0,150}\b(durchführung|ausführung|vollzug)|\b(durchführung|ausführung|vollzug)\b[^.;]{0,150}\b(obliegt|obliegen)\b`,
  String.raw`\bbehörden?\s+im\s+sinne\s+(dieses|dieser)\b`,
  String.raw`zuständige\s+behörden?\s*(:|“|")`,
  String.raw`(^|[.;:]\s)zuständige\s+behörden?\s+(ist|sind)\b`,
  String.raw`(^|[.;:]\s)zuständige\s+behörden?\s+(im\s+sinne|nach|für|gemäß)\s[^.;]{0,150}?\s(ist|sind)\s`,
  String.raw`zuständige\s+behörden?\s+(ist|sind)\s*[,.;]`,
  String.raw`\baufgaben\b[^.;]{0,150}\b(wahrgenommen|nimmt|nehmen)\b`,
].join('|'), 'u');

/** How often the draft must speak of the unnamed authority before it counts as relying on it. */
const MIN_MENTIONS = 3;
/** Words that may stand before „zuständige Behörde“ without saying which one it is. */
const DETERMINERS = new Set(['die', 'der', 'den', 'dem', 'des', 'eine', 'einer', 'einen', 'jede', 'jeder', 'jeweils', 'alle', 'allen', 'und', 'oder', 'sowie']);
/** An inflected past participle after the authority: „von der zuständigen Behörde ausgestellte Bescheinigung“. */
const DESCRIBING_PARTICIPLE = /^(?!\p{L}+zu\p{L})(ge|er|aus|be|ver|zu|an|ab|fest)\p{L}*(te|ten|tes|ter|tem|ene|enen|ener|enes)$/u;
/** Words after „zuständige Behörde“ that qualify it („nach § 5“, „des Landes“, „im Sinne …“, „in deren Bezirk“). */
const POSTPOSED_QUALIFIERS = new Set(['nach', 'im', 'gemäß', 'des', 'der', 'eines', 'einer', 'für', 'in', 'am', 'bei', 'aus']);

/** Every ASSIGNMENT match contains one of these (the cheap test). */
const ASSIGNMENT_WORDS = /zuständig|landesrecht|oblieg|behörde|aufgaben/iu;

interface Summary {
  inParagraph: boolean;
  assigned: boolean;
  /** „die zuständige Behörde“ without saying which. */
  mentions: RawMatch[];
}

export const zustaendigkeitOffen: CodeRule = groupwise<Summary>({
  summarise: lazily<Summary>({
    inParagraph: (_doc, sentences) => sentences[0]!.unit.paragraph !== undefined,
    assigned: (doc, sentences) => paragraphMatches(doc, sentences, ASSIGNMENT_WORDS, ASSIGNMENT),
    mentions: (doc, sentences) => {
      const raw = doc.matchText.slice(sentences[0]!.start, sentences[sentences.length - 1]!.end);
      return !/zuständige/iu.test(raw) ? [] : sentences.flatMap((s) => {
        const found = bareMentions(s.tokens, doc.matchText);
        return found.length > 0 && !isPenaltyOrForeign(s, doc.matchText) ? found : [];
      });
    },
  }),
  combine: (summaries, { doc }) => {
    // Whether a draft assigns competence can only be read from the whole draft: a text without §§ is an excerpt.
    if (!summaries.some((s) => s.inParagraph) || summaries.some((s) => s.assigned)) return [];
    if (doc.structure.paragraphs.some((p) => p.title && /zuständig/iu.test(p.title))) return [];
    const mentions = summaries.flatMap((s) => s.mentions);
    // One or two mentions are often references to authorities of other laws („Anordnungen der zuständigen
    // Behörden“); the draft relies on one it never names when it gives „the competent authority“ three tasks or more.
    if (mentions.length < MIN_MENTIONS) return [];
    const [first, ...others] = mentions;
    return [{
      ...first!,
      related: others.slice(0, 20).map((m) => ({ ...m, message: 'Weitere Nennung der zuständigen Behörde ohne Zuweisung' })),
    }];
  },
});

/**
 * Penalty provisions point to duties defined elsewhere, „bleibt unberührt“ to powers under another law, citations
 * of EU acts to their titles; foreign authorities are not the draft's to assign.
 */
const PENALTY = /\b(ordnungswidrig|ordnungswidrigkeit|ordnungswidrigkeiten|geldbuße|freiheitsstrafe|geldstrafe)\b/u;
const FOREIGN = /\b(mitgliedstaat\w*|vertragsstaat\w*|herkunftsstaat\w*|herkunftsmitgliedstaat\w*|herkunftsland\w*|ursprungsland\w*|heimatstaat\w*|heimatland\w*|drittstaat\w*|drittland\w*|ausländisch\w*|anderen\s+staat\w*|ausland\w*|europäischen\s+union)\b/u;

function isPenaltyOrForeign(sentence: SentenceContext, text: string): boolean {
  const paragraph = sentence.unit.paragraph;
  const scope = paragraph ? text.slice(paragraph.start, paragraph.end) : text.slice(sentence.start, sentence.end);
  if (PENALTY.test(scope.toLowerCase())) return true;
  const own = text.slice(sentence.start, sentence.end).toLowerCase();
  // „Die Befugnis der zuständigen Behörden nach dem … bleibt unberührt“ points to another law's authority.
  // „(ABl. L 173 …)“: the title of an EU act that mentions competent authorities is a citation, not a task.
  return FOREIGN.test(own) || /\bunberührt\b|\babl\./u.test(own);
}

/** „(die) zuständige Behörde“ without any word that says which authority is meant. */
export function bareMentions(tokens: Token[], text: string): RawMatch[] {
  const found: RawMatch[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!/^zuständige[nr]?$/.test(tokens[i]!.lower) || !/^behörden?$/.test(tokens[i + 1]!.lower)) continue;
    const before = tokens[i - 1]?.lower;
    if (before !== undefined && !DETERMINERS.has(before)) continue;
    // „die für die Stützungsregelungen jeweils zuständigen Behörden“: the qualifier stands before „jeweils“.
    if (before === 'jeweils' && qualifiedBefore(tokens, i - 1)) continue;
    const after = tokens[i + 2]?.lower;
    if (after !== undefined && POSTPOSED_QUALIFIERS.has(after)) continue;
    // „von den zuständigen Behörden erteilten Erlaubnisse“ describes acts of other authorities, gives no task.
    if (after !== undefined && DESCRIBING_PARTICIPLE.test(after)) continue;
    // „der zuständigen Behörde/Bewilligungsstelle des Landes“
    if (text.slice(tokens[i + 1]!.end, tokens[i + 1]!.end + 1) === '/') continue;
    found.push({ start: tokens[i]!.start, end: tokens[i + 1]!.end });
  }
  return found;
}

/** A „für …“ or „nach …“ shortly before „jeweils“ says which authority is meant. */
function qualifiedBefore(tokens: Token[], i: number): boolean {
  return tokens.slice(Math.max(0, i - 20), i).some((t) => /^(für|nach|gemäß)$/u.test(t.lower));
}
