export { resolveConfig, findConfigFile, loadConfigFile, loadRulesDir, CONFIG_FILE_NAMES, type DclintConfig, type ResolvedConfig } from './config.js';
export { ConfigError, InputError } from './errors.js';
export { readDraft, expandInputs, type Draft } from './files.js';
