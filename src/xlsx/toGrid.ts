/**
 * One ExcelJS worksheet → a Grid (src/workbook/types.ts), the same plain data the Office.js host
 * produces: values as Excel shows them (cached results for formulas, error values as their text),
 * the formula text where a cell has one, merges, hidden rows, visibility and protection.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid, SheetVisibility } from "../workbook/types";

/** "2025-03-01" for a date, the full ISO time only when the cell has a time of day. */
function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

type RawValue = ExcelJS.CellValue | ExcelJS.CellFormulaValue["result"] | undefined;

/** A plain value from ExcelJS's value shapes; formulas are handled by the caller. */
export function plainValue(v: RawValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateText(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return String(v.error);
    if ("hyperlink" in v) {
      const text = (v as { text?: unknown }).text;
      return plainValue(text as RawValue) ?? String(v.hyperlink);
    }
    if ("formula" in v || "sharedFormula" in v) return plainValue((v as ExcelJS.CellFormulaValue).result);
  }
  return null;
}

/** A cell's note as plain text (ExcelJS gives a string or rich text runs). */
function noteText(note: ExcelJS.Cell["note"] | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : undefined;
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  return ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
}

/** Merged ranges, read from ExcelJS's merge map: `model.merges` would serialise the whole sheet. */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const map = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges;
  if (!map) return ws.model.merges ?? [];
  return Object.values(map)
    .map((d) => d?.range)
    .filter((r): r is string => typeof r === "string");
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  let anyFormat = false;
  const notes: Record<string, string> = {};

  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    // a note may sit on an empty cell, which eachCell below skips
    row.eachCell({ includeEmpty: true }, (cell) => {
      const text = noteText(cell.note);
      if (text !== undefined) notes[cell.address] = text;
    });
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // a merged area's other cells read as the master's value in ExcelJS; Excel shows them empty
      if (cell.isMerged && cell.master !== cell) return;
      while (values.length <= r) {
        values.push([]);
        formulas.push([]);
        numberFormats.push([]);
      }
      const vr = values[r];
      const fr = formulas[r];
      const nr = numberFormats[r];
      while (vr.length <= c) {
        vr.push(null);
        fr.push(null);
        nr.push(null);
      }
      if (cell.type === ExcelJS.ValueType.Formula) {
        const f = cell.formula;
        fr[c] = f ? "=" + f.replace(/^=/, "") : null;
        vr[c] = plainValue(cell.result as RawValue);
      } else {
        vr[c] = plainValue(cell.value);
      }
      const fmt = cell.numFmt;
      if (fmt && fmt !== "General") {
        nr[c] = fmt;
        anyFormat = true;
      }
    });
  });

  const grid: Grid = { name: ws.name, visibility: visibilityOf(ws), values, formulas };
  if (anyFormat) grid.numberFormats = numberFormats;
  const merges = mergesOf(ws);
  if (merges.length) grid.merges = merges;
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (Object.keys(notes).length) grid.notes = notes;
  const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  if (prot?.sheet) grid.protected = true;
  return grid;
}
