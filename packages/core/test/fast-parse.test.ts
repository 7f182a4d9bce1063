import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { analyse } from '../src/index.js';
import { fastParse } from '../src/structure/fast-parse.js';
import { parseMarkdown, parseWithRemark } from '../src/structure/markdown.js';
import { setOptimisations } from '../src/optimisations.js';
import { corpusFile, corpusMissing, corpusSample } from './support/corpus-sample.js';

/**
 * The fast parser must yield what remark-parse (the reference) yields, as far as the structure builder
 * reads it: node types, offsets, `ordered`, and the span of inline content of paragraphs and headings.
 */
interface Skeleton {
  type: string;
  start?: number;
  end?: number;
  ordered?: boolean;
  content?: [number, number] | null;
  children?: Skeleton[];
}

function skeleton(node: Nodes): Skeleton {
  const out: Skeleton = { type: node.type, start: node.position?.start.offset, end: node.position?.end.offset };
  if (node.type === 'paragraph' || node.type === 'heading') {
    const c = node.children;
    out.content = c.length ? [c[0]!.position!.start.offset!, c[c.length - 1]!.position!.end.offset!] : null;
  } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root') {
    if (node.type === 'list') out.ordered = node.ordered === true;
    out.children = node.children.map((c) => skeleton(c as Nodes));
  }
  return out;
}

const same = (text: string) => expect(skeleton(parseMarkdown(text))).toEqual(skeleton(parseWithRemark(text)));
/** The fast parser handles it alone (no remark-parse) and agrees with remark-parse. */
const fast = (text: string) => {
  expect(fastParse(text), 'der schnelle Parser lehnt ab').toBeDefined();
  same(text);
};

afterEach(() => setOptimisations({ fastParse: true }));

describe('fast block parser', () => {
  it('reads headings, paragraphs and Absätze like remark-parse', () => {
    fast('# Gesetz\n\n## § 1 Zweck  ##  \n\n(1) Der Antrag ist\nschriftlich zu stellen.  \n\n   (2) Eingerückt.\n\n##\n\n# #\n\n#Kein Titel\n');
    fast('Zeile eins\nZeile zwei\n=====\n\nText\n---\n\n- - -\n\n***\n');
  });

  it('reads numbered lists, Buchstaben and nested lists', () => {
    fast('(1) Einleitung:\n\n1.  erstens,\n2.  zweitens, und\n    a)  Buchstabe a,\n    b)  Buchstabe b\n\n    weiter\n3.  drittens.\n');
    fast('* a\n\n  * b\n    lazy\n- c\n\n1. x\n2) y\n\n10.  weit\n    eingerückt\n');
    fast('- foo\n2. bar\n\nfoo\n01. bar\n\nfoo\n1) bar\n\n1. foo\n- \n\n1. foo\n-\n');
  });

  it('follows micromark where it differs from the CommonMark reference implementation', () => {
    // Code started on a lazy line ends with that line; after code, list items cannot be empty.
    fast('*    *   Nummer\n\n    *   Geb\n\n    *   Aus\n        in Euro\n\n\n*    *   I.\n');
    fast('    code\n\n\n* 1.\n\n*    *   x\n\n    *   y\n\n\n*    *   1.\n');
    // An empty item ended by a blank line makes the next line lazy.
    fast('*    *   Kreis\n        ....\n\n    *[^B1]\n   *\n\n    *   A\n');
    fast('p\n* 1.\n\n* *\n* -\n\n*  *\n   y\n');
  });

  it('reads block quotes, front matter and footnote lines', () => {
    fast('> foo\n>\n\n>\n\n> a\nlazy\n> b  \n\n*   > 15 - 25\n\n    *   x\n');
    fast('---\nTitle: Gesetz\n# kein Titel\n---  \n\n# Gesetz\n\nText.\n');
    fast('[^F1]:     Gemäß Berechnung der Werte\n\n[^F2]: \n\n[^F3]\n\nText [^F4] im Satz.\n');
    fast('Zeile eins\r\nZeile zwei\r\n\r\n1.  Nummer\r\n    weiter\r\n');
  });

  it('leaves HTML, fenced code and link definitions to remark-parse, with the same result', () => {
    for (const text of [
      '<!-- dclint-disable schriftform -- geprüft -->\n(1) Der Antrag ist schriftlich zu stellen.\n',
      'Text <b>fett</b> und <https://example.org>.\n',
      '```\n# kein Titel\n```\n\n# Titel\n',
      '[^F1]: http://example.org\n\nText.\n',
      '# A\n\n<div>\n\n# B\n\ntext\n',
      '---\nunclosed\n',
    ]) {
      expect(fastParse(text)).toBeUndefined();
      same(text);
    }
  });

  it('cuts refused sections so that only the refused part goes to remark-parse', () => {
    const text = '# A\n\nText.\n\n<!-- Kommentar -->\n\nMehr Text.\n\n# B\n\n```\n# im Code\n\n# auch\n```\n\n# C\n\nEnde.\n';
    same(text);
    setOptimisations({ fastParse: false });
    const reference = analyse(text);
    setOptimisations({ fastParse: true });
    expect(analyse(text)).toEqual(reference);
  });
});

describe.skipIf(corpusMissing)('fast parser on the corpus', () => {
  if (corpusMissing) console.log(corpusMissing);
  const files = corpusSample(100);
  const crlf = new Set(files.slice(0, 10));
  // Tables written as nested lists, with lazy code and empty items (where micromark has its own ways).
  const extra = ['a/aabgebv', 'b/bwahlgv'].map(corpusFile).filter((f): f is string => !!f);

  it('yields the same blocks as remark-parse (100 laws, seeded; 10 of them also with CRLF)', () => {
    const differing: string[] = [];
    for (const file of [...files, ...extra]) {
      const text = readFileSync(file, 'utf8');
      const variants = crlf.has(file) ? [text, text.replace(/\n/g, '\r\n')] : [text];
      for (const variant of variants) {
        if (JSON.stringify(skeleton(parseMarkdown(variant))) !== JSON.stringify(skeleton(parseWithRemark(variant)))) {
          differing.push(`${file}${variant === text ? '' : ' (CRLF)'}`);
        }
      }
    }
    // The analysed document (structure, sentences) is compared in equivalence.test.ts, with the findings.
    expect(differing).toEqual([]);
  }, 600_000);
});
