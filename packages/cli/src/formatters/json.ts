import type { Formatter } from './types.js';

/**
 * Machine-readable output (public API, documented in README "JSON-Format"):
 * { tool, version, files: [{ path, findings: Finding[], error? }], summary }.
 */
export const json: Formatter = (results, summary, { version }) =>
  JSON.stringify({
    tool: 'dclint',
    version,
    files: results.map((r) => (r.error ? { path: r.path, findings: [], error: r.error } : { path: r.path, findings: r.findings })),
    summary,
  }, null, 2) + '\n';
