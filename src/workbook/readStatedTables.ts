/**
 * Stated output tables found by their titles (SPEC §5, §8): Tabel 2.1.1 / "Fordeling på udvalg…",
 * Tabel A–E (2025) or the 2018 annex wording, the administrative Tabel 2, and Beregn's own
 * tables for other styringsområder ("Tabel A … – Overførsler"). Unit rows are read by any
 * spelling of SPEC §1 (canonicalUnit); the "Total" / "I alt" row as "Total".
 */
import { readArea } from "../engine/input";
import { canonicalUnit } from "../engine/units";
import type { YearValuesInput } from "../engine/input";
import { cellAt, colCount, isBlank, loc, locRange, rowCount, rowIndices, rowWidth, textAt } from "./grid";
import { isTotalLabel, squeeze, yearRun } from "./labels";
import type { TableLayout } from "./layout";
import { rawAmount, type ReadContext } from "./readContext";
import type { Grid } from "./types";

/** The table a title names, or undefined. Ids: "2.1.1", "A".."E", "admin", "A:Overførsler". */
export function classifyTableTitle(text: string): string | undefined {
  const s = squeeze(text);
  let id: string | undefined;
  if (/^tabel 2\.1\.1\b/.test(s) || /^fordeling på udvalg/.test(s)) return "2.1.1";
  // the permanent change per udvalg (2016 "Fordeling af forslagets potentiale mellem udvalg", 2018
  // "Fordeling af varige ændringer mellem udvalg", 2025 "Fordeling af indkøbseffektiviseringer på udvalg")
  if (
    /^(tabel\s*[0-9][0-9.]*\s*[-–.:]?\s*)?fordeling af (varige ændringer|driftseffektivisering|forslagets potentiale|effektiviseringer|indkøbseffektiviseringer|besparelse)\b.*\b(mellem|på) udvalg/.test(
      s,
    )
  )
    return "alloc";
  const m = /^tabel ([a-e])\b/.exec(s);
  if (m) id = m[1].toUpperCase();
  else if (/^tabel 2\b/.test(s) && /administrativ/.test(s)) return "admin";
  // 2018 technical annex wording (SPEC §8)
  else if (/^måltalseffekt/.test(s)) id = "A";
  else if (/^bevillingsmæssig effekt/.test(s)) id = /varig drift/.test(s) ? "B" : "C";
  else if (/^fordeling af anlægs/.test(s)) id = "D";
  else if (/^fordeling af service/.test(s)) id = "E";
  else if (/^fordeling af (efterspørgselsstyret )?indsats/.test(s)) return "D:EI";
  if (!id) return undefined;
  // Beregn's tables for other områder end in "– Overførsler" (writeKvantum.ts)
  const suffix = /[–-]\s*([^–-]+)$/.exec(s);
  const area = suffix ? readArea(suffix[1].trim()) : undefined;
  if (!area || area === "Service") return id;
  if (id === "D" || id === "E") return area === "Anlæg" ? id : `D:${area}`;
  return `${id}:${area}`;
}

export function findStatedTables(grid: Grid, generated: boolean): TableLayout[] {
  const out: TableLayout[] = [];
  const rows = rowCount(grid);
  const width = colCount(grid);
  for (const r of rowIndices(grid))
    for (let c = 0; c < rowWidth(grid, r); c++) {
      const t = textAt(grid, r, c);
      if (!t || t.length < 6) continue;
      const id = classifyTableTitle(t);
      if (!id) continue;
      const table = scanTable(grid, id, r, c, rows, width, generated);
      if (table) out.push(table);
      break;
    }
  return out;
}

function scanTable(
  grid: Grid,
  id: string,
  titleRow: number,
  titleCol: number,
  rows: number,
  width: number,
  generated: boolean,
): TableLayout | undefined {
  let headerRow = -1;
  let run: { cols: number[]; years: number[] } | undefined;
  for (let h = titleRow; h <= Math.min(rows - 1, titleRow + 3); h++) {
    run = yearRun(grid.values[h] ?? [], 1);
    if (run) {
      headerRow = h;
      break;
    }
  }
  if (!run) return undefined;
  const firstYearCol = run.cols[0];
  const unitRows: { unit: string; row: number }[] = [];
  let lastRow = headerRow;
  let labelCol = -1;
  for (let r = headerRow + 1; r < rows; r++) {
    let label: { text: string; col: number } | undefined;
    let anyText = false;
    for (let c = 0; c < firstYearCol; c++) {
      const t = textAt(grid, r, c);
      if (!t) continue;
      anyText = true;
      if (canonicalUnit(t) || isTotalLabel(t) || (id === "admin" && !label)) {
        label = { text: t, col: c };
        break;
      }
    }
    const hasValues = run.cols.some((c) => !isBlank(cellAt(grid, r, c)));
    // 2018's technical annex has "Besparelse" / "Omkostninger" sub-rows under a unit (SPEC §8)
    if (!label && unitRows.length && anyText && isSubRow(grid, r, firstYearCol)) continue;
    if (!label) {
      if (!anyText && !hasValues && unitRows.length === 0 && r <= headerRow + 1) continue;
      // one empty row inside a table, as Word's paste can leave one (Bilag 7 BC01 Tabel A)
      if (!anyText && !hasValues && unitRows.length > 0 && unitLabelAt(grid, r + 1, firstYearCol)) continue;
      break; // a blank row, a footnote or the next table
    }
    if (labelCol < 0) labelCol = label.col;
    const unit = isTotalLabel(label.text) ? "Total" : id === "admin" ? label.text : (canonicalUnit(label.text) as string);
    if (!unitRows.some((u) => u.unit === unit)) unitRows.push({ unit, row: r });
    lastRow = r;
    if (unit === "Total") break;
  }
  if (unitRows.length === 0) return undefined;
  const title = textAt(grid, titleRow, titleCol);
  return {
    wording2018: id !== "admin" && id !== "2.1.1" && !/^tabel\s/.test(squeeze(title)),
    id,
    sheet: grid.name,
    titleRow,
    titleCol,
    headerRow,
    labelCol,
    years: run.years,
    yearCols: run.cols,
    unitRows,
    lastRow,
    generated,
  };
}

const BASE: Record<string, string> = { "2.1.1": "stated.committees", admin: "stated.admin" };

/**
 * Read a stated table into the input's `stated` (only the proposal's years; empty cells are not
 * stated) with a location per number and one for the whole table.
 */
export function readStatedTable(
  grid: Grid,
  table: TableLayout,
  ctx: ReadContext,
  proposalYears: number[],
): Record<string, YearValuesInput> {
  const base = BASE[table.id] ?? `stated.kvantum.${table.id}`;
  ctx.locations[base] = locRange(
    grid.name,
    table.titleRow,
    Math.min(table.titleCol, table.labelCol),
    table.lastRow,
    table.yearCols[table.yearCols.length - 1],
  );
  const out: Record<string, YearValuesInput> = {};
  let warned = false;
  for (const { unit, row } of table.unitRows) {
    const series: YearValuesInput = {};
    table.yearCols.forEach((c, k) => {
      const y = table.years[k];
      const v = rawAmount(cellAt(grid, row, c));
      if (v === null) return;
      if (!proposalYears.includes(y)) {
        if (!warned)
          ctx.add(
            "PRICE_LEVEL",
            "warning",
            `Tabellen har året ${y}, som ikke er blandt Tabel 1's år (${proposalYears[0]}–${proposalYears[proposalYears.length - 1]}); året er ikke kontrolleret`,
            loc(grid.name, row, c),
          );
        warned = true;
        return;
      }
      series[String(y)] = v;
      ctx.at(table.id === "admin" ? `${base}.${y}` : `${base}.${unit}.${y}`, grid, row, c);
    });
    if (Object.keys(series).length > 0) out[unit] = series;
  }
  return out;
}

/** Whether the row's label is a unit or a Total (a table goes on). */
function unitLabelAt(grid: Grid, r: number, firstYearCol: number): boolean {
  for (let c = 0; c < firstYearCol; c++) {
    const t = textAt(grid, r, c);
    if (t) return canonicalUnit(t) !== undefined || isTotalLabel(t);
  }
  return false;
}

/** A sub-row of a unit in a stated table: "Besparelse", "Omkostninger", "heraf …". */
function isSubRow(grid: Grid, r: number, firstYearCol: number): boolean {
  for (let c = 0; c < firstYearCol; c++) {
    const t = textAt(grid, r, c);
    if (t) return /^(besparelse|besparelser|omkostning|omkostninger|heraf|effekt|drift|indtægt|udgift)/.test(squeeze(t));
  }
  return false;
}
