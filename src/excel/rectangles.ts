/**
 * Splitting a block of cells into rectangles of cells that are set. A null cell in a RangeWrite
 * must be left alone (src/workbook/types.ts), but Office.js writes a range's values as one 2-D
 * array with no "skip": so the block is cut into runs of set cells per row, and runs of the same
 * columns on consecutive rows are merged into one rectangle. A dense table stays one write.
 */

export interface Rect {
  /** 0-based offsets inside the block. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function rectangles(rowCount: number, colCount: (r: number) => number, isSet: (r: number, c: number) => boolean): Rect[] {
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (let r = 0; r < rowCount; r++) {
    const next = new Map<string, Rect>();
    const n = colCount(r);
    let c = 0;
    while (c < n) {
      if (!isSet(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && isSet(r, c)) c++;
      const key = `${start}:${c}`;
      const prev = open.get(key);
      if (prev) {
        prev.rows++;
        open.delete(key);
        next.set(key, prev);
      } else {
        next.set(key, { row: r, col: start, rows: 1, cols: c - start });
      }
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}
