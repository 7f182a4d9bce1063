import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { directiveRule, principleUrl, PRINCIPLES, type Finding, type RuleDefinition, type Severity } from '@dclint/core';
import type { FileResult, Formatter } from './types.js';

/** Where users learn about dclint (the published package and its README). */
export const TOOL_URI = 'https://www.npmjs.com/package/dclint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 (OASIS), for GitHub code scanning, Azure DevOps and other viewers. Rules carry their
 * Digitalcheck principle and aspect; every result names its legal unit as a logical location; findings
 * accepted inline or by the baseline are results with a `suppressions` entry holding the justification.
 */
export const sarif: Formatter = (results, summary, { version, rules = [], cwd }) => {
  const ruleList = ruleDescriptors(rules, results);
  const ruleIndex = new Map(ruleList.map((r, i) => [r.id, i]));
  const artifacts = results.map((r) => ({
    location: artifactLocation(r.path),
    roles: ['analysisTarget'],
    mimeType: /\.(md|markdown)$/i.test(r.path) ? 'text/markdown' : 'text/plain',
    encoding: 'utf-8',
  }));
  // Per file in document order, accepted findings among the others.
  const sarifResults = results.flatMap((file, fileIndex) => [...file.findings, ...(file.suppressed ?? [])]
    .sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId))
    .map((f) => result(f, file, fileIndex, ruleIndex)));
  const notifications = results.filter((r) => r.error).map((r) => ({
    level: 'error',
    message: { text: endWithPeriod(r.error!) },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.path) } }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'dclint',
          fullName: 'dclint – Digitalcheck-Linter für Gesetzentwürfe',
          version,
          semanticVersion: version,
          informationUri: TOOL_URI,
          language: 'de-DE',
          rules: ruleList.map(({ descriptor }) => descriptor),
        },
      },
      invocations: [{ executionSuccessful: summary.fileErrors === 0, toolExecutionNotifications: notifications }],
      originalUriBaseIds: cwd ? { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } } : undefined,
      artifacts,
      results: sarifResults,
      columnKind: 'utf16CodeUnits',
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

interface RuleEntry {
  id: string;
  descriptor: Record<string, unknown>;
}

/** Rule metadata for every rule in effect and every rule that reported (extra rules, the directive pseudo rule). */
function ruleDescriptors(rules: RuleDefinition[], results: FileResult[]): RuleEntry[] {
  const out = new Map<string, RuleEntry>();
  for (const rule of rules) {
    out.set(rule.id, {
      id: rule.id,
      descriptor: {
        id: rule.id,
        ...friendlyName(rule.id, rule.title),
        shortDescription: { text: endWithPeriod(rule.title) },
        fullDescription: { text: endWithPeriod(rule.explanation) },
        help: { text: endWithPeriod(`Besser: ${rule.betterWording}`) },
        helpUri: helpUri(rule, results),
        defaultConfiguration: { level: LEVEL[rule.severity] },
        properties: {
          principle: rule.principle,
          principleName: PRINCIPLES[rule.principle - 1]?.name,
          aspect: rule.aspect,
          tags: ['digitalcheck', `prinzip-${rule.principle}`, `aspekt-${rule.aspect}`],
        },
      },
    });
  }
  out.set(directiveRule.id, {
    id: directiveRule.id,
    descriptor: {
      id: directiveRule.id,
      ...friendlyName(directiveRule.id, directiveRule.title),
      shortDescription: { text: endWithPeriod(directiveRule.title) },
      fullDescription: { text: endWithPeriod(directiveRule.explanation) },
      helpUri: directiveRule.docsUrl,
      defaultConfiguration: { level: LEVEL[directiveRule.severity] },
      properties: { tags: ['dclint'] },
    },
  });
  return [...out.values()];
}

/** The rule's page as the findings link it (docsBaseUrl may change it), else its principle's page. */
function helpUri(rule: RuleDefinition, results: FileResult[]): string {
  for (const r of results) {
    const f = r.findings.find((x) => x.ruleId === rule.id) ?? r.suppressed?.find((x) => x.ruleId === rule.id);
    if (f) return f.docsUrl;
  }
  return principleUrl(rule.principle);
}

function result(f: Finding, file: FileResult, fileIndex: number, ruleIndex: Map<string, number>): Record<string, unknown> {
  const location = { ...artifactLocation(file.path), index: fileIndex };
  const region = {
    startLine: f.range.start.line,
    startColumn: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    charOffset: f.range.start.offset,
    charLength: f.range.end.offset - f.range.start.offset,
    snippet: { text: f.excerpt },
  };
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: endWithPeriod(f.message) },
    locations: [{
      physicalLocation: { artifactLocation: location, region },
      ...(f.unit ? { logicalLocations: [{ fullyQualifiedName: f.unit, kind: 'legalUnit' }] } : {}),
    }],
    properties: {
      legalUnit: f.unit,
      ...(f.principle ? { principle: f.principle, aspect: f.aspect } : {}),
      ...(f.mitigatedBy ? { mitigatedBy: f.mitigatedBy } : {}),
    },
  };
  const hash = file.sentenceHashes?.get(f);
  if (hash) out.partialFingerprints = { 'dclintSentence/v1': `${f.ruleId}:${hash}` };
  const fixes = f.suggestions.filter((s) => s.safe).map((s) => ({
    description: { text: endWithPeriod(s.title) },
    artifactChanges: [{
      artifactLocation: location,
      replacements: [{
        deletedRegion: { charOffset: s.range.start.offset, charLength: s.range.end.offset - s.range.start.offset },
        insertedContent: { text: s.replacement },
      }],
    }],
  }));
  if (fixes.length) out.fixes = fixes;
  if (f.suppressed) {
    out.suppressions = [{
      kind: f.suppressed.kind === 'inline' ? 'inSource' : 'external',
      status: 'accepted',
      justification: f.suppressed.justification,
    }];
  }
  return out;
}

function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** SARIF wants a friendly name only when it differs from the id (validator rule SARIF1001). */
function friendlyName(id: string, title: string): { name?: string } {
  const name = pascalCase(title);
  return name && name.toLowerCase() !== id.replace(/[^a-z0-9]/gi, '').toLowerCase() ? { name } : {};
}

/** "Schriftform ohne elektronische Alternative" → "SchriftformOhneElektronischeAlternative" (SARIF's friendly name). */
function pascalCase(title: string): string {
  const ascii = title.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue').replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return ascii.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function endWithPeriod(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
