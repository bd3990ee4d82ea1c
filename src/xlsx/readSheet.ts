/**
 * One worksheet part → a Grid (src/workbook/types.ts), read as a stream: values as Excel shows
 * them (cached results for formulas, error values as their text, dates as the serial number the
 * cell holds), formulas (shared ones translated for each cell, array formulas by their text),
 * number formats, merges, hidden rows and protection. Only rows that hold cells get an array,
 * so a stray cell in XFD1048576 costs one row, not the sheet's bounding box.
 */
import { parseA1 } from "../workbook/grid";
import type { CellValue, Grid, SheetVisibility } from "../workbook/types";
import { shiftFormula } from "./formula";
import { parseXml, unescapeOoxml } from "./xml";

const truthy = (v: string | undefined): boolean => v === "1" || v === "true" || v === "on";

/** A double as Excel shows it: 15 significant digits (0,1+0,2 is 0,3 in a cell). */
export function excelNumber(v: number): number {
  return v === 0 || !Number.isFinite(v) ? v : Number(v.toPrecision(15));
}

const DAY_MS = 86_400_000;
/** An ISO date (t="d", as strict files store dates) → the serial number Excel stores. */
function isoToSerial(text: string, date1904: boolean): number | undefined {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) || text.length <= 10 ? text : text + "Z");
  if (Number.isNaN(t)) return undefined;
  return (t - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / DAY_MS;
}

interface PendingCell {
  col: number;
  value: CellValue;
  formula: string | null;
  format: string | null;
}

export interface SheetReadContext {
  name: string;
  visibility: SheetVisibility;
  part: string;
  sharedStrings: string[];
  cellFormats: (string | undefined)[];
  date1904: boolean;
}

export function readSheet(xml: string, ctx: SheetReadContext): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const merges: string[] = [];
  const hiddenRows: number[] = [];
  let anyFormat = false;
  let isProtected = false;
  const shared = new Map<string, { row: number; col: number; text: string }>();

  let row = -1;
  let nextCol = 0;
  let cells: PendingCell[] = [];
  // the cell being read
  let cRef: { row: number; col: number } | undefined;
  let cType = "n";
  let cStyle = 0;
  let vText: string | undefined;
  let fText: string | undefined;
  let fAttrs: Record<string, string> | undefined;
  let isText: string | undefined;
  let inV = false;
  let inF = false;
  let inIsT = false;
  let inRph = 0;
  let inSheetData = false;

  const flushRow = (): void => {
    if (row < 0 || cells.length === 0) return;
    const width = cells.reduce((m, x) => Math.max(m, x.col + 1), 0);
    const vr: CellValue[] = new Array<CellValue>(width).fill(null);
    const fr: (string | null)[] = new Array<string | null>(width).fill(null);
    const nr: (string | null)[] = new Array<string | null>(width).fill(null);
    for (const x of cells) {
      vr[x.col] = x.value;
      fr[x.col] = x.formula;
      if (x.format) {
        nr[x.col] = x.format;
        anyFormat = true;
      }
    }
    values[row] = vr;
    formulas[row] = fr;
    numberFormats[row] = nr;
    cells = [];
  };

  const finishCell = (): void => {
    const at = cRef!;
    let formula: string | null = null;
    if (fAttrs) {
      const t = fAttrs.t;
      const text = fText ?? "";
      if (t === "shared" && fAttrs.si !== undefined) {
        if (text !== "") {
          shared.set(fAttrs.si, { row: at.row, col: at.col, text });
          formula = text;
        } else {
          const master = shared.get(fAttrs.si);
          if (master) formula = shiftFormula(master.text, at.row - master.row, at.col - master.col);
        }
      } else if (t !== "dataTable" && text !== "") formula = text;
    }
    let value: CellValue = null;
    const v = vText;
    switch (cType) {
      case "s": {
        const s = v === undefined ? undefined : ctx.sharedStrings[Number(v)];
        value = s ?? null;
        break;
      }
      case "inlineStr":
        value = isText ?? (v !== undefined ? unescapeOoxml(v) : null);
        break;
      case "str":
        value = v === undefined ? null : unescapeOoxml(v);
        break;
      case "b":
        value = v === undefined ? null : truthy(v.trim());
        break;
      case "e":
        value = v === undefined ? null : v.trim();
        break;
      case "d": {
        const serial = v === undefined ? undefined : isoToSerial(v.trim(), ctx.date1904);
        value = serial ?? (v === undefined ? null : v);
        break;
      }
      default: {
        if (v === undefined || v.trim() === "") break;
        const n = Number(v.trim());
        // a number outside the double range (or not a number) stays text: the reader then says UNREADABLE at its cell
        value = Number.isFinite(n) ? excelNumber(n) : v.trim();
      }
    }
    const format = ctx.cellFormats[cStyle] ?? null;
    if (value !== null || formula !== null) cells.push({ col: at.col, value, formula: formula === null ? null : "=" + formula, format });
    nextCol = at.col + 1;
  };

  parseXml(xml, ctx.part, {
    open: (n, a, selfClosing) => {
      if (inRph > 0) {
        if (n === "rPh" && !selfClosing) inRph++;
        return;
      }
      switch (n) {
        case "sheetData":
          inSheetData = true;
          break;
        case "row": {
          if (!inSheetData) break;
          flushRow();
          row = a.r !== undefined ? Number(a.r) - 1 : row + 1;
          nextCol = 0;
          if (truthy(a.hidden)) hiddenRows.push(row);
          break;
        }
        case "c": {
          if (!inSheetData) break;
          cRef = a.r ? parseA1(a.r) : { row, col: nextCol };
          if (cRef.row !== row) {
            // a cell outside its row's number: trust the cell's own address
            flushRow();
            row = cRef.row;
          }
          cType = a.t ?? "n";
          cStyle = a.s !== undefined ? Number(a.s) : 0;
          vText = undefined;
          fText = undefined;
          fAttrs = undefined;
          isText = undefined;
          if (selfClosing) finishCell();
          break;
        }
        case "v":
          if (cRef) {
            inV = true;
            vText = "";
          }
          break;
        case "f":
          if (cRef) {
            fAttrs = a;
            inF = true;
            fText = "";
          }
          break;
        case "is":
          if (cRef) isText = "";
          break;
        case "t":
          if (isText !== undefined) inIsT = true;
          break;
        case "rPh":
          if (!selfClosing) inRph = 1;
          break;
        case "mergeCell":
          if (a.ref) merges.push(a.ref.toUpperCase());
          break;
        case "sheetProtection":
          if (truthy(a.sheet)) isProtected = true;
          break;
      }
    },
    text: (t) => {
      if (inRph > 0) return;
      if (inV) vText += t;
      else if (inF) fText += t;
      else if (inIsT) isText += t;
    },
    close: (n) => {
      if (inRph > 0) {
        if (n === "rPh") inRph--;
        return;
      }
      switch (n) {
        case "v":
          inV = false;
          break;
        case "f":
          inF = false;
          break;
        case "t":
          inIsT = false;
          break;
        case "c":
          if (cRef) finishCell();
          cRef = undefined;
          break;
        case "is":
          if (isText !== undefined) isText = unescapeOoxml(isText);
          break;
        case "sheetData":
          flushRow();
          inSheetData = false;
          break;
      }
    },
  });
  flushRow();

  // missing rows stay missing only where that saves something: a sheet whose rows are mostly
  // there gets empty rows in between (what every reader expects), one stray far cell does not
  // make a million of them
  const present = Object.keys(values).length;
  if (values.length <= 4 * present + 1024)
    for (let r = 0; r < values.length; r++)
      if (values[r] === undefined) {
        values[r] = [];
        formulas[r] = [];
        numberFormats[r] = [];
      }
  const grid: Grid = { name: ctx.name, visibility: ctx.visibility, values, formulas };
  if (anyFormat) grid.numberFormats = numberFormats;
  if (merges.length) grid.merges = merges;
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (isProtected) grid.protected = true;
  return grid;
}

/** The shared-strings part: each item's text, rich runs joined, phonetic runs left out. */
export function readSharedStrings(xml: string | undefined, part: string): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  let cur: string | undefined;
  let inT = false;
  let inRph = 0;
  parseXml(xml, part, {
    open: (n, _a, selfClosing) => {
      if (n === "rPh" && !selfClosing) inRph++;
      else if (inRph > 0) return;
      else if (n === "si") cur = "";
      else if (n === "t" && cur !== undefined && !selfClosing) inT = true;
    },
    text: (t) => {
      if (inT && inRph === 0) cur += t;
    },
    close: (n) => {
      if (n === "rPh") inRph = Math.max(0, inRph - 1);
      else if (n === "t") inT = false;
      else if (n === "si") {
        out.push(unescapeOoxml(cur ?? ""));
        cur = undefined;
      }
    },
  });
  return out;
}

/** A comments part: A1 address → the note's text (runs joined). */
export function readComments(xml: string, part: string): Record<string, string> {
  const out: Record<string, string> = {};
  let ref: string | undefined;
  let text = "";
  let inText = false;
  let inT = false;
  let inRph = 0;
  parseXml(xml, part, {
    open: (n, a, selfClosing) => {
      if (n === "rPh" && !selfClosing) inRph++;
      else if (n === "comment") {
        ref = a.ref?.toUpperCase();
        text = "";
      } else if (n === "text" && ref) inText = true;
      else if (n === "t" && inText && !selfClosing) inT = true;
    },
    text: (t) => {
      if (inT && inRph === 0) text += t;
    },
    close: (n) => {
      if (n === "rPh") inRph = Math.max(0, inRph - 1);
      else if (n === "t") inT = false;
      else if (n === "text") inText = false;
      else if (n === "comment") {
        if (ref) out[ref] = unescapeOoxml(text);
        ref = undefined;
      }
    },
  });
  return out;
}
