import { describe, expect, it } from 'vitest';
import { lint, type RuleDefinition } from '../src/index.js';

/** `all` with `window: item`: the phrases must share a Nummer, or one of them stands in the list's intro. */
const rule = (window?: 'sentence' | 'item'): RuleDefinition => ({
  id: 'vorlage-test', title: 't', principle: 2, aspect: '2.2', severity: 'warning', message: '{match}',
  explanation: 't', betterWording: 't',
  patterns: [{ all: ['Bescheinigung', 'vorzulegen'], ...(window ? { window } : {}) }],
  examples: { valid: [{ text: 'x', source: 'x' }], invalid: [{ text: 'x', source: 'x' }] },
});
const found = (text: string, window?: 'sentence' | 'item') => lint(text, {
  extraRules: [rule(window)],
  rules: Object.fromEntries(['schriftform', 'persoenliches-erscheinen', 'original-beglaubigung', 'analoger-kanal',
    'nachweis-vorlage', 'technik-spezifisch'].map((id) => [id, 'off' as const])),
}).findings.filter((f) => f.ruleId === 'vorlage-test').map((f) => f.unit);

const penaltyList = `## § 9 Bußgeldvorschriften

Ordnungswidrig handelt, wer

1.  entgegen § 3 eine Bescheinigung nicht mitführt,

2.  entgegen § 4 eine Liste nicht vorlegt oder einen Plan nicht rechtzeitig vorzulegen unterlässt.
`;

const attachments = `## § 2 Antrag

Dem Antrag sind vorzulegen:

1.  ein Lebenslauf,

2.  eine Bescheinigung der Ausbildungsstätte.
`;

describe('all-pattern window "item"', () => {
  it('does not pair words of different Nummern of one sentence (a penalty list)', () => {
    expect(found(penaltyList)).toEqual(['§ 9 Satz 1 Nr. 1']);
    expect(found(penaltyList, 'item')).toEqual([]);
  });

  it('pairs an item with the intro of its list', () => {
    expect(found(attachments, 'item')).toEqual(['§ 2 Satz 1 Nr. 2']);
  });

  it('pairs words of the same Nummer and of a sentence without Nummern', () => {
    expect(found('Der Anzeige ist eine Bescheinigung des Arbeitgebers vorzulegen.', 'item')).toHaveLength(1);
    expect(found('## § 1 A\n\nPflichten:\n\n1.  eine Bescheinigung vorzulegen,\n\n2.  zu zahlen.\n', 'item')).toEqual(['§ 1 Satz 1 Nr. 1']);
  });
});
