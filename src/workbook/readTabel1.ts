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
import { unitCode as canonicalUnit } from "./unitNames";
import { cellAt, colCount, isBlank, loc, rowCount, textAt } from "./grid";
import {
  classifyTabel1Label,
  headerRole,
  inferRowType,
  isMarked,
  parsePriceLevel,
  parseTypeCell,
  TYPE_NAMES,
  yearRun,
  type OptionalColumn,
  type TotalKind,
} from "./labels";
import type { ComputedRowLayout, InputRowLayout, PaybackLayout, Tabel1Layout } from "./layout";
import { rawAmount, ReadContext } from "./readContext";
import type { Grid } from "./types";

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

/** Rows of a sheet that start a Tabel 1: a year header with a permanent-block marker just below. */
export function findTabel1Headers(grid: Grid): { row: number; markerRow: number; markerCol: number; cols: number[]; years: number[] }[] {
  const out: { row: number; markerRow: number; markerCol: number; cols: number[]; years: number[] }[] = [];
  const n = rowCount(grid);
  for (let r = 0; r < n; r++) {
    const run = yearRun(grid.values[r] ?? []);
    if (!run) continue;
    // the marker sits in the header row's label area or up to four rows below (title/spacer rows)
    search: for (let m = r; m <= Math.min(n - 1, r + 4); m++) {
      if (m > r && yearRun(grid.values[m] ?? [])) break;
      for (let c = 0; c < run.cols[0]; c++) {
        const t = textAt(grid, m, c);
        if (!t) continue;
        const cls = classifyTabel1Label(t);
        if (cls?.kind === "permanentMarker") {
          out.push({ row: r, markerRow: m, markerCol: c, cols: run.cols, years: run.years });
          break search;
        }
      }
    }
  }
  return out;
}

const PATHS: Record<TotalKind, string> = {
  permanent: "permanent",
  permanentByArea: "permanentByArea",
  implementation: "implementation",
  implementationByArea: "implementationByArea",
  net: "net",
  aggregated: "aggregated",
};

export function readTabel1(grid: Grid, header: ReturnType<typeof findTabel1Headers>[number], stopRow: number): Tabel1Reading {
  const ctx = new ReadContext();
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
    if (state !== "permanent" && state !== "implementation") continue;
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
    if (v === null) return;
    row.values[String(years[i])] = v;
    const a = readAmount(v);
    if (a.ok) sum = sum.plus(a.value);
    if (typeof v === "string" && a.ok && !a.empty) ctx.textNumbers.push({ text: v, location: loc(grid.name, r, c) });
  });

  const text = (role: OptionalColumn): string | undefined => {
    const c = cols[role];
    if (c === undefined) return undefined;
    const v = ctx.useInput(grid, r, c);
    if (isBlank(v)) return undefined;
    ctx.checkPlaceholder(grid, r, c);
    return String(v).trim();
  };
  const where = (role: OptionalColumn) => loc(grid.name, r, cols[role] as number);

  // styringsområde (SPEC §2): from the column; without one, from the block marker
  // ("Implementeringsomkostninger – anlæg", 2016) or Service for the permanent block
  if (cols.area !== undefined) {
    const t = text("area");
    if (t !== undefined) {
      const a = readArea(t);
      if (a) {
        row.area = a;
        ctx.at(`${path}.area`, grid, r, cols.area);
      } else if (!ctx.checkPlaceholder(grid, r, cols.area))
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
  if (cols.adm !== undefined && isMarked(ctx.useInput(grid, r, cols.adm))) row.administrative = true;
  if (cols.excluded !== undefined && isMarked(ctx.useInput(grid, r, cols.excluded))) row.excluded = true;

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
