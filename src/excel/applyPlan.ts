/**
 * Writing a WritePlan (src/workbook/types.ts) into the open workbook in ONE context.sync
 * (DESIGN.md): sheets added, cleared and hidden, every block written as 2-D arrays. Excel applies
 * a batch in order and keeps what ran before a failing operation, so everything that can be
 * refused (a protected sheet, a sheet that does not exist) is refused before anything is queued.
 *
 * Only a plan whose request would exceed one sync's budget (payload.ts; Excel on the web refuses
 * requests over 5 MB) is sent in several syncs, as few as the budget allows, in the plan's order;
 * a single block too large for one request is cut into bands of whole rows. A 12.000-row
 * proposal's plan is about 0,9 MB: still one sync.
 *
 * Sheets are touched as Microsoft documents Excel: a sheet's visibility is set only when it
 * changes (setting it clears the user's undo history on Windows and Mac, "Undo capabilities in
 * Excel add-ins"); a very hidden sheet is made Hidden before it is deleted (Worksheet.delete
 * fails with InvalidOperation on a VeryHidden sheet); a plan that adds, deletes, hides or shows
 * a sheet is refused up front when the workbook's structure is protected, instead of failing
 * half-way after our own sheets were cleared.
 */
import type { Grid, RangeWrite, SheetVisibility, WriteCell, WritePlan } from "../workbook/types";
import { cellAddress, columnLetters, parseCell, rangeAddress, splitSheet } from "./address";
import { HostError, protectedSheetError, toHostError } from "./errors";
import { SYNC_BUDGET_BYTES, utf8Length } from "./payload";
import { rectangles, type Rect } from "./rectangles";
import { rememberWorkbookState, toExcelVisibility, workbookStateOf } from "./readGrids";
import { runInfoOf } from "./run";
import { queueCellStyles, queueNoteLookups, queuePageSetup, supportsExcelApi, writeNotes, type NoteLookups } from "./annotate";
import { cellText } from "../engine/quote";
import { protectedSheetsMessage } from "../workbook/protection";

export interface ApplyOptions {
  /**
   * Payload above which the plan is sent in several batches. Excel on the web refuses requests
   * over 5 MB; the estimate is the JSON of the written arrays, so keep a margin (payload.ts).
   */
  maxBatchBytes?: number;
}

export interface ApplyReport {
  syncs: number;
  /** Ranges written (values/formulas, formats and bold each count). */
  ranges: number;
  /** Cells whose content was set. */
  cells: number;
  /** Estimated request payload in bytes. */
  bytes: number;
  /** The plan had notes and this Excel has no notes API (ExcelApi 1.18): Kontrol carries them. */
  notesUnsupported?: boolean;
}

/** What the host needs to know about the workbook before writing; Grids from readGrids carry it. */
export interface SheetState {
  name: string;
  protected?: boolean;
  /** As read; unknown means the host sets the plan's visibility whatever it was. */
  visibility?: SheetVisibility;
}

/** A cell's content as Office.js takes it in `formulas`: a formula, or a constant ("" clears). */
function content(cell: WriteCell | null): string | number | boolean | undefined {
  if (!cell) return undefined;
  if (cell.formula !== undefined) return cell.formula;
  if (cell.value === undefined) return undefined;
  if (cell.value === null) return "";
  // Excel's 32.767-character cell limit (issue 13), as the xlsx host cuts
  return typeof cell.value === "string" ? asText(cellText(cell.value)) : cell.value;
}

/**
 * Excel parses text written through the API as if typed (in the invariant culture): "-1.144"
 * would become the number -1,144, "=x" a formula, "TRUE" a boolean, "1/2" a date. Undo must put
 * back Danish number text exactly as the user typed it, so such text gets Excel's quote prefix
 * ("'"), which stores it as text and is not part of the value.
 */
export function asText(text: string): string {
  if (text === "") return text;
  const coercible = /^[\s=+\-@'(\d.,$€%]/.test(text) || /^(true|false|sand|falsk)$/i.test(text.trim()) || /%\s*$/.test(text);
  return coercible ? `'${text}` : text;
}

interface QueuedWrite {
  bytes: number;
  cells: number;
  queue: (ws: Excel.Worksheet) => void;
}

/** A range write's request bytes besides its array: the operation, the range, the address. */
const WRITE_OVERHEAD = 100;

/** A rectangle's bytes at most `max` per piece: bands of whole rows (one row may be more). */
function bands<T>(rect: Rect, matrix: T[][], max: number): { rect: Rect; matrix: T[][]; bytes: number }[] {
  const whole = utf8Length(JSON.stringify(matrix));
  if (whole <= max) return [{ rect, matrix, bytes: whole }];
  const out: { rect: Rect; matrix: T[][]; bytes: number }[] = [];
  let start = 0;
  let bytes = 2;
  for (let r = 0; r < matrix.length; r++) {
    const rowBytes = utf8Length(JSON.stringify(matrix[r])) + 1;
    if (r > start && bytes + rowBytes > max) {
      out.push({ rect: { ...rect, row: rect.row + start, rows: r - start }, matrix: matrix.slice(start, r), bytes });
      start = r;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  out.push({ rect: { ...rect, row: rect.row + start, rows: matrix.length - start }, matrix: start ? matrix.slice(start) : matrix, bytes });
  return out;
}

/**
 * The range writes of one RangeWrite: content, number formats and bold, each in rectangles. A
 * rectangle whose array is over `maxBytes` (only in a huge plan) becomes several writes of whole
 * rows, so that applyPlan can send it in syncs under Excel's request limit.
 */
export function blockWrites(w: RangeWrite, maxBytes = SYNC_BUDGET_BYTES): QueuedWrite[] {
  const origin = parseCell(w.topLeft);
  if (!origin) throw new HostError("general", `Ugyldig celleadresse i skriveplanen: »${w.topLeft}« på arket »${w.sheet}«.`);
  const cells = w.cells;
  const rowLen = (r: number) => cells[r]?.length ?? 0;
  const at = (r: number, c: number) => cells[r]?.[c] ?? null;
  const addr = (rect: Rect) => rangeAddress({ row: origin.row + rect.row, col: origin.col + rect.col }, rect.rows, rect.cols);
  const out: QueuedWrite[] = [];

  // formats first: Excel reads what is written in the light of the cell's format ("@" keeps text)
  for (const rect of rectangles(cells.length, rowLen, (r, c) => at(r, c)?.numberFormat !== undefined)) {
    const matrix: string[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < rect.cols; c++) row.push(at(rect.row + r, rect.col + c)!.numberFormat as string);
      matrix.push(row);
    }
    for (const band of bands(rect, matrix, maxBytes - WRITE_OVERHEAD)) {
      const address = addr(band.rect);
      out.push({
        bytes: band.bytes + address.length + WRITE_OVERHEAD,
        cells: 0,
        queue: (ws) => {
          ws.getRange(address).numberFormat = band.matrix;
        },
      });
    }
  }

  for (const rect of rectangles(cells.length, rowLen, (r, c) => content(at(r, c)) !== undefined)) {
    const matrix: (string | number | boolean)[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = 0; c < rect.cols; c++) row.push(content(at(rect.row + r, rect.col + c)) as string | number | boolean);
      matrix.push(row);
    }
    for (const band of bands(rect, matrix, maxBytes - WRITE_OVERHEAD)) {
      const address = addr(band.rect);
      out.push({
        bytes: band.bytes + address.length + WRITE_OVERHEAD,
        cells: band.rect.rows * band.rect.cols,
        // `formulas` takes formulas and constants alike, so a mixed block is one write
        queue: (ws) => {
          ws.getRange(address).formulas = band.matrix;
        },
      });
    }
  }

  // bold is one value per range in Office.js: one set of rectangles per value
  for (const bold of [true, false]) {
    for (const rect of rectangles(cells.length, rowLen, (r, c) => at(r, c)?.bold === bold)) {
      const address = addr(rect);
      out.push({
        bytes: address.length + WRITE_OVERHEAD,
        cells: 0,
        queue: (ws) => {
          ws.getRange(address).format.font.bold = bold;
        },
      });
    }
  }
  return out;
}

/** Loads sheet names, visibility and protection: only when the caller has no Grids from this read. */
async function loadSheetStates(context: Excel.RequestContext): Promise<SheetState[]> {
  const ws = context.workbook.worksheets;
  ws.load("items/name,items/visibility,items/protection/protected");
  const protection = context.workbook.protection;
  protection.load("protected");
  await context.sync();
  rememberWorkbookState(context, { structureProtected: protection.protected });
  return ws.items.map((s) => ({
    name: s.name,
    protected: s.protection.protected,
    visibility: s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible",
  }));
}

export const STRUCTURE_PROTECTED =
  "Projektmappens struktur er beskyttet, så Beregn kan ikke tilføje, skjule eller slette ark. Fjern beskyttelsen (Gennemse › Beskyt projektmappe), og prøv igen. Intet er ændret.";

/**
 * Applies the plan. Pass the Grids (or sheet states) of the read this plan was made from: then it
 * is exactly one sync; without them one more sync loads the sheet names and protection first.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  before?: readonly SheetState[] | readonly Grid[],
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  let syncs = 0;
  let states: readonly SheetState[];
  try {
    if (before) states = before;
    else {
      states = await loadSheetStates(context);
      syncs++;
    }
  } catch (err) {
    throw toHostError(err);
  }

  const existing = new Map(states.map((s) => [s.name.toLowerCase(), s]));
  const created = new Set(plan.sheets.filter((s) => !existing.has(s.name.toLowerCase())).map((s) => s.name.toLowerCase()));
  const touched = new Set<string>();
  for (const s of plan.sheets) if (existing.has(s.name.toLowerCase())) touched.add(s.name.toLowerCase());
  for (const w of plan.writes) {
    const key = w.sheet.toLowerCase();
    if (!existing.has(key) && !created.has(key))
      throw new HostError(
        "notFound",
        `Arket »${w.sheet}« findes ikke i projektmappen. Læs projektmappen igen, og prøv igen. Intet er ændret.`,
      );
    if (existing.has(key)) touched.add(key);
  }
  const locked = [...touched].map((k) => existing.get(k)!).filter((s) => s.protected);
  if (locked.length === 1) throw protectedSheetError(locked[0].name);
  if (locked.length > 1) throw new HostError("protected", protectedSheetsMessage(locked.map((s) => s.name)));

  // What the plan does to the workbook's structure: sheets added, shown or hidden, deleted
  const visibilityChanges = plan.sheets.filter((s) => {
    const state = existing.get(s.name.toLowerCase());
    return state ? state.visibility !== s.visibility : s.visibility !== "visible"; // a new sheet is visible
  });
  const deletes = (plan.deleteSheets ?? []).filter((n) => existing.has(n.toLowerCase()) || created.has(n.toLowerCase()));
  if (created.size || visibilityChanges.length || deletes.length) {
    let wb = workbookStateOf(context, before);
    if (!wb) {
      try {
        const protection = context.workbook.protection;
        protection.load("protected");
        await context.sync();
        syncs++;
        wb = { structureProtected: protection.protected };
        rememberWorkbookState(context, wb);
      } catch (err) {
        throw toHostError(err);
      }
    }
    if (wb.structureProtected) throw new HostError("protected", STRUCTURE_PROTECTED);
  }

  const limit = options.maxBatchBytes ?? SYNC_BUDGET_BYTES;
  // Build every write before queuing anything: a bad address must not leave half a batch.
  const perSheet = plan.writes.map((w) => ({ sheet: w.sheet, writes: blockWrites(w, limit) }));
  const bytes = perSheet.reduce((n, s) => n + s.writes.reduce((m, w) => m + w.bytes, 0), 0);
  const cells = perSheet.reduce((n, s) => n + s.writes.reduce((m, w) => m + w.cells, 0), 0);
  const ranges = perSheet.reduce((n, s) => n + s.writes.length, 0);

  // One undo step where Excel can group it (ExcelApi 1.20): a run of its own with mergeUndoGroup,
  // unless the plan hides, shows or deletes a sheet, which Excel cannot group (UndoNotSupported)
  const run = runInfoOf(context);
  let notesUnsupported = false;
  const write = (ctx: Excel.RequestContext) =>
    writePlan(ctx, plan, perSheet, existing, created, visibilityChanges, deletes, limit).then((w) => {
      syncs += w.syncs;
      notesUnsupported = w.notesUnsupported;
    });
  if (run?.undoGroup && !visibilityChanges.length && !deletes.length) await run.api.run({ ...run.options, mergeUndoGroup: true }, write);
  else await write(context);
  const report: ApplyReport = { syncs, ranges, cells, bytes };
  if (notesUnsupported) report.notesUnsupported = true;
  return report;
}

/** Queues and sends the plan's operations; the notes take one sync after the last write (annotate.ts). */
async function writePlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  perSheet: { sheet: string; writes: QueuedWrite[] }[],
  existing: Map<string, SheetState>,
  created: Set<string>,
  visibilityChanges: WritePlan["sheets"],
  deletes: string[],
  limit: number,
): Promise<{ syncs: number; notesUnsupported: boolean }> {
  let syncs = 0;
  const notesSupported = supportsExcelApi("1.18");
  let lookups: NoteLookups | null = null;
  const sheets = context.workbook.worksheets;
  const handles = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    const key = name.toLowerCase();
    let ws = handles.get(key);
    if (!ws) {
      ws = sheets.getItem(existing.get(key)?.name ?? name);
      handles.set(key, ws);
    }
    return ws;
  };

  let pending = 0;
  // Once a write sync has been sent, a failure may have left part of it applied
  let sent = false;
  // and once one has gone through (a plan split in several), the workbook has changed for sure
  let applied = false;
  const flush = async () => {
    sent = true;
    await context.sync();
    syncs++;
    applied = true;
    pending = 0;
  };
  try {
    for (const s of plan.sheets) {
      const key = s.name.toLowerCase();
      let ws: Excel.Worksheet;
      if (existing.has(key)) {
        ws = sheet(s.name);
        // the whole sheet ("_beregn"), or on Beregn's own sheets only the cells it wrote before and
        // still holds: the user's text there stays (issue 13). Range.clear("All"): contents and formats
        if (s.clear) ws.getRange().clear("All");
        for (const range of s.clearCells ?? []) ws.getRange(range).clear("All");
      } else {
        ws = sheets.add(s.name);
        handles.set(key, ws);
      }
      if (visibilityChanges.includes(s)) ws.visibility = toExcelVisibility(s.visibility);
    }
    for (const cw of plan.columnWidths ?? []) {
      const col = columnLetters(cw.column);
      // Excel's width is in points; a character of the default font is about 7 px ≈ 5,3 pt
      sheet(cw.sheet).getRange(`${col}:${col}`).format.columnWidth = Math.round(cw.width * 5.3 + 5);
    }
    for (const s of perSheet) {
      for (const w of s.writes) {
        // Only a plan larger than one request is split (DESIGN.md); the common case is one sync.
        if (pending > 0 && pending + w.bytes > limit) await flush();
        w.queue(sheet(s.sheet));
        pending += w.bytes;
      }
    }
    // wrap, alignment, link style and print setup (annotate.ts) ride in the same batch
    queueCellStyles(sheet, plan);
    queuePageSetup(sheet, plan, supportsExcelApi("1.9"));
    // sheets to delete go last: planUndo removes the sheets Beregn made, after restoring cells
    for (const name of deletes) {
      const key = name.toLowerCase();
      const ws = sheet(name);
      // Worksheet.delete fails with InvalidOperation on a VeryHidden sheet: make it Hidden first
      const planned = plan.sheets.find((s) => s.name.toLowerCase() === key)?.visibility;
      const now = planned ?? existing.get(key)?.visibility;
      if (now === undefined || now === "veryHidden") ws.visibility = "Hidden";
      ws.delete();
      handles.delete(key);
    }
    // which of the noted cells already hold a note: asked in the last write sync (annotate.ts)
    lookups = queueNoteLookups(context, plan, notesSupported);
    await flush();
  } catch (err) {
    throw toHostError(err, sent, applied);
  }
  if (lookups) {
    try {
      await writeNotes(context, lookups);
      syncs++;
    } catch (err) {
      throw toHostError(err, true, true);
    }
  }
  return { syncs, notesUnsupported: !notesSupported && !!plan.notes?.length };
}

/** Selects a cell (or range) and brings its sheet to the front: "Gå til celle". */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  try {
    const ws = context.workbook.worksheets.getItem(sheetName);
    // activate, sync, then select: a select on a sheet activated in the same batch is not
    // reliable in Excel on Windows
    ws.activate();
    await context.sync();
    ws.getRange(address).select();
    await context.sync();
  } catch (err) {
    throw toHostError(err);
  }
}

/**
 * The active cell's sheet and address: "Forklar". getActiveCell (ExcelApi 1.7) rather than
 * getSelectedRange, which throws when the selection is several areas (Ctrl+click).
 */
export async function getSelectedCell(context: Excel.RequestContext): Promise<{ sheet: string; address: string }> {
  try {
    const range = context.workbook.getActiveCell();
    range.load("address");
    await context.sync();
    const { sheet, local } = splitSheet(range.address);
    const first = local.split(":")[0].replace(/\$/g, "");
    const cell = parseCell(first);
    return { sheet: sheet ?? "", address: cell ? cellAddress(cell.row, cell.col) : first };
  } catch (err) {
    throw toHostError(err);
  }
}

/** Deletes a sheet (undo of "Indsæt skabelon"); a very hidden one is made Hidden first (Worksheet.delete). */
export async function deleteSheet(context: Excel.RequestContext, name: string): Promise<void> {
  try {
    const ws = context.workbook.worksheets.getItem(name);
    ws.load("visibility");
    await context.sync();
    if (ws.visibility === "VeryHidden") ws.visibility = "Hidden";
    ws.delete();
    await context.sync();
  } catch (err) {
    throw toHostError(err);
  }
}
