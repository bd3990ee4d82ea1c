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
import { isDateFormat, serialDateText } from "./dates";
import { canonicalUnit } from "../engine/units";
import { a1, cellAt, colCount, formulaAt, isBlank, loc, locRange, rowCount, textAt, formatAt, rowIndices } from "./grid";
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
}

/**
 * Rows of a sheet that start a Tabel 1: a row with year cells and the permanent-block marker in
 * it or just below (title and spacer rows allowed). The longest run of consecutive years is read;
 * year cells outside it are reported, never dropped silently.
 */
export function findTabel1Headers(grid: Grid): Tabel1Header[] {
  const out: Tabel1Header[] = [];
  const n = rowCount(grid);
  const yearCells = (r: number) =>
    (grid.values[r] ?? []).map((v, c) => ({ v: v ?? null, c })).filter((x) => looseYearCell(x.v) !== undefined || isYearish(x.v));
  for (const r of rowIndices(grid)) {
    const cells = yearCells(r);
    if (cells.length < 2) continue;
    const firstCol = cells[0].c;
    let marker: { row: number; col: number } | undefined;
    search: for (let m = r; m <= Math.min(n - 1, r + 4); m++) {
      if (m > r && yearCells(m).length >= 2) break;
      for (let c = 0; c < firstCol; c++) {
        const t = textAt(grid, m, c);
        if (t && classifyTabel1Label(t)?.kind === "permanentMarker") {
          marker = { row: m, col: c };
          break search;
        }
      }
    }
    if (!marker) continue;
    const run = yearRun(grid.values[r] ?? [], 1, 40, true);
    if (!run) continue;
    const inRun = new Set(run.cols);
    const text = (v: CellValue) => (typeof v === "string" ? v.trim() : String(v));
    out.push({
      row: r,
      markerRow: marker.row,
      markerCol: marker.col,
      cols: run.cols,
      years: run.years,
      stray: cells.filter((x) => !inRun.has(x.c) && x.c > marker.col).map((x) => ({ col: x.c, text: text(x.v) })),
      loose: cells.filter((x) => inRun.has(x.c) && parseYearCell(x.v) === undefined).map((x) => ({ col: x.c, text: text(x.v) })),
    });
  }
  return out;
}

/** STRUCTURE findings for a broken year header (before the proposal's own findings). */
function headerFindings(grid: Grid, header: Tabel1Header, ctx: ReadContext): void {
  const { row, years } = header;
  if (header.stray.length) {
    const cols = header.stray.map((s) => s.col);
    const list = header.stray.map((s) => `"${s.text}" i ${a1(row, s.col)}`).join(", ");
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
      `Årstallet "${l.text}" i ${a1(row, l.col)} har tekst efter året; læst som ${years[header.cols.indexOf(l.col)]}`,
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

  const labelOf = (r: number): { text: string; col: number } | undefined => {
    for (let c = labelCol; c < firstYearCol; c++) {
      if (optional.has(c)) continue;
      const t = textAt(grid, r, c);
      if (t) return { text: t, col: c };
    }
    return undefined;
  };
  const hasValues = (r: number) => yearCols.some((c) => !isBlank(cellAt(grid, r, c)));
  const hasOptional = (r: number) => [...optional].some((c) => !isBlank(cellAt(grid, r, c)));

  type State = "before" | "permanent" | "implementation" | "between" | "closed";
  let state: State = "before";
  let markerArea: Area | undefined;
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
  const outside: { row: number; col: number }[] = [];

  for (let r = headerRow + 1; r < stopRow; r++) {
    if (r > header.markerRow && yearRun(grid.values[r] ?? [])) break; // the next table's header
    const label = labelOf(r);
    const cls = label ? classifyTabel1Label(label.text) : undefined;
    if (cls?.kind === "transferTitle" || cls?.kind === "otherTable") break;
    if (cls?.kind === "permanentMarker") {
      state = "permanent";
      markerArea = undefined;
      looks2016 ||= cls.y2016;
      lastRow = r;
      continue;
    }
    if (cls?.kind === "implementationMarker") {
      state = "implementation";
      markerArea = cls.area;
      lastRow = r;
      continue;
    }
    if (cls?.kind === "computed") {
      looks2016 ||= cls.y2016;
      looks2018 ||= cls.total === "aggregated";
      computed.push({ row: r, total: cls.total, area: cls.area });
      const series: YearValuesInput = {};
      let any = false;
      const base = cls.area ? `stated.totals.${PATHS[cls.total]}.${cls.area}` : `stated.totals.${PATHS[cls.total]}`;
      yearCols.forEach((c, i) => {
        const v = rawAmount(cellAt(grid, r, c));
        if (v === null) return;
        series[String(years[i])] = v;
        ctx.at(`${base}.${years[i]}`, grid, r, c);
        any = true;
      });
      if (any) {
        if (cls.area) {
          const byArea = (statedTotals[PATHS[cls.total]] ??= {}) as Record<string, unknown>;
          byArea[cls.area] = series;
        } else statedTotals[PATHS[cls.total]] = series;
      }
      if (cls.total === "net" || cls.total === "aggregated") state = "closed";
      else if (cls.total === "permanent" || cls.total === "implementation") state = "between";
      lastRow = r;
      continue;
    }
    if (cls?.kind === "payback") {
      looks2016 ||= cls.breakEven;
      // the payback sits in the first non-empty cell right of the label, else the first year column
      let col = firstYearCol;
      for (let c = (label?.col ?? labelCol) + 1; c < width; c++) {
        if (optional.has(c)) continue;
        if (!isBlank(cellAt(grid, r, c))) {
          col = c;
          break;
        }
      }
      payback.push({ row: r, col, which: cls.which });
      const v = cellAt(grid, r, col);
      if (!isBlank(v)) {
        statedPayback[cls.which] = typeof v === "string" ? v.trim() : String(v);
        ctx.at(`stated.payback.${cls.which}`, grid, r, col);
      }
      state = "closed";
      lastRow = r;
      continue;
    }
    const values = hasValues(r);
    if (!label && !values && !hasOptional(r)) continue; // spacer row
    if (state === "closed") break; // notes below the table
    if (state !== "permanent" && state !== "implementation") {
      // numbers outside both blocks are not counted: say so, never drop them silently
      if (values && !(label && /^(heraf|i alt|note)\b/.test(squeeze(label.text)))) outside.push({ row: r, col: label?.col ?? labelCol });
      continue;
    }
    if (label && !values && !hasOptional(r)) {
      // a sub-heading or note inside a block, not a row of numbers
      ctx.checkPlaceholder(grid, r, label.col);
      continue;
    }
    lastRow = r;
    const index = rows.length;
    const block: Block = state;
    const row = readInputRow(grid, ctx, r, index, block, label, yearCols, years, cols, markerArea, inferred);
    rows.push(row);
    inputRows.push({ row: r, block, index, excluded: row.excluded === true });
  }

  if (outside.length) {
    const first = outside[0];
    const last = outside[outside.length - 1];
    const n = outside.length;
    ctx.add(
      "STRUCTURE",
      "error",
      `${n === 1 ? "1 række" : `${n} rækker`} med tal (række ${first.row + 1}${n > 1 ? `–${last.row + 1}` : ""}) står uden for blokkene "Varige ændringer" og "Implementeringsomkostninger" og er ikke medregnet; indsæt det manglende mærke over dem`,
      locRange(grid.name, first.row, first.col, last.row, first.col),
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
  for (let c = 0; c < width; c++) ctx.useInput(grid, headerRow, c);
  // one note for all numbers typed as text: Excel's SUM leaves them out, so Beregn writes values
  // instead of formulas where they feed a computed cell (writeTabel1.ts)
  if (ctx.textNumbers.length > 0) {
    const first = ctx.textNumbers[0];
    const n = ctx.textNumbers.length;
    ctx.add(
      "UNREADABLE",
      "info",
      `${n} ${n === 1 ? "tal er" : "tal er"} skrevet som tekst (fx "${first.text}" i ${first.location}); Beregn læser dem, men Excels SUM tæller dem ikke med`,
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
    const shown = typeof v === "number" && isDateFormat(formatAt(grid, r, c)) ? serialDateText(v) : v;
    row.values[String(years[i])] = shown;
    const a = readAmount(shown);
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
      const a = readArea(t);
      if (a) row.area = a;
      else if (!ctx.checkPlaceholder(grid, r, cols.area))
        ctx.add(
          "STRUCTURE",
          "warning",
          `"${t}" er ikke et styringsområde (Service, Anlæg, Overførsler, EI, EO); rækken regnes uden`,
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
      inferred.push(`Række ${r + 1} "${row.label}": ${TYPE_NAMES[type]} (${why})`);
    }
  }
  return row;
}
