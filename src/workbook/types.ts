/**
 * The plain data that passes between the hosts (Office.js, ExcelJS) and the workbook layer
 * (DESIGN.md): a Grid per sheet going in, a WritePlan coming out. No Office, no files here.
 */

/** A cell's value as the hosts give it: error values (#REF!, #DIV/0!) arrive as their text. */
export type CellValue = string | number | boolean | null;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/**
 * One worksheet, anchored at A1: values[r][c] is the cell at row r+1, column c+1. Rows may be
 * ragged; a missing cell is null. formulas[r][c] is "=SUM(…)" where the cell holds a formula.
 */
export interface Grid {
  name: string;
  visibility: SheetVisibility;
  values: CellValue[][];
  formulas: (string | null)[][];
  /** Number formats, where the host read them (optional). */
  numberFormats?: (string | null)[][];
  /** Merged ranges as A1 addresses ("B3:D3"). */
  merges?: string[];
  /**
   * The host could not read the sheet's merged ranges (Excel's getMergedAreasOrNullObject fails
   * above 512 areas): `merges` is missing, and a value merged down over rows reads in its first row only.
   */
  mergesUnread?: boolean;
  /** 0-based indices of hidden rows. */
  hiddenRows?: number[];
  /** Sheet protection is on. */
  protected?: boolean;
  /** A1 address → the cell's note (comment) text, as the host read it. */
  notes?: Record<string, string>;
}

/**
 * One cell to write. null in a block leaves that cell alone; `value: null` (with no formula)
 * empties the cell (undo uses it to restore a blank); a cell with only `numberFormat` keeps its
 * content.
 */
export interface WriteCell {
  value?: CellValue;
  /** A formula ("=SUM(C5:C9)"); takes precedence over value. */
  formula?: string;
  numberFormat?: string;
  /** Bold in the workbook's default font (name and size); only bold is added. */
  bold?: boolean;
  /** Wrap the text in the cell (Kontrol's message column). */
  wrap?: boolean;
  align?: "left" | "right" | "center";
  /** Indent level (koncernenheder under ØU). */
  indent?: number;
  /** A HYPERLINK cell styled as a link: blue, underlined. */
  link?: boolean;
}

/** Set a cell's note, or remove it (`text: null`). A note never changes the cell's value, formula or format. */
export interface NoteWrite {
  sheet: string;
  /** A1 address of one cell. */
  address: string;
  text: string | null;
}

/** How a sheet prints (Kontrol, the generated Kvantum sheet). */
export interface PageSetup {
  sheet: string;
  orientation: "landscape" | "portrait";
  paperSize: "A4";
  /** One page wide, as many pages tall as needed. */
  fitToWidth: boolean;
  /** Rows repeated at the top of each page, "4:4". */
  printTitleRows?: string;
}

/** A rectangular block written as one range (DESIGN.md: each block one 2-D write). */
export interface RangeWrite {
  sheet: string;
  /** Top-left cell, A1 style ("C12"). The block's size is cells' size. */
  topLeft: string;
  cells: (WriteCell | null)[][];
}

export interface WritePlan {
  /**
   * Sheets to create, with their visibility. `clear`: empty the whole sheet first ("_beregn" only).
   * `clearCells`: A1 ranges to empty, content and format, before the writes: on Beregn's own sheets
   * the cells Beregn wrote before and still holds (ownCells.ts); every other cell is the user's.
   */
  sheets: { name: string; visibility: SheetVisibility; clear: boolean; clearCells?: string[] }[];
  writes: RangeWrite[];
  /** Column widths for created sheets (characters), optional; `column` is 0-based. */
  columnWidths?: { sheet: string; column: number; width: number }[];
  /**
   * Sheets to delete after the writes (planUndo removes the sheets Beregn created). Optional:
   * a host without support may clear them instead.
   */
  deleteSheets?: string[];
  /** Notes to set or remove, after the writes (the cells' content is untouched). */
  notes?: NoteWrite[];
  /** Print setup of sheets (after the writes). */
  pageSetup?: PageSetup[];
}
