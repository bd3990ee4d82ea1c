/**
 * Allocation keys (SPEC §4): tables titled "Fordelingsnøgle…" with units down the side and an
 * amount or count column (kind "weights"), else a share column in % (kind "percent"), or driver columns
 * such as "Antal sager" × "Minutter" (2025 BC01), which become weights Σ cases × minutes.
 */
import Decimal from "decimal.js";
import { readAmount } from "../engine/amountText";
import type { KeyInput } from "../engine/input";
import { canonicalUnit } from "../engine/units";
import { cellAt, colCount, formatAt, isBlank, loc, locRange, rowCount, rowIndices, rowWidth, textAt } from "./grid";
import { isTotalLabel, squeeze } from "./labels";
import type { ReadContext } from "./readContext";
import type { Grid } from "./types";
import { quoteText } from "../engine/quote";

export interface KeyTableFound {
  sheet: string;
  titleRow: number;
  titleCol: number;
  title: string;
  /** The title after "Fordelingsnøgle" ("timer" from "Fordelingsnøgle: timer"). */
  rest: string;
  lastRow: number;
  /** Reads the key into a context, under the name it is given. */
  read(ctx: ReadContext, name: string): KeyInput;
}

/** The weight's unit as written when it is a code ("BIF" stays "BIF"; the engine maps it), else the code of a name. */
function weightUnit(text: string): string {
  const t = text.replace(/[\s\u00a0]+/g, " ").trim();
  const code = canonicalUnit(t);
  if (code && /^[A-ZÆØÅ]{2,6}$/.test(t.toUpperCase()) && !t.includes(" ")) return t.toUpperCase();
  return code ?? t;
}

type ColRole = "percent" | "minutes" | "cases" | "weights";

function columnRole(header: string): ColRole {
  const s = squeeze(header);
  if (/%|andel|pct|procent/.test(s)) return "percent";
  if (/minut/.test(s)) return "minutes";
  if (/sager|antal/.test(s)) return "cases";
  return "weights";
}

export function findKeyTables(grid: Grid): KeyTableFound[] {
  const out: KeyTableFound[] = [];
  const rows = rowCount(grid);
  const width = colCount(grid);
  for (const r of rowIndices(grid))
    for (let c = 0; c < rowWidth(grid, r); c++) {
      const title = textAt(grid, r, c);
      if (!title || !/^fordelingsnøgle/.test(squeeze(title))) continue;
      const rest = title
        .replace(/^\s*fordelingsn\S*/i, "")
        .replace(/^[\s:–\-.]+/, "")
        .replace(/^for\s+/i, "")
        .replace(/^["'«“]|["'»”]$/g, "")
        .trim();
      const found = scanKeyTable(grid, r, c, rows, width);
      if (found) out.push({ sheet: grid.name, titleRow: r, titleCol: c, title, rest, lastRow: found.lastRow, read: found.read });
    }
  return out;
}

function scanKeyTable(grid: Grid, titleRow: number, titleCol: number, rows: number, width: number) {
  const unitAt = (r: number): { col: number; text: string } | undefined => {
    for (let c = Math.max(0, titleCol - 1); c < width; c++) {
      const t = textAt(grid, r, c);
      if (!t) continue;
      if (canonicalUnit(t) || isTotalLabel(t)) return { col: c, text: t };
      return undefined;
    }
    return undefined;
  };
  // header: the first non-blank row below the title that does not start with a unit
  let headerRow: number | undefined;
  let first = titleRow + 1;
  while (first < rows && first <= titleRow + 3 && (grid.values[first] ?? []).every((v) => isBlank(v ?? null))) first++;
  if (first >= rows) return undefined;
  if (!unitAt(first)) {
    headerRow = first;
    first++;
  }
  const firstUnit = unitAt(first);
  if (!firstUnit) return undefined;
  const unitCol = firstUnit.col;
  const dataRows: number[] = [];
  let lastRow = first;
  // unit rows down to a blank row or the total; a row naming an unknown unit but holding a
  // number is kept (the engine says KEY_INVALID at its cell), never dropped silently
  for (let r = first; r < rows; r++) {
    const t = textAt(grid, r, unitCol);
    if (!t) break;
    if (isTotalLabel(t)) {
      lastRow = r;
      break;
    }
    const hasNumber = (grid.values[r] ?? []).some((v, c) => c > unitCol && !isBlank(v ?? null));
    if (!canonicalUnit(t) && !hasNumber) break;
    lastRow = r;
    dataRows.push(r);
  }
  // value columns: right of the unit column, with a header or a number in some data row
  const valueCols: { col: number; role: ColRole }[] = [];
  for (let c = unitCol + 1; c < width; c++) {
    const h = headerRow !== undefined ? textAt(grid, headerRow, c) : "";
    const hasNumber = dataRows.some((r) => !isBlank(cellAt(grid, r, c)));
    if (!hasNumber && !h) continue;
    if (!hasNumber) continue;
    valueCols.push({ col: c, role: h ? columnRole(h) : "weights" });
  }
  const read = (ctx: ReadContext, name: string): KeyInput => {
    const weights: Record<string, string> = {};
    // the key as a whole: its table, title to last row (KEY_INVALID, KEY_NOT_100 point here)
    const lastCol = Math.max(unitCol + 1, ...valueCols.map((v) => v.col));
    ctx.locations[`keys.${name}`] = locRange(grid.name, titleRow, Math.min(titleCol, unitCol), lastRow, lastCol);
    const minutes = valueCols.filter((v) => v.role === "minutes");
    const percent = valueCols.find((v) => v.role === "percent");
    let kind: "weights" | "percent" = "weights";
    // drivers: each minutes column pairs with the nearest count column on its left
    const pairs: [number, number][] = [];
    for (const m of minutes) {
      const left = valueCols.filter((v) => v.col < m.col && v.role !== "minutes" && v.role !== "percent");
      if (left.length) pairs.push([left[left.length - 1].col, m.col]);
    }
    // amounts per unit are the key; a % column only when there are none: the documents round their
    // % (2016 Forslag 4: 177 of 2.517 licences printed 7,03 %, 003:2026-2065; Bilag 8 Forslag 7's
    // whole percents, 001:4832-4858)
    const amounts = valueCols.find((v) => v.role === "weights") ?? valueCols.find((v) => v.role === "cases");
    let cols: number[];
    if (pairs.length) cols = pairs.flat();
    else if (amounts) cols = [amounts.col];
    else if (percent) {
      kind = "percent";
      cols = [percent.col];
    } else cols = [];
    const num = (r: number, c: number): Decimal | undefined => {
      const v = ctx.useInput(grid, r, c);
      let raw: unknown = v;
      let pct = false;
      if (typeof v === "string" && /%\s*$/.test(v)) {
        raw = v.replace(/%\s*$/, "");
        pct = true;
      }
      const a = readAmount(raw);
      if (!a.ok) {
        ctx.add(
          "UNREADABLE",
          "error",
          `"${quoteText(a.text)}" er ikke et tal; fordelingsnøglen "${quoteText(name)}" regner cellen som 0`,
          loc(grid.name, r, c),
        );
        return undefined;
      }
      // a cell formatted as % holds the fraction (0,25 for 25 %)
      if (!pct && typeof v === "number" && kind === "percent" && (formatAt(grid, r, c) ?? "").includes("%")) return a.value.times(100);
      return a.value;
    };
    const values: { unit: string; value: Decimal; row: number }[] = [];
    for (const r of dataRows) {
      const u = weightUnit(textAt(grid, r, unitCol));
      ctx.useInput(grid, r, unitCol);
      let w = new Decimal(0);
      if (pairs.length) {
        for (const [cc, mc] of pairs) w = w.plus((num(r, cc) ?? new Decimal(0)).times(num(r, mc) ?? new Decimal(0)));
        ctx.locations[`keys.${name}.weights.${u}`] = locRange(grid.name, r, Math.min(...cols), r, Math.max(...cols));
      } else if (cols.length) {
        if (isBlank(cellAt(grid, r, cols[0]))) continue;
        w = num(r, cols[0]) ?? new Decimal(0);
        ctx.at(`keys.${name}.weights.${u}`, grid, r, cols[0]);
      }
      values.push({ unit: u, value: w, row: r });
    }
    // a percent column typed as fractions (0,25 …) without a % format: shares summing to 1
    if (kind === "percent") {
      const sum = values.reduce((s, v) => s.plus(v.value), new Decimal(0));
      if (sum.gt(0) && sum.lte(1.01) && values.every((v) => v.value.lte(1))) for (const v of values) v.value = v.value.times(100);
    }
    for (const v of values) weights[v.unit] = weights[v.unit] ? new Decimal(weights[v.unit]).plus(v.value).toString() : v.value.toString();
    const out: KeyInput = { weights };
    if (kind === "percent") out.kind = "percent";
    return out;
  };
  return { lastRow, read };
}
