// Validates every built-in rule file against the schema after the build (clear error naming file and field).
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleFile, RuleFileError } from '../packages/core/dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let failed = 0;
for (const name of readdirSync(join(root, 'rules')).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  try {
    parseRuleFile(`rules/${name}`, readFileSync(join(root, 'rules', name), 'utf8'));
  } catch (error) {
    if (!(error instanceof RuleFileError)) throw error;
    console.error(error.message);
    failed++;
  }
}
if (failed) process.exit(2);
