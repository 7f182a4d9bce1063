/** JSON Schema of a rule file in rules/*.yaml. The single source: the build writes it to schema/. */
const severity = { enum: ['error', 'warning', 'info', 'hint'] };
const part = { enum: ['vorblatt', 'regelungstext', 'begruendung'] };
const text = { type: 'string', minLength: 1 };
const example = {
  type: 'object',
  required: ['text', 'source'],
  additionalProperties: false,
  properties: { text, source: text },
};

export const ruleSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://dclint.de/schema/rule.schema.json',
  title: 'dclint-Regel',
  description: 'Eine Regel des dclint-Katalogs (eine Datei je Regel in rules/).',
  type: 'object',
  required: ['id', 'title', 'principle', 'aspect', 'severity', 'message', 'explanation', 'betterWording', 'examples'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', description: 'Stabile Kennung (öffentliche API).' },
    title: text,
    principle: { type: 'integer', minimum: 1, maximum: 5, description: 'Prinzip des Digitalchecks (v1.5).' },
    aspect: { type: 'string', pattern: '^[1-5]\\.[0-9]+$', description: 'Aspekt, z. B. "1.1".' },
    severity,
    message: text,
    explanation: text,
    betterWording: text,
    parts: { type: 'array', items: part, minItems: 1, uniqueItems: true },
    patterns: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          pattern: text,
          all: { type: 'array', items: text, minItems: 2 },
          window: { enum: ['sentence', 'item'] },
          ignoreMitigations: { type: 'boolean' },
          message: text,
          severity,
        },
        oneOf: [{ required: ['pattern'] }, { required: ['all'] }],
      },
    },
    mitigations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['pattern'],
        additionalProperties: false,
        properties: {
          pattern: text,
          window: { enum: ['sentence', 'absatz', 'paragraph', 'document'] },
          effect: { enum: ['cancel', 'downgrade'] },
          severity,
          reason: text,
        },
      },
    },
    exclusions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['pattern'],
        additionalProperties: false,
        properties: { pattern: text, window: { enum: ['overlap', 'sentence'] } },
      },
    },
    fixes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['match', 'replace', 'title'],
        additionalProperties: false,
        properties: { match: text, replace: { type: 'string' }, title: text, safe: { type: 'boolean' } },
      },
    },
    implementation: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    examples: {
      type: 'object',
      required: ['valid', 'invalid'],
      additionalProperties: false,
      properties: {
        valid: { type: 'array', items: example, minItems: 1 },
        invalid: { type: 'array', items: example, minItems: 1 },
      },
    },
  },
  anyOf: [{ required: ['patterns'] }, { required: ['implementation'] }],
} as const;
