/**
 * Grids → a new ExcelJS workbook: the inverse of toGrid.ts, for the blank template
 * ("beregn skabelon") and the example workbooks. A formula keeps its value as cached result when
 * the Grid has one, so a reader that does not recalculate still sees the number.
 */
import ExcelJS from "exceljs";
import type { Grid } from "../workbook/types";

/** Column widths from the longest text in each column, as a person would drag them. */
export function fittedWidths(g: Grid): number[] {
  const widths: number[] = [];
  for (const row of g.values)
    row?.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const text = typeof v === "number" ? v.toLocaleString("da-DK") : String(v);
      const longest = Math.max(...text.split("\n").map((l) => l.length));
      widths[c] = Math.max(widths[c] ?? 8, Math.min(longest + 2, 60));
    });
  return Array.from(widths, (w) => w ?? 8);
}

/** columnWidths by sheet name; by default each column is fitted to its text. */
export function gridsToWorkbook(grids: Grid[], columnWidths?: Record<string, number[]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Beregn";
  let formulas = false;
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name, { state: g.visibility });
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = g.formulas[r]?.[c];
        if (f) {
          formulas = true;
          ws.getCell(r + 1, c + 1).value = (
            v === null ? { formula: f.replace(/^=/, "") } : { formula: f.replace(/^=/, ""), result: v }
          ) as ExcelJS.CellFormulaValue;
        } else if (v !== null && v !== undefined) {
          ws.getCell(r + 1, c + 1).value = v;
        }
      }),
    );
    // formulas in cells with no value (ragged value rows)
    g.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f && g.values[r]?.[c] === undefined) {
          formulas = true;
          ws.getCell(r + 1, c + 1).value = { formula: f.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
        }
      }),
    );
    g.numberFormats?.forEach((row, r) =>
      row.forEach((fmt, c) => {
        if (fmt) ws.getCell(r + 1, c + 1).numFmt = fmt;
      }),
    );
    for (const m of g.merges ?? []) ws.mergeCells(m);
    for (const h of g.hiddenRows ?? []) ws.getRow(h + 1).hidden = true;
    // ExcelJS's typings omit sheetProtection; protect() would hash a password we do not have
    if (g.protected) (ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection = { sheet: true };
    (columnWidths ? (columnWidths[g.name] ?? []) : fittedWidths(g)).forEach((w, c) => {
      if (w > 0) ws.getColumn(c + 1).width = w;
    });
  }
  if (formulas) wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return wb;
}
