import type { AbsatzUnit } from './parse.js';

const ITEM_PREFIX = { nummer: 'Nr.', buchstabe: 'Buchst.', doppelbuchstabe: 'Doppelbuchst.' } as const;

/**
 * The legal address of an offset inside an Absatz unit, in citation style:
 * "Artikel 1 § 3 Abs. 2 Satz 1 Nr. 2 Buchst. a". Outside the Regelungstext the nearest
 * heading names the place ("Begründung – Zu § 3 Satz 2").
 */
export function addressOf(unit: AbsatzUnit, offset: number): string {
  const parts: string[] = [];
  if (unit.part !== 'regelungstext') {
    parts.push(unit.part === 'begruendung' ? 'Begründung' : 'Vorblatt');
    if (unit.heading && !/^(Begründung|Vorblatt)$/.test(unit.heading)) parts[0] += ` – ${unit.heading}`;
  }
  if (unit.artikel) parts.push(`Artikel ${unit.artikel.number}`);
  if (unit.paragraph) parts.push(unit.paragraph.label);
  if (unit.absatz.number) parts.push(`Abs. ${unit.absatz.number}`);
  const sentence = unit.absatz.sentences.find((s) => offset >= s.start && offset < s.end)
    ?? [...unit.absatz.sentences].reverse().find((s) => s.start <= offset);
  if (sentence) parts.push(`Satz ${sentence.index}`);
  for (const item of unit.absatz.items) {
    if (offset >= item.start && offset < item.end) parts.push(`${ITEM_PREFIX[item.kind]} ${item.label}`);
  }
  return parts.join(' ');
}
