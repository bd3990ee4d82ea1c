/**
 * What a WritePlan adds beside the cells' content in Office.js (issue 10): the cells' wrap,
 * alignment, indent and link style, the print setup of Beregn's sheets and the notes at the
 * findings' cells. Each behind its requirement set, so an older Excel still gets every value:
 *
 * - page layout: ExcelApi 1.9 (Worksheet.pageLayout, PageLayoutZoomOptions.horizontalFitToPages,
 *   setPrintTitleRows; learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions);
 * - notes: ExcelApi 1.18 (Worksheet.notes, NoteCollection.add / getItemOrNullObject, Note.content,
 *   Note.delete; learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes). Where it is
 *   not supported, Kontrol and the status line beside Tabel 1 carry the warnings instead.
 */
import type { WriteCell, WritePlan } from "../workbook/types";
import { cellAddress, parseCell } from "./address";

/**
 * Whether Excel offers an ExcelApi requirement set. Outside Excel (tests against the fake, the
 * preview) there is no requirement set to ask, so the caller decides: `outsideExcel`.
 */
export function supportsExcelApi(version: string, outsideExcel = false): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  if (!req || typeof req.isSetSupported !== "function") return outsideExcel;
  return req.isSetSupported("ExcelApi", version);
}

const LINK_COLOR = "#0563C1";

/** Queue the cells' wrap, alignment, indent and link style (same batch as the writes). */
export function queueCellStyles(sheet: (name: string) => Excel.Worksheet, plan: WritePlan): number {
  let n = 0;
  for (const w of plan.writes) {
    const top = parseCell(w.topLeft);
    if (!top) continue;
    w.cells.forEach((line, i) => {
      // a row with wrapped text (Kontrol's messages): every cell written there sits at the top,
      // beside the first line, as the .xlsx host styles it (src/xlsx/sheetPatch.ts); Excel fits
      // the height of a row with no height of its own to the wrapped text itself
      const wrappedRow = line.some((cell) => cell?.wrap === true && typeof cell.value === "string");
      line.forEach((cell: WriteCell | null, j) => {
        if (cell && wrappedRow && !cell.wrap) {
          sheet(w.sheet).getRange(cellAddress(top.row + i, top.col + j)).format.verticalAlignment = "Top";
          n++;
        }
        if (!cell || (cell.wrap === undefined && cell.align === undefined && cell.indent === undefined && !cell.link)) return;
        const format = sheet(w.sheet).getRange(cellAddress(top.row + i, top.col + j)).format;
        if (cell.wrap !== undefined) {
          format.wrapText = cell.wrap;
          if (cell.wrap) format.verticalAlignment = "Top";
        }
        if (cell.align !== undefined)
          format.horizontalAlignment = cell.align === "left" ? "Left" : cell.align === "right" ? "Right" : "Center";
        if (cell.indent !== undefined) format.indentLevel = cell.indent;
        if (cell.link) {
          format.font.color = LINK_COLOR;
          format.font.underline = "Single";
        }
        n++;
      });
    });
  }
  return n;
}

/** Queue the print setup (ExcelApi 1.9); false when Excel cannot, and nothing is queued. */
export function queuePageSetup(sheet: (name: string) => Excel.Worksheet, plan: WritePlan, supported: boolean): boolean {
  if (!plan.pageSetup?.length || !supported) return false;
  for (const p of plan.pageSetup) {
    const layout = sheet(p.sheet).pageLayout;
    layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (p.printTitleRows) layout.setPrintTitleRows(p.printTitleRows.replace(/^(\d+):(\d+)$/, "$$$1:$$$2"));
  }
  return true;
}

/** The plan's notes with the lookup of each cell's current note, queued but not yet synced. */
export interface NoteLookups {
  found: { n: NonNullable<WritePlan["notes"]>[number]; note: Excel.Note }[];
}

/**
 * Queue the question "which of these cells has a note?" (a cell holds one note, so add would
 * refuse a second). applyPlan queues it before its last write sync, so it rides in that sync;
 * null when the plan has no notes or the notes API (ExcelApi 1.18) is not there.
 */
export function queueNoteLookups(context: Excel.RequestContext, plan: WritePlan, supported: boolean): NoteLookups | null {
  const notes = plan.notes ?? [];
  if (!notes.length || !supported) return null;
  return {
    found: notes.map((n) => {
      const note = context.workbook.worksheets.getItem(n.sheet).notes.getItemOrNullObject(n.address);
      // any scalar loads isNullObject with it (the *OrNullObject pattern)
      note.load("content");
      return { n, note };
    }),
  };
}

/** After the sync that answered the lookups: add, change or delete each note (one more sync). */
export async function writeNotes(context: Excel.RequestContext, lookups: NoteLookups): Promise<void> {
  for (const { n, note } of lookups.found) {
    const ws = context.workbook.worksheets.getItem(n.sheet);
    if (n.text === null) {
      if (!note.isNullObject) note.delete();
    } else if (note.isNullObject) ws.notes.add(n.address, n.text);
    else note.content = n.text;
  }
  await context.sync();
}
