import type { Finding, RuleDefinition } from '@dclint/core';
import {
  CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isFindingData, toLspRange } from './diagnostics.js';
import {
  COMMAND_OPEN_RULE_PAGE, COMMAND_SELECT_RANGE, DIAGNOSTIC_SOURCE, REASON_PLACEHOLDER, type FindingData,
} from './protocol.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dclint`;

/** The line a drafter inserts (or the code action inserts) to accept a finding on the next line, with a reason. */
export function suppressionDirective(ruleId: string, reason: string): string {
  return `<!-- dclint-disable-next-line ${ruleId} -- Begründung: ${reason} -->`;
}

/** Whether an action of `kind` was asked for by `only` (LSP: a requested kind covers its sub-kinds). */
function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ');

/** The first safe suggestion of a finding, as an edit: what "fix all" applies without review (like `dclint --fix`). */
function safeEdit(finding: Finding): TextEdit | undefined {
  const suggestion = finding.suggestions.find((s) => s.safe);
  return suggestion ? { range: toLspRange(suggestion.range), newText: suggestion.replacement } : undefined;
}

/**
 * Safe edits of the findings, without overlaps (the first one wins), in document order. A finding
 * whose text no longer stands at its place (the analysis is of an older version) gets no edit.
 */
function nonOverlappingSafeEdits(document: TextDocument, findings: Finding[]): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  const sorted = [...findings].sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const finding of sorted) {
    const suggestion = finding.suggestions.find((s) => s.safe);
    const edit = safeEdit(finding);
    if (!suggestion || !edit || suggestion.range.start.offset < lastEnd) continue;
    if (normalizeSpace(document.getText(edit.range)) !== normalizeSpace(finding.excerpt)) continue;
    edits.push(edit);
    lastEnd = suggestion.range.end.offset;
  }
  return { edits, count: edits.length };
}

export interface CodeActionInput {
  document: TextDocument;
  /** Diagnostics the client sent in the code action context. */
  diagnostics: Diagnostic[];
  only: string[] | undefined;
  /** The findings of the current version of the document. */
  findings: Finding[];
  rules: Map<string, RuleDefinition>;
}

export function codeActions({ document, diagnostics, only, findings, rules }: CodeActionInput): CodeAction[] {
  const uri = document.uri;
  const actions: CodeAction[] = [];
  const ours = diagnostics.filter((d): d is Diagnostic & { data: FindingData } => d.source === DIAGNOSTIC_SOURCE && isFindingData(d.data));

  if (wanted(CodeActionKind.QuickFix, only)) {
    const rulesDone = new Set<string>();
    const directivesDone = new Set<string>();
    for (const diagnostic of ours) {
      const data: FindingData = diagnostic.data;
      // A diagnostic from an older version may point at text that has since changed: no edit for it.
      const stillThere = normalizeSpace(document.getText(diagnostic.range)) === normalizeSpace(data.excerpt);
      if (stillThere) {
        data.suggestions.forEach((suggestion, index) => {
          actions.push({
            title: suggestion.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: index === 0 && suggestion.safe,
            edit: { changes: { [uri]: [{ range: suggestion.range, newText: suggestion.replacement }] } },
          });
        });
      }

      const title = rules.get(data.ruleId)?.title ?? data.ruleId;
      if (!rulesDone.has(data.ruleId)) {
        rulesDone.add(data.ruleId);
        const ofRule = findings.filter((f) => f.ruleId === data.ruleId);
        const { edits, count } = nonOverlappingSafeEdits(document, ofRule);
        // With a single fix this would repeat the suggestion above.
        if (count > 1) {
          actions.push({
            title: `Alle ${count} sicheren Korrekturen der Regel „${title}“ im Dokument anwenden`,
            kind: CodeActionKind.QuickFix,
            diagnostics: ours.filter((d) => d.data.ruleId === data.ruleId),
            edit: { changes: { [uri]: edits } },
          });
        }
        actions.push({
          title: `Regelseite „${title}“ öffnen`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: 'Regelseite öffnen', command: COMMAND_OPEN_RULE_PAGE, arguments: [data.docsUrl] },
        });
      }

      const line = diagnostic.range.start.line;
      const directiveKey = `${data.ruleId}\0${line}`;
      if (!directivesDone.has(directiveKey)) {
        directivesDone.add(directiveKey);
        actions.push(justifyException(document, data.ruleId, line, diagnostic));
      }
    }
  }

  if (wanted(FIX_ALL_KIND, only) && only?.some((k) => k.startsWith(CodeActionKind.SourceFixAll))) {
    const { edits, count } = nonOverlappingSafeEdits(document, findings);
    if (count > 0) {
      actions.push({
        title: `Alle ${count} sicheren dclint-Korrekturen anwenden`,
        kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: edits } },
      });
    }
  }
  return actions;
}

/**
 * "Justify an exception": inserts the suppression directive above the finding's line, with the
 * placeholder reason. LSP has no free-text prompt (showMessageRequest offers fixed buttons only),
 * so the action inserts the line and then selects the placeholder via window/showDocument: the
 * drafter types the reason straight into the document.
 */
function justifyException(document: TextDocument, ruleId: string, line: number, diagnostic: Diagnostic): CodeAction {
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  // Same indentation as the flagged line, so a directive inside a list item stays inside it.
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const directive = suppressionDirective(ruleId, REASON_PLACEHOLDER);
  const placeholderStart = indent.length + directive.lastIndexOf(REASON_PLACEHOLDER);
  const placeholder: Range = {
    start: { line, character: placeholderStart },
    end: { line, character: placeholderStart + REASON_PLACEHOLDER.length },
  };
  return {
    title: `Ausnahme begründen: „${ruleId}“ für die nächste Zeile abschalten`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${directive}\n` }] } },
    command: { title: 'Begründung eingeben', command: COMMAND_SELECT_RANGE, arguments: [document.uri, placeholder] },
  };
}
