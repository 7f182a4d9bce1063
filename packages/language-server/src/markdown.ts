import { PRINCIPLES, principleUrl, type Finding, type RuleDefinition, type Severity } from '@dclint/core';

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Fehler',
  warning: 'Warnung',
  info: 'Hinweis',
  hint: 'Anregung',
};

/** Rule texts are prose; characters that Markdown would take as formatting are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

export function principleLine(principle: number, aspect: string): string {
  const p = PRINCIPLES[principle - 1];
  const name = p ? ` „${p.name}“` : '';
  return `Prinzip ${principle}${name}, Aspekt ${aspect}`;
}

/** The hover of one finding: what is wrong, why it is a barrier, where it belongs in the Digitalcheck, what to write instead. */
export function hoverMarkdown(finding: Finding, rule: RuleDefinition | undefined): string {
  const title = rule ? escapeMarkdown(rule.title) : finding.ruleId;
  const parts = [
    `**${title}** · \`${finding.ruleId}\` · ${SEVERITY_LABEL[finding.severity]}${finding.unit ? ` · ${escapeMarkdown(finding.unit)}` : ''}`,
    escapeMarkdown(finding.message),
  ];
  if (finding.mitigatedBy) parts.push(`*Abgeschwächt:* ${escapeMarkdown(finding.mitigatedBy)}`);
  if (rule?.explanation) parts.push(`**Warum das eine Hürde ist**\n\n${escapeMarkdown(rule.explanation)}`);
  parts.push(`**Digitalcheck:** [${principleLine(finding.principle, finding.aspect)}](${principleUrl(finding.principle)})`);
  if (rule?.betterWording) parts.push(`**Besser:** ${escapeMarkdown(rule.betterWording)}`);
  parts.push(`[Regelseite öffnen](${finding.docsUrl})`);
  return parts.join('\n\n');
}

function ruleUrl(rule: RuleDefinition, docsBaseUrl: string | undefined): string {
  return docsBaseUrl ? docsBaseUrl.replaceAll('{id}', rule.id) : principleUrl(rule.principle);
}

/** The catalogue of the rules in effect, grouped by Digitalcheck principle, generated from the rule metadata. */
export function catalogueMarkdown(
  rules: RuleDefinition[], severities: Record<string, Severity | 'off'>, docsBaseUrl: string | undefined,
): string {
  const lines = [
    '# dclint – Regelkatalog',
    '',
    `${rules.length === 1 ? 'Eine Regel' : `${rules.length} Regeln`}, geordnet nach den fünf Prinzipien des Digitalchecks. `
      + 'Der Schweregrad berücksichtigt Ihre Einstellungen und die Konfigurationsdatei.',
  ];
  const sorted = [...rules].sort((a, b) => a.principle - b.principle || a.aspect.localeCompare(b.aspect, 'de', { numeric: true })
    || a.id.localeCompare(b.id));
  let principle = 0;
  for (const rule of sorted) {
    if (rule.principle !== principle) {
      principle = rule.principle;
      const p = PRINCIPLES[principle - 1];
      lines.push('', `## Prinzip ${principle}${p ? `: ${p.name}` : ''}`);
    }
    const setting = severities[rule.id] ?? rule.severity;
    const severity = setting === 'off' ? 'ausgeschaltet' : SEVERITY_LABEL[setting];
    lines.push(
      '',
      `### ${escapeMarkdown(rule.title)} (\`${rule.id}\`)`,
      '',
      `Aspekt ${rule.aspect} · Schweregrad: ${severity}${rule.fixes?.length ? ' · mit Korrekturvorschlag' : ''}`,
      '',
      escapeMarkdown(rule.explanation),
      '',
      `**Besser:** ${escapeMarkdown(rule.betterWording)}`,
    );
    const examples = [
      ...rule.examples.invalid.map((e) => `- Befund: „${escapeMarkdown(e.text.replace(/[«»]/g, ''))}“ (${escapeMarkdown(e.source)})`),
      ...rule.examples.valid.map((e) => `- Kein Befund: „${escapeMarkdown(e.text)}“ (${escapeMarkdown(e.source)})`),
    ];
    if (examples.length) lines.push('', ...examples);
    lines.push('', `[Regelseite](${ruleUrl(rule, docsBaseUrl)})`);
  }
  return `${lines.join('\n')}\n`;
}
