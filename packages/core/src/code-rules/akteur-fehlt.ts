import type { Token } from '../text/tokens.js';
import type { CodeRule, RawMatch, SentenceContext } from './index.js';
import { isActor } from './actors.js';
import { groupwise, lazily } from './paragraphs.js';
import type { AnalysedDocument } from '../structure/parse.js';

/**
 * akteur-fehlt: a passive obligation („Der Antrag ist zu prüfen“, „Die Daten sind zu übermitteln“) in an Absatz
 * that names nobody who could act. A process can only be modelled (and automated) when each step has an owner.
 *
 * Only steps of a procedure count (prüfen, übermitteln, löschen, mitteilen …), not „ist anzuwenden“ or
 * „ist zu berücksichtigen“. One finding per sentence, on the first such infinitive.
 */

/**
 * Verbs whose „zu“-infinitive is a procedural step: „zu prüfen“, „mitzuteilen“ (prefix + zu + verb). Keeping,
 * storing and deleting data are left out on purpose: „Die Daten sind nach sechs Monaten zu löschen“ binds whoever
 * holds them (the controller, Art. 4 Nr. 7 DSGVO), a settled and unambiguous wording. So is the bound decision
 * „Die Erlaubnis ist zu erteilen, wenn …“ (the authority that decides on the application grants it).
 */
const STEPS = [
  'prüfen', 'überprüfen', 'übermitteln', 'unterrichten', 'benachrichtigen', 'informieren', 'verständigen',
  'veröffentlichen', 'entscheiden', 'erheben', 'übersenden',
  'protokollieren', 'dokumentieren', 'erfassen', 'überwachen', 'kontrollieren', 'registrieren', 'bescheinigen',
  'bestätigen', 'berichtigen', 'vermerken', 'untersuchen', 'melden', 'beteiligen',
];
const SEPARABLE = [
  'mitzuteilen', 'festzustellen', 'festzusetzen', 'anzuhören', 'weiterzuleiten', 'zuzuleiten', 'zuzustellen',
  'einzutragen', 'auszustellen', 'bekanntzumachen', 'bekanntzugeben', 'anzuzeigen', 'einzuholen',
  'anzufordern', 'auszuzahlen', 'abzugleichen', 'nachzuprüfen', 'auszuhändigen', 'aufzuzeichnen', 'vorzunehmen',
  'durchzuführen', 'zurückzusenden', 'anzumelden', 'abzumelden', 'einzuleiten', 'herauszugeben',
];
const STEP_SET = new Set(STEPS);
const SEPARABLE_SET = new Set(SEPARABLE);

/** Words between „ist“ and the infinitive that make it something else than a passive obligation. */
const NOT_PASSIVE = new Set([
  'verpflichtet', 'berechtigt', 'befugt', 'zulässig', 'unzulässig', 'erforderlich', 'notwendig', 'möglich',
  'unmöglich', 'gehalten', 'bereit', 'verboten', 'untersagt', 'gestattet', 'erlaubt', 'bestrebt', 'lage', 'um',
  'ohne', 'statt', 'anstatt', 'aufgabe', 'ziel', 'zweck', 'pflicht', 'nicht', 'kein', 'keine', 'keiner', 'sache',
  'vorbehalten', 'ermächtigt', 'zuständig', 'fähig', 'befähigt', 'geeignet', 'angewiesen', 'frei', 'bemüht',
  'imstande', 'amtlich',
]);
/**
 * Examination rules: the examining board is fixed by the examination itself, and their passives describe what the
 * candidate shows („Dabei sind Controlling-Maßnahmen durchzuführen“), not steps of an administrative procedure.
 */
const EXAMINATION = new Set('prüfling|prüflinge|prüflings|prüfungsausschuss|prüfungsausschusses|prüfungskommission|prüfungsteil|prüfungsteils|prüfungsbereich|prüfungsbereiche|prüfungsbereichs|handlungsbereich|handlungsbereichs|meisterprüfung|zwischenprüfung|abschlussprüfung|gesellenprüfung|prüfungsfach|prüfungsfächer|prüfungsaufgabe|prüfungsaufgaben|prüfungsleistung|prüfungsleistungen|prüfungsstück|prüfungsstücks|arbeitsprobe|situationsaufgabe'.split('|'));
const FINITE_PASSIVE = new Set(['ist', 'sind']);
const HAVE = new Set(['hat', 'haben', 'hatte', 'hatten']);
/** A judgment or court order names its actor, the court („In dem Urteil ist über die Kosten zu entscheiden“). */
const COURT_DECISIONS = new Set('urteil|urteils|urteile|gerichtsbescheid|gerichtsbescheids'.split('|'));
/** Articles after „von“ or „durch“ that open the agent of a passive („von den Prüfenden“, „durch die Kammer“). */
const ARTICLES = /^(der|die|das|den|dem|des|einer|einem|einen|eine|ein)$/u;
/** The widest gap between „ist“ and its infinitive („ist der Behörde innerhalb von zwei Wochen … mitzuteilen“). */
const MAX_GAP = 14;

interface Summary {
  inParagraph: boolean;
  matches: RawMatch[];
}

export const akteurFehlt: CodeRule = groupwise<Summary>({
  summarise: lazily<Summary>({
    inParagraph: (_doc, sentences) => sentences[0]!.unit.paragraph !== undefined,
    matches: passiveSteps,
  }),
  combine: (summaries) => {
    // Outside §§ (Anlagen: methods, forms, tables) only when the draft has no §§ at all (plain text).
    const hasParagraphs = summaries.some((s) => s.inParagraph);
    return summaries.flatMap((s) => (s.inParagraph || !hasParagraphs ? s.matches : []));
  },
});

/** The passive steps without an actor in one § (not in examination rules). */
function passiveSteps(doc: AnalysedDocument, sentences: SentenceContext[]): RawMatch[] {
  const matches: RawMatch[] = [];
  if (sentences[0]!.unit.paragraph && sentences.some((s) => s.tokens.some((t) => EXAMINATION.has(t.lower)))) return matches;
  const byUnit = new Map<SentenceContext['unit'], SentenceContext[]>();
  for (const s of sentences) {
    const list = byUnit.get(s.unit);
    if (list) list.push(s);
    else byUnit.set(s.unit, [s]);
  }
  for (const unitSentences of byUnit.values()) {
    if (unitSentences.some((s) => s.tokens.some((t) => isActor(t) || COURT_DECISIONS.has(t.lower)))) continue;
    for (const sentence of unitSentences) {
      // The day a treaty enters into force „ist im Bundesgesetzblatt bekanntzugeben“: the Verkündung has its actor.
      if (sentence.tokens.some((t) => t.lower === 'bundesgesetzblatt')) continue;
      const step = passiveObligation(sentence.tokens, doc.matchText);
      if (step) matches.push(step);
    }
  }
  return matches;
}

/**
 * The first „ist/sind … zu <Schritt>“ of a sentence, as the span of the infinitive. An „ist“ that ends a
 * subordinate clause („…, die erheblich sind, unverzüglich mitzuteilen“) governs nothing after it, and a sentence
 * with „hat/haben … zu“ has its actor as subject („Die Stipendiaten haben … mitzuteilen“).
 */
export function passiveObligation(tokens: Token[], text: string): RawMatch | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (HAVE.has(tokens[i]!.lower)) return undefined;
    if (!FINITE_PASSIVE.has(tokens[i]!.lower)) continue;
    if (/^\s*[,;]/u.test(text.slice(tokens[i]!.end, tokens[i]!.end + 3))) continue;
    for (let j = i + 1; j < tokens.length && j - i <= MAX_GAP; j++) {
      const word = tokens[j]!.lower;
      if (NOT_PASSIVE.has(word) || FINITE_PASSIVE.has(word)) break;
      if (namesAgent(tokens, j)) break;
      if (SEPARABLE_SET.has(word)) return { start: tokens[j]!.start, end: tokens[j]!.end };
      if (word === 'zu' && j + 1 < tokens.length && STEP_SET.has(tokens[j + 1]!.lower)) {
        return { start: tokens[j]!.start, end: tokens[j + 1]!.end };
      }
      // „bekannt zu machen“, „bekannt zu geben“ written apart
      if (word === 'bekannt' && tokens[j + 1]?.lower === 'zu' && /^(machen|geben)$/u.test(tokens[j + 2]?.lower ?? '')) {
        return { start: tokens[j]!.start, end: tokens[j + 2]!.end };
      }
    }
  }
  return undefined;
}

/** „von den Prüfenden“, „vom Vorstand“, „durch die Kammer“: the passive names who acts. */
function namesAgent(tokens: Token[], j: number): boolean {
  const word = tokens[j]!.lower;
  if (word !== 'von' && word !== 'vom' && word !== 'durch') return false;
  let k = j + 1;
  // „von Plänen“, „durch schriftlichen Verwaltungsakt“: without an article, „von“ and „durch“ name no agent.
  if (word !== 'vom') {
    if (!ARTICLES.test(tokens[k]?.lower ?? '')) return false;
    k++;
  }
  while (k < tokens.length && k <= j + 4 && !/^\p{Lu}/u.test(tokens[k]!.text)) k++;
  return k < tokens.length && k <= j + 4 && /^\p{Lu}/u.test(tokens[k]!.text);
}
