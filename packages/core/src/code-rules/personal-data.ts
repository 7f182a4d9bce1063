import type { Token } from '../text/tokens.js';
import type { RawMatch } from './index.js';

/**
 * Where a sentence orders or permits that personal data be collected, stored or transmitted. Used by the
 * principle-5 rules zweckbindung-fehlt and loeschfrist-fehlt.
 *
 * Personal data: „personenbezogene Daten“, compounds that are personal data by definition („Sozialdaten“,
 * „Gesundheitsdaten“, „Meldedaten“ …), or data about a natural person named by its attributes („Familienname,
 * Vornamen, Geburtsdatum“). An order or permission: a processing verb together with „darf/dürfen“, „kann/können“,
 * „ist/sind … zu“, „ist befugt“, „werden … gespeichert“ or a body that „speichert“.
 *
 * Not counted: data described as already processed („die gespeicherten Daten“, „… gespeichert sind“), negated
 * or forbidden processing, hypotheticals („offenbart würden“), sentences about deleting, rules that only declare
 * other provisions applicable („… ist anzuwenden“, „gilt entsprechend“, „bleibt unberührt“) and rights of access.
 */

export type Processing = 'collect' | 'store' | 'transmit' | 'process';

const PERSONAL_DATA_NOUNS = new Set('sozialdaten|gesundheitsdaten|meldedaten|personendaten|patientendaten|versichertendaten|beschäftigtendaten|passdaten|ausweisdaten|identitätsdaten|identifizierungsdaten|personalaktendaten|gendaten|fluggastdaten|personalien'.split('|'));
const DATA_NOUNS = new Set('daten|angaben|informationen'.split('|'));
/** Attributes only a natural person has. */
const PERSON_ATTRIBUTES = new Set('vorname|vornamen|familienname|familiennamens|familiennamen|geburtsname|geburtsnamen|geburtsdatum|geburtstag|geburtsort|staatsangehörigkeit|staatsangehörigkeiten|lichtbild|lichtbilder|fingerabdruck|fingerabdrücke|fingerabdrücken|geschlecht|doktorgrad|ordensname|künstlername|sterbedatum|familienstand'.split('|'));

const VERBS: Record<Processing, RegExp> = {
  collect: /^(erheben|erhebt|erhoben|erfassen|erfasst)$/u,
  store: /^(speichern|speichert|gespeichert|aufbewahren|aufbewahrt|aufzubewahren|vorhalten|vorzuhalten)$/u,
  transmit: /^(übermitteln|übermittelt|weitergeben|weitergegeben|weiterzugeben|offenbaren|offenbart|offenlegen|offengelegt)$/u,
  process: /^(verarbeiten|verarbeitet)$/u,
};
const PARTICIPLES = new Set('erhoben|erfasst|gespeichert|aufbewahrt|übermittelt|weitergegeben|offenbart|offengelegt|verarbeitet'.split('|'));
/** After a participle, these make it a state or the past („… gespeichert sind“, „übermittelt worden“). */
const STATE_AUXILIARIES = new Set('sind|ist|war|waren|wurde|wurden|worden|hat|haben|hatte|hatten'.split('|'));
/** Words that make a sentence an order or a permission. */
const ORDER_MARKERS = new Set('darf|dürfen|kann|können|muss|müssen|soll|sollen|befugt|berechtigt|verpflichtet|ist|sind|wird|werden|hat|haben'.split('|'));
/** Sentences that forbid, delete, refer or grant access: no purpose or deletion period is owed for them. */
const NOT_AN_ORDER = new Set('nicht|kein|keine|keinen|keiner|keinem|unzulässig|verboten|untersagt|löschen|gelöscht|löschung|vernichten|vernichtet|anonymisieren|anonymisiert|pseudonymisieren|pseudonymisiert|sperren|gesperrt|sperrung|anzuwenden|entsprechend|unberührt|auskunft|sinne|würde|würden|geheimnummer'.split('|'));

/** Does the sentence speak of personal data? */
export function namesPersonalData(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.lower;
    if (PERSONAL_DATA_NOUNS.has(word) || PERSON_ATTRIBUTES.has(word)) return true;
    if (word.startsWith('personenbezogen') || word.startsWith('personenbeziehbar')) {
      for (let j = i + 1; j <= i + 3 && j < tokens.length; j++) if (DATA_NOUNS.has(tokens[j]!.lower)) return true;
    }
  }
  return false;
}

/** The processing verb of a sentence that orders or permits processing personal data, if it does. */
export function personalDataProcessing(tokens: Token[], kinds: Processing[]): RawMatch | undefined {
  if (!namesPersonalData(tokens)) return undefined;
  if (tokens.some((t) => NOT_AN_ORDER.has(t.lower))) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.lower;
    if (!kinds.some((kind) => VERBS[kind].test(word))) continue;
    if (PARTICIPLES.has(word) && STATE_AUXILIARIES.has(tokens[i + 1]?.lower ?? '')) continue;
    if (!tokens.some((t, k) => k !== i && ORDER_MARKERS.has(t.lower)) && !/^(speichert|erhebt)$/u.test(word)) continue;
    return { start: tokens[i]!.start, end: tokens[i]!.end };
  }
  return undefined;
}
