/**
 * Finding Tabel 1 ("Forslagets samlede økonomiske konsekvenser", SPEC §2) by its labels, wherever
 * it is on a sheet (DESIGN.md "The workbook the add-in reads"): the year header row, the block
 * markers, the input rows between them, the computed rows and the payback rows by their labels,
 * and the optional columns Styringsområde / Bevilling / Nøgle / Type / Adm. / Udeladt by header.
 */
import Decimal from "decimal.js";
import type { Area, Block } from "../engine/model";
import type { RowInput, YearValuesInput } from "../engine/input";
import { readArea } from "../engine/input";
import { readAmount } from "../engine/amountText";
import { canonicalUnit } from "../engine/units";
import { a1, cellAt, colCount, formulaAt, isBlank, loc, locRange, rowCount, textAt, rowIndices, rowWidth } from "./grid";
import {
  classifyTabel1Label,
  headerRole,
  squeeze,
  inferRowType,
  isMarked,
  isYearish,
  looseYearCell,
  parseYearCell,
  parsePriceLevel,
  parseTypeCell,
  TYPE_NAMES,
  yearRun,
  type OptionalColumn,
  type TotalKind,
} from "./labels";
import type { ComputedRowLayout, InputRowLayout, PaybackLayout, Tabel1Layout } from "./layout";
import { rawAmount, ReadContext } from "./readContext";
import type { CellValue, Grid } from "./types";
import { quoteText } from "../engine/quote";

export interface Tabel1Reading {
  layout: Tabel1Layout;
  ctx: ReadContext;
  rows: RowInput[];
  inferred: string[];
  statedTotals: Record<string, unknown>;
  statedPayback: { service?: string; total?: string };
  priceLevel?: string;
  /** Layout words of the 2016 template ("Varige driftsændringer", "Samlet pengestrøm", "Break Even"). */
  looks2016: boolean;
  /** An "Aggregeret" row (2018 proposals). */
  looks2018: boolean;
}

/** A Tabel 1 header: its year run, the marker below it, and what is wrong with the header row. */
export interface Tabel1Header {
  row: number;
  markerRow: number;
  markerCol: number;
  cols: number[];
  years: number[];
  /** Year cells outside the run (duplicated, swapped, after a gap) and year-like text. */
  stray: { col: number; text: string }[];
  /** Years with text after them ("2024 (budget)"), read as the year. */
  loose: { col: number; text: string }[];
  /** No block heading: the table was recognised by its computed rows (blocks inferred from them). */
  headingMissing: boolean;
  /** The caption above the year row, when there is one ("Tabel 1. Forslagets samlede økonomiske konsekvenser"). */
  caption?: { row: number; col: number; text: string; kind: CaptionKind };
}

export type CaptionKind = "tabel1" | "detail" | "output" | "other";

/**
 * What a caption above a year row says the table is (DESIGN.md; issue 8): Tabel 1 by its words
 * ("samlede økonomiske konsekvenser", "samlet økonomi") or by the number 1 alone; a detail table
 * breaking Tabel 1 down ("Tabel 2. Varige ændringer, service", "… pr. forvaltning", "…
 * investeringer i forslaget"); an output table (Tabel 2.1.1, A–E, 2018's "Tabel 1.4.6.
 * Bevillingsmæssig effekt …", "Fordeling …", "Måltalseffekt"), which never starts a Tabel 1.
 */
export function classifyCaption(text: string): CaptionKind | undefined {
  const s = squeeze(text);
  // an appendix's table ("2.12 BILAG 2 – FORDELINGSNØGLER PÅ SYSTEMER …", 2018 proposal 2) breaks a proposal down; never its Tabel 1
  if (/^(\d+(\.\d+)*\.?\s+)?bilag\s+\d+\b/.test(s)) return "detail";
  const m = /^tabel\s*([0-9][0-9.]*|[a-e]\b|[ivx]+\b)?\s*[.:–-]?\s*(.*)$/.exec(s);
  const words = m ? m[2] : s;
  const number = m?.[1]?.replace(/\.$/, "");
  if (!m && !/^(forslagets samlede|samlet økonomi)/.test(s)) return undefined;
  if (/samlede? økonomi|økonomiske konsekvenser|samlet økonomi/.test(words)) return "tabel1";
  if (
    /^(bevillingsmæssig|måltalseffekt|fordeling|bruttobesparelser|fordelt)/.test(words) ||
    /[a-e]$/.test(number ?? "") ||
    number === "2.1.1"
  )
    return "output";
  // 2018 Forslag 11 (seed 000:5892, 5913): "Tabel 2. Besparelse på efterspørgselsstyret overførsler", "Tabel 4. Besparelser på service"
  if (/^varige (ændringer|driftsændringer)\b|^besparelser? på\b|pr\. forvaltning|per forvaltning|investeringer i forslaget/.test(words))
    return "detail";
  if (number === "1" && words === "") return "tabel1";
  return m ? "other" : undefined;
}

const TABEL1_COMPUTED = new Set(["computed", "subtotal", "payback"]);

/**
 * Rows of a sheet that start a Tabel 1: a row with year cells together with a block heading
 * ("Varige ændringer", "Implementeringsomkostninger") in it or just below, or, without a heading,
 * with Tabel 1's own computed rows beneath (Samlet varig ændring…, Samlede
 * implementeringsomkostninger…, Samlet økonomisk påvirkning, Tilbagebetalingstid…). A year row
 * under an output table's caption never starts one; nor does a detail table's. The longest run of
 * consecutive years is read; year cells outside it are reported, never dropped silently.
 */
export function findTabel1Headers(grid: Grid): Tabel1Header[] {
  const out: Tabel1Header[] = [];
  const n = rowCount(grid);
  const yearCells = (r: number) => rowCells(grid, r).filter((x) => looseYearCell(x.v) !== undefined || isYearish(x.v));
  const isYearRow = (r: number) => yearCells(r).length >= 2;
  let prevYearRow = -1;
  for (const r of rowIndices(grid)) {
    const cells = yearCells(r);
    if (cells.length < 2) continue;
    const above = prevYearRow;
    prevYearRow = r;
    const firstCol = cells[0].c;
    const labelAt = (m: number) => {
      for (let c = 0; c < firstCol; c++) {
        const t = textAt(grid, m, c);
        if (t) return { col: c, text: t, cls: classifyTabel1Label(t) };
      }
      return undefined;
    };
    let marker: { row: number; col: number } | undefined;
    for (let m = r; m <= Math.min(n - 1, r + 4); m++) {
      if (m > r && isYearRow(m)) break;
      const l = labelAt(m);
      if (l && (l.cls?.kind === "permanentMarker" || l.cls?.kind === "implementationMarker")) {
        marker = { row: m, col: l.col };
        break;
      }
    }
    let headingMissing = false;
    if (!marker) {
      // no heading: Tabel 1's computed rows beneath the year row (before the next table) make it one
      let leftmost: number | undefined;
      for (let m = r + 1; m < Math.min(n, r + 60); m++) {
        if (isYearRow(m)) break;
        const l = labelAt(m);
        if (!l) continue;
        if (l.cls?.kind === "otherTable" || l.cls?.kind === "transferTitle" || l.cls?.kind === "detailTotal") break;
        leftmost = leftmost === undefined ? l.col : Math.min(leftmost, l.col);
        if (l.cls && TABEL1_COMPUTED.has(l.cls.kind)) {
          marker = { row: r, col: leftmost };
          headingMissing = true;
          break;
        }
      }
    }
    if (!marker) continue;
    const caption = captionAbove(grid, r, above);
    if (caption && (caption.kind === "output" || caption.kind === "detail")) continue;
    const run = yearRun(grid.values[r] ?? [], 1, 40, true);
    if (!run) continue;
    const inRun = new Set(run.cols);
    const text = (v: CellValue) => (typeof v === "string" ? v.trim() : String(v));
    const markerCol = marker.col;
    out.push({
      row: r,
      markerRow: marker.row,
      markerCol,
      cols: run.cols,
      years: run.years,
      stray: cells.filter((x) => !inRun.has(x.c) && x.c > markerCol).map((x) => ({ col: x.c, text: text(x.v) })),
      loose: cells.filter((x) => inRun.has(x.c) && parseYearCell(x.v) === undefined).map((x) => ({ col: x.c, text: text(x.v) })),
      headingMissing,
      caption,
    });
  }
  return out;
}

/** The non-blank cells of a row, through grid.ts (the Grid may be sparse). */
function rowCells(grid: Grid, r: number): { v: CellValue; c: number }[] {
  const out: { v: CellValue; c: number }[] = [];
  for (let c = 0, width = rowWidth(grid, r); c < width; c++) {
    const v = cellAt(grid, r, c);
    if (!isBlank(v)) out.push({ v, c });
  }
  return out;
}

/** The caption in the rows just above a year row (up to 5, not past the previous table's year row). */
function captionAbove(grid: Grid, row: number, prevYearRow: number): Tabel1Header["caption"] {
  for (let r = row - 1; r >= Math.max(0, row - 5, prevYearRow + 1); r--)
    for (const { v, c } of rowCells(grid, r)) {
      if (typeof v !== "string") continue;
      const kind = classifyCaption(v);
      if (kind) return { row: r, col: c, text: v.trim(), kind };
    }
  // the year row's own label cell can be the caption
  for (const { v, c } of rowCells(grid, row)) {
    if (typeof v !== "string") continue;
    const kind = classifyCaption(v);
    if (kind) return { row, col: c, text: v.trim(), kind };
  }
  return undefined;
}

/** STRUCTURE findings for a broken year header (before the proposal's own findings). */
function headerFindings(grid: Grid, header: Tabel1Header, ctx: ReadContext): void {
  const { row, years } = header;
  if (header.stray.length) {
    const cols = header.stray.map((s) => s.col);
    const list = header.stray.map((s) => `"${quoteText(s.text)}" i ${a1(row, s.col)}`).join(", ");
    ctx.add(
      "STRUCTURE",
      "error",
      `Årsoverskriften i række ${row + 1} er ikke fortløbende (${list}); Beregn læser kun årene ${years[0]}–${years[years.length - 1]}, og tallene i de andre kolonner er ikke medregnet. Ret overskriften, så hvert år står én gang og i rækkefølge`,
      locRange(grid.name, row, Math.min(...cols), row, Math.max(...cols)),
    );
  }
  for (const l of header.loose)
    ctx.add(
      "STRUCTURE",
      "warning",
      `Årstallet "${quoteText(l.text)}" i ${a1(row, l.col)} har tekst efter året; læst som ${years[header.cols.indexOf(l.col)]}`,
      loc(grid.name, row, l.col),
    );
}

const PATHS: Record<TotalKind, string> = {
  permanent: "permanent",
  permanentByArea: "permanentByArea",
  implementation: "implementation",
  implementationByArea: "implementationByArea",
  net: "net",
  aggregated: "aggregated",
};

/** Words that put a row without a heading in the implementation block. */
const IMPLEMENTATION_WORDS = /implementering|investering|projektledelse|tilbagebetalingsplan|engangs|etablering|udvikling/;

/**
 * A stated computed row's values (SPEC §2): the documents leave zeros blank, so in a partly filled
 * row a blank year is 0; only a wholly blank row is "not stated".
 */
function statedSeries(
  grid: Grid,
  ctx: ReadContext,
  r: number,
  yearCols: number[],
  years: number[],
  base: string,
): YearValuesInput | undefined {
  const series: YearValuesInput = {};
  let any = false;
  yearCols.forEach((c, i) => {
    ctx.at(`${base}.${years[i]}`, grid, r, c);
    const v = rawAmount(cellAt(grid, r, c));
    if (v === null) return;
    series[String(years[i])] = v;
    any = true;
  });
  if (!any) return undefined;
  for (const y of years) series[String(y)] ??= 0;
  return series;
}

export function readTabel1(grid: Grid, header: Tabel1Header, stopRow: number): Tabel1Reading {
  const ctx = new ReadContext();
  headerFindings(grid, header, ctx);
  const { row: headerRow, cols: yearCols, years } = header;
  const labelCol = header.markerCol;
  const firstYearCol = yearCols[0];

  // optional columns by their header text, anywhere in the header row outside the year columns
  const cols: Partial<Record<OptionalColumn, number>> = {};
  const width = colCount(grid);
  for (let c = 0; c < width; c++) {
    if (yearCols.includes(c)) continue;
    const t = textAt(grid, headerRow, c);
    const role = t ? headerRole(t) : undefined;
    if (role && cols[role] === undefined) cols[role] = c;
  }
  const optional = new Set(Object.values(cols));
  let priceLevel: string | undefined;
  for (let r = Math.max(0, headerRow - 6); r <= headerRow && !priceLevel; r++)
    for (let c = 0; c < width && !priceLevel; c++) {
      const t = textAt(grid, r, c);
      if (t) priceLevel = parsePriceLevel(t);
    }

  const labelOf = (r: number, from = labelCol): { text: string; col: number } | undefined => {
    for (let c = from; c < firstYearCol; c++) {
      if (optional.has(c)) continue;
      const t = textAt(grid, r, c);
      if (t) return { text: t, col: c };
    }
    return undefined;
  };
  const hasValues = (r: number) => yearCols.some((c) => !isBlank(cellAt(grid, r, c)));
  const hasOptional = (r: number) => [...optional].some((c) => !isBlank(cellAt(grid, r, c)));

  let looks2016 = false;
  let looks2018 = false;
  const rows: RowInput[] = [];
  const inputRows: InputRowLayout[] = [];
  const computed: ComputedRowLayout[] = [];
  const payback: PaybackLayout[] = [];
  const inferred: string[] = [];
  const statedTotals: Record<string, unknown> = {};
  const statedPayback: { service?: string; total?: string } = {};
  let lastRow = headerRow;

  // Each row with numbers is an entry; its block is the heading it stands under, else it is
  // decided by the computed row beneath it (Bilag 8 Forslag 7's Tabel 2 has no heading), or it
  // belongs to the block whose total stands above it (a footnoted row, Bilag 8 Forslag 5).
  interface Entry {
    r: number;
    label?: { text: string; col: number };
    block?: Block;
    markerArea?: Area;
    /** Below its block's total: shown, not counted in it (SPEC §2 "excluded"). */
    belowTotal?: boolean;
    how?: "computed" | "words" | "belowTotal" | "outside";
  }
  const entries: Entry[] = [];
  let pending: Entry[] = [];
  let open: Block | undefined; // the block whose heading we are under, until its total
  let lastClosed: Block | undefined;
  let markerArea: Area | undefined;
  let closed = false; // after Samlet økonomisk påvirkning / Aggregeret / Tilbagebetalingstid
  const headings = { permanent: false, implementation: false };
  const assign = (block: Block | undefined) => {
    for (const e of pending) {
      if (block) {
        e.block = block;
        e.how = "computed";
      } else if (lastClosed && /[*¹²³†]\s*$/u.test(e.label?.text ?? "")) {
        // a footnoted row under its block's total (Bilag 8 Forslag 5 "Indkøbseffektiviseringer**")
        e.block = lastClosed;
        e.belowTotal = true;
        e.how = "belowTotal";
      } else if (lastClosed) {
        e.how = "outside"; // numbers between the blocks with nothing to place them: said, not counted
      } else {
        e.block = IMPLEMENTATION_WORDS.test(squeeze(e.label?.text ?? "")) ? "implementation" : "permanent";
        e.how = "words";
      }
    }
    pending = [];
  };

  for (let r = headerRow + 1; r < stopRow; r++) {
    if (r > header.markerRow && yearRun(grid.values[r] ?? [])) break; // the next table's header
    let label = labelOf(r);
    let cls = label ? classifyTabel1Label(label.text) : undefined;
    if (cls?.kind === "transferTitle" || cls?.kind === "otherTable" || cls?.kind === "detailTotal") break;
    if (cls?.kind === "permanentMarker" || cls?.kind === "implementationMarker") {
      if (closed) break;
      assign(undefined);
      open = cls.kind === "permanentMarker" ? "permanent" : "implementation";
      headings[open] = true;
      markerArea = cls.kind === "implementationMarker" ? cls.area : undefined;
      if (cls.kind === "permanentMarker") looks2016 ||= cls.y2016;
      lastRow = r;
      // a heading in a merged first column stands beside its block's first row (2018 Forslag 3,
      // seed 000:1663/1675: "Implementeringsomkostninger" beside "Udbud 611 164"): that row is read too
      const beside = label && labelOf(r, label.col + 1);
      if (!beside) continue;
      label = beside;
      cls = classifyTabel1Label(beside.text);
      if (cls?.kind === "permanentMarker" || cls?.kind === "implementationMarker") continue;
    }
    if (cls?.kind === "subtotal" || cls?.kind === "computedOther") {
      // per-unit subtotals are checked against their block (totalsCheck), never taken for its total
      if (pending.length) assign(cls.block);
      if (cls.kind === "subtotal") {
        const key = cls.block === "permanent" ? "permanentByUnit" : "implementationByUnit";
        const series = statedSeries(grid, ctx, r, yearCols, years, `stated.totals.${key}.${cls.unit}`);
        if (series) ((statedTotals[key] ??= {}) as Record<string, unknown>)[cls.unit] = series;
      }
      lastRow = r;
      continue;
    }
    if (cls?.kind === "blockTotal") {
      // "Subtotal": the total of the block it closes; under no open block it is not read
      const block = open ?? (pending.length ? "permanent" : undefined);
      if (pending.length) assign(block);
      if (block) {
        computed.push({ row: r, total: block });
        const series = statedSeries(grid, ctx, r, yearCols, years, `stated.totals.${block}`);
        if (series) statedTotals[block] = series;
        lastClosed = block;
      }
      open = undefined;
      lastRow = r;
      continue;
    }
    if (cls?.kind === "computed") {
      looks2016 ||= cls.y2016;
      looks2018 ||= cls.total === "aggregated";
      computed.push({ row: r, total: cls.total, area: cls.area });
      const base = cls.area ? `stated.totals.${PATHS[cls.total]}.${cls.area}` : `stated.totals.${PATHS[cls.total]}`;
      const series = statedSeries(grid, ctx, r, yearCols, years, base);
      if (series) {
        if (cls.area) {
          const byArea = (statedTotals[PATHS[cls.total]] ??= {}) as Record<string, unknown>;
          byArea[cls.area] = series;
        } else statedTotals[PATHS[cls.total]] = series;
      }
      const block: Block | undefined = cls.total.startsWith("permanent")
        ? "permanent"
        : cls.total.startsWith("implementation")
          ? "implementation"
          : undefined;
      if (pending.length) assign(block);
      if (cls.total === "net" || cls.total === "aggregated") {
        closed = true;
        open = undefined;
      } else if (cls.total === "permanent" || cls.total === "implementation") {
        lastClosed = block;
        open = undefined;
      } else if (open !== block) lastClosed = block;
      lastRow = r;
      continue;
    }
    if (cls?.kind === "payback") {
      looks2016 ||= cls.breakEven;
      if (pending.length) assign(undefined);
      // the payback sits in the first non-empty cell right of the label, else the first year column
      // (Word's paste puts "1 år" in the Styringsområde column when the label cell spans it)
      let col = firstYearCol;
      let inOptional: number | undefined;
      for (let c = (label?.col ?? labelCol) + 1; c < width; c++) {
        if (isBlank(cellAt(grid, r, c))) continue;
        if (optional.has(c)) {
          inOptional ??= c;
          continue;
        }
        col = c;
        break;
      }
      if (isBlank(cellAt(grid, r, col)) && inOptional !== undefined) col = inOptional;
      payback.push({ row: r, col, which: cls.which });
      const v = cellAt(grid, r, col);
      if (!isBlank(v)) {
        statedPayback[cls.which] = typeof v === "string" ? v.trim() : String(v);
        ctx.at(`stated.payback.${cls.which}`, grid, r, col);
      }
      closed = true;
      open = undefined;
      lastRow = r;
      continue;
    }
    const values = hasValues(r);
    if (!label && !values && !hasOptional(r)) continue; // spacer row
    if (closed) break; // notes below the table
    if (label && !values && !hasOptional(r)) {
      // a sub-heading or note inside a block, not a row of numbers
      ctx.checkPlaceholder(grid, r, label.col);
      continue;
    }
    lastRow = r;
    const e: Entry = { r, label, markerArea };
    if (open) e.block = open;
    else pending.push(e);
    entries.push(e);
  }
  assign(undefined);

  const how = { computed: [] as number[], words: [] as number[], belowTotal: [] as number[], outside: [] as number[] };
  const outside = entries.filter((e) => e.how === "outside");
  if (outside.length) {
    const first = outside[0];
    const last = outside[outside.length - 1];
    const n = outside.length;
    const col = first.label?.col ?? labelCol;
    ctx.add(
      "STRUCTURE",
      "error",
      `${n === 1 ? "1 række" : `${n} rækker`} med tal (række ${first.r + 1}${n > 1 ? `–${last.r + 1}` : ""}) står uden for blokkene "Varige ændringer" og "Implementeringsomkostninger" og er ikke medregnet; indsæt det manglende mærke over dem`,
      locRange(grid.name, first.r, col, last.r, col),
    );
  }
  for (const e of entries) {
    if (e.how === "outside") continue;
    const index = rows.length;
    const block = e.block as Block;
    const row = readInputRow(grid, ctx, e.r, index, block, e.label, yearCols, years, cols, e.markerArea, inferred);
    if (e.belowTotal) row.excluded = true;
    rows.push(row);
    inputRows.push({ row: e.r, block, index, excluded: row.excluded === true });
    if (e.how) how[e.how].push(e.r);
  }
  const rowList = (rs: number[]) => rs.map((r) => r + 1).join(", ");
  const blockName = (b: Block) => (b === "permanent" ? "Varige ændringer" : "Implementeringsomkostninger");
  const inferredRows = [...how.computed, ...how.words];
  if (inferredRows.length) {
    const blocks = [...new Set(entries.filter((e) => e.how === "computed" || e.how === "words").map((e) => blockName(e.block as Block)))];
    const missing = (["permanent", "implementation"] as const).filter((b) => !headings[b] && entries.some((e) => e.block === b));
    ctx.add(
      "TYPE_INFERRED",
      "info",
      `Tabel 1 mangler overskriften ${missing.length ? missing.map((b) => `"${blockName(b)}"`).join(" og ") : "over nogle rækker"}; række ${rowList(inferredRows)} er læst som ${blocks.map((b) => `"${b}"`).join(" og ")} ud fra ${how.computed.length ? "den beregnede række under dem" : "rækkernes tekst"}`,
      loc(grid.name, inferredRows[0], labelCol),
    );
  }
  if (how.belowTotal.length) {
    const first = entries.find((e) => e.belowTotal) as Entry;
    ctx.add(
      "TYPE_INFERRED",
      "info",
      `Række ${rowList(how.belowTotal)} står under blokkens total og hører til "${blockName(first.block as Block)}", men er ikke regnet med i totalen (vist, ikke medregnet; SPEC §2)`,
      loc(grid.name, first.r, first.label?.col ?? labelCol),
    );
  }

  const layout: Tabel1Layout = {
    sheet: grid.name,
    headerRow,
    labelCol,
    years,
    yearCols,
    cols,
    inputRows,
    computed,
    payback,
    firstRow: headerRow,
    lastRow,
  };
  // the header row's cells that hold something: a blank one is no input, so text Beregn writes
  // further right on the sheet (the status line) does not change the fingerprint by widening it
  for (let c = 0; c < width; c++)
    if (!isBlank(cellAt(grid, headerRow, c)) || formulaAt(grid, headerRow, c) !== null) ctx.useInput(grid, headerRow, c);
  // one note for all numbers typed as text: Excel's SUM leaves them out, so Beregn writes values
  // instead of formulas where they feed a computed cell (writeTabel1.ts)
  if (ctx.textNumbers.length > 0) {
    const first = ctx.textNumbers[0];
    const n = ctx.textNumbers.length;
    ctx.add(
      "UNREADABLE",
      "info",
      // "tal" is the same word in singular and plural; the pronoun is not
      n === 1
        ? `1 tal er skrevet som tekst ("${quoteText(first.text)}" i ${first.location}); Beregn læser det, men Excels SUM tæller det ikke med`
        : `${n} tal er skrevet som tekst (fx "${quoteText(first.text)}" i ${first.location}); Beregn læser dem, men Excels SUM tæller dem ikke med`,
      first.location,
    );
  }
  return { layout, ctx, rows, inferred, statedTotals, statedPayback, priceLevel, looks2016, looks2018 };
}

function readInputRow(
  grid: Grid,
  ctx: ReadContext,
  r: number,
  index: number,
  block: Block,
  label: { text: string; col: number } | undefined,
  yearCols: number[],
  years: number[],
  cols: Partial<Record<OptionalColumn, number>>,
  markerArea: Area | undefined,
  inferred: string[],
): RowInput {
  const path = `rows[${index}]`;
  const row: RowInput = { label: label ? label.text.replace(/[\s\u00a0]+/g, " ").trim() : `Række ${index + 1}`, block, values: {} };
  if (label) {
    ctx.at(`${path}.label`, grid, r, label.col);
    ctx.useInput(grid, r, label.col);
    ctx.checkPlaceholder(grid, r, label.col);
  } else ctx.at(`${path}.label`, grid, r, yearCols[0]);

  let sum = new Decimal(0);
  yearCols.forEach((c, i) => {
    const v = rawAmount(ctx.useInput(grid, r, c));
    ctx.at(`${path}.values.${years[i]}`, grid, r, c);
    const f = formulaAt(grid, r, c);
    if (v === null && f !== null) {
      // a formula never calculated (a file written by a program): its value is unknown, not 0
      ctx.add(
        "UNREADABLE",
        "error",
        `Cellen har formlen ${f.startsWith("=") ? f : `=${f}`}, men ingen beregnet værdi; regnet som 0. Åbn og gem projektmappen i Excel, så værdien kommer med`,
        loc(grid.name, r, c),
      );
      return;
    }
    if (v === null) return;
    // a date-formatted serial already arrives as its date text (ReadContext.useInput)
    row.values[String(years[i])] = v;
    const a = readAmount(v);
    if (a.ok) sum = sum.plus(a.value);
    if (typeof v === "string" && a.ok && !a.empty) ctx.textNumbers.push({ text: v, location: loc(grid.name, r, c) });
  });

  const text = (role: OptionalColumn): string | undefined => {
    const c = cols[role];
    if (c === undefined) return undefined;
    const v = ctx.useInput(grid, r, c, true); // merged down over several rows: each row has it
    if (isBlank(v)) return undefined;
    ctx.checkPlaceholder(grid, r, c);
    return String(v).trim();
  };
  const where = (role: OptionalColumn) => loc(grid.name, r, cols[role] as number);
  // every field of the row has a cell, so a finding about it points there (never a JSON path)
  const fieldCol = (role: OptionalColumn) => cols[role] ?? label?.col ?? yearCols[0];
  ctx.at(path, grid, r, label?.col ?? yearCols[0]);
  ctx.at(`${path}.area`, grid, r, fieldCol("area"));
  ctx.at(`${path}.unit`, grid, r, fieldCol("unit"));
  ctx.at(`${path}.key`, grid, r, fieldCol("key"));
  ctx.at(`${path}.type`, grid, r, fieldCol("type"));

  // styringsområde (SPEC §2): from the column; without one, from the block marker
  // ("Implementeringsomkostninger – anlæg", 2016) or Service for the permanent block
  if (cols.area !== undefined) {
    const t = text("area");
    if (t !== undefined) {
      // "Efterspørgel-\nsesstyrede\noverførsler (EO)" (2018 proposal 10): the code in brackets decides
      const code = /\((ei|eo)\)\s*$/i.exec(t)?.[1];
      const a = readArea(t) ?? readArea(squeeze(t)) ?? (code ? readArea(code) : undefined);
      if (a) row.area = a;
      else if (!ctx.checkPlaceholder(grid, r, cols.area))
        ctx.add(
          "STRUCTURE",
          "warning",
          `"${quoteText(t)}" er ikke et styringsområde (Service, Anlæg, Overførsler, EI, EO); rækken regnes uden`,
          where("area"),
        );
    }
  } else if (markerArea) row.area = markerArea;
  else if (block === "permanent") row.area = "Service";

  const unit = text("unit");
  if (unit !== undefined && !/^\[.*\]$/.test(unit)) row.unit = canonicalUnit(unit) ?? unit;
  const key = text("key");
  if (key !== undefined && !/^\[.*\]$/.test(key)) row.key = canonicalUnit(key) ?? key;
  if (cols.adm !== undefined && isMarked(ctx.useInput(grid, r, cols.adm, true))) row.administrative = true;
  if (cols.excluded !== undefined && isMarked(ctx.useInput(grid, r, cols.excluded, true))) row.excluded = true;

  if (block === "permanent") {
    const t = text("type");
    const given = t !== undefined ? parseTypeCell(t) : undefined;
    if (given) row.type = given;
    else {
      const { type, why } = inferRowType(row.label, sum.isZero() ? 0 : sum.isPos() ? 1 : -1);
      row.type = type;
      inferred.push(`Række ${r + 1} "${quoteText(row.label)}": ${TYPE_NAMES[type]} (${why})`);
    }
  }
  return row;
}
