// Measures the principle-1 barrier rules on the Schriftform before/after pairs (2013 → 2022).
//   node scripts/quality/pairs.mjs [--list]      --list prints every miss and every false alarm
import { join } from 'node:path';
import { root, parseOptions } from './lib.mjs';
import { measurePairs } from './measure.mjs';

const opts = parseOptions(process.argv.slice(2), { list: 'flag' });
const { lint, resolveRules } = await import(join(root, 'packages/core/dist/index.js'));
const r = measurePairs(lint, resolveRules());
const pct = (x) => `${(x * 100).toFixed(1)} %`;
if (opts.list) {
  for (const m of r.oldMisses) console.log(`ALT OHNE BEFUND  ${m.key}\n    ${m.old.replace(/\s+/g, ' ')}`);
  for (const h of r.newHits) console.log(`NEU MIT BEFUND   ${h.key}\n    ${h.new.replace(/\s+/g, ' ')}\n    → ${h.findings.join('; ')}`);
}
console.log(`${r.total} Paare, ${r.excluded} begründet ausgenommen, ${r.measured} gemessen`);
console.log(`alt (Schriftform-Hürde): Prinzip-1-Warnung in ${r.oldFires}/${r.measured} = ${pct(r.oldRate)}`);
console.log(`neu (elektronisch erlaubt): dieselbe Regel in ${r.newFires}/${r.measured} = ${pct(r.newRate)}`);
if (r.staleExclusions.length) console.log(`Ausnahmen ohne Paar: ${r.staleExclusions.join(' | ')}`);
