export { startServer } from './server.js';
export { toDiagnostic, toLspRange, isFindingData } from './diagnostics.js';
export { codeActions, suppressionDirective, FIX_ALL_KIND } from './code-actions.js';
export { hoverMarkdown, catalogueMarkdown } from './markdown.js';
export { normalizeSettings, mergeOptions, DEFAULT_SETTINGS } from './settings.js';
export * from './protocol.js';
