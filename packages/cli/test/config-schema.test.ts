import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { builtinRules } from '@dclint/core';
import { configSchemaText } from '../src/config-schema.js';
import { CONFIG_KEYS } from '../src/config.js';
import { repoRoot } from './helpers.js';

const schemaFile = join(repoRoot, 'schema/dclint.config.schema.json');
const shipped = readFileSync(schemaFile, 'utf8');
// The content tests use the schema as generated now; the first test checks that the shipped file equals it.
const schema = JSON.parse(configSchemaText(builtinRules));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('schema/dclint.config.schema.json', () => {
  it('is up to date with the rule catalogue (else run: npm run build && node scripts/build-config-schema.mjs)', () => {
    expect(shipped).toBe(configSchemaText(builtinRules));
  });

  it('offers every built-in rule with its title and default, and the dclint-directive pseudo rule', () => {
    const rules = schema.definitions.rules.properties;
    for (const rule of builtinRules) {
      expect(rules[rule.id]).toMatchObject({ default: rule.severity, description: expect.stringContaining(rule.title) });
    }
    expect(rules['dclint-directive']).toBeDefined();
  });

  it('knows every key the config loader accepts, and no other', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it('accepts a full config and rejects bad severities and unknown keys', () => {
    const good = {
      $schema: './schema/dclint.config.schema.json', root: true, extends: ['../basis.yaml'], rulesDir: 'regeln',
      rules: { schriftform: 'error', 'technik-spezifisch': 'off', 'eigene-regel': 'hint' }, parts: ['regelungstext'],
      requireJustification: true, inlineConfig: false,
      overrides: [{ files: '*.md', excludedFiles: ['alt/**'], rules: { schriftform: 'info' }, parts: ['begruendung'] }],
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ rules: { schriftform: 'fatal' } })).toBe(false);
    expect(validate({ regeln: {} })).toBe(false);
    expect(validate({ overrides: [{ rules: {} }] })).toBe(false);
  });
});
