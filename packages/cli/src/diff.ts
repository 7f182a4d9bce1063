/**
 * A unified diff (as `diff -u` and `git diff` print it) of two versions of a text, line by line.
 * Myers' O(ND) algorithm: fast when few lines differ, which is the case for fixes.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  // A last line without newline differs from the same line with one ("\ No newline at end of file").
  const key = (l: Line) => (l.newline ? `${l.text}\n` : l.text);
  const ops = diffLines(a.map(key), b.map(key));
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  // Group the operations into hunks with `context` unchanged lines around each change.
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i]!.kind === ' ') i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - context);
    while (start < i && ops[start]!.kind !== ' ') start++;
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let same = end;
      while (same < ops.length && ops[same]!.kind === ' ') same++;
      if (same < ops.length && same - end <= 2 * context) end = same;
      else {
        end = Math.min(end + context, ops.length);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const first = ops[start]!;
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const oldStart = oldCount ? first.oldIndex + 1 : first.oldIndex;
    const newStart = newCount ? first.newIndex + 1 : first.newIndex;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) {
      const line = op.kind === '+' ? b[op.newIndex]! : a[op.oldIndex]!;
      out.push(op.kind + line.text);
      if (!line.newline) out.push('\\ No newline at end of file');
    }
    i = end;
  }
  return out.join('\n') + '\n';
}

interface Line {
  text: string;
  newline: boolean;
}

function splitLines(text: string): Line[] {
  const parts = text.split('\n');
  const last = parts.pop()!;
  const lines = parts.map((t) => ({ text: t, newline: true }));
  if (last !== '') lines.push({ text: last, newline: false });
  return lines;
}

interface Op {
  kind: ' ' | '-' | '+';
  /** Index of the line in the old text (for ' ' and '-'), or where the insertion happens. */
  oldIndex: number;
  newIndex: number;
}

/** Shortest edit script between two line arrays (Myers 1986, with a trace for the backtrack). */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    // Only diagonals -d-1 … d+1 matter for the backtrack of step d: keep that window (index k + d + 1).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Backtrack from the end to the start.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const at = (k: number) => vd[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', oldIndex: x, newIndex: y });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      ops.push({ kind: '+', oldIndex: x, newIndex: y });
    } else {
      x--;
      ops.push({ kind: '-', oldIndex: x, newIndex: y });
    }
  }
  return ops.reverse();
}
