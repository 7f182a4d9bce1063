import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';

export const formatters: Record<string, Formatter> = { stylish, json };
export { summarize, type FileResult, type Summary, type Formatter } from './types.js';
