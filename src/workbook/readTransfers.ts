/**
 * Bevillingsflyt (SPEC §5: transfers of existing budget, e.g. KIT → TMU 300): a block under
 * Tabel 1 titled "Bevillingsflyt", with columns "Fra" / "Til" or labels "… fra X til Y …", or a
 * single row labelled "Bevillingsflyt fra X til Y" with its values in the year columns.
 */
import type { TransferInput } from "../engine/input";
import { readArea } from "../engine/input";
import { canonicalUnit } from "../engine/units";
import { a1 as cellName, cellAt, colCount, isBlank, rowCount, rowIndices, rowWidth, textAt } from "./grid";
import { classifyTabel1Label, squeeze, yearRun } from "./labels";
import { rawAmount, type ReadContext } from "./readContext";
import type { Grid } from "./types";
import { quoteText } from "../engine/quote";

export interface TransferBlockFound {
  sheet: string;
  titleRow: number;
  titleCol: number;
  lastRow: number;
  /** Read into ctx as transfers[start…]; yearCols/years: the block's own header or Tabel 1's. */
  read(ctx: ReadContext, start: number, proposalYears: number[], fallback: { cols: number[]; years: number[] }): TransferInput[];
}

function unitCode(text: string): string {
  const t = text.replace(/[\s\u00a0]+/g, " ").trim();
  return canonicalUnit(t) ?? t;
}

/** "Bevillingsflyt fra Koncern IT til TMF (eksisterende driftsbudget)" → from/to. */
export function parseFromTo(label: string): { from: string; to: string } | undefined {
  const m = /\bfra\s+(.+?)\s+til\s+(.+?)\s*(?:[(,:;]|$)/i.exec(label.replace(/[\s\u00a0]+/g, " "));
  if (!m) return undefined;
  return { from: unitCode(m[1]), to: unitCode(m[2]) };
}

export function findTransferBlocks(grid: Grid): TransferBlockFound[] {
  const out: TransferBlockFound[] = [];
  const rows = rowCount(grid);
  const width = colCount(grid);
  for (const r of rowIndices(grid))
    for (let c = 0; c < rowWidth(grid, r); c++) {
      const t = textAt(grid, r, c);
      if (!t || classifyTabel1Label(t)?.kind !== "transferTitle") continue;
      out.push(scanBlock(grid, r, c, rows, width));
      break; // one per row
    }
  // a block's own rows labelled "Bevillingsflyt …" are not blocks of their own
  return out.filter((b, i) => !out.some((o, j) => j !== i && o.titleRow < b.titleRow && o.lastRow >= b.titleRow));
}

function scanBlock(grid: Grid, titleRow: number, titleCol: number, rows: number, width: number): TransferBlockFound {
  // a local year header on the title row or the row below
  let headerRow: number | undefined;
  let run = yearRun(grid.values[titleRow] ?? [], 1);
  if (run) headerRow = titleRow;
  else {
    run = yearRun(grid.values[titleRow + 1] ?? [], 1);
    if (run) headerRow = titleRow + 1;
  }
  const roles: { from?: number; to?: number; area?: number } = {};
  for (const h of headerRow !== undefined ? [headerRow] : [titleRow, titleRow + 1])
    for (let c = 0; c < Math.min(width, rowWidth(grid, h)); c++) {
      const s = squeeze(textAt(grid, h, c)).replace(/\.$/, "");
      if (/^(fra|fra bevilling|afgivende( bevilling)?)$/.test(s)) roles.from ??= c;
      else if (/^(til|til bevilling|modtagende( bevilling)?)$/.test(s)) roles.to ??= c;
      else if (/^(styringsområde|område)$/.test(s)) roles.area ??= c;
    }
  if (roles.from !== undefined && headerRow === undefined && roles.to !== undefined) {
    // "Fra"/"Til" on the row below the title without years there: that row is the header
    if (textAt(grid, titleRow + 1, roles.from)) headerRow = titleRow + 1;
  }
  const skip = new Set([roles.from, roles.to, roles.area].filter((x): x is number => x !== undefined));
  const firstBody = (headerRow ?? titleRow) + 1;
  // the block: the title row itself when it carries numbers, then rows until a blank row
  const bodyRows: number[] = [];
  let lastRow = headerRow ?? titleRow;
  for (let r = firstBody; r < rows; r++) {
    const row = grid.values[r] ?? [];
    if (row.every((v) => isBlank(v ?? null))) break;
    const firstText = row.findIndex((v) => typeof v === "string" && v.trim() !== "");
    if (firstText >= 0 && classifyTabel1Label(String(row[firstText]))?.kind === "otherTable") break;
    if (yearRun(row, 2)) break;
    bodyRows.push(r);
    lastRow = r;
  }
  const read: TransferBlockFound["read"] = (ctx, start, proposalYears, fallback) => {
    const cols = run && headerRow !== undefined ? run.cols : fallback.cols;
    const years = run && headerRow !== undefined ? run.years : fallback.years;
    const firstYearCol = cols[0];
    const candidates = [...(headerRow === undefined ? [titleRow] : []), ...bodyRows];
    const out: TransferInput[] = [];
    for (const r of candidates) {
      const hasValues = cols.some((c) => !isBlank(cellAt(grid, r, c)));
      if (!hasValues) continue;
      let label = "";
      let labelCol = -1;
      for (let c = 0; c < firstYearCol; c++) {
        if (skip.has(c)) continue;
        const t = textAt(grid, r, c);
        if (t) {
          label = t.replace(/[\s\u00a0]+/g, " ");
          labelCol = c;
          break;
        }
      }
      const i = start + out.length;
      const path = `transfers[${i}]`;
      ctx.at(path, grid, r, labelCol >= 0 ? labelCol : firstYearCol);
      let fromTo: { from: string; to: string } | undefined;
      if (roles.from !== undefined && roles.to !== undefined && textAt(grid, r, roles.from) && textAt(grid, r, roles.to)) {
        fromTo = { from: unitCode(String(ctx.useInput(grid, r, roles.from))), to: unitCode(String(ctx.useInput(grid, r, roles.to))) };
        ctx.at(`${path}.from`, grid, r, roles.from);
        ctx.at(`${path}.to`, grid, r, roles.to);
      } else fromTo = parseFromTo(label);
      if (!fromTo) {
        ctx.add(
          "STRUCTURE",
          "warning",
          `Bevillingsflyt "${quoteText(label)}" angiver ikke fra hvilken og til hvilken bevilling; rækken er sprunget over`,
          `${grid.name}!${cellName(r, labelCol >= 0 ? labelCol : firstYearCol)}`,
        );
        continue;
      }
      if (labelCol >= 0) {
        ctx.useInput(grid, r, labelCol);
        ctx.at(`${path}.label`, grid, r, labelCol);
      }
      const t: TransferInput = {
        label: label || `Bevillingsflyt ${fromTo.from} → ${fromTo.to}`,
        from: fromTo.from,
        to: fromTo.to,
        values: {},
      };
      if (roles.area !== undefined) {
        const a = textAt(grid, r, roles.area);
        const area = a ? readArea(a) : undefined;
        if (area) t.area = area;
      }
      cols.forEach((c, k) => {
        const y = years[k];
        const v = rawAmount(ctx.useInput(grid, r, c));
        if (v === null) return;
        if (!proposalYears.includes(y)) {
          ctx.add(
            "PRICE_LEVEL",
            "warning",
            `Bevillingsflyt har året ${y}, som ikke er blandt Tabel 1's år; værdien er ikke medregnet`,
            `${grid.name}!${cellName(r, c)}`,
          );
          return;
        }
        t.values[String(y)] = v;
        ctx.at(`${path}.values.${y}`, grid, r, c);
      });
      out.push(t);
    }
    return out;
  };
  return { sheet: grid.name, titleRow, titleCol, lastRow, read };
}
