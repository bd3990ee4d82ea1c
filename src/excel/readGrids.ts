/**
 * Reading the open workbook into Grids (src/workbook/types.ts) with a fixed number of
 * context.sync calls whatever its size (DESIGN.md: at most 3).
 *
 *   sync 1  the sheets: name, visibility, protection
 *   sync 2  "full":  every sheet's used range, with values, formulas and number formats
 *           "probe": every sheet's used-range size, plus a search for the labels the reader
 *                    looks for (one findAll per word), so large sheets without them are skipped
 *   sync 3  "probe" only: the used ranges of the sheets that matter, in full
 *
 * "auto" (the default) reads in full when the workbook has few sheets, which is the common
 * proposal workbook and keeps Beregn at 3 syncs in all (2 reads + 1 write); a catalogue with many
 * sheets, or sheets of raw data, is probed first so its payload stays under Excel on the web's
 * 5 MB limit.
 */
import type { CellValue, Grid, SheetVisibility } from "../workbook/types";
import { toHostError } from "./errors";

export type ReadStrategy = "auto" | "full" | "probe";

export interface ReadOptions {
  strategy?: ReadStrategy;
  /** "auto" probes when the workbook has more sheets than this. */
  probeAboveSheets?: number;
  /** Sheets with at most this many cells in their used range are always read in full. */
  smallSheetCells?: number;
  /** Words whose presence makes a large sheet worth reading (case-insensitive, substring). */
  probeWords?: string[];
  /** Whether worksheet.findAllOrNullObject (ExcelApi 1.9) may be used; detected when omitted. */
  findAll?: boolean;
}

/** The labels the workbook layer recognises tables by (DESIGN.md), reduced to distinctive words. */
export const DEFAULT_PROBE_WORDS = [
  "Tabel",
  "Varige",
  "Samlet",
  "Implementering",
  "Fordeling",
  "Bevillingsflyt",
  "Tilbagebetaling",
  "Måltal",
  "Kvantum",
];

/** Sheets the add-in itself writes: always read, since undo and stale checks live there. */
const OWN_SHEETS = new Set(["_beregn", "kontrol", "kvantum"]);

export function fromExcelVisibility(v: string): SheetVisibility {
  if (v === "VeryHidden") return "veryHidden";
  if (v === "Hidden") return "hidden";
  return "visible";
}

export function toExcelVisibility(v: SheetVisibility): "Visible" | "Hidden" | "VeryHidden" {
  return v === "veryHidden" ? "VeryHidden" : v === "hidden" ? "Hidden" : "Visible";
}

function supportsFindAll(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  // Outside Excel (tests against the fake) there is no requirement set to ask: assume support.
  if (!req || typeof req.isSetSupported !== "function") return true;
  return req.isSetSupported("ExcelApi", "1.9");
}

interface SheetInfo {
  ws: Excel.Worksheet;
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
}

/** Reads every sheet of the workbook as a Grid anchored at A1. */
export async function readGrids(context: Excel.RequestContext, options: ReadOptions = {}): Promise<Grid[]> {
  try {
    return await readGridsUnmapped(context, options);
  } catch (err) {
    throw toHostError(err);
  }
}

async function readGridsUnmapped(context: Excel.RequestContext, options: ReadOptions): Promise<Grid[]> {
  const collection = context.workbook.worksheets;
  collection.load("items/name,items/visibility,items/protection/protected");
  await context.sync(); // 1
  const sheets: SheetInfo[] = collection.items.map((ws) => ({
    ws,
    name: ws.name,
    visibility: fromExcelVisibility(ws.visibility),
    protected: ws.protection.protected,
  }));

  const strategy = options.strategy ?? "auto";
  const probe = strategy === "probe" || (strategy === "auto" && sheets.length > (options.probeAboveSheets ?? 6));

  if (!probe) {
    const ranges = sheets.map((s) => {
      const r = s.ws.getUsedRangeOrNullObject();
      r.load("address,rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat");
      return r;
    });
    try {
      await context.sync(); // 2
      return sheets.map((s, i) => toGrid(s, ranges[i].isNullObject ? null : ranges[i]));
    } catch (err) {
      // A few sheets, but one of them huge (raw data): Excel on the web refuses a response over
      // 5 MB. "auto" then probes after all (2 more syncs, in this rare case only).
      if (strategy !== "auto" || (err as { code?: unknown }).code !== "ResponsePayloadSizeLimitExceeded") throw err;
    }
  }

  const findAll = options.findAll ?? supportsFindAll();
  const words = options.probeWords ?? DEFAULT_PROBE_WORDS;
  const small = options.smallSheetCells ?? 20_000;
  const sized = sheets.map((s) => {
    const range = s.ws.getUsedRangeOrNullObject();
    range.load("address,rowIndex,columnIndex,rowCount,columnCount");
    const hits = findAll
      ? words.map((w) => {
          const found = s.ws.findAllOrNullObject(w, { completeMatch: false, matchCase: false });
          found.load("areaCount");
          return found;
        })
      : [];
    return { range, hits };
  });
  await context.sync(); // 2 (3 after a refused full read)

  const wanted = sheets.map((s, i) => {
    const { range, hits } = sized[i];
    if (range.isNullObject) return false;
    if (OWN_SHEETS.has(s.name.toLowerCase())) return true;
    if (range.rowCount * range.columnCount <= small) return true;
    // without findAll there is nothing cheap to decide by: read it
    return !findAll || hits.some((h) => !h.isNullObject);
  });
  if (wanted.some(Boolean)) {
    sized.forEach((x, i) => {
      if (wanted[i]) x.range.load("values,formulas,numberFormat");
    });
    await context.sync(); // 3 (4)
  }
  return sheets.map((s, i) => (wanted[i] ? toGrid(s, sized[i].range) : toGrid(s, null)));
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** A used range → a Grid anchored at A1: rows above and columns left of it are padded with null. */
export function toGrid(sheet: Omit<SheetInfo, "ws">, range: Excel.Range | null): Grid {
  const grid: Grid = {
    name: sheet.name,
    visibility: sheet.visibility,
    values: [],
    formulas: [],
    numberFormats: [],
    protected: sheet.protected,
  };
  if (!range) return grid;
  const top = range.rowIndex;
  const left = range.columnIndex;
  const width = left + range.columnCount;
  const values = range.values as unknown[][];
  const formulas = range.formulas as unknown[][];
  const formats = range.numberFormat as unknown[][];
  const empty = <T>(): T[] => new Array<T>(width).fill(null as T);
  for (let r = 0; r < top; r++) {
    grid.values.push(empty<CellValue>());
    grid.formulas.push(empty<string | null>());
    grid.numberFormats!.push(empty<string | null>());
  }
  for (let r = 0; r < range.rowCount; r++) {
    const vRow = empty<CellValue>();
    const fRow = empty<string | null>();
    const nRow = empty<string | null>();
    for (let c = 0; c < range.columnCount; c++) {
      vRow[left + c] = toCellValue(values[r][c]);
      const f = formulas[r][c];
      // Office.js gives a constant's value in `formulas`; only "=…" is a formula
      fRow[left + c] = typeof f === "string" && f.startsWith("=") ? f : null;
      const n = formats[r][c];
      nRow[left + c] = typeof n === "string" && n !== "General" && n !== "Standard" ? n : null;
    }
    grid.values.push(vRow);
    grid.formulas.push(fRow);
    grid.numberFormats!.push(nRow);
  }
  return grid;
}
