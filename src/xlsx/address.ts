/**
 * A1 addresses ↔ 1-based row/column (ExcelJS counts from 1), for the plan's "C12" and the Grid's
 * merge ranges; the workbook layer's 0-based addressing underneath.
 */
import { colName, parseA1 } from "../workbook/grid";

export function columnLetters(col: number): string {
  return col > 0 ? colName(col - 1) : "";
}

export function parseAddress(a1: string): { row: number; col: number } {
  const { row, col } = parseA1(a1);
  return { row: row + 1, col: col + 1 };
}
