/**
 * Reading the open workbook into Grids (src/workbook/types.ts) with a fixed number of
 * context.sync calls (DESIGN.md: at most 3) unless a sheet is too large for one response.
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
 *
 * Step 3 is planned from the sizes step 2 gave: when the sheets that matter are estimated over
 * one sync's budget (payload.ts), they are read in row chunks, as many chunks per sync as the
 * budget holds, so a huge proposal (12.000 rows, plus the Kontrol and "_beregn" of the last
 * Beregn) takes ceil(bytes / budget) syncs instead of one refused one. Only then: DESIGN.md's
 * "split only when a table is huge".
 */
import type { CellValue, Grid, SheetVisibility } from "../workbook/types";
import { rangeAddress } from "./address";
import { toHostError } from "./errors";
import { CELL_BYTES_PER_PROPERTY, isPayloadLimitError, SYNC_BUDGET_BYTES } from "./payload";

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
  /** Response bytes one sync of step 3 is planned to carry at most (payload.ts). */
  maxSyncBytes?: number;
  /** Estimated response bytes per cell and loaded property, before any was measured. */
  cellBytes?: number;
}

/** Which syncs a read made, for tests and the log. */
export interface ReadReport {
  syncs: number;
  /** Syncs of step 3 (0 when nothing needed reading in full, 1 unless a sheet was split). */
  dataSyncs: number;
  /** Step-3 syncs Excel refused as too large (then retried in smaller chunks). */
  refused: number;
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

/**
 * Sheets the add-in itself writes: always read, and read whole. "_beregn" holds the settings, the
 * stamp and the undo data. "Kontrol" and "Kvantum" are rewritten whole by each Beregn
 * (clear: true), but their old contents still matter: planUndo refuses unless sheetHash of each
 * sheet Beregn made equals the hash "_beregn" stored (src/workbook/undo.ts), planBeregn counts
 * their changed cells so a repeated Beregn says "Ingen celler ændret" (writePlan.ts), and the
 * tables on Kvantum are what "Forklar" and the rewrite find (readWorkbook.ts).
 */
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
export async function readGrids(context: Excel.RequestContext, options: ReadOptions = {}, report?: ReadReport): Promise<Grid[]> {
  const r = report ?? { syncs: 0, dataSyncs: 0, refused: 0 };
  Object.assign(r, { syncs: 0, dataSyncs: 0, refused: 0 });
  try {
    return await readGridsUnmapped(context, options, r);
  } catch (err) {
    throw toHostError(err);
  }
}

async function readGridsUnmapped(context: Excel.RequestContext, options: ReadOptions, report: ReadReport): Promise<Grid[]> {
  const sync = async () => {
    report.syncs++;
    await context.sync();
  };
  const collection = context.workbook.worksheets;
  collection.load("items/name,items/visibility,items/protection/protected");
  await sync(); // 1
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
      await sync(); // 2
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
  await sync(); // 2 (3 after a refused full read)

  const wanted = sheets.map((s, i) => {
    const { range, hits } = sized[i];
    if (range.isNullObject) return false;
    if (OWN_SHEETS.has(s.name.toLowerCase())) return true;
    if (range.rowCount * range.columnCount <= small) return true;
    // without findAll there is nothing cheap to decide by: read it
    return !findAll || hits.some((h) => !h.isNullObject);
  });
  const targets: ChunkTarget[] = [];
  sized.forEach(({ range }, i) => {
    if (wanted[i])
      targets.push({
        index: i,
        ws: sheets[i].ws,
        rowIndex: range.rowIndex,
        columnIndex: range.columnIndex,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
      });
  });
  const data = await readInChunks(context, targets, options, report, sync); // 3 (4), or more when huge
  return sheets.map((s, i) => toGrid(s, data.get(i) ?? null));
}

/** A used range to read in full: its position, and the sheet to ask for its rows. */
interface ChunkTarget {
  index: number;
  ws: Excel.Worksheet;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** What toGrid needs of a range: a loaded Excel.Range, or the rows of one read in chunks. */
export interface RangeData {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

const PROPS = ["values", "formulas", "numberFormat"] as const;

/**
 * Reads the targets' used ranges in full, in as few syncs as the budget allows: one sync when
 * everything is estimated to fit (the common case, and exactly the read before chunking existed),
 * else consecutive row chunks packed into syncs in sheet order. The estimate starts at
 * `cellBytes` per cell and property and is replaced per sheet by what its chunks measured, so a
 * text-heavy sheet (Kontrol's messages) gets smaller chunks after its first. A sync Excel refuses
 * as too large anyway is retried with the estimate of its sheets quadrupled (each retry asks for
 * about a quarter; the next measurement corrects an overshoot); only a single row over the limit
 * is given up on.
 */
async function readInChunks(
  context: Excel.RequestContext,
  targets: ChunkTarget[],
  options: ReadOptions,
  report: ReadReport,
  sync: () => Promise<void>,
): Promise<Map<number, RangeData>> {
  const budget = options.maxSyncBytes ?? SYNC_BUDGET_BYTES;
  const initial = (options.cellBytes ?? CELL_BYTES_PER_PROPERTY) * PROPS.length;
  const state = targets.map((t) => ({
    t,
    next: 0,
    rate: initial,
    measured: { bytes: 0, cells: 0 },
    rows: { values: [] as unknown[][], formulas: [] as unknown[][], numberFormat: [] as unknown[][] },
  }));
  let todo = state.filter((s) => s.t.rowCount > 0 && s.t.columnCount > 0);
  while (todo.length) {
    // one sync: whole sheets while they fit, then the rows of the next that fit (at least one row)
    const batch: { s: (typeof state)[number]; rows: number; range: Excel.Range }[] = [];
    let left = budget;
    for (const s of todo) {
      const rowBytes = s.t.columnCount * s.rate;
      const remaining = s.t.rowCount - s.next;
      const rows = Math.min(remaining, Math.max(batch.length ? 0 : 1, Math.floor(left / rowBytes)));
      if (rows === 0) break;
      const range = s.t.ws.getRange(rangeAddress({ row: s.t.rowIndex + s.next, col: s.t.columnIndex }, rows, s.t.columnCount));
      range.load("values,formulas,numberFormat");
      batch.push({ s, rows, range });
      left -= rows * rowBytes;
      if (rows < remaining) break;
    }
    try {
      report.dataSyncs++;
      await sync();
    } catch (err) {
      // Excel answers nothing of a refused sync: ask again for less
      const single = batch.length === 1 && batch[0].rows === 1;
      if (!isPayloadLimitError(err) || single) throw err;
      report.refused++;
      for (const b of batch) b.s.rate *= 4;
      continue;
    }
    for (const { s, rows, range } of batch) {
      let bytes = 0;
      for (const p of PROPS) {
        const m = range[p] as unknown[][];
        bytes += JSON.stringify(m).length;
        for (const row of m) s.rows[p].push(row);
      }
      s.next += rows;
      s.measured.bytes += bytes;
      s.measured.cells += rows * s.t.columnCount;
      s.rate = Math.max(1, s.measured.bytes / s.measured.cells);
    }
    todo = todo.filter((s) => s.next < s.t.rowCount);
  }
  return new Map(
    state.map(({ t, rows }) => [
      t.index,
      { rowIndex: t.rowIndex, columnIndex: t.columnIndex, rowCount: t.rowCount, columnCount: t.columnCount, ...rows },
    ]),
  );
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** A used range → a Grid anchored at A1: rows above and columns left of it are padded with null. */
export function toGrid(sheet: Omit<SheetInfo, "ws">, range: RangeData | Excel.Range | null): Grid {
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
