/**
 * Character classes of the Basic Multilingual Plane as a table, built once from the regular expressions
 * they replace in hot loops: \p{L} (LETTER), \p{N} (NUMBER) and JavaScript's \s (SPACE). Surrogates are 0;
 * callers test pairs of surrogates with isAstral.
 */
export const LETTER = 1;
export const NUMBER = 2;
export const SPACE = 4;

export const CHAR_CLASS = (() => {
  const table = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const number = /\p{N}/u;
  const space = /\s/;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    table[c] = (letter.test(ch) ? LETTER : 0) | (number.test(ch) ? NUMBER : 0) | (space.test(ch) ? SPACE : 0);
  }
  return table;
})();

/** JavaScript's \s for one UTF-16 code unit. */
export function isSpace(c: number): boolean {
  return (CHAR_CLASS[c]! & SPACE) !== 0;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const ASTRAL_LETTER = /^\p{L}$/u;
const ASTRAL_NUMBER = /^\p{N}$/u;

/** Whether the pair of surrogates at text[i, i + 2) is a code point of the classes in `mask` (LETTER, NUMBER). */
export function isAstral(text: string, i: number, mask: number): boolean {
  const pair = text.slice(i, i + 2);
  return ((mask & LETTER) !== 0 && ASTRAL_LETTER.test(pair)) || ((mask & NUMBER) !== 0 && ASTRAL_NUMBER.test(pair));
}
