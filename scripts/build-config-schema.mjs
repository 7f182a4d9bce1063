// Writes schema/dclint.config.schema.json from the built-in rule metadata (run after `npm run build`:
// `npm run schema`). packages/cli/test/config-schema.test.ts fails when the file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../packages/core/dist/index.js';
import { configSchemaText } from '../packages/cli/dist/config-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'schema'), { recursive: true });
writeFileSync(join(root, 'schema/dclint.config.schema.json'), configSchemaText(builtinRules));
console.log(`schema/dclint.config.schema.json: ${builtinRules.length} Regeln`);
