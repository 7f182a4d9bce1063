/**
 * Public types of the dclint core. Everything here is public API: field names stay stable.
 *
 * Positions: `line` and `column` are 1-based; columns and offsets count UTF-16 code units
 * (as JavaScript strings and the Language Server Protocol do). `offset` is 0-based.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Suggestion {
  /** German label, e.g. „schriftlich oder elektronisch“ einsetzen */
  title: string;
  /** The text that replaces `range`. */
  replacement: string;
  range: Range;
  /** A safe fix may be applied without review (`--fix`). */
  safe: boolean;
}

export interface RelatedInformation {
  message: string;
  range: Range;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** German message, ready to show to a drafter. */
  message: string;
  /** Digitalcheck principle 1–5 (version 1.5 order). */
  principle: number;
  /** Digitalcheck aspect, e.g. "1.1". */
  aspect: string;
  range: Range;
  /** Legal address, e.g. "§ 3 Abs. 2 Satz 1 Nr. 2" or "Artikel 1 § 3 Abs. 1 Satz 2". */
  unit: string;
  /** The matched text as it stands in the document (line breaks included). */
  excerpt: string;
  suggestions: Suggestion[];
  docsUrl: string;
  relatedInformation?: RelatedInformation[];
  /** Why the severity was lowered, if a mitigating context was found. */
  mitigatedBy?: string;
  /**
   * Only in amending laws: the provision of the amended law that the instruction creates or changes,
   * e.g. `{ law: "BMG", unit: "§ 3a Abs. 1 Satz 2" }`. `unit` above then names where the instruction
   * stands ("Artikel 1 Nr. 2 Buchst. a"). `law` is the abbreviation if known, else the law's name.
   */
  target?: { law: string; unit: string };
  /** Set on findings in `LintResult.suppressed`: how and why the finding is deliberately accepted. */
  suppressed?: FindingSuppression;
}

/** A deliberately accepted finding: by an inline directive in the draft or by an entry of a baseline file. */
export interface FindingSuppression {
  kind: 'inline' | 'baseline';
  justification: string;
}

export type PartKind = 'vorblatt' | 'regelungstext' | 'begruendung';

export interface LintOptions {
  /**
   * Severity per rule id, or 'off'. Rules missing here keep their default.
   */
  rules?: Record<string, Severity | 'off'>;
  /** Parts of a Referentenentwurf in which barrier rules fire (default: only the Regelungstext). */
  parts?: PartKind[];
  /** Extra or replacement rules (e.g. loaded by the CLI from a rules folder). Same id replaces. */
  extraRules?: RuleDefinition[];
  /** Base URL for rule pages; `{id}` is replaced. */
  docsBaseUrl?: string;
  /**
   * Text in force of laws an amending draft changes (Markdown as in the corpus), by abbreviation or name:
   * `{ BMG: "…" }`. dclint applies the instructions to it, lints each changed sentence in full and reports
   * instructions it cannot apply (rule aenderungsbefehl).
   */
  baseTexts?: Record<string, string>;
  /** Obey `<!-- dclint-disable… -->` directives in the draft (default true; `--no-inline-config` sets false). */
  inlineConfig?: boolean;
  /** A directive suppresses only with a justification after ` -- ` (default true). */
  requireJustification?: boolean;
}

/* ---------- Rule definitions (the data in rules/*.yaml) ---------- */

export type Window = 'sentence' | 'absatz' | 'paragraph' | 'document';

export interface PatternSpec {
  /** Phrase pattern, see docs/patterns.md. */
  pattern?: string;
  /** Every phrase must occur in the same sentence; the finding marks the first. */
  all?: string[];
  /**
   * For `all`: where the other phrases must be. sentence (default): anywhere in the sentence; item: in the same
   * Nummer or Buchstabe as the first phrase, or in the part of the sentence outside Nummern (the intro of a list).
   */
  window?: 'sentence' | 'item';
  /** This pattern is not cancelled by the rule's mitigations. */
  ignoreMitigations?: boolean;
  /** Message for this pattern instead of the rule's message. */
  message?: string;
  /** Level for this pattern instead of the rule's (a weaker sign); a level set in the configuration wins. */
  severity?: Severity;
}

export interface MitigationSpec {
  pattern: string;
  window?: Window;
  /** cancel: no finding; downgrade: report with `severity` instead. */
  effect?: 'cancel' | 'downgrade';
  severity?: Severity;
  /** German reason, shown with a downgraded finding. */
  reason?: string;
}

export interface ExclusionSpec {
  pattern: string;
  /** overlap (default): the exclusion must overlap the match; sentence: anywhere in the sentence. */
  window?: 'overlap' | 'sentence';
}

export interface FixSpec {
  /** Regular expression that must match the whole excerpt (flags: u, i). */
  match: string;
  /** Replacement with $1… groups. */
  replace: string;
  title: string;
  safe?: boolean;
}

export interface ExampleSpec {
  /** Text of the example; in `invalid`, «…» marks the expected span (optional). */
  text: string;
  /** Where it comes from, e.g. "§ 22 Abs. 1 BMG (2022)". */
  source: string;
}

export interface RuleDefinition {
  id: string;
  title: string;
  principle: number;
  aspect: string;
  severity: Severity;
  message: string;
  explanation: string;
  betterWording: string;
  /** Parts in which the rule fires; default: the LintOptions' parts. */
  parts?: PartKind[];
  patterns?: PatternSpec[];
  mitigations?: MitigationSpec[];
  exclusions?: ExclusionSpec[];
  fixes?: FixSpec[];
  /** Name of a rule implemented in TypeScript (see src/code-rules). */
  implementation?: string;
  examples: { valid: ExampleSpec[]; invalid: ExampleSpec[] };
  /** Where the rule was loaded from (file path), for messages. */
  source?: string;
}

/* ---------- Legal structure ---------- */

export interface Span {
  start: number;
  end: number;
}

export interface ItemNode extends Span {
  kind: 'nummer' | 'buchstabe' | 'doppelbuchstabe';
  label: string;
}

export interface SentenceNode extends Span {
  /** 1-based within its Absatz (or § when it has no numbered Absätze). */
  index: number;
}

export interface AbsatzNode extends Span {
  /** "2", "2a"; undefined for a § without numbered Absätze. */
  number?: string;
  sentences: SentenceNode[];
  items: ItemNode[];
}

export interface ParagraphNode extends Span {
  /** "§ 3", "§ 3a", "§§ 3 bis 6" */
  label: string;
  number: string;
  title?: string;
  repealed: boolean;
  absaetze: AbsatzNode[];
}

export interface ArtikelNode extends Span {
  number: string;
  title?: string;
}

export interface PartNode extends Span {
  kind: PartKind;
}

export interface Structure {
  parts: PartNode[];
  artikel: ArtikelNode[];
  paragraphs: ParagraphNode[];
  /** Absätze outside any § (plain text input): one per paragraph of text. */
  looseAbsaetze: AbsatzNode[];
}

export interface LintResult {
  findings: Finding[];
  structure: Structure;
  /** Findings suppressed by inline directives, each with `suppressed` set (always set by `lint()`). */
  suppressed?: Finding[];
}
