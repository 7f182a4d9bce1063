import type { Formatter } from './types.js';

/**
 * Machine-readable output (public API, documented in README "JSON-Format"):
 * { tool, version, files: [{ path, findings: Finding[], error?, suppressed? }], summary }.
 * `suppressed` (only when there are any) lists accepted findings with their `suppressed` justification.
 */
export const json: Formatter = (results, summary, { version }) =>
  JSON.stringify({
    tool: 'dclint',
    version,
    files: results.map((r) => (r.error ? { path: r.path, findings: [], error: r.error }
      : r.suppressed?.length ? { path: r.path, findings: r.findings, suppressed: r.suppressed } : { path: r.path, findings: r.findings })),
    summary,
  }, null, 2) + '\n';
