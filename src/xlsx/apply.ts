/**
 * Carry out a WritePlan (src/workbook/types.ts) on an ExcelJS workbook: create or clear sheets,
 * write the blocks, set column widths. What to write is decided upstream; this only translates.
 */
import type ExcelJS from "exceljs";
import type { SheetVisibility, WriteCell, WritePlan } from "../workbook/types";
import { parseAddress } from "./address";

function clearSheet(ws: ExcelJS.Worksheet): void {
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  for (const d of Object.values(merges)) if (d?.range) ws.unMergeCells(d.range);
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.value = null;
      cell.style = {};
    });
    row.hidden = false;
  });
}

export function ensureSheet(wb: ExcelJS.Workbook, name: string, visibility: SheetVisibility, clear: boolean): ExcelJS.Worksheet {
  let ws = wb.getWorksheet(name);
  if (ws) {
    if (clear) clearSheet(ws);
    ws.state = visibility;
  } else {
    ws = wb.addWorksheet(name, { state: visibility });
  }
  return ws;
}

function writeCell(cell: ExcelJS.Cell, w: WriteCell): boolean {
  let formula = false;
  if (w.formula !== undefined) {
    // no cached result: Excel (fullCalcOnLoad) and LibreOffice compute it; nothing stale is stored
    cell.value = { formula: w.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    formula = true;
  } else if (w.value !== undefined) {
    cell.value = w.value;
  }
  if (w.numberFormat !== undefined || w.bold !== undefined) {
    // a fresh style object: ExcelJS may share one style object between cells of a row or column
    const style: Partial<ExcelJS.Style> = { ...cell.style };
    if (w.numberFormat !== undefined) style.numFmt = w.numberFormat;
    if (w.bold !== undefined) style.font = { ...(cell.style.font ?? {}), bold: w.bold };
    cell.style = style;
  }
  return formula;
}

export interface ApplyOutcome {
  cellsWritten: number;
}

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): ApplyOutcome {
  for (const s of plan.sheets) ensureSheet(wb, s.name, s.visibility, s.clear);
  let cellsWritten = 0;
  let formulas = false;
  for (const block of plan.writes) {
    const ws = wb.getWorksheet(block.sheet);
    if (!ws) throw new Error(`skriveplanen skriver i arket "${block.sheet}", som ikke findes`);
    const { row, col } = parseAddress(block.topLeft);
    block.cells.forEach((cells, i) =>
      cells.forEach((w, j) => {
        if (!w) return;
        formulas = writeCell(ws.getCell(row + i, col + j), w) || formulas;
        cellsWritten++;
      }),
    );
  }
  for (const cw of plan.columnWidths ?? []) {
    const ws = wb.getWorksheet(cw.sheet);
    // 0-based, as the Grid's columns (src/workbook/writePlan.ts); ExcelJS counts from 1
    if (ws) ws.getColumn(cw.column + 1).width = cw.width;
  }
  // after the writes, as the plan says (undo removes the sheets Beregn created)
  for (const name of plan.deleteSheets ?? []) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  // formulas are written without results: ask Excel to compute everything when it opens the file
  if (formulas) wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return { cellsWritten };
}
