/**
 * Patch one worksheet part (issue 13): replace exactly the cells a WritePlan writes, leave every
 * other row, cell, merge, conditional format, validation, protection and extension as it was.
 * Rows are found by a scan of <sheetData>; only the rows Beregn writes into are rebuilt.
 */
import { a1, parseA1, parseRange, rangeA1 } from "../workbook/grid";
import type { WriteCell } from "../workbook/types";
import { FileRefusal } from "./errors";
import { shiftFormula } from "./formula";
import { StylesPatch } from "./styles";
import { cellText } from "../engine/quote";
import { attrsOf, escapeXml, setAttr } from "./xml";

/** row → col → what to write there (0-based). */
export type SheetWrites = Map<number, Map<number, WriteCell>>;

interface RowSpan {
  start: number;
  end: number;
  row: number;
  open: string;
  inner: string;
}

interface CellSpan {
  col: number;
  xml: string;
  open: string;
  inner: string;
}

const ROW_RE = /<((?:\w+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1row>)/g;
const CELL_RE = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;
const openTag = (el: string): string => /^<[^>]*?(?=\/?>)/.exec(el)![0];

// Excel's cell limit, shared with the workbook layer and the Office.js host (src/engine/quote.ts)
export { cellText };

function rowsOf(body: string): RowSpan[] {
  const rows: RowSpan[] = [];
  let prev = -1;
  for (const m of body.matchAll(ROW_RE)) {
    const a = attrsOf(`<row${m[2]}>`);
    const row = a.r !== undefined ? Number(a.r) - 1 : prev + 1;
    prev = row;
    rows.push({ start: m.index, end: m.index + m[0].length, row, open: openTag(m[0]), inner: m[3] ?? "" });
  }
  return rows;
}

function cellsOf(inner: string): CellSpan[] {
  const cells: CellSpan[] = [];
  let prev = -1;
  for (const m of inner.matchAll(CELL_RE)) {
    const a = attrsOf(`<c${m[2]}>`);
    const col = a.r ? parseA1(a.r).col : prev + 1;
    prev = col;
    cells.push({ col, xml: m[0], open: openTag(m[0]), inner: m[3] ?? "" });
  }
  return cells;
}

const sharedMaster = (c: CellSpan): { si: string; text: string } | undefined => {
  const f = /<((?:\w+:)?)f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1f>)/.exec(c.inner);
  if (!f) return undefined;
  const a = attrsOf(`<f${f[2]}>`);
  return a.t === "shared" && a.si !== undefined && (f[3] ?? "") !== "" ? { si: a.si, text: f[3] ?? "" } : undefined;
};

const sharedClone = (c: CellSpan): string | undefined => {
  const f = /<((?:\w+:)?)f\b([^>]*?)(?:\/>|>\s*<\/\1f>)/.exec(c.inner);
  if (!f) return undefined;
  const a = attrsOf(`<f${f[2]}>`);
  return a.t === "shared" && a.si !== undefined ? a.si : undefined;
};

function numberText(v: number, at: string): string {
  // Excel's cells hold doubles only: a value beyond them is a bug upstream, never written as "Infinity"
  if (!Number.isFinite(v)) throw new Error(`skriveplanen skriver et tal uden for Excels område i ${at}`);
  return String(v);
}

export interface PatchContext {
  prefix: string;
  styles: StylesPatch;
  /** Row → height in points for rows Beregn writes wrapped text into (wrappedRowHeights). */
  heights?: Map<number, number>;
}

/** A write of wrapped text (Kontrol's message column). */
export const wrapsText = (w: WriteCell): w is WriteCell & { value: string } => w.wrap === true && typeof w.value === "string";

/** Excel's row height per line of its default 11 pt font (the old ExcelJS host's estimate). */
const POINTS_PER_LINE = 15;

/**
 * The rows that need more than one line for the wrapped text Beregn writes into them, and their
 * height: characters over the column's width (1,1 characters per width unit, as Calibri 11 runs),
 * 15 pt per line. Excel fits such rows itself when it opens the file; LibreOffice prints a row at
 * its stored height, so without it a wrapped message shows its first line only.
 */
export function wrappedRowHeights(xml: string, writes: SheetWrites): Map<number, number> {
  const widths = columnWidthsOf(xml);
  const heights = new Map<number, number>();
  for (const [r, cols] of writes) {
    let lines = 1;
    for (const [c, w] of cols) {
      if (!wrapsText(w)) continue;
      const perLine = Math.max(1, Math.floor((widths.get(c) ?? widths.default) * 1.1));
      const n = (w.value as string).split("\n").reduce((k, part) => k + Math.max(1, Math.ceil(part.length / perLine)), 0);
      lines = Math.max(lines, n);
    }
    if (lines > 1) heights.set(r, POINTS_PER_LINE * lines);
  }
  return heights;
}

/** The sheet's column widths (0-based column → characters) and its default width. */
function columnWidthsOf(xml: string): Map<number, number> & { default: number } {
  const fmt = /<(?:\w+:)?sheetFormatPr\b[^>]*>/.exec(xml);
  const a = fmt ? attrsOf(fmt[0]) : {};
  // Excel's default: baseColWidth 8 characters plus padding
  const fallback = Number(a.defaultColWidth ?? (a.baseColWidth !== undefined ? Number(a.baseColWidth) + 0.71 : 8.43));
  const out = Object.assign(new Map<number, number>(), { default: fallback });
  const cols = /<((?:\w+:)?)cols\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1cols>)/.exec(xml);
  for (const c of (cols?.[2] ?? "").matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
    const ca = attrsOf(c[0]);
    if (ca.width === undefined) continue;
    for (let k = Number(ca.min); k <= Number(ca.max) && k - Number(ca.min) < 16_384; k++) out.set(k - 1, Number(ca.width));
  }
  return out;
}

/** The new XML of one cell, from its old XML (if any) and the write. */
function writeCellXml(
  at: string,
  old: CellSpan | undefined,
  w: WriteCell,
  ctx: PatchContext,
  top: boolean,
): { xml: string; formula: boolean } {
  const p = ctx.prefix;
  let open = old ? old.open : `<${p}c`;
  open = setAttr(open, "r", at);
  if (StylesPatch.touchesStyle(w) || top) {
    const base = Number(attrsOf(open + ">").s ?? 0);
    const s = ctx.styles.styleFor(base, w, top);
    open = setAttr(open, "s", s === 0 ? undefined : String(s));
  }
  if (w.formula === undefined && w.value === undefined) {
    // only a format: the content stays
    return { xml: old && old.inner !== "" ? `${open}>${old.inner}</${p}c>` : `${open}/>`, formula: false };
  }
  for (const drop of ["t", "cm", "vm", "ph"]) open = setAttr(open, drop, undefined);
  if (w.formula !== undefined) {
    // no cached result: Excel (fullCalcOnLoad) and LibreOffice compute it; nothing stale is stored
    return { xml: `${open}><${p}f>${escapeXml(cellText(w.formula.replace(/^=/, "")))}</${p}f></${p}c>`, formula: true };
  }
  const v = w.value;
  if (v === null || v === undefined) return { xml: `${open}/>`, formula: false };
  if (typeof v === "number") return { xml: `${open}><${p}v>${numberText(v, at)}</${p}v></${p}c>`, formula: false };
  if (typeof v === "boolean") return { xml: `${setAttr(open, "t", "b")}><${p}v>${v ? 1 : 0}</${p}v></${p}c>`, formula: false };
  return {
    xml: `${setAttr(open, "t", "inlineStr")}><${p}is><${p}t xml:space="preserve">${escapeXml(cellText(v))}</${p}t></${p}is></${p}c>`,
    formula: false,
  };
}

/** A clone of a shared formula whose master is overwritten gets its own formula (and keeps its cached value). */
function unshareClone(c: CellSpan, row: number, master: { row: number; col: number; text: string }, p: string): string {
  const text = shiftFormula(master.text, row - master.row, c.col - master.col);
  const inner = c.inner.replace(/<((?:\w+:)?)f\b[^>]*?(?:\/>|>\s*<\/\1f>)/, `<${p}f>${text}</${p}f>`);
  return `${c.open}>${inner}</${p}c>`;
}

export interface PatchResult {
  xml: string;
  formulas: boolean;
}

export function patchSheet(xml: string, writes: SheetWrites, ctx: PatchContext): PatchResult {
  const sd = /<((?:\w+:)?)sheetData\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1sheetData>)/.exec(xml);
  if (!sd) throw new FileRefusal("CORRUPT", "filen er beskadiget: et ark mangler <sheetData>");
  const p = sd[1];
  const pctx = { ...ctx, prefix: p };
  const body = sd[3] ?? "";
  const rows = rowsOf(body);
  const byRow = new Map(rows.map((r) => [r.row, r]));

  // shared-formula masters about to be overwritten: their clones must get their own formula first
  const masters = new Map<string, { row: number; col: number; text: string }>();
  for (const [r, cols] of writes) {
    const span = byRow.get(r);
    if (!span || !span.inner.includes("shared")) continue;
    for (const c of cellsOf(span.inner)) {
      const w = cols.get(c.col);
      if (!w || (w.formula === undefined && w.value === undefined)) continue;
      const m = sharedMaster(c);
      if (m) masters.set(m.si, { row: r, col: c.col, text: m.text });
    }
  }
  const touched = new Set<number>(writes.keys());
  if (masters.size)
    for (const span of rows)
      if (span.inner.includes("shared") && cellsOf(span.inner).some((c) => masters.has(sharedClone(c) ?? "\0"))) touched.add(span.row);

  let formulas = false;
  const rebuilt = new Map<number, string>();
  for (const r of touched) {
    const span = byRow.get(r);
    const cols = writes.get(r) ?? new Map<number, WriteCell>();
    // a height the user set stays: only a row without one is fitted to Beregn's wrapped text
    const userHeight = span !== undefined && /^(1|true)$/.test(attrsOf(span.open + ">").customHeight ?? "");
    const height = userHeight ? undefined : ctx.heights?.get(r);
    // the row's other cells at the top, beside the first line of its wrapped text (both hosts)
    const wrappedRow = [...cols.values()].some(wrapsText);
    const cells = span ? cellsOf(span.inner) : [];
    const out = new Map<number, string>();
    for (const c of cells) {
      const si = sharedClone(c);
      const master = si !== undefined ? masters.get(si) : undefined;
      out.set(
        c.col,
        master && !cols.has(c.col) ? unshareClone(c, r, master, p) : setAttr(c.open, "r", a1(r, c.col)) + c.xml.slice(c.open.length),
      );
    }
    for (const [col, w] of cols) {
      const res = writeCellXml(
        a1(r, col),
        cells.find((c) => c.col === col),
        w,
        pctx,
        wrappedRow,
      );
      formulas = formulas || res.formula;
      out.set(col, res.xml);
    }
    const rest = span ? span.inner.replace(CELL_RE, "") : "";
    const cellXml = [...out.entries()]
      .sort((x, y) => x[0] - y[0])
      .map((e) => e[1])
      .join("");
    let open = span ? span.open : `<${p}row`;
    open = setAttr(setAttr(open, "r", String(r + 1)), "spans", undefined);
    if (height !== undefined) open = setAttr(setAttr(open, "ht", String(height)), "customHeight", "1");
    rebuilt.set(r, `${open}>${cellXml}${rest.trim() === "" ? "" : rest}</${p}row>`);
  }

  // the new body: untouched rows as they were, rebuilt ones in place, new ones in row order
  const fresh = [...touched].filter((r) => !byRow.has(r)).sort((x, y) => x - y);
  let newBody = "";
  let at = 0;
  let k = 0;
  for (const span of rows) {
    while (k < fresh.length && fresh[k] < span.row) newBody += rebuilt.get(fresh[k++])!;
    newBody += body.slice(at, span.start) + (rebuilt.get(span.row) ?? body.slice(span.start, span.end));
    at = span.end;
  }
  newBody += body.slice(at);
  while (k < fresh.length) newBody += rebuilt.get(fresh[k++])!;

  const sheetData = `<${p}sheetData${sd[2]}>${newBody}</${p}sheetData>`;
  let next = xml.slice(0, sd.index) + sheetData + xml.slice(sd.index + sd[0].length);
  next = widenDimension(next, writes);
  return { xml: next, formulas };
}

/** <dimension ref> grown to cover the written cells (some readers trust it). */
function widenDimension(xml: string, writes: SheetWrites): string {
  const m = /<((?:\w+:)?)dimension\b[^>]*?\/>/.exec(xml);
  if (!m || writes.size === 0) return xml;
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  const ref = attrsOf(m[0]).ref;
  try {
    if (ref) ({ r1, c1, r2, c2 } = parseRange(ref));
  } catch {
    // an unreadable dimension is replaced
  }
  for (const [r, cols] of writes)
    for (const c of cols.keys()) {
      r1 = Math.min(r1, r);
      r2 = Math.max(r2, r);
      c1 = Math.min(c1, c);
      c2 = Math.max(c2, c);
    }
  return xml.slice(0, m.index) + setAttr(m[0], "ref", rangeA1(r1, c1, r2, c2)) + xml.slice(m.index + m[0].length);
}

/** Empty a sheet Beregn owns (the plan's `clear`): no cells, no merges, no hidden rows. */
export function clearSheet(xml: string): string {
  return xml
    .replace(
      /<((?:\w+:)?)sheetData\b([^>]*?)(?:\/>|>[\s\S]*?<\/\1sheetData>)/,
      (_m, p: string, attrs: string) => `<${p}sheetData${attrs}/>`,
    )
    .replace(/<((?:\w+:)?)mergeCells\b[^>]*?(?:\/>|>[\s\S]*?<\/\1mergeCells>)/, "");
}

/**
 * Empty the given cells of a sheet Beregn owns (the plan's `clearCells`): their <c> elements go,
 * content and style; every other cell and row stays as it was (the user's text on Beregn's sheets).
 */
export function clearCells(xml: string, ranges: string[]): string {
  if (ranges.length === 0) return xml;
  const boxes = ranges.map((x) => parseRange(x));
  const sd = /<((?:\w+:)?)sheetData\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1sheetData>)/.exec(xml);
  if (!sd || sd[3] === undefined) return xml;
  const body = sd[3];
  let out = "";
  let at = 0;
  for (const span of rowsOf(body)) {
    const hit = boxes.filter((b) => b.r1 <= span.row && span.row <= b.r2);
    if (hit.length === 0) continue;
    // cellsOf knows a cell's column when a producer left out its r attribute; the kept cells get one
    const kept = cellsOf(span.inner)
      .filter((c) => !hit.some((b) => b.c1 <= c.col && c.col <= b.c2))
      .map((c) => setAttr(c.open, "r", a1(span.row, c.col)) + c.xml.slice(c.open.length));
    const rest = span.inner.replace(CELL_RE, "");
    const inner = kept.join("") + (rest.trim() === "" ? "" : rest);
    out += body.slice(at, span.start) + (inner.trim() === "" ? `${span.open}/>` : `${span.open}>${inner}</${sd[1]}row>`);
    at = span.end;
  }
  out += body.slice(at);
  return xml.slice(0, sd.index) + `<${sd[1]}sheetData${sd[2]}>${out}</${sd[1]}sheetData>` + xml.slice(sd.index + sd[0].length);
}

/** Set column widths (0-based columns, characters): a <col> spanning several columns is split. */
export function patchColumnWidths(xml: string, widths: Map<number, number>): string {
  if (widths.size === 0) return xml;
  const m = /<((?:\w+:)?)cols\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1cols>)/.exec(xml);
  const p = m?.[1] ?? /<((?:\w+:)?)sheetData\b/.exec(xml)?.[1] ?? "";
  const cols: { min: number; max: number; open: string }[] = [];
  for (const c of (m?.[2] ?? "").matchAll(/<((?:\w+:)?)col\b[^>]*?(?:\/>|>[\s\S]*?<\/\1col>)/g)) {
    const a = attrsOf(c[0]);
    cols.push({ min: Number(a.min), max: Number(a.max), open: openTag(c[0]) });
  }
  for (const [col0, width] of widths) {
    const col = col0 + 1;
    const i = cols.findIndex((c) => c.min <= col && col <= c.max);
    const w = (open: string): string => setAttr(setAttr(open, "width", String(width)), "customWidth", "1");
    if (i < 0) {
      cols.push({ min: col, max: col, open: w(`<${p}col min="${col}" max="${col}"`) });
      continue;
    }
    const c = cols[i];
    const parts: { min: number; max: number; open: string }[] = [];
    if (c.min < col) parts.push({ ...c, max: col - 1 });
    parts.push({ min: col, max: col, open: w(c.open) });
    if (col < c.max) parts.push({ ...c, min: col + 1 });
    cols.splice(i, 1, ...parts);
  }
  cols.sort((x, y) => x.min - y.min);
  const body = cols.map((c) => `${setAttr(setAttr(c.open, "min", String(c.min)), "max", String(c.max))}/>`).join("");
  const el = `<${p}cols>${body}</${p}cols>`;
  if (m) return xml.slice(0, m.index) + el + xml.slice(m.index + m[0].length);
  // <cols> comes right before <sheetData>
  return xml.replace(/<((?:\w+:)?)sheetData\b/, (s) => el + s);
}

/** Whether the sheet part's protection is on. */
export function sheetIsProtected(xml: string): boolean {
  const m = /<(?:\w+:)?sheetProtection\b[^>]*>/.exec(xml);
  if (!m) return false;
  const v = attrsOf(m[0]).sheet;
  return v === "1" || v === "true";
}

/** CT_Worksheet's children in the order the schema requires. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Put `el` (a child of <worksheet> named `local`) where the schema wants it, replacing one already there. */
export function setWorksheetChild(xml: string, local: string, el: string | ((old: string | undefined) => string)): string {
  const own = new RegExp(`<((?:\\w+:)?)${local}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1${local}>)`).exec(xml);
  const text = typeof el === "string" ? el : el(own?.[0]);
  if (own) return xml.slice(0, own.index) + text + xml.slice(own.index + own[0].length);
  for (const later of WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(local) + 1)) {
    const m = new RegExp(`<(?:\\w+:)?${later}\\b`).exec(xml);
    if (m) return xml.slice(0, m.index) + text + xml.slice(m.index);
  }
  const end = /<\/(?:\w+:)?worksheet>/.exec(xml);
  if (!end) throw new FileRefusal("CORRUPT", "filen er beskadiget: et ark mangler </worksheet>");
  return xml.slice(0, end.index) + text + xml.slice(end.index);
}
