import { directiveRule, PRINCIPLES, SEVERITIES, type RuleDefinition } from '@dclint/core';

/** Where the schema is published; config files may point "$schema" at it (the VS Code extension registers it). */
export const CONFIG_SCHEMA_ID = 'https://dclint.de/schema/dclint.config.schema.json';

/**
 * The JSON Schema (draft-07) of dclint config files, generated from the rule metadata so that editors
 * complete rule ids with their titles. scripts/build-config-schema.mjs writes it to
 * schema/dclint.config.schema.json; a test fails when that file is stale.
 */
export function configSchema(rules: RuleDefinition[]): Record<string, unknown> {
  const severity = {
    enum: ['off', ...SEVERITIES],
    description: 'Schweregrad der Regel oder "off" (abgeschaltet).',
  };
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    const principle = PRINCIPLES[rule.principle - 1];
    ruleProperties[rule.id] = {
      $ref: '#/definitions/severity',
      description: `${rule.title} (Prinzip ${rule.principle}${principle ? ` „${principle.name}“` : ''}, Aspekt ${rule.aspect}; `
        + `Standard: ${rule.severity}). ${rule.explanation}`,
      default: rule.severity,
    };
  }
  ruleProperties[directiveRule.id] = {
    $ref: '#/definitions/severity',
    description: `${directiveRule.title} (Standard: ${directiveRule.severity}). ${directiveRule.explanation}`,
    default: directiveRule.severity,
  };
  const globs = {
    oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
  };
  const settings = {
    rules: { $ref: '#/definitions/rules' },
    parts: {
      type: 'array',
      items: { enum: ['vorblatt', 'regelungstext', 'begruendung'] },
      uniqueItems: true,
      description: 'Teile des Entwurfs, in denen die Regeln prüfen (Standard: nur der Regelungstext).',
    },
    requireJustification: {
      type: 'boolean',
      default: true,
      description: 'Eine Anweisung <!-- dclint-disable… --> wirkt nur mit Begründung nach „--“.',
    },
    inlineConfig: {
      type: 'boolean',
      default: true,
      description: 'Anweisungen <!-- dclint-disable… --> im Entwurf beachten (false entspricht --no-inline-config).',
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'dclint-Konfiguration',
    description: 'Konfiguration von dclint (dclint.config.json/.jsonc/.yaml, .dclintrc.*). Nähere Dateien überschreiben fernere.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', default: false, description: 'Keine Konfigurationsdateien in übergeordneten Ordnern lesen.' },
      extends: { ...globs, description: 'Konfigurationsdateien, auf denen diese aufbaut (Pfade relativ zu dieser Datei).' },
      rulesDir: { ...globs, description: 'Ordner mit zusätzlichen Regeldateien (*.yaml), relativ zu dieser Datei.' },
      bases: {
        type: 'object',
        description: 'Geltender Text der Gesetze, die ein Änderungsgesetz ändert: Abkürzung → Pfad (relativ zu dieser Datei), '
          + 'z. B. { "BMG": "gesetze/bmg.md" }. Wie die Option --base.',
        additionalProperties: { type: 'string', minLength: 1 },
      },
      ...settings,
      overrides: {
        type: 'array',
        description: 'Einstellungen für Dateien, deren Pfad (relativ zu dieser Datei) auf ein Muster passt.',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: {
            files: { ...globs, description: 'Glob-Muster, z. B. "entwuerfe/**/*.md"; ohne „/“ gilt es für den Dateinamen.' },
            excludedFiles: { ...globs, description: 'Glob-Muster für Dateien, für die der Eintrag nicht gilt.' },
            ...settings,
          },
        },
      },
    },
    definitions: {
      severity,
      rules: {
        type: 'object',
        description: 'Regel-ID → Schweregrad oder "off". Regeln aus rulesDir sind ebenfalls erlaubt.',
        properties: ruleProperties,
        propertyNames: { pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' },
        additionalProperties: { $ref: '#/definitions/severity' },
      },
    },
  };
}

/** The schema file's text, as written to schema/dclint.config.schema.json. */
export function configSchemaText(rules: RuleDefinition[]): string {
  return JSON.stringify(configSchema(rules), null, 2) + '\n';
}
