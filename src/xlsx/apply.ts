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

/** Excel's Hyperlink cell style: the colour and underline a link has in a sheet. */
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };

/**
 * The workbook's default font (name and size): the font of its first styled cell, else Excel's
 * default. Bold added to a cell without a font would otherwise get a font with no name, which
 * LibreOffice renders in a serif face.
 */
export function defaultFont(wb: ExcelJS.Workbook): Partial<ExcelJS.Font> {
  for (const ws of wb.worksheets) {
    let found: Partial<ExcelJS.Font> | undefined;
    ws.eachRow({ includeEmpty: false }, (row) => {
      if (found) return;
      row.eachCell({ includeEmpty: false }, (cell) => {
        const f = cell.style.font;
        if (!found && f?.name) found = { name: f.name, size: f.size ?? 11, family: f.family };
      });
    });
    if (found) return found;
  }
  return { name: "Calibri", size: 11, family: 2 };
}

function writeCell(cell: ExcelJS.Cell, w: WriteCell, font: Partial<ExcelJS.Font> = {}): boolean {
  let formula = false;
  if (w.formula !== undefined) {
    // no cached result: Excel (fullCalcOnLoad) and LibreOffice compute it; nothing stale is stored
    cell.value = { formula: w.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    formula = true;
  } else if (w.value !== undefined) {
    cell.value = w.value;
  }
  const aligned = w.wrap !== undefined || w.align !== undefined || w.indent !== undefined;
  if (w.numberFormat !== undefined || w.bold !== undefined || w.link || aligned) {
    // a fresh style object: ExcelJS may share one style object between cells of a row or column
    const style: Partial<ExcelJS.Style> = { ...cell.style };
    if (w.numberFormat !== undefined) style.numFmt = w.numberFormat;
    const own = cell.style.font?.name ? cell.style.font : { ...font, ...(cell.style.font ?? {}) };
    if (w.bold !== undefined) style.font = { ...own, bold: w.bold };
    if (w.link) style.font = { ...own, ...(style.font ?? {}), ...LINK_FONT };
    if (aligned) {
      const a: Partial<ExcelJS.Alignment> = { ...(cell.style.alignment ?? {}) };
      if (w.wrap !== undefined) {
        a.wrapText = w.wrap;
        if (w.wrap) a.vertical = "top";
      }
      if (w.align !== undefined) a.horizontal = w.align;
      if (w.indent !== undefined) a.indent = w.indent;
      style.alignment = a;
    }
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

/**
 * Rows with wrapped text get a height for their lines: ExcelJS writes no row heights, and
 * LibreOffice then keeps one line, so wrapped messages overprint the next row. (Excel fits
 * them itself; the estimate is characters over the column's width.)
 */
function fitWrappedRows(wb: ExcelJS.Workbook, plan: WritePlan): void {
  for (const block of plan.writes) {
    const ws = wb.getWorksheet(block.sheet);
    if (!ws) continue;
    const { row, col } = parseAddress(block.topLeft);
    block.cells.forEach((cells, i) => {
      let lines = 1;
      cells.forEach((w, j) => {
        if (!w?.wrap || typeof w.value !== "string") return;
        const width = ws.getColumn(col + j).width ?? 10;
        const perLine = Math.max(1, Math.floor(width * 1.1));
        const n = w.value.split("\n").reduce((k, part) => k + Math.max(1, Math.ceil(part.length / perLine)), 0);
        lines = Math.max(lines, n);
      });
      if (lines > 1) {
        ws.getRow(row + i).height = 15 * lines;
        // the row's other cells at the top, beside the first line of the wrapped text
        cells.forEach((w, j) => {
          if (!w) return;
          const cell = cellAt(ws, row + i, col + j);
          cell.style = { ...cell.style, alignment: { ...(cell.style.alignment ?? {}), vertical: "top" } };
        });
      }
    });
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
  const font = defaultFont(wb);
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
        formulas = writeCell(cell, w, font) || formulas;
        cellsWritten++;
      }),
    );
  }
  for (const cw of plan.columnWidths ?? []) {
    const ws = wb.getWorksheet(cw.sheet);
    // 0-based, as the Grid's columns (src/workbook/writePlan.ts); ExcelJS counts from 1
    if (ws) ws.getColumn(cw.column + 1).width = cw.width;
  }
  fitWrappedRows(wb, plan);
  for (const n of plan.notes ?? []) {
    const ws = wb.getWorksheet(n.sheet);
    if (!ws) continue;
    const { row, col } = parseAddress(n.address);
    const cell = cellAt(ws, row, col);
    // a note never changes the cell's value, formula or format (types.ts NoteWrite)
    if (n.text !== null) cell.note = n.text;
    else {
      // ExcelJS keeps a loaded note in two places: the cell's note and its value's model
      const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
      delete c._comment;
      if (c._value?.model) delete c._value.model.comment;
    }
  }
  for (const p of plan.pageSetup ?? []) {
    const ws = wb.getWorksheet(p.sheet);
    if (!ws) continue;
    ws.pageSetup.orientation = p.orientation;
    ws.pageSetup.paperSize = 9; // A4 in the OOXML paper size list
    if (p.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0;
    }
    if (p.printTitleRows) ws.pageSetup.printTitlesRow = p.printTitleRows;
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
