/** Shared helpers for the workbook layer's tests: cases, numeric comparison, grid cells. */
import * as fs from "fs";
import * as path from "path";
import Decimal from "decimal.js";
import { readAmount } from "../../src/engine/amountText";
import type { ProposalInput, YearValuesInput } from "../../src/engine/input";
import { cellAt, formulaAt, parseA1 } from "../../src/workbook/grid";
import type { CellValue, Grid } from "../../src/workbook/types";
import { trimTrailing } from "../helpers/grids";

export function loadCase(id: string): ProposalInput {
  const file = path.join(__dirname, "..", "fixtures", "cases", `${id}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as ProposalInput;
}

/** A number or Danish text as a canonical decimal string ("-1144"); blank = "0". */
export function dec(v: unknown): string {
  const r = readAmount(v);
  if (!r.ok) throw new Error(`not a number: ${String(v)}`);
  return new Decimal(r.value).toString();
}

/** Year values as {year: "decimal"} with every year of `years` (missing = 0). */
export function series(v: YearValuesInput | undefined, years: (number | string)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const y of years) out[String(y)] = dec(v?.[String(y)] ?? null);
  return out;
}

/** Only the years present, as decimals (stated series: a missing cell is not stated). */
export function statedSeries(v: YearValuesInput | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [y, x] of Object.entries(v ?? {})) out[y] = dec(x);
  return out;
}

export function statedTable(t: Record<string, YearValuesInput> | undefined): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [u, s] of Object.entries(t ?? {})) out[u] = statedSeries(s);
  return out;
}

export function grid(grids: Grid[], name: string): Grid {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g;
}

/** The value at "C12" of a sheet. */
export function at(grids: Grid[], sheet: string, address: string): CellValue {
  const { row, col } = parseA1(address);
  return cellAt(grid(grids, sheet), row, col);
}

export function formulaOf(grids: Grid[], sheet: string, address: string): string | null {
  const { row, col } = parseA1(address);
  return formulaAt(grid(grids, sheet), row, col);
}

/** A grid's content without trailing blanks, for comparing workbooks. */
export function content(grids: Grid[]): Record<string, { values: CellValue[][]; formulas: (string | null)[][] }> {
  const tidy = <T>(m: (T | null)[][]) => trimTrailing(m);
  const out: Record<string, { values: CellValue[][]; formulas: (string | null)[][] }> = {};
  for (const g of grids) out[g.name] = { values: tidy(g.values), formulas: tidy(g.formulas ?? []) };
  return out;
}

/** A copy of the grids with one cell changed (a formula keeps `value` as its cached value). */
export function edit(grids: Grid[], sheet: string, address: string, value: CellValue, formula?: string): Grid[] {
  const out = JSON.parse(JSON.stringify(grids)) as Grid[];
  const g = grid(out, sheet);
  const { row, col } = parseA1(address);
  while (g.values.length <= row) g.values.push([]);
  while (g.formulas.length <= row) g.formulas.push([]);
  while (g.values[row].length < col) g.values[row].push(null);
  while (g.formulas[row].length < col) g.formulas[row].push(null);
  g.values[row][col] = value;
  g.formulas[row][col] = formula ?? null;
  return out;
}
