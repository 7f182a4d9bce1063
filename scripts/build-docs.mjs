// Writes the rule pages docs/rules/<id>.md and their index docs/rules/README.md from rules/*.yaml
// (through the built catalogue), with the same renderer as `dclint explain`. Run after `npm run build`;
// a test fails when the pages are stale.
//   node scripts/build-docs.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const { builtinRules } = await import(join(root, 'packages/core/dist/index.js'));
const { rulePage, catalogueIndex } = await import(join(root, 'packages/cli/dist/commands/rule-page.js'));

const dir = join(root, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
const pages = new Map(builtinRules.map((rule) => [`${rule.id}.md`, `${rulePage(rule)}\n`]));
pages.set('README.md', catalogueIndex(builtinRules));
for (const name of readdirSync(dir)) {
  if (name.endsWith('.md') && !pages.has(name)) rmSync(join(dir, name));
}
for (const [name, text] of pages) writeFileSync(join(dir, name), text);
console.log(`${pages.size - 1} Regelseiten und das Verzeichnis in docs/rules/ geschrieben.`);
