/**
 * A copy of a string that does not keep the text it was cut from alive (a slice of a string may point into
 * it, and what an IncrementalLinter keeps would hold one old version of a large law each).
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

/** Plain data (findings, summaries) with every longer string detached (shorter ones are copies anyway). */
export function detachedDeep<T>(value: T): T {
  if (typeof value === 'string') return (value.length >= 13 ? detached(value) : value) as T;
  if (Array.isArray(value)) return value.map(detachedDeep) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) copy[key] = detachedDeep(v);
  return copy as T;
}
