import type { Position, Range } from '../types.js';

/** Converts offsets to 1-based line/column (UTF-16 code units), by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The index after an edit at `at` that changed the length by `delta` and added or removed no line break. */
  moved(at: number, delta: number): LineIndex {
    const copy = new LineIndex('');
    copy.starts.length = 0;
    for (const start of this.starts) copy.starts.push(start > at ? start + delta : start);
    return copy;
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1, offset };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
