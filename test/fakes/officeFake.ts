/**
 * An in-memory fake of the Excel objects Beregn uses (DESIGN.md "Office.js host"), backed by
 * Grids. It behaves like Office.js where the add-in could get it wrong:
 *  - nothing happens until context.sync(): operations are queued and run in order;
 *  - reading a property that was not load()-ed and sync()-ed throws PropertyNotLoaded;
 *  - a failing operation rejects the sync, and the operations before it stay applied;
 *  - on Excel on the web (platform "web") a request or response over 5 MB is refused whole;
 *  - a range of more than 5.000.000 cells cannot be read (RangeExceedsLimit, or `values` null);
 *  - writing to a protected sheet is AccessDenied; while a cell is edited every sync fails
 *    unless the run asked for delayForCellEdit;
 *  - the rest of test/fakes/README.md's table, each row with the page that documents it.
 * It counts syncs and bytes (UTF-8 of the JSON of each queued operation) so tests can hold the
 * host to DESIGN.md's budgets. Plain TypeScript with no Node APIs, so it also runs in the browser
 * (officeFakeBrowser.ts).
 */
import { FakeNoteCollection, FakePageLayout, FakeWorkbookNotes, type FakePageSetup } from "./officeNotes";
import type { CellValue, Grid } from "../../src/workbook/types";

type ExcelVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string | null;
  bold?: boolean;
}

export class FakeOfficeError extends Error {
  public readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(
    public readonly code: string,
    message: string,
    errorLocation = "",
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---------------------------------------------------------------------------------------------
// The workbook's data

export class FakeSheet {
  cells: (FakeCell | undefined)[][] = [];
  /** Merged areas; only the top-left cell of each holds content. */
  merges: Box[] = [];
  /** Notes by cell address (ExcelApi 1.18; officeNotes.ts). */
  notes = new Map<string, string>();
  /** Print setup (ExcelApi 1.9; officeNotes.ts). */
  pageLayout: FakePageSetup = {};
  columnWidths = new Map<number, number>();
  /** Content changed since formulas were last computed: Excel recalculates before it answers. */
  dirty = false;
  constructor(
    public name: string,
    public visibility: ExcelVisibility = "Visible",
    public protected_ = false,
  ) {}

  get(r: number, c: number): FakeCell | undefined {
    return this.cells[r]?.[c];
  }

  set(r: number, c: number, patch: Partial<FakeCell>): void {
    // rows are a sparse array, as Excel stores only the rows it has: a stray cell in XFD1048576
    // costs one row, not a million
    const row = (this.cells[r] ??= []);
    const cur = row[c] ?? { value: null, formula: null, numberFormat: null };
    row[c] = { ...cur, ...patch };
  }

  /** Excel's used range: the bounding box of cells with content (and, unless valuesOnly, format). */
  usedBox(
    valuesOnly: boolean,
    within?: { r0: number; c0: number; r1: number; c1: number },
  ): { r0: number; c0: number; r1: number; c1: number } | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    this.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const has =
          cell.value !== null || cell.formula !== null || (!valuesOnly && (cell.numberFormat !== null || cell.bold !== undefined));
        if (!has) return;
        if (within && (r < within.r0 || r > within.r1 || c < within.c0 || c > within.c1)) return;
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }),
    );
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
}

export interface FakeStats {
  syncs: number;
  /** Request payload: JSON of every queued operation with its arguments. */
  bytesSent: number;
  /** Response payload: JSON of every loaded value. */
  bytesReceived: number;
  /** Request bytes of each sync, in order. */
  batches: number[];
  /** The most cells one load of values, formulas or number formats asked for (a Range or an area). */
  largestRead: number;
}

export interface InjectedFailure {
  /** The failing operation's index in the next batch that has that many operations. */
  atOp: number;
  code: string;
  message: string;
}

const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** "Resource limits and performance optimization for Office Add-ins": a range read is limited to 5.000.000 cells. */
export const CELL_LIMIT = 5_000_000;

/** Excel on the web, on Windows, on Mac: the payload limit is the web's only. */
export type FakePlatform = "web" | "windows" | "mac";

/**
 * The UTF-8 length of a string: Excel counts request and response bytes as sent. The platform's
 * own encoder, not the host's utf8Length, so the fake is an independent measure of the host.
 */
const encoder = new TextEncoder();
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** Excel.RunOptions as Beregn uses them (ExcelApi 1.11 and 1.20). */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/**
 * The APIs of "Undo capabilities in Excel add-ins" (Unsupported APIs) that Beregn calls: on
 * Windows and Mac they clear the user's undo history, and grouped they throw UndoNotSupported.
 */
const UNDO_UNSUPPORTED = new Set(["Worksheet.visibility", "Worksheet.delete"]);

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  selection: { sheet: string; address: string } = { sheet: "", address: "A1" };
  activeSheet = "";
  /** The sheet the running batch activated (reset at each sync). */
  activatedInBatch: string | undefined;
  stats: FakeStats = { syncs: 0, bytesSent: 0, bytesReceived: 0, batches: [], largestRead: 0 };
  /** While true every sync fails as Excel does when a cell is being edited. */
  editMode = false;
  /** Excel on the web (payload limit), Windows or Mac. */
  platform: FakePlatform = "web";
  /** The highest ExcelApi requirement set this Excel supports (officeGlobals' isSetSupported). */
  apiVersion = "1.20";
  /** How a read over CELL_LIMIT cells fails: thrown RangeExceedsLimit, or `values` null. */
  cellLimitFailure: "throw" | "null" = "throw";
  /** Workbook structure protection (Gennemse › Beskyt projektmappe). */
  structureProtected = false;
  /** A multi-area selection: getSelectedRange throws, getActiveCell still answers. */
  multiSelection = false;
  /** The user's undo stack: one entry per ungrouped operation that changes the workbook, one per group. */
  undoSteps = 0;
  /** An API without undo support ran outside the web: Excel cleared the user's undo history. */
  undoCleared = false;
  private failure: InjectedFailure | undefined;
  private batchReceived = 0;
  private waiters: (() => void)[] = [];

  /** Ends cell edit mode: batches that waited (delayForCellEdit) run now. */
  endEdit(): void {
    this.editMode = false;
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when cell edit mode ends. */
  whenNotEditing(): Promise<void> {
    return this.editMode ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }

  static fromGrids(grids: readonly Grid[]): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const g of grids) {
      const s = new FakeSheet(
        g.name,
        g.visibility === "veryHidden" ? "VeryHidden" : g.visibility === "hidden" ? "Hidden" : "Visible",
        !!g.protected,
      );
      const rows = Math.max(g.values.length, g.formulas.length);
      for (let r = 0; r < rows; r++) {
        const width = Math.max(g.values[r]?.length ?? 0, g.formulas[r]?.length ?? 0, g.numberFormats?.[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          // Excel has no empty-text constant: "" is an empty cell
          const raw = g.values[r]?.[c] ?? null;
          const value = raw === "" ? null : raw;
          const formula = g.formulas[r]?.[c] ?? null;
          const numberFormat = g.numberFormats?.[r]?.[c] ?? null;
          if (value !== null || formula !== null || numberFormat !== null) s.set(r, c, { value, formula, numberFormat });
        }
      }
      for (const [address, text] of Object.entries(g.notes ?? {})) s.notes.set(address, text);
      for (const m of g.merges ?? []) {
        const box = parseA1(m);
        if (!box) throw new Error(`bad merge ${m}`);
        s.merges.push(box);
        // Excel keeps a merged area's content in its top-left cell only
        for (let r = box.r0; r <= box.r1; r++)
          for (let c = box.c0; c <= box.c1; c++) if ((r !== box.r0 || c !== box.c0) && s.get(r, c)) s.cells[r][c] = undefined;
      }
      wb.sheets.push(s);
    }
    const first = wb.sheets.find((s) => s.visibility === "Visible");
    wb.activeSheet = first?.name ?? "";
    wb.selection = { sheet: wb.activeSheet, address: "A1" };
    return wb;
  }

  /** The workbook as Grids, trimmed to what each sheet holds (the shape readGrids gives). */
  toGrids(): Grid[] {
    return this.sheets.map((s) => {
      if (s.dirty) recalc(s);
      const box = s.usedBox(false);
      const grid: Grid = {
        name: s.name,
        visibility: s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible",
        values: [],
        formulas: [],
        numberFormats: [],
        protected: s.protected_,
      };
      if (!box) return grid;
      for (let r = 0; r <= box.r1; r++) {
        const v: CellValue[] = [],
          f: (string | null)[] = [],
          n: (string | null)[] = [];
        for (let c = 0; c <= box.c1; c++) {
          const cell = s.get(r, c);
          v.push(cell?.value ?? null);
          f.push(cell?.formula ?? null);
          n.push(cell?.numberFormat ?? null);
        }
        grid.values.push(v);
        grid.formulas.push(f);
        grid.numberFormats!.push(n);
      }
      if (s.merges.length) grid.merges = s.merges.map(boxAddress);
      if (s.notes.size) grid.notes = Object.fromEntries(s.notes);
      return grid;
    });
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** A cell by "Ark!C12" or sheet + "C12", for assertions. */
  cell(sheet: string, address: string): FakeCell | undefined {
    const p = parseA1(address);
    if (!p) throw new Error(`bad address ${address}`);
    const s = this.sheet(sheet);
    if (s?.dirty) recalc(s);
    return s?.get(p.r0, p.c0);
  }

  injectFailure(f: InjectedFailure): void {
    this.failure = f;
  }

  resetStats(): void {
    this.stats = { syncs: 0, bytesSent: 0, bytesReceived: 0, batches: [], largestRead: 0 };
  }

  context(options: FakeRunOptions = {}): FakeRequestContext {
    return new FakeRequestContext(this, options);
  }

  /**
   * Excel.run(batch) or Excel.run(options, batch): the batch's queued operations that were not
   * synced are synced at the end. A grouped run (mergeUndoGroup) is one step of the user's undo.
   */
  async run<T>(
    a: FakeRunOptions | ((context: FakeRequestContext) => Promise<T>),
    b?: (context: FakeRequestContext) => Promise<T>,
  ): Promise<T> {
    const options = typeof a === "function" ? {} : a;
    const batch = typeof a === "function" ? a : b!;
    const ctx = new FakeRequestContext(this, options);
    const result = await batch(ctx);
    if (ctx.pendingCount > 0) await ctx.sync();
    if (options.mergeUndoGroup && ctx.changed) this.undoSteps++;
    return result;
  }

  /** Runs one batch; called by FakeRequestContext.sync. */
  async execute(ops: Op[], options: FakeRunOptions, ctx: FakeRequestContext): Promise<void> {
    // RunOptions.delayForCellEdit: the batch waits until the user leaves the cell
    if (this.editMode && ops.length > 0 && options.delayForCellEdit) await this.whenNotEditing();
    this.batchReceived = 0;
    this.activatedInBatch = undefined;
    const bytes = ops.reduce((n, op) => n + op.bytes, 0);
    this.stats.syncs++;
    this.stats.batches.push(bytes);
    this.stats.bytesSent += bytes;
    if (this.editMode && ops.length > 0)
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
      );
    if (this.platform === "web" && bytes > PAYLOAD_LIMIT)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    const failure = this.failure && ops.length > this.failure.atOp ? this.failure : undefined;
    if (failure) this.failure = undefined;
    ops.forEach((op, i) => {
      if (failure && i === failure.atOp) throw new FakeOfficeError(failure.code, failure.message, op.name);
      if (options.mergeUndoGroup && UNDO_UNSUPPORTED.has(op.name))
        throw new FakeOfficeError("UndoNotSupported", "The operation doesn't support undo and can't be grouped.", op.name);
      op.run();
      if (op.changes) {
        ctx.changed = true;
        if (!options.mergeUndoGroup) this.undoSteps++;
        if (UNDO_UNSUPPORTED.has(op.name) && this.platform !== "web") this.undoCleared = true;
      }
    });
  }

  /** Counts a loaded value; a response over 5 MB fails as Excel on the web does. */
  noteReceived(value: unknown): void {
    const n = utf8Bytes(JSON.stringify(value ?? null));
    this.stats.bytesReceived += n;
    this.batchReceived += n;
    if (this.platform === "web" && this.batchReceived > PAYLOAD_LIMIT)
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.", "Range.load");
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses (own small parser: the fake must not share the host's bugs)

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function colIndex(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseA1(address: string): Box | undefined {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = local.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2) return undefined;
  const one = (p: string): { r?: number; c?: number } | undefined => {
    const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(p);
    if (!m || (!m[1] && !m[2])) return undefined;
    return { c: m[1] ? colIndex(m[1]) : undefined, r: m[2] ? Number(m[2]) - 1 : undefined };
  };
  const a = one(parts[0]);
  const b = parts.length === 2 ? one(parts[1]) : a;
  if (!a || !b) return undefined;
  // whole columns ("C:C") and whole rows ("3:5")
  const r0 = a.r ?? 0,
    r1 = b.r ?? (a.r === undefined ? MAX_ROW : a.r);
  const c0 = a.c ?? 0,
    c1 = b.c ?? (a.c === undefined ? MAX_COL : a.c);
  if ((a.r === undefined) !== (b.r === undefined) || (a.c === undefined) !== (b.c === undefined)) return undefined;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

function boxAddress(b: Box): string {
  const a = `${colName(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${colName(b.c1)}${b.r1 + 1}`;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// Queued operations and proxies

interface Op {
  name: string;
  bytes: number;
  run: () => void;
  /** The operation changes the workbook (an entry on the user's undo stack). */
  changes: boolean;
}

export class FakeRequestContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  /** Something in this run changed the workbook. */
  changed = false;
  constructor(
    readonly fake: FakeWorkbook,
    readonly options: FakeRunOptions = {},
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  enqueue(name: string, args: unknown, run: () => void): void {
    const changes = !/\.load$|^Range\.select$|^Worksheet\.activate$/.test(name);
    this.queue.push({ name, bytes: utf8Bytes(JSON.stringify({ name, args: args ?? null })), run, changes });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    // Office.js answers asynchronously; keep callers honest about awaiting
    await Promise.resolve();
    await this.fake.execute(ops, this.options, this);
  }

  /** Excel.RequestContext's trackedObjects: a no-op here. */
  trackedObjects = { add: () => undefined, remove: () => undefined };
}

/** Parses load()'s argument into property paths ("items/name", "protection/protected"). */
function loadPaths(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a));
  if (typeof arg === "object") {
    const o = arg as { select?: unknown };
    if (o.select !== undefined) return loadPaths(o.select);
    return Object.keys(arg as object).filter((k) => (arg as Record<string, unknown>)[k]);
  }
  return [];
}

abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(readonly ctx: FakeRequestContext) {}

  protected value<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** Marks a property as loaded with its value (at sync time). */
  protected store(prop: string, v: unknown): void {
    this.ctx.fake.noteReceived(v);
    this.loaded.set(prop, v);
  }
}

/** Workbook.protection (ExcelApi 1.7): `protected` is the structure protection. */
class FakeWorkbookProtection extends Proxy {
  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this.ctx.enqueue("WorkbookProtection.load", paths, () => this.store("protected", this.ctx.fake.structureProtected));
    return this;
  }
  get protected(): boolean {
    return this.value<boolean>("protected");
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }
  /** ExcelApi 1.18 (officeNotes.ts): every note of the workbook. */
  get notes(): FakeWorkbookNotes {
    return new FakeWorkbookNotes(this.ctx, () => this.ctx.fake.sheets);
  }
  /** Workbook.getSelectedRange: throws when the selection is several areas (Ctrl+click). */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const f = this.ctx.fake;
      if (f.multiSelection)
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.", "Workbook.getSelectedRange");
      const s = f.sheet(f.selection.sheet);
      const box = parseA1(f.selection.address);
      if (!s || !box) throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      return { sheet: s, box };
    });
  }
  /** Workbook.getActiveCell (ExcelApi 1.7): the active cell, whatever the selection's shape. */
  getActiveCell(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const f = this.ctx.fake;
      const s = f.sheet(f.selection.sheet);
      const box = parseA1(f.selection.address);
      if (!s || !box) throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      return { sheet: s, box: { r0: box.r0, c0: box.c0, r1: box.r0, c1: box.c0 } };
    });
  }
}

function structureLocked(fake: FakeWorkbook, op: string): void {
  if (fake.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected: its structure can't be changed.", op);
}

class FakeWorksheetCollection extends Proxy {
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.fake.sheet(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist.`, `Worksheets.getItem(${name})`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheet(name) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheet(this.ctx.fake.activeSheet) ?? null);
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const fake = this.ctx.fake;
    this.ctx.enqueue("Worksheets.add", { name }, () => {
      structureLocked(fake, "Worksheets.add");
      const n = name ?? `Ark${fake.sheets.length + 1}`;
      if (fake.sheet(n))
        throw new FakeOfficeError("ItemAlreadyExists", "A resource with the same name or identifier already exists.", "Worksheets.add");
      if (n.length > 31 || /[\\/?*[\]:]/.test(n))
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", "Worksheets.add");
      created = new FakeSheet(n);
      fake.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", "Worksheet");
      return created;
    });
  }

  get items(): FakeWorksheet[] {
    return this.value<FakeWorksheet[]>("items");
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    this.ctx.enqueue("Worksheets.load", paths, () => {
      const items = this.ctx.fake.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.fill(itemPaths.length ? itemPaths : ["name", "visibility", "position"]);
        return ws;
      });
      this.loaded.set("items", items);
    });
    return this;
  }
}

class FakeWorksheetProtection extends Proxy {
  get protected(): boolean {
    return this.value<boolean>("protected");
  }
  setLoaded(v: boolean): void {
    this.store("protected", v);
  }
}

export class FakeWorksheet extends Proxy {
  readonly protection: FakeWorksheetProtection;
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
    this.protection = new FakeWorksheetProtection(ctx);
  }

  private must(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", "Worksheet");
    return s;
  }

  /** Loads properties now (inside a running operation). */
  fill(paths: string[]): void {
    const s = this.resolve();
    this.loaded.set("isNullObject", !s);
    if (!s) return;
    for (const p of paths) {
      if (p === "name") this.store("name", s.name);
      else if (p === "visibility") this.store("visibility", s.visibility);
      else if (p === "position") this.store("position", this.ctx.fake.sheets.indexOf(s));
      else if (p === "protection/protected" || p === "protection") this.protection.setLoaded(s.protected_);
      else throw new FakeOfficeError("InvalidArgument", `Unknown property '${p}' on Worksheet`);
    }
  }

  /** ExcelApi 1.18 (officeNotes.ts). */
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.ctx, () => this.must());
  }
  /** ExcelApi 1.9 (officeNotes.ts). */
  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.ctx, () => this.must());
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this.ctx.enqueue("Worksheet.load", paths, () => this.fill(paths.length ? paths : ["name", "visibility", "position"]));
    return this;
  }

  get isNullObject(): boolean {
    return this.value<boolean>("isNullObject");
  }
  get name(): string {
    return this.value<string>("name");
  }
  get visibility(): ExcelVisibility {
    return this.value<ExcelVisibility>("visibility");
  }
  set visibility(v: ExcelVisibility) {
    this.ctx.enqueue("Worksheet.visibility", v, () => {
      const s = this.must();
      structureLocked(this.ctx.fake, "Worksheet.visibility");
      if (v !== "Visible" && this.ctx.fake.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0)
        throw new FakeOfficeError(
          "InvalidOperation",
          "This operation is not permitted for the current object: a workbook needs one visible sheet.",
          "Worksheet.visibility",
        );
      s.visibility = v;
      if (v !== "Visible" && this.ctx.fake.activeSheet === s.name) {
        const other = this.ctx.fake.sheets.find((x) => x.visibility === "Visible")!;
        this.ctx.fake.activeSheet = other.name;
        this.ctx.fake.selection = { sheet: other.name, address: "A1" };
      }
    });
  }

  activate(): void {
    this.ctx.enqueue("Worksheet.activate", null, () => {
      const s = this.must();
      if (s.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "This operation is not permitted for the current object.", "Worksheet.activate");
      this.ctx.fake.activeSheet = s.name;
      this.ctx.fake.activatedInBatch = s.name;
    });
  }

  delete(): void {
    this.ctx.enqueue("Worksheet.delete", null, () => {
      const s = this.must();
      const fake = this.ctx.fake;
      structureLocked(fake, "Worksheet.delete");
      // Worksheet.delete: "If the worksheet's visibility is set to VeryHidden, the delete
      // operation will fail with an InvalidOperation exception."
      if (s.visibility === "VeryHidden")
        throw new FakeOfficeError(
          "InvalidOperation",
          "This operation is not permitted for the current object: a very hidden worksheet can't be deleted.",
          "Worksheet.delete",
        );
      if (fake.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0)
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
      fake.sheets = fake.sheets.filter((x) => x !== s);
      if (fake.activeSheet === s.name) {
        fake.activeSheet = fake.sheets.find((x) => x.visibility === "Visible")!.name;
        fake.selection = { sheet: fake.activeSheet, address: "A1" };
      }
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.must();
      const box = address === undefined || address === "" ? { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL } : parseA1(address);
      if (!box)
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
          `Worksheet.getRange(${address})`,
        );
      return { sheet: s, box };
    });
  }

  /** Worksheet.getRanges (ExcelApi 1.9): several areas by comma-separated addresses. */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const s = this.must();
      const parts = address.split(",").map((a) => a.trim());
      if (parts.some((a) => !parseA1(a)))
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
          "Worksheet.getRanges",
        );
      return { sheet: s, addresses: parts };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.must();
      return { sheet: s, box: s.usedBox(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.must();
      const box = s.usedBox(valuesOnly);
      return box ? { sheet: s, box } : null;
    });
  }

  /** Case-insensitive substring search over values (what completeMatch: false, matchCase: false does). */
  findAllOrNullObject(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean }): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const s = this.must();
      // Excel's find searches the visible sheets only: a hidden sheet has no hits
      if (s.visibility !== "Visible") return null;
      if (s.dirty) recalc(s);
      const hits: string[] = [];
      const needle = criteria.matchCase ? text : text.toLowerCase();
      s.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell || cell.value === null) return;
          const hay = criteria.matchCase ? String(cell.value) : String(cell.value).toLowerCase();
          if (criteria.completeMatch ? hay === needle : hay.includes(needle)) hits.push(boxAddress({ r0: r, c0: c, r1: r, c1: c }));
        }),
      );
      return hits.length ? { sheet: s, addresses: hits } : null;
    });
  }
}

/**
 * The cells of `boxes` that hold a constant ("Constants": a value, no formula) or a formula
 * ("Formulas"), as rectangular areas: Range.getSpecialCells (ExcelApi 1.9). How Excel cuts the
 * cells into areas is not documented; the fake gives each row's runs of adjacent cells, runs with
 * the same columns in consecutive rows joined into one area. Only the cells the sheet holds are
 * visited, so a whole-sheet search costs what the sheet holds.
 */
function specialCells(sheet: FakeSheet, boxes: Box[], cellType: string): string[] {
  if (cellType !== "Constants" && cellType !== "Formulas")
    throw new FakeOfficeError("InvalidArgument", `The fake models Constants and Formulas only, not '${cellType}'`, "Range.getSpecialCells");
  if (sheet.dirty) recalc(sheet);
  const runs: Box[] = [];
  sheet.cells.forEach((row, r) => {
    let run: Box | undefined;
    row.forEach((cell, c) => {
      const hit =
        !!cell &&
        (cellType === "Formulas" ? cell.formula !== null : cell.formula === null && cell.value !== null) &&
        boxes.some((b) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1);
      if (hit && run && run.c1 === c - 1) run.c1 = c;
      else if (hit) runs.push((run = { r0: r, c0: c, r1: r, c1: c }));
    });
  });
  const areas: Box[] = [];
  for (const run of runs) {
    const above = areas.find((a) => a.r1 === run.r0 - 1 && a.c0 === run.c0 && a.c1 === run.c1);
    if (above) above.r1 = run.r1;
    else areas.push(run);
  }
  return areas.map(boxAddress);
}

/** RangeAreas.areas (ExcelApi 1.9): a RangeCollection whose items load as ranges do. */
class FakeRangeCollection extends Proxy {
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => RangeTarget[],
  ) {
    super(ctx);
  }
  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    this.ctx.enqueue("RangeCollection.load", paths, () => {
      this.loaded.set(
        "items",
        this.resolve().map((t) => {
          const range = new FakeRange(this.ctx, () => t);
          range.fill(t, itemPaths.length ? itemPaths : ["address"]);
          return range;
        }),
      );
    });
    return this;
  }
  get items(): FakeRange[] {
    return this.value<FakeRange[]>("items");
  }
}

class FakeRangeAreas extends Proxy {
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => { sheet: FakeSheet; addresses: string[] } | null,
  ) {
    super(ctx);
  }
  private boxes(): { sheet: FakeSheet; boxes: Box[] } | null {
    const x = this.resolve();
    return x ? { sheet: x.sheet, boxes: x.addresses.map((a) => parseA1(a)!) } : null;
  }
  /**
   * The areas as ranges. On a null object (no special cells) the collection has no items: the
   * reference does not say what a null object's navigation properties give (checklist).
   */
  private areas_: FakeRangeCollection | undefined;
  get areas(): FakeRangeCollection {
    // a navigation property is one object, as Office.js's proxies are
    return (this.areas_ ??= new FakeRangeCollection(this.ctx, () => {
      const x = this.boxes();
      return x ? x.boxes.map((box) => ({ sheet: x.sheet, box })) : [];
    }));
  }
  /** RangeAreas.getSpecialCellsOrNullObject: the special cells of all the areas; a null object when none. */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const x = this.boxes();
      if (!x) return null;
      const found = specialCells(x.sheet, x.boxes, cellType);
      return found.length ? { sheet: x.sheet, addresses: found } : null;
    });
  }
  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this.ctx.enqueue("RangeAreas.load", paths, () => {
      const x = this.resolve();
      this.loaded.set("isNullObject", !x);
      if (!x) return;
      for (const p of paths.length ? paths : ["address", "areaCount"]) {
        if (p === "areaCount") this.store("areaCount", x.addresses.length);
        else if (p === "address") this.store("address", x.addresses.map((a) => `${sheetPrefix(x.sheet.name)}!${a}`).join(","));
        else throw new FakeOfficeError("InvalidArgument", `Unknown property '${p}' on RangeAreas`);
      }
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.value<boolean>("isNullObject");
  }
  get areaCount(): number {
    return this.value<number>("areaCount");
  }
  get address(): string {
    return this.value<string>("address");
  }
}

type RangeTarget = { sheet: FakeSheet; box: Box };

const RANGE_PROPS = ["address", "values", "formulas", "numberFormat", "rowIndex", "columnIndex", "rowCount", "columnCount"];

/** Cells of a huge range (a whole sheet) are not materialised: only what exists is touched. */
const MATERIALISE_LIMIT = 2_000_000;

export class FakeRange extends Proxy {
  readonly format: {
    font: { bold: boolean };
    columnWidth: number;
  };
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => RangeTarget | null,
  ) {
    super(ctx);
    const self = this;
    const font = {
      get bold(): boolean {
        return self.value<boolean>("format/font/bold");
      },
      set bold(v: boolean) {
        self.write("Range.format.font.bold", v, (t) => {
          for (let r = t.box.r0; r <= t.box.r1; r++) for (let c = t.box.c0; c <= t.box.c1; c++) t.sheet.set(r, c, { bold: v });
        });
      },
    };
    this.format = {
      font,
      get columnWidth(): number {
        return self.value<number>("format/columnWidth");
      },
      set columnWidth(w: number) {
        self.write(
          "Range.format.columnWidth",
          w,
          (t) => {
            for (let c = t.box.c0; c <= Math.min(t.box.c1, MAX_COL); c++) t.sheet.columnWidths.set(c, w);
          },
          true,
        );
      },
    };
  }

  private target(): RangeTarget {
    const t = this.resolve();
    if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", "Range");
    return t;
  }

  /** Queues a write; refused on a protected sheet as Excel does. */
  private write(name: string, args: unknown, apply: (t: RangeTarget) => void, formatOnly = false): void {
    this.ctx.enqueue(name, args, () => {
      const t = this.target();
      if (t.sheet.protected_ && !formatOnly)
        throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", name);
      apply(t);
    });
  }

  private matrix<T>(name: string, m: T[][], each: (t: RangeTarget, r: number, c: number, v: T) => void): void {
    this.write(name, m, (t) => {
      const rows = t.box.r1 - t.box.r0 + 1,
        cols = t.box.c1 - t.box.c0 + 1;
      if (!Array.isArray(m) || m.length !== rows || m.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
          name,
        );
      // null in a 2-D array leaves that cell as it is (Range.values, formulas, numberFormat)
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) if (m[r][c] !== null && m[r][c] !== undefined) each(t, t.box.r0 + r, t.box.c0 + c, m[r][c]);
      t.sheet.dirty = true;
    });
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this.ctx.enqueue("Range.load", paths, () => this.fill(this.resolve(), paths));
    return this;
  }

  /** Loads properties now (inside a running operation): Range.load, and RangeCollection.load for each area. */
  fill(t: RangeTarget | null, paths: string[]): void {
    {
      this.loaded.set("isNullObject", !t);
      if (!t) return;
      const { sheet, box } = t;
      if (sheet.dirty) recalc(sheet);
      const cellCount = (box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1);
      const cellData = paths.some((p) => ["values", "formulas", "numberFormat"].includes(p));
      let overLimit = false;
      if (cellData) this.ctx.fake.stats.largestRead = Math.max(this.ctx.fake.stats.largestRead, cellCount);
      if (cellData && cellCount > CELL_LIMIT) {
        // "Resource limits …": more than 5.000.000 cells in one read fails on every platform
        if (this.ctx.fake.cellLimitFailure === "throw")
          throw new FakeOfficeError(
            "RangeExceedsLimit",
            "The cell count in the range has exceeded the maximum supported number.",
            "Range.load",
          );
        overLimit = true;
      } else if (cellData && cellCount > MATERIALISE_LIMIT)
        throw new Error(`the fake does not materialise ${cellCount} cells; ask for less`);
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] => {
        const out: T[][] = [];
        for (let r = box.r0; r <= box.r1; r++) {
          const row: T[] = [];
          for (let c = box.c0; c <= box.c1; c++) row.push(f(sheet.get(r, c)));
          out.push(row);
        }
        return out;
      };
      for (const p of paths.length ? paths : RANGE_PROPS) {
        switch (p) {
          case "address":
            this.store(p, `${sheetPrefix(sheet.name)}!${boxAddress(box)}`);
            break;
          case "values":
            this.store(p, overLimit ? null : grid((cell) => cell?.value ?? ""));
            break;
          case "formulas":
            this.store(p, overLimit ? null : grid((cell) => cell?.formula ?? cell?.value ?? ""));
            break;
          case "numberFormat":
            this.store(p, overLimit ? null : grid((cell) => cell?.numberFormat ?? "General"));
            break;
          case "rowIndex":
            this.store(p, box.r0);
            break;
          case "columnIndex":
            this.store(p, box.c0);
            break;
          case "rowCount":
            this.store(p, box.r1 - box.r0 + 1);
            break;
          case "columnCount":
            this.store(p, box.c1 - box.c0 + 1);
            break;
          case "format/font/bold": {
            const all = grid((cell) => cell?.bold ?? false).flat();
            this.store(p, all.every((b) => b) ? true : all.every((b) => !b) ? false : null);
            break;
          }
          default:
            throw new FakeOfficeError("InvalidArgument", `Unknown property '${p}' on Range`, "Range.load");
        }
      }
    }
  }

  get isNullObject(): boolean {
    return this.value<boolean>("isNullObject");
  }
  get address(): string {
    return this.value<string>("address");
  }
  get rowIndex(): number {
    return this.value<number>("rowIndex");
  }
  get columnIndex(): number {
    return this.value<number>("columnIndex");
  }
  get rowCount(): number {
    return this.value<number>("rowCount");
  }
  get columnCount(): number {
    return this.value<number>("columnCount");
  }
  get values(): CellValue[][] {
    return this.value<CellValue[][]>("values");
  }
  set values(m: CellValue[][]) {
    // Excel reads a string that starts with "=" as a formula, whichever property it was set through
    this.matrix("Range.values", m, (t, r, c, v) => setContent(t.sheet, r, c, v));
  }
  get formulas(): unknown[][] {
    return this.value<unknown[][]>("formulas");
  }
  set formulas(m: unknown[][]) {
    this.matrix("Range.formulas", m, (t, r, c, v) => setContent(t.sheet, r, c, v as CellValue));
  }
  get numberFormat(): string[][] {
    return this.value<string[][]>("numberFormat");
  }
  set numberFormat(m: string[][]) {
    this.matrix("Range.numberFormat", m, (t, r, c, v) => t.sheet.set(r, c, { numberFormat: v === "General" || v === "" ? null : v }));
  }

  clear(applyTo: string = "All"): void {
    this.write("Range.clear", applyTo, (t) => {
      const { sheet, box } = t;
      sheet.cells.forEach((row, r) => {
        if (r < box.r0 || r > box.r1) return;
        row.forEach((cell, c) => {
          if (!cell || c < box.c0 || c > box.c1) return;
          if (applyTo === "All") row[c] = undefined;
          else if (applyTo === "Contents") row[c] = { ...cell, value: null, formula: null };
          else if (applyTo === "Formats") row[c] = { ...cell, numberFormat: null, bold: undefined };
        });
      });
      sheet.dirty = true;
    });
  }

  select(): void {
    this.ctx.enqueue("Range.select", null, () => {
      const t = this.target();
      const fake = this.ctx.fake;
      if (t.sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "This operation is not permitted for the current object.", "Range.select");
      // Excel on Windows: a select on a sheet activated in the same batch may leave the selection
      // where it was; activate(), sync(), then select() is reliable
      if (fake.platform === "windows" && fake.activatedInBatch === t.sheet.name) return;
      fake.activeSheet = t.sheet.name;
      fake.selection = { sheet: t.sheet.name, address: boxAddress(t.box) };
    });
  }

  /** Range.getSpecialCells (ExcelApi 1.9): "If no special cells are found, an ItemNotFound error will be thrown." */
  getSpecialCells(cellType: string): FakeRangeAreas {
    const areas = this.getSpecialCellsOrNullObject(cellType);
    this.ctx.enqueue("Range.getSpecialCells", cellType, () => {
      const t = this.target();
      if (!specialCells(t.sheet, [t.box], cellType).length)
        throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", "Range.getSpecialCells");
    });
    return areas;
  }

  /** Range.getSpecialCellsOrNullObject (ExcelApi 1.9): a null object when there are none. */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.target();
      const found = specialCells(t.sheet, [t.box], cellType);
      return found.length ? { sheet: t.sheet, addresses: found } : null;
    });
  }

  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used range of this range; a null object when it has none. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      const used = t.sheet.usedBox(valuesOnly, t.box);
      return used ? { sheet: t.sheet, box: used } : null;
    });
  }

  /**
   * Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas within the range, a null
   * object when there are none; "if the merged areas count in this range is more than 512, then
   * this method will fail to return the result".
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.target();
      const inside = t.sheet.merges.filter((m) => m.r0 <= t.box.r1 && m.r1 >= t.box.r0 && m.c0 <= t.box.c1 && m.c1 >= t.box.c0);
      if (inside.length > 512)
        throw new FakeOfficeError(
          "GeneralException",
          "There was an internal error while processing the request.",
          "Range.getMergedAreasOrNullObject",
        );
      return inside.length ? { sheet: t.sheet, addresses: inside.map(boxAddress) } : null;
    });
  }
}

/** Sets a cell's content as Excel does: "=…" is a formula (its value computed if simple), "" clears. */
function setContent(sheet: FakeSheet, r: number, c: number, v: CellValue): void {
  if (typeof v === "string" && v.startsWith("=") && v.length > 1) {
    // its value is computed by recalc once the whole block is in
    sheet.set(r, c, { formula: v, value: null });
  } else if (v === "" || v === null) {
    sheet.set(r, c, { value: null, formula: null });
  } else {
    sheet.set(r, c, { value: typeof v === "string" ? parseTyped(v) : v, formula: null });
  }
}

/**
 * Text written through the API is parsed as if typed, in the invariant (en-US) culture: numbers
 * with "." decimals and "," thousands, "(12)" as -12, percentages, TRUE/FALSE. A leading
 * apostrophe keeps the rest as text. (Dates are not modelled.)
 */
export function parseTyped(text: string): CellValue {
  if (text.startsWith("'")) return text.slice(1);
  const t = text.trim();
  const num = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/.exec(t);
  if (num && (num[2] || num[3])) return Number(`${num[1]}${(num[2] ?? "0").replace(/,/g, "")}${num[3] ?? ""}`);
  const paren = /^\((\d+(?:\.\d+)?)\)$/.exec(t);
  if (paren) return -Number(paren[1]);
  const pct = /^([+-]?\d+(?:\.\d+)?)%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return text;
}

/** Recomputes every formula of the sheet (small sheets; fine for a fake). */
export function recalc(sheet: FakeSheet): void {
  sheet.dirty = false;
  if (!sheet.cells.some((row) => row.some((cell) => cell?.formula))) return;
  for (let pass = 0; pass < 3; pass++)
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.formula) row[c] = { ...cell, value: evaluate(sheet, cell.formula) };
        void r;
      }),
    );
}

/**
 * A small formula evaluator: numbers, cell references, SUM over ranges, + and -, on one sheet.
 * Enough for the SUM rows Beregn writes; anything else is left without a value (null), as a
 * fake that does not know must.
 */
export function evaluate(sheet: FakeSheet, formula: string): CellValue {
  // HYPERLINK("#'Ark'!A1","text") shows its text (the Kontrol sheet's links)
  const link = /^=\s*HYPERLINK\(\s*"(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\s*\)\s*$/i.exec(formula);
  if (link) return link[1].replace(/""/g, '"');
  const src = formula.slice(1).replace(/\s+/g, "");
  const num = (cell: FakeCell | undefined): number => (typeof cell?.value === "number" ? cell.value : 0);
  const term = (t: string): number | undefined => {
    if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
    const sum = /^SUM\((.*)\)$/i.exec(t);
    if (sum) {
      let total = 0;
      for (const part of sum[1].split(/[,;]/)) {
        const box = parseA1(part);
        if (!box || part.includes("!")) return undefined;
        for (let r = box.r0; r <= Math.min(box.r1, sheet.cells.length); r++)
          for (let c = box.c0; c <= box.c1; c++) total += num(sheet.get(r, c));
      }
      return total;
    }
    const box = /^\$?[A-Z]{1,3}\$?\d+$/i.test(t) ? parseA1(t) : undefined;
    if (box) return num(sheet.get(box.r0, box.c0));
    return undefined;
  };
  // split on top-level + and -
  const tokens: { sign: number; text: string }[] = [];
  let depth = 0,
    cur = "",
    sign = 1;
  for (const ch of src) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if ((ch === "+" || ch === "-") && depth === 0) {
      if (cur) tokens.push({ sign, text: cur });
      else if (ch === "-") {
        sign = -sign;
        continue;
      }
      cur = "";
      sign = ch === "-" ? -1 : 1;
      continue;
    }
    cur += ch;
  }
  if (cur) tokens.push({ sign, text: cur });
  let total = 0;
  for (const t of tokens) {
    const v = term(t.text);
    if (v === undefined) return null;
    total += t.sign * v;
  }
  // binary float noise is fine for t.kr. sums of integers; round it away for the readers
  return Math.round(total * 1e9) / 1e9;
}

// ---------------------------------------------------------------------------------------------
// Globals as the task pane sees them (browser build and jest)

export interface OfficeGlobals {
  Office: unknown;
  Excel: unknown;
  OfficeExtension: unknown;
}

/** "1.9" ≤ "1.12": requirement set versions compare part by part, not as decimals. */
export function versionAtMost(version: string, supported: string): boolean {
  const [a1, a2 = 0] = version.split(".").map(Number);
  const [b1, b2 = 0] = supported.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

export function officeGlobals(fake: FakeWorkbook): OfficeGlobals {
  const info = { host: "Excel", platform: "OfficeOnline" };
  return {
    Office: {
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
      onReady: (cb?: (i: typeof info) => void) =>
        new Promise((resolve) =>
          setTimeout(() => {
            cb?.(info);
            resolve(info);
          }, 0),
        ),
      context: {
        displayLanguage: "da-DK",
        requirements: { isSetSupported: (name: string, v?: string) => name === "ExcelApi" && versionAtMost(v ?? "1.1", fake.apiVersion) },
      },
    },
    Excel: {
      run: <T>(a: FakeRunOptions | ((ctx: FakeRequestContext) => Promise<T>), b?: (ctx: FakeRequestContext) => Promise<T>) =>
        fake.run(a, b),
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
      ErrorCodes: { invalidOperationInCellEditMode: "InvalidOperationInCellEditMode" },
    },
    OfficeExtension: { Error: FakeOfficeError },
  };
}

/** For tests: the fake's context typed as the real one (the host only uses what the fake has). */
export function asExcelContext(ctx: FakeRequestContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}
