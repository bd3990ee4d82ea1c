/**
 * Tabel 1's computed rows and payback rows (SPEC §2, §3; DESIGN.md "What Beregn writes"):
 * computed rows as formulas over their input rows, so they stay right when an input changes;
 * payback rows as the engine's text. Only rows that exist; a cell holding the user's formula
 * is left alone (the engine checks its value as stated); input cells are never written.
 */
import Decimal from "decimal.js";
import type { Area } from "../engine/model";
import type { PaybackResult, Result } from "../engine/result";
import { PROFILES } from "../engine/settings";
import { readAmount } from "../engine/amountText";
import type { FoundProposal } from "./api";
import { amountCell, CellBlock } from "./blocks";
import { neighbourFormat } from "./neighbourFormat";
import { a1, cellAt, colName, formulaAt, isBlank } from "./grid";
import type { ComputedRowLayout, ProposalLayout, Tabel1Layout } from "./layout";
import type { Grid, WriteCell } from "./types";

/** true when a formula in this cell is Beregn's own (from the undo data of the last Beregn). */
export type OwnsFormula = (sheet: string, row: number, col: number) => boolean;

/** The payback as the profile's template writes it (SPEC §3, §8; PROFILES.paybackWithYear). */
export function paybackText(p: PaybackResult | null, withYear: boolean): string {
  if (!p) return "ikke relevant (ingen investering)";
  if (p.years === null) return p.text;
  return withYear ? p.text : `${p.years} år`;
}

/** "D7:D9,D11" for rows 6,7,8,10 in column D; a gap of blank, non-table rows is bridged. */
/**
 * Excel refuses a formula over 8.192 characters and a function with more than 255 arguments; a
 * by-area total over thousands of interleaved rows would break both. Such a cell gets the
 * engine's value instead (still right, but it will not follow later edits).
 */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_SUM_ARGUMENTS = 255;

/** "SUM(C5:C9,C12)" over the rows, or undefined when Excel could not take it. */
function sumOf(rows: number[], col: number, bridgeable: (r: number) => boolean): string | undefined {
  const list = ranges(rows, col, bridgeable);
  const args = list.split(",").length;
  const formula = `SUM(${list})`;
  return args > MAX_SUM_ARGUMENTS || formula.length + 1 > MAX_FORMULA_LENGTH ? undefined : formula;
}

function ranges(rows: number[], col: number, bridgeable: (r: number) => boolean): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let end = sorted[0];
  for (const r of sorted.slice(1)) {
    let bridge = true;
    for (let g = end + 1; g < r; g++) if (!bridgeable(g)) bridge = false;
    if (bridge) end = r;
    else {
      parts.push(start === end ? a1(start, col) : `${a1(start, col)}:${a1(end, col)}`);
      start = end = r;
    }
  }
  parts.push(start === end ? a1(start, col) : `${a1(start, col)}:${a1(end, col)}`);
  return parts.join(",");
}

export function writeTabel1(grid: Grid, found: FoundProposal, result: Result, owns: OwnsFormula): CellBlock {
  const layout = (found.layout as ProposalLayout).tabel1;
  const block = new CellBlock(grid.name);
  const rows = found.input.rows;
  const inputRowSet = new Set(layout.inputRows.map((r) => r.row));
  const computedRowSet = new Set([...layout.computed.map((r) => r.row), ...layout.payback.map((p) => p.row)]);
  const counted = (block: "permanent" | "implementation", area?: Area) =>
    layout.inputRows
      .filter((r) => r.block === block && !r.excluded)
      .filter((r) => area === undefined || (rows[r.index].area ?? "Service") === area)
      .map((r) => r.row);

  const writable = (r: number, c: number): boolean => {
    if (inputRowSet.has(r) || layout.inputRows.some((x) => x.row === r)) return false;
    if (formulaAt(grid, r, c) !== null) return owns(grid.name, r, c);
    return true;
  };
  // a non-zero number typed as text ("1.144"): Excel's SUM skips it, so such a column gets the
  // engine's value instead of a formula ("-" is zero either way; unreadable text keeps the formula,
  // whose error in Excel points at the cell)
  const textNumberIn = (rs: number[], c: number) =>
    rs.some((r) => {
      const v = cellAt(grid, r, c);
      if (typeof v !== "string") return false;
      const a = readAmount(v);
      return a.ok && !a.empty && !a.value.isZero();
    });
  const bridgeable = (c: number) => (r: number) =>
    !inputRowSet.has(r) && !computedRowSet.has(r) && isBlank(cellAt(grid, r, c)) && formulaAt(grid, r, c) === null;

  const exact = (row: ComputedRowLayout, yi: number): Decimal => {
    const t = result.totals;
    const z = new Decimal(0);
    switch (row.total) {
      case "permanent":
        return t.permanent[yi] ?? z;
      case "permanentByArea":
        return t.permanentByArea[row.area as Area]?.[yi] ?? z;
      case "implementation":
        return t.implementation[yi] ?? z;
      case "implementationByArea":
        return t.implementationByArea[row.area as Area]?.[yi] ?? z;
      case "net":
        return t.net[yi] ?? z;
      case "aggregated":
        return t.aggregated[yi] ?? z;
    }
  };
  // the computed rows in the format of the input rows' amounts (issue 10)
  const format = neighbourFormat(
    grid,
    layout.inputRows.map((r) => r.row),
    layout.yearCols,
  );
  const valueCell = (d: Decimal): WriteCell => amountCell(Number(d.toString()), false, format);
  const formulaCell = (formula: string): WriteCell => ({ formula, numberFormat: format, align: "right" });
  const sumCell = (rs: number[], c: number, fallback: Decimal): WriteCell => {
    if (rs.length === 0) return amountCell(0, false, format);
    if (textNumberIn(rs, c)) return valueCell(fallback); // Excel's SUM would skip numbers typed as text
    const sum = sumOf(rs, c, bridgeable(c));
    return sum ? formulaCell(`=${sum}`) : valueCell(fallback);
  };
  const find = (total: ComputedRowLayout["total"]) => layout.computed.find((x) => x.total === total);
  const permTotal = find("permanent");
  const implTotal = find("implementation");
  const net = find("net");

  layout.yearCols.forEach((c, yi) => {
    for (const row of layout.computed) {
      if (!writable(row.row, c)) continue;
      const fallback = exact(row, yi);
      let cell: WriteCell;
      switch (row.total) {
        case "permanent":
          cell = sumCell(counted("permanent"), c, fallback);
          break;
        case "permanentByArea":
          cell = sumCell(counted("permanent", row.area), c, fallback);
          break;
        case "implementation":
          cell = sumCell(counted("implementation"), c, fallback);
          break;
        case "implementationByArea":
          cell = sumCell(counted("implementation", row.area), c, fallback);
          break;
        case "net": {
          // Samlet økonomisk påvirkning = Samlet varig ændring + Samlede implementeringsomkostninger
          const perm = counted("permanent");
          const impl = counted("implementation");
          const part = (total: ComputedRowLayout | undefined, rs: number[]) =>
            total ? a1(total.row, c) : rs.length ? sumOf(rs, c, bridgeable(c)) : "";
          const parts = [part(permTotal, perm), part(implTotal, impl)];
          const terms = parts.filter((t) => t !== "");
          if (terms.length === 0) cell = amountCell(0, false, format);
          else if (parts.includes(undefined)) cell = valueCell(fallback);
          else if ((!permTotal && textNumberIn(perm, c)) || (!implTotal && textNumberIn(impl, c))) cell = valueCell(fallback);
          else cell = formulaCell(`=${terms.join("+")}`);
          break;
        }
        case "aggregated": {
          // running sum of Samlet økonomisk påvirkning
          if (!net) cell = valueCell(fallback);
          else if (yi === 0) cell = formulaCell(`=${a1(net.row, c)}`);
          else cell = formulaCell(`=${a1(row.row, layout.yearCols[yi - 1])}+${a1(net.row, c)}`);
          break;
        }
      }
      block.set(row.row, c, cell);
    }
  });

  const withYear = PROFILES[result.proposal.profile].paybackWithYear;
  for (const p of layout.payback) {
    if (!writable(p.row, p.col)) continue;
    block.set(p.row, p.col, { value: paybackText(result.payback[p.which], withYear) });
  }
  return block;
}

/** Every cell of Tabel 1 the reader treats as input (never written). */
export function tabel1InputCells(layout: Tabel1Layout): Set<string> {
  const out = new Set<string>();
  const cols = [layout.labelCol, ...layout.yearCols, ...Object.values(layout.cols)];
  for (const r of layout.inputRows) for (const c of cols) out.add(`${layout.sheet}!${colName(c)}${r.row + 1}`);
  return out;
}
