import type { CodeRule, RawMatch } from './index.js';
import { personalDataProcessing } from './personal-data.js';
import { groupwise, lazily, paragraphMatches } from './paragraphs.js';

/**
 * loeschfrist-fehlt: the draft orders or permits storing personal data but never says when it is deleted.
 * Reported once per document, at the first such storage. Without a deletion period (storage limitation,
 * Art. 5 Abs. 1 Buchst. e DSGVO) nobody can program the deletion, and the data stays in registers and files.
 *
 * Any deletion rule in the draft keeps the rule quiet, also one without a period („zu löschen, sobald sie nicht
 * mehr erforderlich sind“), as do retention periods („zehn Jahre aufzubewahren“) and a reference to Art. 17 DSGVO.
 */
const DELETION = new RegExp([
  String.raw`(?<!er)lösch`,
  String.raw`\bvernicht`,
  String.raw`\banonymisier`,
  String.raw`\b(aufbewahrungsfrist|aufbewahrungsfristen|aufbewahrungsdauer|speicherfrist|speicherfristen|speicherdauer|prüffrist|prüffristen)\b`,
  String.raw`\b(aufzubewahren|aufbewahrt|aufbewahren|gespeichert|speichern)\b[^.;]{0,80}\b(jahre|jahren|monate|monaten|wochen|tage|tagen)\b`,
  String.raw`\b(jahre|jahren|monate|monaten|wochen|tage|tagen)\b[^.;]{0,80}\b(aufzubewahren|aufbewahrt|aufbewahren|zu\s+speichern|gespeichert)\b`,
  String.raw`\bartikel\s+17\b|\bart\.\s*17\b`,
].join('|'), 'u');

/** Every DELETION match contains one of these (the cheap test). */
const DELETION_WORDS = /lösch|vernicht|anonymisier|bewahr|speicher|prüffrist|17/iu;

interface Summary {
  inParagraph: boolean;
  /** The first order to store personal data in the §. */
  storage: RawMatch | undefined;
  deletion: boolean;
}

export const loeschfristFehlt: CodeRule = groupwise<Summary>({
  summarise: lazily<Summary>({
    inParagraph: (_doc, sentences) => sentences[0]!.unit.paragraph !== undefined,
    storage: (_doc, sentences) => {
      for (const s of sentences) {
        const storage = personalDataProcessing(s.tokens, ['store']);
        if (storage) return storage;
      }
      return undefined;
    },
    deletion: (doc, sentences) => paragraphMatches(doc, sentences, DELETION_WORDS, DELETION),
  }),
  combine: (summaries) => {
    // Whether a draft sets a deletion period can only be read from the whole draft: a text without §§ is an excerpt.
    if (!summaries.some((s) => s.inParagraph)) return [];
    const storage = summaries.find((s) => s.storage)?.storage;
    return storage && !summaries.some((s) => s.deletion) ? [storage] : [];
  },
});
