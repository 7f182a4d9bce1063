/**
 * Switches for dclint's speed-ups, all on by default. Each one must leave the findings and the structure
 * exactly as they are without it; the equivalence tests turn them off to get the reference results.
 */
export interface Optimisations {
  /** Parse plain legal Markdown with the fast block parser; remark-parse only where it is needed. */
  fastParse: boolean;
  /** Find pattern candidates through one index of all first words instead of trying every token. */
  matcherIndex: boolean;
  /** Tokenise with a table of word characters and remember lower case and key per word. */
  fastTokenize: boolean;
}

export const optimisations: Optimisations = { fastParse: true, matcherIndex: true, fastTokenize: true };

/** Sets some switches and returns the previous settings (to restore them). For tests and benchmarks. */
export function setOptimisations(changes: Partial<Optimisations>): Optimisations {
  const previous = { ...optimisations };
  Object.assign(optimisations, changes);
  return previous;
}
