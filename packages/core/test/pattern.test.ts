import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError, tokenize } from '../src/index.js';

const matches = (pattern: string, text: string) =>
  compilePattern(pattern).findAll(tokenize(text)).map(([a, b]) => {
    const tokens = tokenize(text);
    return text.slice(tokens[a]!.start, tokens[b]!.end);
  });

describe('phrase patterns', () => {
  it('matches a word in any inflection', () => {
    expect(matches('schriftlich', 'Schriftliche und schriftlichen, nicht Schrift.')).toEqual(['Schriftliche', 'schriftlichen']);
  });

  it('keeps umlauts apart (persönlich is not Person)', () => {
    expect(matches('persönlich', 'Die Person erscheint persönlich.')).toEqual(['persönlich']);
  });

  it('matches compounds by their parts', () => {
    expect(matches('Schriftform*', 'Das Schriftformerfordernis und die Schriftform.')).toEqual(['Schriftformerfordernis', 'Schriftform']);
    expect(matches('*bescheinigung', 'Meldebescheinigungen und eine Bescheinigung.')).toEqual(['Meldebescheinigungen', 'Bescheinigung']);
    expect(matches('*original*', 'Die Originalurkunde.')).toEqual(['Originalurkunde']);
  });

  it('matches exact words only with =', () => {
    expect(matches('=Post', 'Die Post, die Posten.')).toEqual(['Post']);
  });

  it('bridges gaps of limited length', () => {
    expect(matches('persönlich ...2 erscheinen', 'persönlich bei Gericht erscheinen')).toEqual(['persönlich bei Gericht erscheinen']);
    expect(matches('persönlich ...2 erscheinen', 'persönlich bei dem Gericht erscheinen')).toEqual([]);
  });

  it('supports optional words and multi-word alternatives', () => {
    expect(matches('amtlich? vorgeschriebenem Vordruck', 'nach vorgeschriebenem Vordruck')).toEqual(['vorgeschriebenem Vordruck']);
    expect(matches('amtlich? vorgeschriebenem Vordruck', 'nach amtlich vorgeschriebenem Vordruck')).toEqual(['amtlich vorgeschriebenem Vordruck']);
    expect(matches('(Deutsche Post|Post AG) ...2 Vertrag', 'Die Deutsche Post schließt den Vertrag.')).toEqual(['Deutsche Post schließt den Vertrag']);
  });

  it('matches hyphenated words as one word', () => {
    expect(matches('De-Mail*', 'per De-Mail oder De-Mail-Adresse')).toEqual(['De-Mail', 'De-Mail-Adresse']);
  });

  it.each([
    ['(Post', 'Eine Klammer wird nicht geschlossen.'],
    ['Post)', 'Eine Klammer wird geschlossen, die nicht geöffnet wurde.'],
    ['... Post', 'Eine Lücke (...) darf nicht am Anfang oder Ende stehen.'],
    ['Post?', 'Mindestens ein Wort darf nicht optional sein.'],
    ['Po$t', 'ist kein gültiges Wort'],
    ['(Post|)', 'Eine Alternative ist leer.'],
  ])('rejects %s with a German explanation', (pattern, message) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
    expect(() => compilePattern(pattern)).toThrow(message);
  });
});
