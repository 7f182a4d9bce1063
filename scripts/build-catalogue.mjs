// Turns rules/*.yaml into the built-in catalogue module of the core (no file system at run time).
// Validation against the schema happens in scripts/check-rules.mjs after the TypeScript build.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'rules');
const rules = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => {
    try {
      return { ...parse(readFileSync(join(dir, f), 'utf8')), source: `rules/${f}` };
    } catch (error) {
      console.error(`rules/${f}: ungültiges YAML: ${error.message}`);
      process.exit(2);
    }
  });
const out = join(root, 'packages/core/src/rules/catalogue.generated.ts');
writeFileSync(out, `// Generated from rules/*.yaml by scripts/build-catalogue.mjs. Do not edit.\nexport default ${JSON.stringify(rules, null, 1)};\n`);
