import { SEVERITIES, type LintOptions, type Severity } from '@dclint/core';
import type { DclintSettings } from './protocol.js';

export const DEFAULT_SETTINGS: DclintSettings = {
  enable: true,
  run: 'onType',
  debounce: 300,
  rules: {},
  maxDocumentSize: 5 * 1024 * 1024,
};

/**
 * Client settings as received (from workspace/configuration, didChangeConfiguration or
 * initializationOptions), checked field by field: a wrong value falls back to the default
 * instead of breaking linting.
 */
export function normalizeSettings(raw: unknown): DclintSettings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const number = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
  const rules: DclintSettings['rules'] = {};
  if (typeof input.rules === 'object' && input.rules !== null && !Array.isArray(input.rules)) {
    for (const [id, setting] of Object.entries(input.rules as Record<string, unknown>)) {
      if (setting === 'off' || SEVERITIES.includes(setting as Severity)) rules[id] = setting as Severity | 'off';
    }
  }
  return {
    enable: typeof input.enable === 'boolean' ? input.enable : DEFAULT_SETTINGS.enable,
    run: input.run === 'onSave' ? 'onSave' : 'onType',
    debounce: number(input.debounce, DEFAULT_SETTINGS.debounce),
    rules,
    maxDocumentSize: number(input.maxDocumentSize, DEFAULT_SETTINGS.maxDocumentSize),
  };
}

/** Config file options with the client's rule settings on top: the editor setting is the drafter's explicit choice. */
export function mergeOptions(fromConfigFile: LintOptions, settings: DclintSettings): LintOptions {
  if (Object.keys(settings.rules).length === 0) return fromConfigFile;
  return { ...fromConfigFile, rules: { ...fromConfigFile.rules, ...settings.rules } };
}
