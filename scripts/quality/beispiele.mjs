// Lints every passage the Digitalcheck praises as good practice (beispiele-regelungen.json); none may warn.
//   node scripts/quality/beispiele.mjs
import { join } from 'node:path';
import { root } from './lib.mjs';
import { measureBeispiele } from './measure.mjs';

const { lint } = await import(join(root, 'packages/core/dist/index.js'));
const r = measureBeispiele(lint);
for (const w of r.warnings) console.log(`WARNUNG  ${w.where}  ${w.ruleId}: ${w.excerpt}`);
for (const i of r.infos) console.log(`${i.severity === 'info' ? 'Hinweis' : 'Tipp'}  ${i.where}  ${i.ruleId}: ${i.excerpt}`);
console.log(`${r.passages} gelobte Absätze: ${r.warnings.length} Warnungen, ${r.infos.length} Hinweise`);
process.exitCode = r.warnings.length > 0 ? 1 : 0;
