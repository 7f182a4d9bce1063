/**
 * References to units of a law as amending instructions write them: "§ 6 Absatz 3 Satz 5",
 * "den Sätzen 1 und 2", "Absatz 1 Satz 1 und Absatz 2 Satz 2", "Nummer 3 Buchstabe a".
 */

export type UnitKind =
  | 'paragraph' | 'artikel' | 'ueberschrift' | 'absatz' | 'satz' | 'eingang' | 'schluss'
  | 'nummer' | 'buchstabe' | 'doppelbuchstabe';

export interface Level {
  kind: UnitKind;
  /** "3", "3a", "a", "aa"; several for plural references; empty for "folgender Satz". */
  labels: string[];
}

/** From the outermost unit inwards, e.g. [§ 6, Absatz 3, Satz 5]. */
export type UnitPath = Level[];

/** Depth of a unit kind: a relative reference keeps the context levels above it. */
const RANK: Record<UnitKind, number> = {
  paragraph: 0, artikel: 0, ueberschrift: 1, absatz: 1, satz: 2, eingang: 3, schluss: 3,
  nummer: 3, buchstabe: 4, doppelbuchstabe: 5,
};

// A unit word ends where no letter follows ("Satz", not "Satzung"; "Abs." ends with its dot).
const KEYWORDS: Array<[RegExp, UnitKind]> = [
  [/§§?/uy, 'paragraph'],
  [/(?:Artikeln|Artikel|Art\.)(?=\s*\d)/uy, 'artikel'],
  [/(?:Absätzen|Absätze|Absatzes|Absatz|Abs\.)(?!\p{L})/uy, 'absatz'],
  [/(?:Sätzen|Sätze|Satzes|Satz)(?!\p{L})/uy, 'satz'],
  [/(?:Nummern|Nummer|Nrn\.|Nr\.)(?!\p{L})/uy, 'nummer'],
  [/(?:Doppelbuchstaben|Doppelbuchstabe|Doppelbuchst\.)(?!\p{L})/uy, 'doppelbuchstabe'],
  [/(?:Buchstaben|Buchstabe|Buchst\.)(?!\p{L})/uy, 'buchstabe'],
];
const HEADING = /Überschrift\b/y;
const INTRO = /(?:Satzteil vor (?:der Aufzählung|Nummer 1)|einleitenden Satzteil)\b/y;
const CLOSING = /(?:Satzteil nach (?:der Aufzählung|Nummer \d+[a-z]?)|abschließenden Satzteil)\b/y;
const HALBSATZ = /\s+(?:(?:erster|zweiter|dritter) Halbsatz|Halbsatz \d)\b/y;
const LABEL = /(\d+[a-z]*|([a-z])\2{0,2})(?![\p{L}\p{N}])/uy;
const LABEL_SEPARATOR = /(\s*,\s*|\s+und\s+|\s+sowie\s+|\s+bis\s+)/y;
const PATH_SEPARATOR = /(\s*,\s*|\s+und\s+|\s+sowie\s+|\s+oder\s+)(?:(?:in|im|den|dem|der)\s+)?/y;

export interface ParsedRef {
  paths: UnitPath[];
  start: number;
  end: number;
}

/**
 * Reads a reference starting at `at` (after optional spaces). `bare` allows a unit word without a number
 * ("folgender Satz"). Returns undefined when no unit word stands there.
 */
export function parseRef(source: string, at: number, bare = false): ParsedRef | undefined {
  let i = skipSpaces(source, at);
  const start = i;
  const paths: UnitPath[] = [];
  let current: UnitPath = [];
  for (;;) {
    const level = readLevel(source, i, bare);
    if (!level) break;
    current.push(level.level);
    i = level.end;
    HALBSATZ.lastIndex = i;
    if (HALBSATZ.test(source)) i = HALBSATZ.lastIndex;
    const next = skipSpaces(source, i);
    const deeper = readLevel(source, next, bare);
    if (deeper && RANK[deeper.level.kind] > RANK[level.level.kind]) {
      i = next;
      continue;
    }
    PATH_SEPARATOR.lastIndex = i;
    const sep = PATH_SEPARATOR.exec(source);
    const other = sep ? readLevel(source, PATH_SEPARATOR.lastIndex, bare) : undefined;
    if (sep && other) {
      paths.push(current);
      current = current.filter((l) => RANK[l.kind] < RANK[other.level.kind]);
      i = PATH_SEPARATOR.lastIndex;
      continue;
    }
    break;
  }
  if (current.length === 0) return undefined;
  paths.push(current);
  return { paths, start, end: i };
}

function readLevel(source: string, at: number, bare: boolean): { level: Level; end: number } | undefined {
  for (const [regex, kind] of [[HEADING, 'ueberschrift'], [INTRO, 'eingang'], [CLOSING, 'schluss']] as const) {
    regex.lastIndex = at;
    if (regex.test(source)) return { level: { kind, labels: [] }, end: regex.lastIndex };
  }
  for (const [regex, kind] of KEYWORDS) {
    regex.lastIndex = at;
    if (!regex.test(source)) continue;
    const labels = readLabels(source, skipSpaces(source, regex.lastIndex), kind);
    if (labels) return { level: { kind, labels: labels.labels }, end: labels.end };
    if (bare) return { level: { kind, labels: [] }, end: regex.lastIndex };
    return undefined;
  }
  return undefined;
}

function readLabels(source: string, at: number, kind: UnitKind): { labels: string[]; end: number } | undefined {
  const letters = kind === 'buchstabe' || kind === 'doppelbuchstabe';
  const labels: string[] = [];
  let i = at;
  let range = false;
  for (;;) {
    LABEL.lastIndex = i;
    const m = LABEL.exec(source);
    if (!m || /^\d/.test(m[1]!) === letters) break;
    const label = m[1]!;
    if (range && labels.length) labels.push(...between(labels[labels.length - 1]!, label));
    labels.push(label);
    i = LABEL.lastIndex;
    LABEL_SEPARATOR.lastIndex = i;
    const sep = LABEL_SEPARATOR.exec(source);
    if (!sep) break;
    LABEL.lastIndex = LABEL_SEPARATOR.lastIndex;
    const following = LABEL.exec(source);
    if (!following || /^\d/.test(following[1]!) === letters) break;
    range = sep[1]!.trim() === 'bis';
    i = LABEL_SEPARATOR.lastIndex;
  }
  return labels.length ? { labels, end: i } : undefined;
}

/** The labels strictly between two labels of a range ("1 bis 4" → 2, 3; "a bis c" → b). */
function between(from: string, to: string): string[] {
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const out: string[] = [];
    for (let n = Number(from) + 1; n < Number(to); n++) out.push(String(n));
    return out;
  }
  if (/^([a-z])\1*$/.test(from) && /^([a-z])\1*$/.test(to) && from.length === to.length) {
    const out: string[] = [];
    for (let c = from.charCodeAt(0) + 1; c < to.charCodeAt(0); c++) out.push(String.fromCharCode(c).repeat(from.length));
    return out;
  }
  return [];
}

function skipSpaces(source: string, at: number): number {
  while (at < source.length && /\s/.test(source[at]!)) at++;
  return at;
}

/** A reference relative to a context: "Satz 2" inside "§ 6 Absatz 3" is § 6 Absatz 3 Satz 2. */
export function mergePath(context: UnitPath, relative: UnitPath): UnitPath {
  if (relative.length === 0) return context;
  const rank = RANK[relative[0]!.kind];
  return [...context.filter((l) => RANK[l.kind] < rank), ...relative];
}

/** One path per unit: "In den Sätzen 1 und 2" becomes Satz 1 and Satz 2. */
export function expandPath(path: UnitPath): UnitPath[] {
  let out: UnitPath[] = [[]];
  for (const level of path) {
    const labels = level.labels.length ? level.labels : [undefined];
    out = out.flatMap((p) => labels.map((label) => [...p, { kind: level.kind, labels: label === undefined ? [] : [label] }]));
  }
  return out;
}

const CITATION: Record<UnitKind, [string, string]> = {
  paragraph: ['§', '§§'], artikel: ['Artikel', 'Artikel'], ueberschrift: ['Überschrift', 'Überschrift'],
  absatz: ['Abs.', 'Abs.'], satz: ['Satz', 'Sätze'], eingang: ['Satzteil vor der Aufzählung', ''],
  schluss: ['Satzteil nach der Aufzählung', ''], nummer: ['Nr.', 'Nrn.'], buchstabe: ['Buchst.', 'Buchst.'],
  doppelbuchstabe: ['Doppelbuchst.', 'Doppelbuchst.'],
};

/** Citation style, as dclint writes addresses: "§ 6 Abs. 3 Satz 5", "§ 3 Abs. 1 Nr. 9 Buchst. a". */
export function formatPath(path: UnitPath): string {
  return path.map((level) => {
    const [one, many] = CITATION[level.kind];
    if (level.labels.length === 0) return one;
    const labels = level.labels.length === 1 ? level.labels[0]
      : `${level.labels.slice(0, -1).join(', ')} und ${level.labels[level.labels.length - 1]}`;
    return `${level.labels.length > 1 ? many : one} ${labels}`;
  }).join(' ');
}

export function rankOf(kind: UnitKind): number {
  return RANK[kind];
}
