/**
 * Beregn's own sheets keep what the user wrote (issue 13). Kontrol, the generated Kvantum sheet
 * and Følsomhed are rewritten by each Beregn, but users write there too: a note on Kontrol, and
 * above all the Kvantum tables' column "Bevilling, profitcenter mv.", where the administrations
 * type their own text (SPEC §5). So "_beregn" records, under "[egne celler]", every cell Beregn
 * wrote on its own sheets with a mark of what it wrote (hash.ts cellMark). The next Beregn empties
 * only the recorded cells that still hold what Beregn wrote (compared as undo compares), writes its
 * new cells, and never writes where the user's text stands: it names the cell instead.
 */
import type { Finding } from "../engine/model";
import type { CellBlock } from "./blocks";
import { a1, cellAt, formulaAt, parseRange, rangeA1 } from "./grid";
import { cellMark, encodeContent, decodeContent } from "./hash";
import { quoteText } from "../engine/quote";
import type { Grid, WriteCell } from "./types";

/** One row of "[egne celler]": a rectangle of cells Beregn wrote and one mark per cell, row by row. */
export interface OwnCellRun {
  sheet: string;
  /** "A5:F5", "B10:E200", or "A5" for one cell. */
  range: string;
  /** cellMark of what Beregn wrote in each cell, row by row, left to right. */
  marks: string[];
}

/** A cell's typed content ("n:12", "s:…", "e:"). */
function contentAt(grid: Grid | undefined, r: number, c: number): string {
  return grid ? encodeContent(cellAt(grid, r, c), formulaAt(grid, r, c)) : "e:";
}

/** What a WriteCell puts in a cell, as typed content (the same as writePlan.ts encodeWrite). */
function contentOf(cell: WriteCell): string {
  return cell.formula !== undefined ? encodeContent(null, cell.formula) : encodeContent(cell.value ?? null, null);
}

/** At most this many marks in one "[egne celler]" row: 9 characters each stay under a cell's 32.767. */
const MARKS_PER_ROW = 3000;

/**
 * The rectangles to record for what a block writes on an own sheet: runs along a row, the same
 * columns on consecutive rows merged (Kontrol's thousands of finding rows are a few records, so
 * "_beregn" stays small to read: test/excel/payload.test.ts), marks row by row.
 */
export function ownCellRuns(block: CellBlock): OwnCellRun[] {
  const cells = [...block.cells.values()].sort((x, y) => x.row - y.row || x.col - y.col);
  const rows: { row: number; c1: number; c2: number; marks: string[] }[] = [];
  for (const x of cells) {
    const mark = cellMark(contentOf(x.cell));
    const last = rows[rows.length - 1];
    if (last && last.row === x.row && last.c2 === x.col - 1) {
      last.c2 = x.col;
      last.marks.push(mark);
    } else rows.push({ row: x.row, c1: x.col, c2: x.col, marks: [mark] });
  }
  const runs: { r1: number; r2: number; c1: number; c2: number; marks: string[] }[] = [];
  // the rectangle still open for each column span ("1:4"), extended while the rows follow on
  const open = new Map<string, (typeof runs)[number]>();
  for (const x of rows) {
    const key = `${x.c1}:${x.c2}`;
    const rect = open.get(key);
    if (rect && rect.r2 === x.row - 1 && rect.marks.length + x.marks.length <= MARKS_PER_ROW) {
      rect.r2 = x.row;
      rect.marks.push(...x.marks);
    } else {
      const fresh = { r1: x.row, r2: x.row, c1: x.c1, c2: x.c2, marks: [...x.marks] };
      runs.push(fresh);
      open.set(key, fresh);
    }
  }
  return runs.map((x) => ({ sheet: block.sheet, range: rangeA1(x.r1, x.c1, x.r2, x.c2), marks: x.marks }));
}

/** The recorded cells of one sheet: "row,col" → mark; undefined when "_beregn" has no record of it. */
export function recordedCells(runs: OwnCellRun[] | undefined, sheet: string): Map<string, string> | undefined {
  const mine = (runs ?? []).filter((x) => x.sheet.toLowerCase() === sheet.toLowerCase());
  if (!runs || mine.length === 0) return undefined;
  const out = new Map<string, string>();
  for (const run of mine) {
    const { r1, r2, c1, c2 } = parseRange(run.range);
    let i = 0;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.set(`${r},${c}`, run.marks[i++] ?? "");
  }
  return out;
}

/** Cells as A1 ranges: runs along a row, the same runs on consecutive rows merged into a rectangle. */
export function cellRanges(keys: Iterable<string>): string[] {
  const byRow = new Map<number, number[]>();
  for (const k of keys) {
    const [r, c] = k.split(",").map(Number);
    byRow.set(r, [...(byRow.get(r) ?? []), c]);
  }
  const rects: { r1: number; r2: number; c1: number; c2: number }[] = [];
  let open = new Map<string, { r1: number; r2: number; c1: number; c2: number }>();
  for (const r of [...byRow.keys()].sort((x, y) => x - y)) {
    const cols = byRow.get(r)!.sort((x, y) => x - y);
    const next = new Map<string, { r1: number; r2: number; c1: number; c2: number }>();
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const key = `${cols[i]}:${cols[j]}`;
      const prev = open.get(key);
      if (prev && prev.r2 === r - 1) {
        prev.r2 = r;
        open.delete(key);
        next.set(key, prev);
      } else next.set(key, { r1: r, r2: r, c1: cols[i], c2: cols[j] });
      i = j + 1;
    }
    for (const x of open.values()) rects.push(x);
    open = next;
  }
  for (const x of open.values()) rects.push(x);
  rects.sort((x, y) => x.r1 - y.r1 || x.c1 - y.c1);
  return rects.map((x) => rangeA1(x.r1, x.c1, x.r2, x.c2));
}

/** A typed content as the user reads it in a message, quoted short (quote.ts). */
function shown(encoded: string): string {
  const d = decodeContent(encoded);
  return quoteText(d.formula ?? String(d.value));
}

export interface OwnSheetClaim {
  /** The cells Beregn wrote before and still holds (to empty, content and format, before the writes). */
  clear: string[];
  /** Cells Beregn empties without writing them again (they held something). */
  emptied: number;
  /** The user's cells Beregn needed and left alone, with a finding each. */
  kept: Finding[];
}

/**
 * Which cells of an own sheet are still Beregn's, and what to do with them. `block` loses every
 * cell where the user's content stands. Without a record (a "_beregn" from before issue 13) the
 * sheet is Beregn's where its fingerprint still matches (`unchanged`): then every cell is; else
 * only the cells Beregn writes again are.
 */
export function claimOwnSheet(
  grid: Grid | undefined,
  block: CellBlock,
  recorded: Map<string, string> | undefined,
  unchanged: boolean,
): OwnSheetClaim {
  if (!grid) return { clear: [], emptied: 0, kept: [] };
  const ours = new Set<string>();
  if (recorded) {
    for (const [k, mark] of recorded) {
      const [r, c] = k.split(",").map(Number);
      if (cellMark(contentAt(grid, r, c)) === mark) ours.add(k);
    }
  } else if (unchanged) {
    const add = (r: number, c: number) => {
      if (contentAt(grid, r, c) !== "e:") ours.add(`${r},${c}`);
    };
    grid.values.forEach((line, r) => line.forEach((_, c) => add(r, c)));
    (grid.formulas ?? []).forEach((line, r) => line.forEach((_, c) => add(r, c)));
  } else for (const k of block.cells.keys()) ours.add(k);

  const kept: Finding[] = [];
  for (const [k, x] of [...block.cells]) {
    const cur = contentAt(grid, x.row, x.col);
    if (cur === "e:" || ours.has(k)) continue;
    block.cells.delete(k);
    const mine = contentOf(x.cell);
    if (mine === "e:") continue;
    const at = `${block.sheet}!${a1(x.row, x.col)}`;
    kept.push({
      code: "STRUCTURE",
      severity: "warning",
      message: `Beregn skrev ikke i ${at}: cellen har din tekst "${shown(cur)}", og Beregn skulle skrive "${shown(mine)}" der. Flyt din tekst, og kør Beregn igen.`,
      location: at,
    });
  }
  let emptied = 0;
  for (const k of ours) {
    if (block.cells.has(k)) continue;
    const [row, col] = k.split(",").map(Number);
    if (contentAt(grid, row, col) !== "e:") emptied++;
  }
  return { clear: cellRanges(ours), emptied, kept };
}

/** The user's cells on an own sheet: anything not recorded as Beregn's or no longer what Beregn wrote. */
export function userCellsOn(grid: Grid, recorded: Map<string, string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (r: number, c: number) => {
    const k = `${r},${c}`;
    if (seen.has(k)) return;
    seen.add(k);
    const cur = contentAt(grid, r, c);
    if (cur !== "e:" && recorded.get(k) !== cellMark(cur)) out.push(a1(r, c));
  };
  grid.values.forEach((line, r) => line.forEach((_, c) => visit(r, c)));
  (grid.formulas ?? []).forEach((line, r) => line.forEach((_, c) => visit(r, c)));
  return out;
}
