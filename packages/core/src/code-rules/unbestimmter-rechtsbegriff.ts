import type { Token } from '../text/tokens.js';
import type { CodeRule, CodeRuleContext, RawMatch } from './index.js';
import { isPublicBody } from './actors.js';

/**
 * unbestimmter-rechtsbegriff, the part patterns cannot express: „unverzüglich“ where an authority must act.
 * For citizens and businesses „unverzüglich“ is settled law (ohne schuldhaftes Zögern, § 121 BGB); for an
 * authority's own step it sets no deadline a system could monitor.
 *
 * The authority acts when it is the subject of the clause („Die Behörde teilt … unverzüglich mit“,
 * „… so hat das Bundesamt unverzüglich …“) or the agent of a passive („ist von der Meldebehörde unverzüglich
 * zu übermitteln“). „Der Arbeitgeber hat der Behörde unverzüglich anzuzeigen“ is the employer's duty: quiet.
 */
const ARTICLE_GENDER: Record<string, Array<'f' | 'n' | 'm' | 'pl'>> = {
  die: ['f', 'pl'], das: ['n'], der: ['m'],
};
const FEMININE = /(behörde|stelle|kasse|agentur|anstalt|kommission|regierung|verwaltung|kammer|körperschaft|zentrale|polizei|gemeinde|bank|leitung|kommune|bundeswehr)$/u;
const NEUTER = /(amt|ministerium|gericht|institut|zentrum|jobcenter)$/u;
const PLURAL = /(behörden|stellen|kassen|agenturen|anstalten|kommissionen|regierungen|verwaltungen|kammern|körperschaften|polizeien|gemeinden|ämter|ministerien|gerichte|träger|länder|kommunen)$/u;
/** Prepositions that introduce the agent of a passive („von der Behörde zu übermitteln“). */
const AGENT_PREPOSITIONS = new Set(['von', 'vom', 'durch']);

export const unverzueglichAuthority: CodeRule = Object.assign(({ doc, sentences }: CodeRuleContext) => {
  const matches: RawMatch[] = [];
  for (const sentence of sentences) {
    const at = sentence.tokens.findIndex((t) => t.lower === 'unverzüglich');
    if (at < 0) continue;
    if (authorityActs(sentence.tokens, doc.matchText)) {
      const t = sentence.tokens[at]!;
      matches.push({ start: t.start, end: t.end });
    }
  }
  return matches;
}, {
  /** What it finds depends only on the sentence. An editor re-runs it only where the text changed. */
  scope: 'absatz' as const,
});

/** Is a public body the subject (or the passive agent) of the sentence? */
export function authorityActs(tokens: Token[], text: string): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const body = bodyPhraseAt(tokens, i);
    if (body === undefined) continue;
    const before = tokens[i - 1];
    // Passive agent: „von der Behörde“, „vom Bundesamt“, „durch die Meldebehörde“.
    if (before && AGENT_PREPOSITIONS.has(before.lower)) return true;
    if (tokens[i]!.lower === 'vom') return true;
    const article = tokens[i]!.lower;
    if (!agrees(article, tokens[body]!.lower)) continue;
    // Subject: the phrase opens a clause, or follows the finite verb that opens it („so hat die Behörde“).
    if (opensClause(tokens, i, text)) return true;
    if (before && /^(hat|haben|teilt|teilen|unterrichtet|unterrichten|übermittelt|übermitteln|prüft|prüfen|entscheidet|entscheiden|erteilt|erteilen|informiert|informieren|benachrichtigt|leitet|löscht|veranlasst|trifft|gibt|stellt|muss|müssen|soll|sollen|kann|können)$/u.test(before.lower)
      && (i - 1 === 0 || opensClause(tokens, i - 1, text) || tokens[i - 2]?.lower === 'so')) return true;
  }
  return false;
}

/** „die [zuständige …] Behörde“: the index of the body noun when tokens[i] is an article or „vom“ opening one. */
function bodyPhraseAt(tokens: Token[], i: number): number | undefined {
  if (!/^(die|das|der|vom)$/u.test(tokens[i]!.lower)) return undefined;
  for (let j = i + 1; j < tokens.length && j <= i + 6; j++) {
    if (isPublicBody(tokens[j]!)) return j;
    if (/^\p{Lu}/u.test(tokens[j]!.text)) return undefined;
  }
  return undefined;
}

function agrees(article: string, noun: string): boolean {
  const genders = ARTICLE_GENDER[article];
  if (!genders) return false;
  const word = noun.replace(/^.*-/, '');
  if (PLURAL.test(word)) return genders.includes('pl') || (genders.includes('m') && word.endsWith('träger'));
  if (FEMININE.test(word)) return genders.includes('f');
  if (NEUTER.test(word)) return genders.includes('n');
  return genders.includes('m');
}

/** The token starts the sentence or follows , ; : or a clause-opening „so“/„und“. */
function opensClause(tokens: Token[], i: number, text: string): boolean {
  if (i === 0) return true;
  const between = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  return /[,;:]/.test(between) || /^(so|und|dann)$/u.test(tokens[i - 1]!.lower);
}
