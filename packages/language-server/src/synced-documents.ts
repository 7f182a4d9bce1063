import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export interface SyncedDocuments {
  /** For `new TextDocuments(…)`. */
  configuration: TextDocumentsConfiguration<TextDocument>;
  /** The document's size in UTF-8 bytes (for dclint.maxDocumentSize). */
  utf8Size(document: TextDocument): number;
}

/**
 * The open documents (incremental sync), each with its UTF-8 size kept up to date edit by edit: measuring a
 * 2 MB law afresh takes milliseconds on every keystroke. `onEdit` sees every document's changes once they
 * are applied, with the time they arrived (the background linter forwards them to its worker instead of the whole text).
 */
export function syncedDocuments(
  onEdit: (document: TextDocument, changes: TextDocumentContentChangeEvent[], receivedAt: number) => void,
): SyncedDocuments {
  const sizes = new WeakMap<TextDocument, number>();
  const utf8Size = (document: TextDocument): number => {
    let size = sizes.get(document);
    if (size === undefined) sizes.set(document, (size = Buffer.byteLength(document.getText(), 'utf8')));
    return size;
  };
  const configuration: TextDocumentsConfiguration<TextDocument> = {
    create(uri, languageId, version, content) {
      const document = TextDocument.create(uri, languageId, version, content);
      sizes.set(document, Buffer.byteLength(content, 'utf8'));
      return document;
    },
    update(document, changes, version) {
      const receivedAt = performance.now();
      let size: number | undefined = utf8Size(document);
      // One change at a time: each range refers to the text after the changes before it.
      for (const change of changes) {
        if (!('range' in change)) {
          size = Buffer.byteLength(change.text, 'utf8');
        } else if (size !== undefined) {
          const removed = document.getText(change.range);
          size = touchesSurrogate(document, change.range, removed, change.text)
            ? undefined
            : size + Buffer.byteLength(change.text, 'utf8') - Buffer.byteLength(removed, 'utf8');
        }
        TextDocument.update(document, [change], version);
      }
      if (size === undefined) sizes.delete(document);
      else sizes.set(document, size);
      onEdit(document, changes, receivedAt);
      return document;
    },
  };
  return { configuration, utf8Size };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Whether a change touches half of a UTF-16 surrogate pair: a pair is 4 bytes in UTF-8, each half alone 3
 * (as U+FFFD), so the size is then measured afresh instead of by difference (rare: emoji and the like).
 */
function touchesSurrogate(document: TextDocument, range: Range, removed: string, inserted: string): boolean {
  if (SURROGATE.test(removed) || SURROGATE.test(inserted)) return true;
  const text = document.getText();
  const start = Math.min(document.offsetAt(range.start), document.offsetAt(range.end));
  const end = start + removed.length;
  return SURROGATE.test(text.charAt(start - 1)) || SURROGATE.test(text.charAt(end));
}
