/**
 * Cell addressing and access on a Grid (src/workbook/types.ts): 0-based row/column indices inside
 * the layer, A1 addresses ("C12") and "Ark!C12" locations at its edges (docs/CONTRACTS.md).
 */
import type { CellValue, Grid } from "./types";

/** 0-based column index → letters ("A", "Z", "AA"). */
export function colName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based (row, col) → "C12". */
export function a1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

/** "C12" or "$C$12" → 0-based {row, col}. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`ugyldig celleadresse: "${address}"`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "B3:D5" (or a single cell) → 0-based inclusive bounds. */
export function parseRange(range: string): CellRange {
  const [a, b] = range.split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

export function rangeA1(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;
}

/** A location as findings carry it: "Ark!C12" (sheet name unquoted; split on the last "!"). */
export function loc(sheet: string, row: number, col: number): string {
  return `${sheet}!${a1(row, col)}`;
}

export function locRange(sheet: string, r1: number, c1: number, r2: number, c2: number): string {
  return `${sheet}!${rangeA1(r1, c1, r2, c2)}`;
}

/** "Ark!C12" → {sheet, address}; undefined for a location that is not a cell (a JSON path). */
export function splitLocation(location: string): { sheet: string; address: string } | undefined {
  const i = location.lastIndexOf("!");
  if (i <= 0) return undefined;
  const address = location.slice(i + 1);
  if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(address)) return undefined;
  let sheet = location.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address };
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formulaAt(grid: Grid, row: number, col: number): string | null {
  const r = grid.formulas?.[row];
  if (!r) return null;
  const f = r[col];
  return f === undefined || f === null || f === "" ? null : f;
}

export function formatAt(grid: Grid, row: number, col: number): string | null {
  const r = grid.numberFormats?.[row];
  if (!r) return null;
  const f = r[col];
  return f === undefined ? null : f;
}

export function rowCount(grid: Grid): number {
  return Math.max(grid.values.length, grid.formulas?.length ?? 0);
}

export function colCount(grid: Grid): number {
  let n = 0;
  for (const r of rowIndices(grid)) n = Math.max(n, grid.values[r].length);
  return n;
}

/**
 * The indices of the rows a Grid holds, in order. A Grid may be sparse (issue 13: a host gives
 * only the rows that have cells), so a scan over these costs the rows a sheet has, not the
 * bounding box a stray cell in XFD1048576 would make.
 */
export function rowIndices(grid: Grid): number[] {
  // Object.keys lists only the rows that are there: on a sparse array it does not walk the holes
  return Object.keys(grid.values).map(Number);
}

/** How many cells row `row` holds (0 for a missing row). */
export function rowWidth(grid: Grid, row: number): number {
  return grid.values[row]?.length ?? 0;
}

/** A cell is blank when it holds nothing or only white space. */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** The cell's text when it holds a non-empty string, else "". */
export function textAt(grid: Grid, row: number, col: number): string {
  const v = cellAt(grid, row, col);
  return typeof v === "string" ? v.trim() : "";
}

/** Quote a sheet name for a formula reference ('Ark 1'!C12). */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

export function findGrid(grids: Grid[], name: string): Grid | undefined {
  const lower = name.toLowerCase();
  return grids.find((g) => g.name.toLowerCase() === lower);
}

/**
 * The value a cell shows: a cell inside a merged range (not its top-left) shows the top-left's
 * value, as a Styringsområde merged down over several rows does. Hosts give merged cells' values
 * only at the top-left.
 */
export function shownAt(grid: Grid, row: number, col: number): CellValue {
  const v = cellAt(grid, row, col);
  if (v !== null || !grid.merges?.length) return v;
  for (const m of grid.merges) {
    const { r1, c1, r2, c2 } = parseRange(m);
    if (row >= r1 && row <= r2 && col >= c1 && col <= c2 && (row !== r1 || col !== c1)) return cellAt(grid, r1, c1);
  }
  return v;
}
