import type { Finding, Range as CoreRange, Severity } from '@dclint/core';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, type FindingData } from './protocol.js';

/** Core positions are 1-based (line and column); LSP positions are 0-based. Both count UTF-16 code units. */
export function toLspRange(range: CoreRange): Range {
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1 },
    end: { line: range.end.line - 1, character: range.end.column - 1 },
  };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const data: FindingData = {
    ruleId: finding.ruleId,
    excerpt: finding.excerpt,
    docsUrl: finding.docsUrl,
    suggestions: finding.suggestions.map((s) => ({
      title: s.title,
      replacement: s.replacement,
      range: toLspRange(s.range),
      safe: s.safe,
    })),
  };
  const diagnostic: Diagnostic = {
    range: toLspRange(finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    // The unit tells the drafter where the finding is in legal terms ("§ 3 Abs. 2 Satz 1").
    message: finding.unit ? `${finding.message} (${finding.unit})` : finding.message,
    data,
  };
  if (finding.relatedInformation?.length) {
    diagnostic.relatedInformation = finding.relatedInformation.map((r) => ({
      location: { uri, range: toLspRange(r.range) },
      message: r.message,
    }));
  }
  return diagnostic;
}

export function isFindingData(value: unknown): value is FindingData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<FindingData>;
  return typeof data.ruleId === 'string' && typeof data.excerpt === 'string'
    && typeof data.docsUrl === 'string' && Array.isArray(data.suggestions);
}
