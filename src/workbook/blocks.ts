/**
 * Collecting cells to write and emitting each logical block as one rectangular RangeWrite
 * (DESIGN.md: each range written as one 2-D block; null entries leave cells alone).
 */
import { OUTSIDE_EXCEL, withinExcel } from "../engine/amountText";
import { MAX_CELL_TEXT, cellText } from "../engine/quote";
import { a1 } from "./grid";
import type { RangeWrite, WriteCell } from "./types";

/** Number format of every written amount: zero shown as "-", the documents' convention (DESIGN.md). */
export const AMOUNT_FORMAT = '#,##0;-#,##0;"-"';

export class CellBlock {
  readonly cells = new Map<string, { row: number; col: number; cell: WriteCell }>();
  constructor(readonly sheet: string) {}

  set(row: number, col: number, cell: WriteCell): void {
    // every text Beregn writes fits one Excel cell (32.767 characters, issue 13)
    if (typeof cell.value === "string" && cell.value.length > MAX_CELL_TEXT) cell = { ...cell, value: cellText(cell.value) };
    this.cells.set(`${row},${col}`, { row, col, cell });
  }

  get size(): number {
    return this.cells.size;
  }

  toRangeWrite(): RangeWrite | undefined {
    if (this.cells.size === 0) return undefined;
    const all = [...this.cells.values()];
    const r1 = Math.min(...all.map((x) => x.row));
    const r2 = Math.max(...all.map((x) => x.row));
    const c1 = Math.min(...all.map((x) => x.col));
    const c2 = Math.max(...all.map((x) => x.col));
    const cells: (WriteCell | null)[][] = Array.from({ length: r2 - r1 + 1 }, () => Array.from({ length: c2 - c1 + 1 }, () => null));
    for (const x of all) cells[x.row - r1][x.col - c1] = x.cell;
    return { sheet: this.sheet, topLeft: a1(r1, c1), cells };
  }
}

/**
 * An amount cell: a number in the table's format (neighbourFormat.ts; the zero-as-dash format
 * where the table has none), right-aligned as the amounts beside it whatever the cell held before
 * (a number typed as text may sit in a left-aligned cell).
 */
export function amountCell(n: number, bold = false, numberFormat = AMOUNT_FORMAT): WriteCell {
  // a sum past Excel's range (inputs of 1e308 scale, issue 13) is said in words, never written as a number
  const c: WriteCell = withinExcel(n) ? { value: n, numberFormat, align: "right" } : { value: OUTSIDE_EXCEL, align: "right" };
  if (bold) c.bold = true;
  return c;
}

export function textCell(text: string, bold = false): WriteCell {
  return bold ? { value: text, bold: true } : { value: text };
}
