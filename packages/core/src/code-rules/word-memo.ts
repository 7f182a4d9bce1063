import type { Token } from '../text/tokens.js';

/**
 * A yes/no question about a word, answered once per spelling. The rules ask the same questions of the same
 * words throughout a law („Behörde“, „Antrag“ …), and the suffix tests behind them scan the word for each ending.
 */
export function byWord(test: (token: Token) => boolean): (token: Token) => boolean {
  const known = new Map<string, boolean>();
  return (token) => {
    let answer = known.get(token.text);
    if (answer === undefined) {
      answer = test(token);
      if (known.size > 200_000) known.clear(); // bounded: a run over all federal law meets millions of spellings
      known.set(token.text, answer);
    }
    return answer;
  };
}
