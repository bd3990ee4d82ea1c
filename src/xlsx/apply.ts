/**
 * Carry out a WritePlan (src/workbook/types.ts) on an ExcelJS workbook: create or clear sheets,
 * write the blocks, set column widths. What to write is decided upstream; this only translates.
 */
import type ExcelJS from "exceljs";
import type { SheetVisibility, WriteCell, WritePlan } from "../workbook/types";
import { columnLetters, parseAddress } from "./address";
import { FileRefusal } from "./errors";

/**
 * An ExcelJS cell (1-based). Its own function, not ws.getCell inline: the office-addins lint
 * rules take any getCell for Office.js's proxy objects, which need load() and sync().
 */
function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getRow(row).getCell(col);
}

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

/**
 * Excel stores a formula filled across a row as one shared formula: a master cell and clones
 * that refer to it. Writing over a master would orphan its clones (ExcelJS then refuses to
 * save), so first give each clone of a master about to be written its own formula.
 */
function unshareMasters(ws: ExcelJS.Worksheet, targets: Set<string>): void {
  if (targets.size === 0) return;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as { sharedFormula?: string; result?: unknown } | null;
      if (!v || typeof v !== "object" || typeof v.sharedFormula !== "string" || !targets.has(v.sharedFormula)) return;
      const formula = cell.formula; // ExcelJS translates the master's formula to this cell
      cell.value = { formula, result: v.result } as ExcelJS.CellFormulaValue;
    });
  });
  for (const a of targets) {
    const { row, col } = parseAddress(a);
    const cell = cellAt(ws, row, col);
    const v = cell.value as { formula?: string; shareType?: string; result?: unknown } | null;
    if (v && typeof v === "object" && v.shareType === "shared" && v.formula !== undefined)
      cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
  }
}

export interface ApplyOutcome {
  cellsWritten: number;
}

const isProtected = (ws: ExcelJS.Worksheet): boolean =>
  !!(ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet;

/**
 * Refuse, before anything changes, what Excel would refuse: writing into a protected sheet
 * (ExcelJS would silently write through the protection) or into a sheet that is not there.
 */
function checkPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const created = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  const touched = new Set<string>([...plan.sheets.map((s) => s.name), ...plan.writes.map((w) => w.sheet)]);
  const locked: string[] = [];
  for (const name of touched) {
    const ws = wb.getWorksheet(name);
    if (!ws && !created.has(name.toLowerCase())) throw new Error(`skriveplanen skriver i arket "${name}", som ikke findes`);
    if (ws && isProtected(ws)) locked.push(ws.name);
  }
  if (locked.length)
    throw new FileRefusal(
      "PROTECTED",
      `${locked.length === 1 ? "arket" : "arkene"} ${locked.map((n) => `»${n}«`).join(", ")} er beskyttet, så beregn kan ikke skrive i ${locked.length === 1 ? "det" : "dem"}; fjern beskyttelsen og prøv igen; intet er skrevet`,
    );
}

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): ApplyOutcome {
  checkPlan(wb, plan);
  for (const s of plan.sheets) ensureSheet(wb, s.name, s.visibility, s.clear);
  const targets = new Map<string, Set<string>>();
  for (const block of plan.writes) {
    const { row, col } = parseAddress(block.topLeft);
    const set = targets.get(block.sheet) ?? new Set<string>();
    block.cells.forEach((cells, i) => cells.forEach((w, j) => w && set.add(columnLetters(col + j) + String(row + i))));
    targets.set(block.sheet, set);
  }
  for (const [sheet, set] of targets) {
    const ws = wb.getWorksheet(sheet);
    if (ws) unshareMasters(ws, set);
  }
  let cellsWritten = 0;
  let formulas = false;
  for (const block of plan.writes) {
    const ws = wb.getWorksheet(block.sheet);
    if (!ws) throw new Error(`skriveplanen skriver i arket "${block.sheet}", som ikke findes`);
    const { row, col } = parseAddress(block.topLeft);
    block.cells.forEach((cells, i) =>
      cells.forEach((w, j) => {
        if (!w) return;
        let cell = cellAt(ws, row + i, col + j);
        // ExcelJS forwards a write into a merged area's other cells to its top-left cell (a
        // label, usually): split the merge instead, so the value lands where the plan put it
        if (cell.isMerged && cell.master !== cell) {
          ws.unMergeCells(cell.master.address);
          cell = cellAt(ws, row + i, col + j);
        }
        formulas = writeCell(cell, w) || formulas;
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
