import { parseArgs } from 'node:util';
import { suggestRule } from '../config.js';
import { UsageError, type CommandContext } from './context.js';
import { rulePage } from './rule-page.js';
import { catalogue } from './rules.js';

export const EXPLAIN_HELP = `Aufruf: dclint explain <id> [--rules-dir <ordner>]

Zeigt die Seite einer Regel: Prinzip und Aspekt des Digitalchecks mit Link, warum die Stelle die
digitale Umsetzung behindert, bessere Formulierungen, Beispiele aus dem Bundesrecht, Muster.
Alle Regeln listet „dclint rules“.
`;

export async function explainCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'rules-dir': { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(EXPLAIN_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('Bitte genau eine Regel nennen, z. B. „dclint explain schriftform“. Alle Regeln: dclint rules');
  const id = positionals[0]!;
  const rules = catalogue(values['rules-dir'], ctx.cwd);
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new UsageError(`Unbekannte Regel „${id}“. ${suggestRule(id, new Set(rules.map((r) => r.id)))}`);
  ctx.stdout(`${rulePage(rule)}\n`);
  return 0;
}
