import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { junit } from './junit.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { checkstyle } from './checkstyle.js';

export const formatters: Record<string, Formatter> = { stylish, json, sarif, junit, github, gitlab, checkstyle };
/** The formats that read FileResult.sentenceHashes (stable fingerprints); for the others no hash is computed. */
export const FORMATS_WITH_HASHES = new Set(['sarif', 'gitlab']);
export { summarize, type FileResult, type Summary, type Formatter, type FormatterContext } from './types.js';
