import type { RuleDefinition } from '../types.js';
import catalogue from './catalogue.generated.js';

/** The built-in catalogue, generated from rules/*.yaml at build time (validated there and in the tests). */
export const builtinRules: RuleDefinition[] = catalogue as RuleDefinition[];
