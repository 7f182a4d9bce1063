import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { resolveRules, type RuleDefinition } from '@dclint/core';
import { loadRulesDir } from '../config.js';
import type { CommandContext } from './context.js';
import { SEVERITY_NAMES, ruleSummary, sortRules } from './rule-page.js';

export const RULES_HELP = `Aufruf: dclint rules [--format text|json] [--rules-dir <ordner>]

Listet den Regelkatalog: Kennung, Prinzip und Aspekt des Digitalchecks, Stufe, was die Regel findet.
Die Seite einer Regel zeigt „dclint explain <id>“.
`;

/** The catalogue: built-in rules plus those of --rules-dir (same id replaces). */
export function catalogue(rulesDirs: string[] = [], cwd = process.cwd()): RuleDefinition[] {
  return sortRules(resolveRules({ extraRules: rulesDirs.flatMap((d) => loadRulesDir(resolve(cwd, d))) }));
}

export async function rulesCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      'rules-dir': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    ctx.stdout(RULES_HELP);
    return 0;
  }
  const rules = catalogue(values['rules-dir'], ctx.cwd);
  if (values.format === 'json') {
    ctx.stdout(`${JSON.stringify(rules.map((r) => ({
      id: r.id, principle: r.principle, aspect: r.aspect, severity: r.severity, title: r.title,
    })), null, 2)}\n`);
    return 0;
  }
  if (values.format !== 'text') {
    ctx.stderr(`dclint: Unbekanntes Format „${values.format}“. Verfügbar: text, json.\n`);
    return 2;
  }
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const rows = rules.map((r) => `${r.id.padEnd(idWidth)}  ${`${r.principle} (${r.aspect})`.padEnd(8)}  ${SEVERITY_NAMES[r.severity].padEnd(8)}  ${ruleSummary(r)}`);
  ctx.stdout(`${'Regel'.padEnd(idWidth)}  Prinzip   Stufe     Findet\n${rows.join('\n')}\n\n${rules.length} Regeln. Mehr zu einer Regel: dclint explain <id>\n`);
  return 0;
}
