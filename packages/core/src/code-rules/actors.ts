import type { Token } from '../text/tokens.js';
import { byWord } from './word-memo.js';

/**
 * Who acts in a provision: public bodies (authorities, courts, agencies) and other actors (roles such as
 * Antragsteller or Arbeitgeber, organisations, pronouns standing for a person). Used by the principle-4 rules
 * that ask whether a provision names who must act or decide.
 *
 * Words are compared lower-cased; nouns must be written with a capital letter (German nouns are).
 */

/** Endings of words naming a public body: Behörde, Bundesamt, Krankenkasse, Bundesnetzagentur, Amtsgericht … */
const BODY_ENDINGS = new RegExp(`(${[
  'behörde', 'behörden', 'ministerium', 'ministeriums', 'ministerien', 'minister', 'ministerin', 'ministers',
  'anstalt', 'anstalten', 'agentur', 'agenturen', 'kasse', 'kassen', 'kommission', 'regierung', 'regierungen',
  'gericht', 'gerichts', 'gerichtes', 'gerichte', 'gerichten', 'polizei', 'polizeien', 'zentrale', 'zentralstelle',
  'stelle', 'stellen', 'träger', 'trägers', 'trägern', 'amt', 'amts', 'amtes', 'ämter', 'ämtern', 'kammer', 'kammern',
  'körperschaft', 'körperschaften', 'bundesbank', 'bundeswehr', 'jobcenter', 'zoll', 'verwaltung', 'verwaltungen',
  'beauftragte', 'beauftragten', 'beauftragter', 'leitung', 'ausschuss', 'ausschusses', 'ausschüsse', 'beirat',
  'beirats', 'gemeinde', 'gemeinden', 'landkreis', 'landkreise', 'landkreisen', 'kommune', 'kommunen', 'senat',
].join('|')})$`, 'u');

/** Words that end like a body but are none (insgesamt, Datenträger, Datenbank, Fundstelle …). */
const NOT_BODIES = /(^|ge|insge)samt$|^(daten|ton|bild|wärme|energie|informations|bedeutungs)träger|datenbank|(fund|bezugs|komma|leer|fehl|bau|schnitt|feuer|lager|mess|einsatz|arbeits|ausbildungs|plan|lehr|text|rand|unfall|wasser|entnahme|einleit|zapf|tank|lade|halte|rast|engpass|gefahren|übergangs)stellen?$/u;

/** Exact words for public bodies that are no compounds: Bund, Land, Länder, Bundestag, Bundesrat. */
const BODY_WORDS = new Set([
  'bund', 'bundes', 'land', 'landes', 'länder', 'ländern', 'bundestag', 'bundestages', 'bundesrat', 'bundesrates',
  'bundesregierung', 'europäische', 'kommission', 'finanzamt', 'standesamt', 'stelle', 'stellen',
]);

/** Endings of role nouns (persons, organisations) that act in procedures. */
const ROLE_ENDINGS = new RegExp(`(${[
  'steller', 'geber', 'nehmer', 'inhaber', 'betreiber', 'halter', 'führer', 'leiter', 'händler', 'hersteller',
  'anbieter', 'veranstalter', 'unternehmer', 'vertreter', 'empfänger', 'prüfer', 'bewerber', 'verwalter',
  'erwerber', 'verkäufer', 'käufer', 'vermieter', 'mieter', 'eigentümer', 'besitzer', 'importeur', 'lieferant',
  'verwender', 'erzeuger', 'verursacher', 'schuldner', 'gläubiger', 'gesellschafter', 'berater', 'sachverständige',
  'bevollmächtigte', 'pflichtige', 'berechtigte', 'beteiligte', 'verpflichtete', 'verantwortliche', 'versicherte',
  'betroffene', 'beschäftigte', 'angehörige', 'bedienstete', 'vorsitzende', 'mitglied', 'person', 'arzt', 'ärztin',
  'notar', 'notarin', 'anwalt', 'anwältin', 'richter', 'richterin', 'rechtspfleger', 'gerichtsvollzieher', 'beamte',
  'beamter', 'präsident', 'präsidentin', 'direktor', 'direktorin', 'ausländer', 'bürger', 'einwohner', 'kläger',
  'beklagte', 'partei', 'bieter', 'spender', 'patient', 'bewohner', 'fahrer', 'unternehmen', 'gesellschaft',
  'genossenschaft', 'verein', 'verband', 'stiftung', 'vorstand', 'rat', 'institut', 'versicherer', 'dienstleister',
  'erbringer', 'emittent', 'treuhänder', 'kandidat', 'zeuge', 'schiffer', 'kapitän', 'pilot', 'eltern', 'elternteil',
  'ehegatte', 'ehegattin', 'lebenspartner', 'lebenspartnerin', 'kind', 'mitgliedstaat', 'staat', 'netzbetreiber',
  'prüfling', 'auszubildende', 'ausbildende', 'stipendiat', 'anwärter', 'bewerberin', 'teilnehmer', 'absolvent',
].join('|')})(in|innen|en|er|ern|n|s|es|e)?$`, 'u');

/** Pronouns that stand for an actor ("er hat … zu übermitteln", "wer … beantragt", "jeder"). */
const ACTOR_PRONOUNS = new Set(['er', 'wer', 'jeder', 'jede', 'jedermann', 'man', 'derjenige', 'diejenige', 'diejenigen']);

const isNoun = (token: Token) => /^\p{Lu}/u.test(token.text);

/** A public body: an authority, agency, court, ministry, fund or municipality. */
export const isPublicBody = byWord((token: Token): boolean => {
  if (!isNoun(token)) return false;
  const word = token.lower.replace(/^.*-/, '');
  if (BODY_WORDS.has(word)) return true;
  return BODY_ENDINGS.test(word) && !NOT_BODIES.test(word);
});

/** Anyone who can act: a public body, a role (Antragsteller, Arbeitgeber …) or a pronoun standing for one. */
export const isActor = byWord((token: Token): boolean => {
  if (ACTOR_PRONOUNS.has(token.lower)) return true;
  if (isPublicBody(token)) return true;
  return isNoun(token) && ROLE_ENDINGS.test(token.lower.replace(/^.*-/, ''));
});

/** A court: these decide in court procedure, where the administrative rules of principle 4 do not apply. */
export const isCourt = byWord((token: Token): boolean => {
  return isNoun(token) && /gericht(s|es|e|en)?$/u.test(token.lower) && !/^(fertig|haupt|schnell)gericht/u.test(token.lower);
});
