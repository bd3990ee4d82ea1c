/**
 * Reading the open workbook into Grids (src/workbook/types.ts) with a fixed number of
 * context.sync calls (DESIGN.md: at most 3) unless a sheet is too large for one response.
 *
 *   sync 1  the sheets: name, visibility, protection; the workbook's structure protection;
 *           the workbook's notes with their text (ExcelApi 1.18)
 *   sync 2  "full":  every sheet's used range, with values, formulas and number formats; with
 *                    ExcelApi 1.9 only its part inside the window A1:CV20000, and beyond it the
 *                    cells that hold something (getSpecialCells: constants, formulas), area by
 *                    area, so one stray value in XFD1048576 costs one cell, not 17 billion
 *           "probe": every sheet's used-range size, plus a search for the labels the reader
 *                    looks for (one findAll per word), so large sheets without them are skipped
 *           both: each sheet's merged areas (ExcelApi 1.13), so a Styringsområde merged
 *                 down over rows reads as in the xlsx host; the cell of each note
 *   sync 3  "probe" only: the used ranges of the sheets that matter, in full (inside the
 *           window; a sheet reaching past it first gets the addresses of its cells beyond, in
 *           one sync more, and those areas are read with the rest)
 *
 * Without ExcelApi 1.9, and on a hidden sheet (whether Excel finds special cells there is not
 * documented), the whole used range is read, as before; one that cannot be read in chunks in
 * reasonable time (over 20.000.000 cells) is refused in Danish.
 *
 * Excel reads at most 5.000.000 cells at once on every platform ("Resource limits and
 * performance optimization for Office Add-ins"): `values` then comes back null, or the sync
 * throws RangeExceedsLimit. "auto" then reads as the probe does, in row chunks, as it does for Excel on
 * the web's 5 MB response limit. findAll does not search hidden sheets, so a large hidden sheet
 * is read rather than skipped. More than 512 merged areas in one range make
 * getMergedAreasOrNullObject fail: that sheet's merges are then left out and the Grid says so
 * (mergesUnread), which the workbook layer reports as a finding.
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
import { supportsExcelApi } from "./annotate";
import type { CellValue, Grid, SheetVisibility } from "../workbook/types";
import { cellAddress, columnLetters, parseCell, parseRange, rangeAddress, splitSheet } from "./address";
import { HostError, toHostError } from "./errors";
import { CELL_BYTES_PER_PROPERTY, isPayloadLimitError, isReadLimitError, SYNC_BUDGET_BYTES, utf8Length } from "./payload";

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
  /** Whether range.getMergedAreasOrNullObject (ExcelApi 1.13) may be used; detected when omitted. */
  merges?: boolean;
  /** Whether the cells outside the window may be read by getSpecialCells (ExcelApi 1.9); detected when omitted. */
  sparse?: boolean;
  /** Whether workbook.notes (ExcelApi 1.18) may be read; detected when omitted. */
  notes?: boolean;
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
 * stamp and the undo data. On "Kontrol", "Kvantum (…)" and "Følsomhed" each Beregn empties
 * only its own earlier cells, so their contents matter: which cells still hold what Beregn wrote
 * and which are the user's (src/workbook/ownCells.ts, issue 13), the changed cells counted so a
 * repeated Beregn says "Ingen celler ændret" (writePlan.ts), and the tables on Kvantum are what
 * "Forklar" and the rewrite find (readWorkbook.ts). Names as sheetNames.ts picks them ("Kontrol (2)").
 */
const OWN_SHEETS = new Set(["_beregn", "kontrol", "kvantum"]);
const OWN_SHEET_NAME = /^(kontrol|kvantum|følsomhed)\b/i;

export function fromExcelVisibility(v: string): SheetVisibility {
  if (v === "VeryHidden") return "veryHidden";
  if (v === "Hidden") return "hidden";
  return "visible";
}

export function toExcelVisibility(v: SheetVisibility): "Visible" | "Hidden" | "VeryHidden" {
  return v === "veryHidden" ? "VeryHidden" : v === "hidden" ? "Hidden" : "Visible";
}

// Outside Excel (tests against the fake) there is no requirement set to ask: assume support.
const supports = (version: string): boolean => supportsExcelApi(version, true);

/** What the first sync learned of the workbook, for applyPlan in the same Excel.run. */
export interface WorkbookState {
  /** Structure protection: sheets cannot be added, deleted, hidden or shown. */
  structureProtected: boolean;
}

const workbookStates = new WeakMap<object, WorkbookState>();

/**
 * The workbook state readGrids found, by the context it read in or by the Grids it returned (a
 * plan applied in a later Excel.run with the Grids it was made from, as the Grids' own sheet
 * protection is).
 */
export function workbookStateOf(context: Excel.RequestContext, grids?: object): WorkbookState | undefined {
  return workbookStates.get(context) ?? (grids ? workbookStates.get(grids) : undefined);
}

export function rememberWorkbookState(key: object, state: WorkbookState): void {
  workbookStates.set(key, state);
}

/** "Forslag!B5:B7,Forslag!C5:C7" (RangeAreas.address) → ["B5:B7", "C5:C7"]; commas inside a quoted sheet name kept. */
export function mergeAddresses(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out.map((a) => a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, "")).filter(Boolean);
}

interface SheetInfo {
  ws: Excel.Worksheet;
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  /** Merged areas of the used range; undefined when they could not be read. */
  merges?: string[];
  mergesUnread?: boolean;
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
  const grids = await readSheets(context, options, report);
  const state = workbookStateOf(context);
  if (state) rememberWorkbookState(grids, state);
  return grids;
}

async function readSheets(context: Excel.RequestContext, options: ReadOptions, report: ReadReport): Promise<Grid[]> {
  const sync = async () => {
    report.syncs++;
    await context.sync();
  };
  const collection = context.workbook.worksheets;
  collection.load("items/name,items/visibility,items/protection/protected");
  const protection = context.workbook.protection;
  protection.load("protected");
  const notes = new NoteRead(context, options.notes ?? supports("1.18"));
  await sync(); // 1
  rememberWorkbookState(context, { structureProtected: protection.protected });
  const sheets: SheetInfo[] = collection.items.map((ws) => ({
    ws,
    name: ws.name,
    visibility: fromExcelVisibility(ws.visibility),
    protected: ws.protection.protected,
  }));
  const done = (grids: Grid[]) => notes.into(grids);

  const strategy = options.strategy ?? "auto";
  const probe = strategy === "probe" || (strategy === "auto" && sheets.length > (options.probeAboveSheets ?? 6));
  const merges = new MergeRead(options.merges ?? supports("1.13"));
  // Special cells only on a visible sheet: Excel's Go To Special works on the sheet in view, and
  // the reference does not say it answers for a hidden one (as findAll does not); a hidden sheet
  // (Beregn's own "_beregn" with its undo data) is read whole, as before.
  const sparseOn = options.sparse ?? supports("1.9");
  const sparse = (s: SheetInfo) => sparseOn && s.visibility === "visible";

  if (!probe) {
    // With ExcelApi 1.9 the dense read stops at the window, and what lies outside it is read
    // cell by cell (special cells), in the same sync: a stray value in XFD1048576 costs one cell.
    const queue = () => {
      notes.queueLocations();
      return sheets.map((s) => {
        const r = sparse(s) ? s.ws.getRange(WINDOW_ADDRESS).getUsedRangeOrNullObject() : s.ws.getUsedRangeOrNullObject();
        r.load("address,rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat");
        return { range: r, outside: sparse(s) ? queueOutside(s.ws) : [] };
      });
    };
    let read: ReturnType<typeof queue> | undefined;
    try {
      read = await merges.withStep(sheets, queue, (x) => x.range, sync); // 2
    } catch (err) {
      // A few sheets, but one of them huge (raw data): Excel on the web refuses a response over
      // 5 MB, every Excel a read over 5.000.000 cells. "auto" then probes after all (2 more
      // syncs, in this rare case only).
      if (strategy !== "auto" || !(isPayloadLimitError(err) || isReadLimitError(err))) throw err;
    }
    // over 5.000.000 cells Excel may also answer with `values` null instead of an error
    if (read && !read.some((x) => !x.range.isNullObject && x.range.values === null))
      return done(sheets.map((s, i) => toGrid(s, read[i].range.isNullObject ? null : read[i].range, outsideAreas(read[i].outside))));
    if (read && strategy !== "auto") throw new HostError("tooLarge", TOO_MANY_CELLS);
  }

  const findAll = options.findAll ?? supports("1.9");
  const words = options.probeWords ?? DEFAULT_PROBE_WORDS;
  const small = options.smallSheetCells ?? 20_000;
  const queueSizes = () => {
    notes.queueLocations();
    return sheets.map((s) => {
      const range = s.ws.getUsedRangeOrNullObject();
      range.load("address,rowIndex,columnIndex,rowCount,columnCount");
      // the part of it inside the window, which is what is read in full when it reaches past
      const inside = sparse(s) ? s.ws.getRange(WINDOW_ADDRESS).getUsedRangeOrNullObject() : undefined;
      inside?.load("rowIndex,columnIndex,rowCount,columnCount");
      const hits = findAll
        ? words.map((w) => {
            const found = s.ws.findAllOrNullObject(w, { completeMatch: false, matchCase: false });
            found.load("areaCount");
            return found;
          })
        : [];
      return { range, inside, hits };
    });
  };
  const sized = await merges.withStep(sheets, queueSizes, (x) => x.range, sync); // 2 (3 after a refused full read)

  const wanted = sheets.map((s, i) => {
    const { range, hits } = sized[i];
    if (range.isNullObject) return false;
    if (OWN_SHEETS.has(s.name.toLowerCase()) || OWN_SHEET_NAME.test(s.name)) return true;
    if (range.rowCount * range.columnCount <= small) return true;
    // without findAll there is nothing cheap to decide by, and findAll does not search a
    // hidden sheet: read it
    return !findAll || s.visibility !== "visible" || hits.some((h) => !h.isNullObject);
  });
  const targets: ChunkTarget[] = [];
  // sheets whose used range reaches past the window: the window in full, the rest by its areas
  const beyond: number[] = [];
  sized.forEach(({ range, inside }, i) => {
    if (!wanted[i]) return;
    const box = { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
    if (!sparse(sheets[i]) || fitsWindow(box)) {
      if (box.rowCount * box.columnCount > UNREADABLE_CELLS) throw new HostError("tooLarge", tooFar(sheets[i], sparseOn));
      targets.push({ index: i, ws: sheets[i].ws, ...box });
      return;
    }
    if (inside && !inside.isNullObject)
      targets.push({
        index: i,
        ws: sheets[i].ws,
        rowIndex: inside.rowIndex,
        columnIndex: inside.columnIndex,
        rowCount: inside.rowCount,
        columnCount: inside.columnCount,
      });
    beyond.push(i);
  });
  if (beyond.length) {
    // where the cells outside the window are: their addresses only, one sync (this case only)
    const found = beyond.map((i) =>
      OUTSIDE_TYPES.map((type) => {
        const a = sheets[i].ws.getRanges(OUTSIDE_ADDRESS).getSpecialCellsOrNullObject(type);
        a.load("address");
        return a;
      }),
    );
    await sync();
    beyond.forEach((i, k) => {
      for (const a of found[k])
        if (!a.isNullObject)
          for (const address of mergeAddresses(a.address)) {
            const { start, end } = parseRange(address)!;
            targets.push({
              index: i,
              ws: sheets[i].ws,
              outside: true,
              rowIndex: start.row,
              columnIndex: start.col,
              rowCount: end.row - start.row + 1,
              columnCount: end.col - start.col + 1,
            });
          }
    });
  }
  const data = await readInChunks(context, targets, options, report, sync); // 3 (4), or more when huge
  return done(
    sheets.map((s, i) => {
      const read = data.get(i) ?? [];
      return toGrid(
        s,
        read.find((d) => !d.outside) ?? null,
        read.filter((d) => d.outside),
      );
    }),
  );
}

/**
 * What the host reads in full, from A1: 100 columns (A:CV) by 20.000 rows, 2.000.000 cells, well
 * under Excel's 5.000.000-cell limit on one read. Every proposal, catalogue sheet and Kontrol
 * Beregn has met fits (the payload tests' 12.000-row proposal too), so for them the read is what
 * it was: the used range, with the number formats of blank cells (undo puts a cell's format back).
 */
const WINDOW = { rows: 20_000, columns: 100 };
const WINDOW_ADDRESS = `A1:${columnLetters(WINDOW.columns - 1)}${WINDOW.rows}`;
/** The rest of the sheet, as two areas: the columns right of the window, and the rows below it. */
const OUTSIDE_ADDRESS = `${columnLetters(WINDOW.columns)}1:XFD1048576,A${WINDOW.rows + 1}:${columnLetters(WINDOW.columns - 1)}1048576`;
/** The cells that hold something: constants and formulas (Range.getSpecialCells, ExcelApi 1.9). */
const OUTSIDE_TYPES = ["Constants", "Formulas"] as const;

interface Box {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

function fitsWindow(b: Box): boolean {
  return b.rowIndex + b.rowCount <= WINDOW.rows && b.columnIndex + b.columnCount <= WINDOW.columns;
}

/**
 * Queue the contents of the cells outside the window: the special cells (constants, formulas) of
 * the rest of the sheet, each area with its values, formulas and formats. On an ordinary sheet
 * both are null objects and cost nothing; "If no special cells are found" getSpecialCells would
 * throw ItemNotFound, so the OrNullObject form.
 */
function queueOutside(ws: Excel.Worksheet): Excel.RangeAreas[] {
  const rest = ws.getRanges(OUTSIDE_ADDRESS);
  return OUTSIDE_TYPES.map((type) => {
    const areas = rest.getSpecialCellsOrNullObject(type);
    areas.load("areaCount");
    areas.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount,items/values,items/formulas,items/numberFormat");
    return areas;
  });
}

function outsideAreas(found: Excel.RangeAreas[]): RangeData[] {
  return found.flatMap((a) => (a.isNullObject ? [] : (a.areas.items as RangeData[])));
}

/** A sheet read as its whole used range (no ExcelApi 1.9, or hidden): past this many cells that cannot be done. */
const UNREADABLE_CELLS = 20_000_000;

const tooFar = (sheet: SheetInfo, sparse: boolean) =>
  sparse
    ? `Det skjulte ark "${sheet.name}" har indhold langt fra tabellerne, så det er for stort til at læse. ` +
      "Vis arket, og slet de celler langt nede eller langt til højre, som ikke hører til. Intet er ændret."
    : `Arket "${sheet.name}" har indhold langt fra tabellerne, så det er for stort til at læse i denne version af Excel. ` +
      "Slet de celler langt nede eller langt til højre, som ikke hører til, eller brug en nyere Excel. Intet er ændret.";

/**
 * The workbook's notes (ExcelApi 1.18) without a sync of their own: the notes with their text in
 * sync 1, the cell of each (Note.getLocation) in sync 2. Where 1.18 is missing there are none, as
 * the Grid of a host that does not read notes has none.
 */
class NoteRead {
  private readonly collection?: Excel.NoteCollection;
  private located: { note: Excel.Note; cell: Excel.Range }[] = [];
  constructor(context: Excel.RequestContext, enabled: boolean) {
    if (!enabled) return;
    this.collection = context.workbook.notes;
    this.collection.load("items/content");
  }

  /** Queued with each step of sync 2: a failed sync answers nothing, so the step that is sent again asks again. */
  queueLocations(): void {
    if (!this.collection) return;
    this.located = this.collection.items.map((note) => {
      const cell = note.getLocation();
      cell.load("address");
      return { note, cell };
    });
  }

  /** Grid.notes by A1 address, as the xlsx host gives them: only on a sheet that has notes. */
  into(grids: Grid[]): Grid[] {
    for (const { note, cell } of this.located) {
      const { sheet, local } = splitSheet(cell.address);
      const at = parseCell(local);
      const grid = grids.find((g) => g.name.toLowerCase() === sheet?.toLowerCase());
      if (grid && at) (grid.notes ??= {})[cellAddress(at.row, at.col)] = note.content;
    }
    return grids;
  }
}

const TOO_MANY_CELLS = "Et ark er for stort til at læse på én gang (Excel læser højst 5.000.000 celler ad gangen). Intet er ændret.";

/**
 * The merged areas of each sheet, loaded in the same sync as the step that reads
 * the range (no extra sync for an ordinary workbook). getMergedAreasOrNullObject fails the whole
 * sync when a range has more than 512 merged areas: the step is then sent again without merges,
 * and each sheet's merges are asked for in a sync of its own, so only the sheet over the limit
 * goes without (mergesUnread). The rare case costs 1 + one sync per sheet with content.
 */
class MergeRead {
  private done = false;
  constructor(private readonly enabled: boolean) {}

  async withStep<T>(sheets: SheetInfo[], queue: () => T[], rangeOf: (item: T) => Excel.Range, sync: () => Promise<void>): Promise<T[]> {
    const items = queue();
    if (!this.enabled || this.done) {
      await sync();
      return items;
    }
    // the whole sheet, not the used range: a method on an empty sheet's null-object range would fail the sync
    const areas = sheets.map((s) => {
      const a = s.ws.getRange().getMergedAreasOrNullObject();
      a.load("address");
      return a;
    });
    try {
      await sync();
    } catch (err) {
      // a limit error is the step's own (too large): the caller handles it
      if (isPayloadLimitError(err) || isReadLimitError(err)) throw err;
      // a failed sync answers nothing: the step again, without the merges, then each sheet's
      const again = queue();
      await sync();
      await this.onePerSync(sheets, again.map(rangeOf), sync);
      return again;
    }
    this.done = true;
    areas.forEach((a, i) => {
      if (rangeOf(items[i]).isNullObject) return;
      sheets[i].merges = a.isNullObject ? [] : mergeAddresses(a.address);
    });
    return items;
  }

  private async onePerSync(sheets: SheetInfo[], ranges: Excel.Range[], sync: () => Promise<void>): Promise<void> {
    this.done = true;
    for (let i = 0; i < sheets.length; i++) {
      if (ranges[i].isNullObject) continue;
      const a = sheets[i].ws.getRange().getMergedAreasOrNullObject();
      a.load("address");
      try {
        await sync();
        sheets[i].merges = a.isNullObject ? [] : mergeAddresses(a.address);
      } catch {
        sheets[i].mergesUnread = true;
      }
    }
  }
}

/** A used range to read in full: its position, and the sheet to ask for its rows. */
interface ChunkTarget {
  index: number;
  /** An area of cells beyond the window (special cells), not the used range. */
  outside?: boolean;
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
  /** An area beyond the window (readInChunks): set into its rows, not read as the used range. */
  outside?: boolean;
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
): Promise<Map<number, RangeData[]>> {
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
      if (!(isPayloadLimitError(err) || isReadLimitError(err)) || single) throw err;
      report.refused++;
      for (const b of batch) b.s.rate *= 4;
      continue;
    }
    for (const { s, rows, range } of batch) {
      let bytes = 0;
      for (const p of PROPS) {
        const m = range[p] as unknown[][];
        bytes += utf8Length(JSON.stringify(m));
        for (const row of m) s.rows[p].push(row);
      }
      s.next += rows;
      s.measured.bytes += bytes;
      s.measured.cells += rows * s.t.columnCount;
      s.rate = Math.max(1, s.measured.bytes / s.measured.cells);
    }
    todo = todo.filter((s) => s.next < s.t.rowCount);
  }
  // a sheet may have several targets: its used range (inside the window) and areas beyond it
  const out = new Map<number, RangeData[]>();
  for (const { t, rows } of state) {
    const list = out.get(t.index) ?? [];
    const { rowIndex, columnIndex, rowCount, columnCount, outside } = t;
    list.push({ rowIndex, columnIndex, rowCount, columnCount, outside, ...rows });
    out.set(t.index, list);
  }
  return out;
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * A used range → a Grid anchored at A1: rows above and columns left of it are padded with null.
 * `outside`: areas of cells beyond the window (special cells), set into the rows they are on; a
 * row the sheet does not have stays missing (a sparse Grid, src/workbook/grid.ts rowIndices).
 */
export function toGrid(sheet: Omit<SheetInfo, "ws">, range: RangeData | Excel.Range | null, outside: RangeData[] = []): Grid {
  const grid: Grid = {
    name: sheet.name,
    visibility: sheet.visibility,
    values: [],
    formulas: [],
    numberFormats: [],
    protected: sheet.protected,
  };
  if (sheet.merges?.length) grid.merges = sheet.merges;
  if (sheet.mergesUnread) grid.mergesUnread = true;
  for (const area of outside) placeArea(grid, area);
  if (!range) return grid;
  const top = range.rowIndex;
  const left = range.columnIndex;
  const width = left + range.columnCount;
  const values = range.values as unknown[][];
  const formulas = range.formulas as unknown[][];
  const formats = range.numberFormat as unknown[][];
  const empty = <T>(): T[] => new Array<T>(width).fill(null as T);
  // the used range's rows, whole; an area outside the window may already have put cells further right
  const put = (r: number, v: CellValue[], f: (string | null)[], n: (string | null)[]) => {
    const more = grid.values[r];
    if (more)
      for (let c = width; c < more.length; c++) {
        v[c] = more[c];
        f[c] = grid.formulas[r][c];
        n[c] = grid.numberFormats![r][c];
      }
    grid.values[r] = v;
    grid.formulas[r] = f;
    grid.numberFormats![r] = n;
  };
  for (let r = 0; r < top; r++) put(r, empty<CellValue>(), empty<string | null>(), empty<string | null>());
  for (let r = 0; r < range.rowCount; r++) {
    const vRow = empty<CellValue>();
    const fRow = empty<string | null>();
    const nRow = empty<string | null>();
    for (let c = 0; c < range.columnCount; c++) {
      vRow[left + c] = toCellValue(values[r][c]);
      fRow[left + c] = toFormula(formulas[r][c]);
      nRow[left + c] = toFormat(formats[r][c]);
    }
    put(top + r, vRow, fRow, nRow);
  }
  return grid;
}

// Office.js gives a constant's value in `formulas`; only "=…" is a formula
const toFormula = (f: unknown): string | null => (typeof f === "string" && f.startsWith("=") ? f : null);
const toFormat = (n: unknown): string | null => (typeof n === "string" && n !== "General" && n !== "Standard" ? n : null);

/** Sets the cells of one area outside the window into their rows, each row as wide as its last cell. */
function placeArea(grid: Grid, area: RangeData): void {
  const values = area.values as unknown[][];
  const formulas = area.formulas as unknown[][];
  const formats = area.numberFormat as unknown[][];
  for (let r = 0; r < area.rowCount; r++) {
    const row = area.rowIndex + r;
    const width = area.columnIndex + area.columnCount;
    const lines = [grid.values, grid.formulas, grid.numberFormats!] as (CellValue | string | null)[][][];
    for (const lines_ of lines) {
      const line = (lines_[row] ??= []);
      while (line.length < width) line.push(null);
    }
    for (let c = 0; c < area.columnCount; c++) {
      grid.values[row][area.columnIndex + c] = toCellValue(values[r][c]);
      grid.formulas[row][area.columnIndex + c] = toFormula(formulas[r][c]);
      grid.numberFormats![row][area.columnIndex + c] = toFormat(formats[r][c]);
    }
  }
}
