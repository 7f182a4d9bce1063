import { parseDocument, YAMLParseError } from 'yaml';
import AjvModule, { type ErrorObject } from 'ajv';
import type { RuleDefinition } from '../types.js';
import { ruleSchema } from './schema.js';
import { compilePattern, PatternError } from './pattern.js';
import { codeRules } from '../code-rules/index.js';

/** A rule file that cannot be used. The message names the file and the field, in German. */
export class RuleFileError extends Error {
  constructor(readonly file: string, readonly field: string, detail: string) {
    super(`${file}: ${field ? `Feld „${field}“: ` : ''}${detail}`);
    this.name = 'RuleFileError';
  }
}

const Ajv = AjvModule as unknown as typeof AjvModule.default;
let validator: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

/** Parses and validates one rule file (YAML text). Throws RuleFileError. */
export function parseRuleFile(file: string, text: string): RuleDefinition {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const where = error instanceof YAMLParseError && error.linePos ? `Zeile ${error.linePos[0].line}, Spalte ${error.linePos[0].col}` : '';
    throw new RuleFileError(file, '', `ungültiges YAML${where ? ` (${where})` : ''}: ${error.message.split('\n')[0]}`);
  }
  return validateRule(file, doc.toJS());
}

/** Validates a rule object against the schema and compiles its patterns. Throws RuleFileError. */
export function validateRule(file: string, data: unknown): RuleDefinition {
  validator ??= new Ajv({ allErrors: true }).compile(ruleSchema);
  if (!validator(data)) {
    const error = pickError(validator.errors ?? []);
    throw new RuleFileError(file, fieldName(error), describe(error));
  }
  const rule = data as RuleDefinition;
  const expectedId = /([^/\\]+)\.ya?ml$/.exec(file)?.[1];
  if (expectedId && expectedId !== rule.id) {
    throw new RuleFileError(file, 'id', `„${rule.id}“ muss dem Dateinamen „${expectedId}“ entsprechen.`);
  }
  if (rule.aspect.split('.')[0] !== String(rule.principle)) {
    throw new RuleFileError(file, 'aspect', `Aspekt ${rule.aspect} gehört nicht zu Prinzip ${rule.principle}.`);
  }
  if (rule.implementation && !codeRules[rule.implementation]) {
    throw new RuleFileError(file, 'implementation', `Keine TypeScript-Regel „${rule.implementation}“ bekannt (vorhanden: ${Object.keys(codeRules).join(', ')}).`);
  }
  checkPatterns(file, rule);
  return { ...rule, source: file };
}

function checkPatterns(file: string, rule: RuleDefinition): void {
  const check = (field: string, source: string) => {
    try {
      compilePattern(source);
    } catch (error) {
      if (error instanceof PatternError) throw new RuleFileError(file, field, error.message);
      throw error;
    }
  };
  rule.patterns?.forEach((p, i) => {
    if (p.pattern) check(`patterns[${i}].pattern`, p.pattern);
    p.all?.forEach((a, j) => check(`patterns[${i}].all[${j}]`, a));
  });
  rule.mitigations?.forEach((m, i) => check(`mitigations[${i}].pattern`, m.pattern));
  rule.exclusions?.forEach((m, i) => check(`exclusions[${i}].pattern`, m.pattern));
  rule.fixes?.forEach((f, i) => {
    try {
      new RegExp(f.match, 'iu');
    } catch {
      throw new RuleFileError(file, `fixes[${i}].match`, `„${f.match}“ ist kein gültiger regulärer Ausdruck.`);
    }
  });
}

/** The most specific error: the deepest path, preferring errors that are not about oneOf/anyOf. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const concrete = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  const pool = concrete.length ? concrete : errors;
  return pool.reduce((best, e) => (e.instancePath.length > best.instancePath.length ? e : best), pool[0]!);
}

function fieldName(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`))
    .join('')
    .replace(/^\./, '');
  if (error.keyword === 'required') return path ? `${path}.${error.params.missingProperty}` : String(error.params.missingProperty);
  if (error.keyword === 'additionalProperties') {
    const extra = String(error.params.additionalProperty);
    return path ? `${path}.${extra}` : extra;
  }
  return path || '(Wurzel)';
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': return 'fehlt, ist aber Pflicht.';
    case 'additionalProperties': return 'ist unbekannt (Tippfehler?).';
    case 'enum': return `muss einer dieser Werte sein: ${(p.allowedValues as unknown[]).join(', ')}.`;
    case 'type': return `muss vom Typ ${translateType(String(p.type))} sein.`;
    case 'minLength': return 'darf nicht leer sein.';
    case 'minItems': return `braucht mindestens ${p.limit} Einträge.`;
    case 'minimum': case 'maximum': return `muss zwischen 1 und 5 liegen.`;
    case 'pattern': return `hat nicht die erwartete Form (${p.pattern}).`;
    case 'uniqueItems': return 'enthält doppelte Einträge.';
    case 'anyOf': return 'braucht „patterns“ oder „implementation“.';
    case 'oneOf': return 'braucht genau eines von „pattern“ oder „all“.';
    default: return error.message ?? 'ist ungültig.';
  }
}

function translateType(type: string): string {
  return ({ string: 'Text', integer: 'ganze Zahl', number: 'Zahl', boolean: 'Wahrheitswert (true/false)', array: 'Liste', object: 'Objekt' } as Record<string, string>)[type] ?? type;
}
