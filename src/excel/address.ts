/**
 * A1 addresses as Excel writes them. The host converts between Grid indices (0-based, anchored
 * at A1) and the addresses Office.js takes and returns ("Ark1!C12:H20", "'Ark med mellemrum'!C12").
 */

export interface CellRef {
  /** 0-based row. */
  row: number;
  /** 0-based column. */
  col: number;
}

export interface RangeRef {
  sheet?: string;
  start: CellRef;
  end: CellRef;
}

// One addressing for the whole project: the workbook layer's (0-based row and column).
export { colName as columnLetters, colIndex as columnIndex, a1 as cellAddress } from "../workbook/grid";
import { a1 as cellAddress, colIndex as columnIndex } from "../workbook/grid";

export function rangeAddress(start: CellRef, rows: number, cols: number): string {
  const a = cellAddress(start.row, start.col);
  if (rows === 1 && cols === 1) return a;
  return `${a}:${cellAddress(start.row + rows - 1, start.col + cols - 1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "C12" or "$C$12" → {row: 11, col: 2}; undefined when it is not a cell address. */
export function parseCell(address: string): CellRef | undefined {
  const m = CELL.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/**
 * Splits "Ark!C12", "'Ark med mellemrum'!C12:D14" or "C12" into sheet and range. Excel doubles
 * an apostrophe inside a quoted sheet name ('Kim''s ark'!A1).
 */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    if (s[i + 1] === "!") return { sheet: name, local: s.slice(i + 2) };
    return { local: s };
  }
  const bang = s.lastIndexOf("!");
  if (bang > 0) return { sheet: s.slice(0, bang), local: s.slice(bang + 1) };
  return { local: s };
}

/** "Ark!C12:D14" → sheet, start, end; undefined when the range part is not A1. */
export function parseRange(address: string): RangeRef | undefined {
  const { sheet, local } = splitSheet(address);
  const [a, b] = local.split(":");
  const start = parseCell(a ?? "");
  if (!start) return undefined;
  const end = b === undefined ? start : parseCell(b);
  if (!end) return undefined;
  return {
    sheet,
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** A sheet name as it must appear in a formula or address: quoted when it is not a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/**
 * A finding's location → the first cell to select. Locations may list several cells
 * ("Ark!C12, Ark!D12") or a range ("Ark!C12:H12"); "Gå til celle" goes to the first.
 */
export function parseLocation(location: string): { sheet: string; address: string } | undefined {
  // split on commas that are not inside a quoted sheet name
  let first = "";
  let quoted = false;
  for (const ch of location) {
    if (ch === "'") quoted = !quoted;
    if ((ch === "," || ch === ";") && !quoted) break;
    first += ch;
  }
  const r = parseRange(first);
  if (!r || !r.sheet) return undefined;
  return { sheet: r.sheet, address: rangeAddress(r.start, r.end.row - r.start.row + 1, r.end.col - r.start.col + 1) };
}
