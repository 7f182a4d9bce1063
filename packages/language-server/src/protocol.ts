/**
 * What the dclint language server adds to LSP: custom requests, server-side commands and the shape
 * of `Diagnostic.data`. Shared with clients (the VS Code extension imports this module); no imports,
 * so bundling it into a client pulls in nothing else.
 */

/** `Diagnostic.source` of every dclint diagnostic. */
export const DIAGNOSTIC_SOURCE = 'dclint';

/** LSP range (0-based line and character, UTF-16). Declared here to keep this module import-free. */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface SuggestionData {
  title: string;
  replacement: string;
  range: LspRange;
  safe: boolean;
}

/** `Diagnostic.data` of a dclint diagnostic: what the code actions need without linting again. */
export interface FindingData {
  ruleId: string;
  /** The flagged text as it stood when linted; a quick fix is offered only while it still stands there. */
  excerpt: string;
  docsUrl: string;
  suggestions: SuggestionData[];
}

/** Client settings, section `dclint`. Every field is optional on the wire; see settings.ts for defaults. */
export interface DclintSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Milliseconds between the last change and the check. */
  debounce: number;
  /** Severity per rule id, or 'off'; wins over the config file. */
  rules: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>;
  /** Documents larger than this (UTF-8 bytes) are not checked. */
  maxDocumentSize: number;
}

/** Request `dclint/catalogue`: the rule catalogue as Markdown, with the rules in effect for `uri` (if given). */
export const CATALOGUE_REQUEST = 'dclint/catalogue';
export interface CatalogueParams {
  uri?: string;
}
export interface CatalogueResult {
  markdown: string;
  ruleCount: number;
}

/** Request `dclint/lintFiles`: lint files (open or on disk) and publish their diagnostics. */
export const LINT_FILES_REQUEST = 'dclint/lintFiles';
export interface LintFilesParams {
  uris: string[];
}
export interface LintFilesResult {
  /** Files checked. */
  checked: number;
  /** Findings published for them. */
  findings: number;
  /** Files not checked, with the German reason. */
  skipped: Array<{ uri: string; reason: string }>;
}

/** Server-side commands (workspace/executeCommand). */
export const COMMAND_OPEN_RULE_PAGE = 'dclint.server.openRulePage';
/** Selects a range in a document (used to select the placeholder reason of an inserted directive). */
export const COMMAND_SELECT_RANGE = 'dclint.server.selectRange';

/** Placeholder reason of an inserted suppression directive; selected after insertion so typing replaces it. */
export const REASON_PLACEHOLDER = '…';
