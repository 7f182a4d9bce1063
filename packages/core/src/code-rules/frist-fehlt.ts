import type { Token } from '../text/tokens.js';
import type { CodeRule, CodeRuleContext, RawMatch, SentenceContext } from './index.js';
import { isCourt, isPublicBody } from './actors.js';
import { foldedText, groupByParagraph } from './paragraphs.js';

/**
 * frist-fehlt: a § that governs an application to an authority („auf Antrag“, „ist … zu beantragen“) or an
 * authority's decision („entscheidet die Behörde“) but sets no measurable deadline anywhere in the §.
 * Without a deadline a procedure cannot be monitored, escalated or closed by a fiction (§ 42a VwVfG).
 *
 * Conservative on purpose: any time expression in the § (a number of days, weeks, months; a date; „Frist“;
 * „spätestens“; „unverzüglich“ – vague, but reported by unbestimmter-rechtsbegriff) keeps the rule quiet, and
 * so do §§ of court procedure, penalty provisions and Verordnungsermächtigungen. One finding per §.
 */

/** Time expressions that count as a deadline (matched on the § text, lower-cased, whitespace folded). */
const DEADLINE = new RegExp([
  String.raw`\b(\d+|ein|eine|einem|einer|eines|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|vierzehn|fünfzehn|zwanzig|dreißig|sechzig|neunzig|hundert|achtzehn|vierundzwanzig|achtundvierzig|zweiundsiebzig|halben|vollen)\s+(\w+\s+)?(tag|tage|tagen|tages|arbeitstag|arbeitstage|arbeitstagen|werktag|werktage|werktagen|kalendertag|kalendertage|kalendertagen|woche|wochen|monat|monate|monaten|monats|kalendermonat|kalendermonate|kalendermonaten|quartal|quartals|jahr|jahre|jahren|jahres|kalenderjahr|kalenderjahre|kalenderjahres|stunde|stunden|geschäftsjahr|geschäftsjahres|halbjahr|halbjahres)\b`,
  String.raw`\bfrist(en|ablauf|beginn|verlängerung|setzung)?\b`,
  String.raw`\w+frist(en)?\b`,
  String.raw`\b(spätestens|binnen|unverzüglich|umgehend|sofort|stichtag|fristgerecht|fristgemäß)\b`,
  String.raw`\bbis\s+(zum|zur|spätestens)\b`,
  String.raw`\b(vor|nach|mit)\s+ablauf\b`,
  String.raw`\b(später|früher)\s+als\b`,
  String.raw`\b\d{1,2}\.\s*(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b`,
  String.raw`\b(jährlich|halbjährlich|vierteljährlich|monatlich|wöchentlich|täglich)\b`,
  String.raw`\b(je|pro|für\s+jeden|für\s+jedes)\s+(kalendermonat|monat|kalenderjahr|jahr|quartal|kalendervierteljahr|woche|tag)\b`,
  String.raw`\b(gilt|gelten)\s+(\w+\s+){0,4}als\s+(erteilt|genehmigt|zugelassen|bewilligt)\b`,
  String.raw`\bgenehmigungsfiktion\b|§\s*42a\b`,
].join('|'), 'u');

/**
 * Penalties, delegations, definitions, fees, examinations (whose timing the examination sets), the registers kept
 * by courts (Grundbuch, Handels-, Vereinsregister …), nullity (declared by courts) and parliamentary procedure: no
 * administrative procedure.
 */
const NOT_A_PROCEDURE = /\b(ordnungswidrig|ordnungswidrigkeit|geldbuße|freiheitsstrafe|geldstrafe|rechtsverordnung|verordnung|ermächtigt|verwaltungsvorschriften|im\s+sinne\s+(dieses|dieser)|prüfling|prüflinge|prüflings|prüfungsausschuss|prüfungsausschusses|prüfungskommission|bundestag|bundestages|bundesrat|bundesrates|fraktion|fraktionen|gebühr\w*|pauschale|auslagen|grundbuch\w*|beschwerde|rechtsbeschwerde|beschwerdegericht\w*|können\s+vorsehen|\w*gerichtlich\w*|staatsanwaltschaft|urkundsbeamt\w*|registergericht\w*|für\s+nichtig\s+erklärt|nichtigkeits\w*|(vereins|handels|genossenschafts|partnerschafts|güterrechts|schiffs)register\w*|prüfungskandidat\w*|nachteilsausgleich\w*)\b/u;

export const fristFehlt: CodeRule = Object.assign(({ doc, sentences }: CodeRuleContext) => {
  const matches: RawMatch[] = [];
  // Whether a § sets a deadline can only be read from the whole §: a text without §§ is an excerpt. Anlagen
  // (tables of fees or services) are not procedures either.
  for (const group of groupByParagraph(sentences)) {
    if (!group[0]!.unit.paragraph) continue;
    if (!group.some((s) => s.tokens.some((t) => TRIGGER_WORDS.has(t.lower)))) continue; // the cheap test first
    const text = foldedText(doc, group);
    if (DEADLINE.test(text) || NOT_A_PROCEDURE.test(text)) continue;
    const tokens = group.flatMap((s) => s.tokens);
    if (tokens.some(isCourt) || !tokens.some((t, i) => isPublicBody(t) && !isPlace(tokens, i) && !INTERNAL_BODIES.test(t.lower))) continue;
    for (const sentence of group) {
      const trigger = procedureTrigger(sentence.tokens, doc.matchText);
      if (trigger) {
        matches.push(trigger);
        break;
      }
    }
  }
  return matches;
}, {
  /** What it finds in a § depends only on that §. An editor re-runs it only where the text changed. */
  scope: 'paragraph' as const,
});

/** „an die Stelle“, „an erster Stelle“, „von Amts wegen“, „kraft Amtes“: no public body meant. */
function isPlace(tokens: Token[], i: number): boolean {
  const word = tokens[i]!.lower;
  const before = tokens.slice(Math.max(0, i - 2), i).map((t) => t.lower);
  if (/^(amts|amtes)$/u.test(word)) return before.includes('von') || before.includes('kraft');
  if (!/^stellen?$/u.test(word)) return false;
  return before.includes('an') || before.some((w) => /^(erster|zweiter|dritter|letzter|vorderster|oberster|dieser)$/u.test(w));
}

/** procedureTrigger fires only at one of these words. */
const TRIGGER_WORDS = new Set(['antrag', 'anträge', 'beantragen', 'entscheidet', 'entscheiden']);
/** What an authority decides on: an application, an objection, a permit or a benefit. */
const DECISION_OBJECTS = /^(antrag|anträge|anträgen|antrags|widerspruch|widerspruchs|erteilung|genehmigung|zulassung|bewilligung|gewährung|erlaubnis|befreiung|ausnahme|ausnahmen|anerkennung|eintragung)$/u;
/** Bodies that decide inside a procedure (a committee on a challenge), not on an application. */
const INTERNAL_BODIES = /(ausschuss|ausschusses|beirat|beirats|vorsitzende|vorsitzenden)$/u;
/** „zu beantragen“ of a document to enclose („ein Führungszeugnis … zu beantragen“) is no procedure of the draft. */
const DOCUMENTS = /^(führungszeugnis|führungszeugnisses|bescheinigung|auszug|zeugnis|nachweis)$/u;
/** What an authority does with an application: decide, grant, issue, refuse, process. */
const ACTS_ON_APPLICATION = new RegExp(`^(${[
  'entscheidet', 'entscheiden', 'erteilt', 'erteilen', 'erteilte', 'gewährt', 'gewähren', 'bewilligt', 'bewilligen',
  'genehmigt', 'genehmigen', 'gestatten', 'gestattet', 'zulassen', 'zugelassen', 'zuzulassen', 'befreien', 'befreit',
  'anerkennen', 'anerkannt', 'anzuerkennen', 'ausgestellt', 'ausstellen', 'auszustellen', 'festsetzen',
  'festgesetzt', 'festzusetzen', 'setzt', 'feststellen', 'festgestellt', 'festzustellen', 'verlängern', 'verlängert',
  'ändern', 'geändert', 'eintragen', 'eingetragen', 'einzutragen', 'trägt', 'abzulehnen', 'abgelehnt', 'ablehnen',
  'lehnt', 'stattzugeben', 'bearbeitet', 'bescheiden', 'erstatten', 'erstattet', 'zahlt', 'gezahlt', 'auszuzahlen',
  'ausgezahlt', 'übernimmt', 'übernommen', 'erhält', 'erhalten', 'leistet', 'geleistet', 'anordnen', 'angeordnet',
  'verfügt', 'erlassen',
].join('|')})$`, 'u');

/**
 * The first words of a sentence that open an administrative procedure: „auf Antrag“ or „Antrag auf“ with what
 * the authority does with it (erteilt, gewährt, entscheidet, stellt aus, lehnt ab …), „ist … zu beantragen“, or a
 * public body that „entscheidet“ on an application, objection, permit or benefit. Mere mentions („bei
 * Antragstellung“, „wer Sozialleistungen beantragt“) and rules on the content or form of an application („Der
 * Antrag muss enthalten“, „ist schriftlich zu stellen“) do not count: the deadline belongs to the decision.
 */
export function procedureTrigger(tokens: Token[], text = ''): RawMatch | undefined {
  const words = tokens.map((t) => t.lower);
  const hasDecisionObject = words.some((w) => DECISION_OBJECTS.test(w));
  // „… erteilt hat“, „genehmigt worden ist“ describe a past decision, not one the § asks for. „stellt“ counts only
  // as „stellt … aus/fest“: „Stellt eine Behörde einen Antrag, so …“ is about the application, not the decision.
  const actedOn = words.some((w, k) => ACTS_ON_APPLICATION.test(w) && !/^(hat|haben|hatte|worden|wurde|wurden)$/u.test(words[k + 1] ?? ''))
    || (words.includes('stellt') && (words.includes('aus') || words.includes('fest')));
  // „… hat er anderen auf Antrag … einzuräumen“ with no public body in the sentence: a private party's duty.
  if (!tokens.some(isPublicBody) && words.some((w) => w === 'hat' || w === 'haben')) return undefined;
  // „auf Antrag des Bundes / eines Landes“: Bund and Länder among themselves, no administrative procedure.
  if (words.some((w, k) => /^(antrag|anträge)$/u.test(w) && /^(des|eines|der)$/u.test(words[k + 1] ?? '')
    && /^(bundes|landes|länder)$/u.test(words[k + 2] ?? ''))) return undefined;
  // „kann Anträge stellen“ is the capacity to apply, „Form und Inhalt der Anträge“ a topic: no procedure.
  if (words.some((w, k) => /^(kann|können)$/u.test(w) && words.slice(k + 1, k + 8).includes('stellen'))) return undefined;
  if (words.some((w, k) => /^(form|inhalt|muster|gestaltung)$/u.test(w) && /^(der|des)$/u.test(words[k + 1] ?? '')
    && /^(anträge|antrags|antrages)$/u.test(words[k + 2] ?? ''))) return undefined;
  // „ist bei der Behörde zu beantragen“ obliges to apply; „ist (nicht) berechtigt, … zu beantragen“ grants a right.
  const obligedToApply = words.some((w) => w === 'ist' || w === 'sind')
    && !words.some((w) => DOCUMENTS.test(w) || /^(berechtigt|befugt|nicht)$/u.test(w));
  const conditionEnd = openingCondition(tokens, text);
  for (let i = 0; i < tokens.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const span = (to: number) => ({ start: tokens[i]!.start, end: tokens[to]!.end });
    // „bei einem Antrag auf …“ names the occasion, not the procedure.
    if (word === 'antrag' && /^(einem|dem)$/u.test(words[i - 1] ?? '') && words[i - 2] === 'bei') continue;
    // Inside the condition that opens the sentence („Wird … auf Antrag … zurückgenommen, können …“): a premise.
    if (conditionEnd !== undefined && i < conditionEnd) continue;
    // „auf Antrag tätig werden“ is the general rule on how procedures begin (§ 22 VwVfG), not one procedure.
    if (word === 'auf' && (next === 'antrag' || next === 'anträge') && words[i + 2] !== 'tätig' && actedOn) return span(i + 1);
    // „Ein Antrag auf … kann nur von … gestellt werden“ is about filing, not deciding.
    if ((word === 'antrag' || word === 'anträge') && next === 'auf' && actedOn && !words.includes('gestellt')) return span(i);
    if (word === 'zu' && next === 'beantragen' && obligedToApply) return span(i + 1);
    if (/^(entscheidet|entscheiden)$/u.test(word) && hasDecisionObject && decidingBodyNear(tokens, i)) return span(i);
  }
  return undefined;
}

/** The body that decides stands next to „entscheidet“ (its subject), not somewhere in the sentence („des Bundes“). */
function decidingBodyNear(tokens: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 6); k < Math.min(tokens.length, i + 9); k++) {
    const t = tokens[k]!;
    if (isPublicBody(t) && !INTERNAL_BODIES.test(t.lower) && !/^(bundes|landes|bund|länder|ländern)$/u.test(t.lower)) return true;
  }
  return false;
}

/**
 * A sentence that opens with a condition („Wird …, so …“, „Wenn …, …“, „Soweit …, …“) : the index of the first token
 * after the comma that closes it, or undefined.
 */
function openingCondition(tokens: Token[], text: string): number | undefined {
  const first = tokens[0];
  if (!first) return undefined;
  const conditional = /^(wird|werden|ist|sind|hat|haben|wenn|soweit|sofern|falls|sobald|nachdem)$/u.test(first.lower)
    && /^\p{Lu}/u.test(first.text);
  if (!conditional) return undefined;
  for (let k = 1; k < tokens.length; k++) {
    if (text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes(',')) return k;
  }
  return undefined;
}
