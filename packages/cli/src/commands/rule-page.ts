import { ASPECTS, PRINCIPLES, principleUrl, type RuleDefinition, type Severity } from '@dclint/core';

/**
 * A rule's page in Markdown: what `dclint explain ID` prints and what docs/rules/<id>.md contains
 * (scripts/build-docs.mjs writes these pages, a test keeps them in step with rules/*.yaml).
 * Everything comes from the rule file, the link to the Digitalcheck from the rule's principle.
 */
export const SEVERITY_NAMES: Record<Severity, string> = {
  error: 'Fehler', warning: 'Warnung', info: 'Hinweis', hint: 'Tipp',
};

/** The Digitalcheck page of a rule's principle. */
export function ruleLink(rule: RuleDefinition): string {
  return principleUrl(rule.principle);
}

export function principleName(rule: RuleDefinition): string {
  return PRINCIPLES[rule.principle - 1]?.name ?? `Prinzip ${rule.principle}`;
}

/** The one line of `dclint rules` and of the catalogue index: the rule's title. */
export function ruleSummary(rule: RuleDefinition): string {
  return rule.title;
}

/** «…» marks the span an invalid example must find; on the page it is shown bold. */
const markSpans = (text: string) => text.replace(/«/g, '**').replace(/»/g, '**');
/** Backticks inside inline code would end it; patterns never contain them, but stay safe. */
const code = (text: string) => `\`${text.replace(/`/g, 'ʼ')}\``;

export function rulePage(rule: RuleDefinition): string {
  const aspect = ASPECTS[rule.aspect];
  const lines: string[] = [
    `# ${code(rule.id)} – ${rule.title}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Prinzip | ${rule.principle} – ${principleName(rule)} |`,
    `| Aspekt | ${rule.aspect}${aspect ? ` – ${aspect}` : ''} |`,
    `| Stufe | ${SEVERITY_NAMES[rule.severity]} |`,
    `| Digitalcheck | <${ruleLink(rule)}> |`,
    `| Regeldatei | ${code(`rules/${rule.id}.yaml`)}${rule.implementation ? `, Logik in ${code(`packages/core/src/code-rules/${rule.implementation}.ts`)}` : ''} |`,
    '',
    '## Warum das die digitale Umsetzung behindert',
    '',
    rule.explanation.trim(),
    '',
    '## Meldung',
    '',
    `> ${rule.message.trim().replaceAll('{match}', '…')}`,
    '',
    '## Besser',
    '',
    rule.betterWording.trim(),
    '',
  ];
  if (rule.fixes?.length) {
    lines.push('## Korrekturvorschläge', '');
    for (const fix of rule.fixes) lines.push(`- ${fix.title}${fix.safe ? ' (sicher, wird mit `--fix` angewandt)' : ' (zum Prüfen)'}`);
    lines.push('');
  }
  lines.push('## Beispiele', '', 'Findet (der gemeldete Text ist fett):', '');
  for (const e of rule.examples.invalid) lines.push(`- ${markSpans(e.text.trim())} – *${e.source}*`);
  lines.push('', 'Findet nicht:', '');
  for (const e of rule.examples.valid) lines.push(`- ${e.text.trim()} – *${e.source}*`);
  lines.push('');
  if (rule.patterns?.length) {
    lines.push('## Muster', '', 'Die Regel meldet einen Satz, der eines dieser Muster enthält (Schreibweise: README, „Muster schreiben“):', '');
    for (const p of rule.patterns) {
      const what = p.pattern ? code(p.pattern) : `alle zugleich: ${p.all!.map(code).join(', ')}`;
      lines.push(`- ${what}${p.ignoreMitigations ? ' (wird nicht gemildert)' : ''}`);
    }
    lines.push('');
  }
  if (rule.mitigations?.length) {
    lines.push('## Gemildert', '', 'Keine Meldung oder eine mildere Stufe, wenn im Umfeld steht:', '');
    for (const m of rule.mitigations) {
      const where = { sentence: 'im selben Satz', absatz: 'im selben Absatz', paragraph: 'im selben §', document: 'im Entwurf' }[m.window ?? 'sentence'];
      const effect = (m.effect ?? 'cancel') === 'cancel' ? 'keine Meldung' : `Stufe ${SEVERITY_NAMES[m.severity ?? 'info']}`;
      lines.push(`- ${code(m.pattern)} ${where}: ${effect}${m.reason ? ` – ${m.reason}` : ''}`);
    }
    lines.push('');
  }
  if (rule.exclusions?.length) {
    lines.push('## Ausnahmen', '', 'Nie gemeldet wird ein Fund, der hierzu gehört:', '');
    for (const x of rule.exclusions) {
      lines.push(`- ${code(x.pattern)}${x.window === 'sentence' ? ' (irgendwo im Satz)' : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The index of all rule pages (docs/rules/README.md). */
export function catalogueIndex(rules: RuleDefinition[]): string {
  const lines = [
    '# Regelkatalog',
    '',
    'Erzeugt aus `rules/*.yaml` mit `node scripts/build-docs.mjs`; nicht von Hand ändern.',
    '',
    '| Regel | Prinzip | Aspekt | Stufe | Findet |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const rule of sortRules(rules)) {
    lines.push(`| [${code(rule.id)}](${rule.id}.md) | [${rule.principle} – ${principleName(rule)}](${ruleLink(rule)}) | ${rule.aspect} | ${SEVERITY_NAMES[rule.severity]} | ${ruleSummary(rule)} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Catalogue order: by principle, then aspect, then id. */
export function sortRules(rules: RuleDefinition[]): RuleDefinition[] {
  return [...rules].sort((a, b) => a.principle - b.principle
    || a.aspect.localeCompare(b.aspect, 'de', { numeric: true }) || a.id.localeCompare(b.id));
}
