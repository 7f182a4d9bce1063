import { compilePattern } from '../rules/pattern.js';
import type { CodeRule, RawMatch, SentenceContext } from './index.js';
import { groupwise, lazily } from './paragraphs.js';

/**
 * barrierefreiheit (principle 1.4): the draft creates a digital offering (portal, platform, app, online
 * procedure) and nowhere addresses accessibility. Reported once per document, at the first offering.
 * A hint, not a barrier: the drafter decides where accessibility is to be regulated.
 */
/** What a digital offering is called. */
const OFFERING = compilePattern([
  '(*portal|*portale|*portalen|*portals|Portalanwendung|Portalanwendungen|*kommunikationsplattform|*kommunikationsplattformen',
  '|*informationsplattform|*informationsplattformen|*internetplattform|*internetplattformen|*onlineplattform|Online-Plattform',
  '|Online-Plattformen|*wissensplattform|(elektronische|elektronischen|elektronischer|digitale|digitalen|digitaler) (Plattform|Plattformen)',
  '|App|Apps|Online-Dienst|Online-Dienste|Onlinedienst|Onlinedienste|Online-Angebot|Online-Angebote|Onlineangebot|Onlineangebote',
  '|Online-Verfahren|Onlineverfahren|mobile Anwendung|mobilen Anwendungen|digitales Angebot|digitale Angebote|digitalen Angebote',
  '|Internetseite|Internetseiten|Webseite|Webseiten|Website|Websites)',
].join(''));
/** An online procedure: "kann online beantragt werden". */
const ONLINE_PROCEDURE = compilePattern('(=online|Online) ...3 (beantragen|beantragt|zu beantragen|gestellt|stellen|einreichen|eingereicht|erledigen|erledigt|abwickeln|abgewickelt|anmelden|angemeldet)');
/** The draft provides it (rather than only naming someone else's). */
const PROVIDES = compilePattern([
  '(errichtet|errichten|zu errichten|einrichten|eingerichtet|einzurichten|richtet|betreibt|betreiben|betrieben|zu betreiben',
  '|bereitstellen|bereitgestellt|bereitzustellen|bereit|entwickelt|entwickeln|zu entwickeln|anbieten|angeboten|anzubieten|bietet',
  '|Verfügung)',
].join(''));
/** Accessibility addressed somewhere in the document: the rule stays quiet. */
const ADDRESSED = /barrierefrei|Barrierefreiheit|barrierearm|Barrierefreie-Informationstechnik|\bBITV\b|§\s*12a\s+(?:des\s+)?(?:BGG|Behindertengleichstellungsgesetz)|wahrnehmbaren\s+Form/iu;

export const barrierefreiheit: CodeRule = groupwise<{ offering: RawMatch | undefined }>({
  summarise: lazily<{ offering: RawMatch | undefined }>({ offering: (_doc, sentences) => firstOffering(sentences) }),
  combine: (summaries, facts) => {
    const first = summaries.find((s) => s.offering)?.offering;
    return first && !facts.matchesText(0) ? [first] : [];
  },
  textTests: [ADDRESSED],
});

/** Where the sentences first create a digital offering or an online procedure. */
function firstOffering(sentences: SentenceContext[]): RawMatch | undefined {
  for (const s of sentences) {
    const offer = PROVIDES.findAll(s.tokens).length > 0 ? OFFERING.findAll(s.tokens)[0] : undefined;
    const found = offer ?? ONLINE_PROCEDURE.findAll(s.tokens)[0];
    if (!found) continue;
    const last = offer ? found[1] : found[0]; // an online procedure: mark the word "online"
    return { start: s.tokens[found[0]]!.start, end: s.tokens[last]!.end };
  }
  return undefined;
}
