/**
 * Detail tables (issue 8, class 3): the tables after a Tabel 1 that break it down by område or
 * by investment, each with its own year header. They are read as stated tables checked against
 * Tabel 1 (DETAIL_MISMATCH, src/engine/checks/detailCheck.ts), never as a second proposal.
 *
 * What a detail table sums to, from the 2018 annex (seed 000):
 * - "Varige ændringer, service" (4877), "…, efterspørgselsstyret indsats", "…, overførsler" (4909):
 *   Tabel 1's permanent rows of that område; "overførsler" holds the EO rows too (Forslag 10's
 *   "Reduktion i enkeltydelser (SOF)", EO in Tabel 1, is in its "Varige ændringer totalt,
 *   overførsler", 5471-5472); "Varige ændringer" alone (Forslag 3 Tabel 2, 1894): the whole block.
 * - "Besparelse(r) på efterspørgselsstyret overførsler / service" (Forslag 11, 5892, 5913): likewise.
 * - "Serviceinvesteringer i forslaget", "Anlægsinvesteringer …", "Efterspørgselsstyrede indsatser
 *   investeringer …" (4930, 5484): Tabel 1's implementation rows of that område.
 * The total row's own område ("Varige ændringer totalt, efterspørgselsstyret indsats" under a
 * caption "… indsats/ overførsler", Forslag 10 Tabel 2) beats the caption's. 2025's "Varige
 * ændringer, administration" is the administrative Tabel 2 (adminCheck), not a breakdown.
 */
import type { Area, Block } from "../engine/model";
import type { YearValuesInput } from "../engine/input";
import { cellAt, isBlank, locRange, rowCount, rowIndices, rowWidth, textAt } from "./grid";
import { classifyTabel1Label, squeeze, yearRun } from "./labels";
import { rawAmount, type ReadContext } from "./readContext";
import { classifyCaption } from "./readTabel1";
import type { Grid } from "./types";

/** The områder a caption's words name: none = the whole block; null = not a part of Tabel 1 (administration, unknown words). */
function areasOf(words: string): Area[] | undefined | null {
  const s = squeeze(words)
    .replace(/[.:]+$/, "")
    .trim();
  if (s === "") return undefined;
  if (/administra/.test(s)) return null;
  const out: Area[] = [];
  if (/service/.test(s)) out.push("Service");
  if (/anlæg/.test(s)) out.push("Anlæg");
  if (/indsats/.test(s)) out.push("EI");
  if (/overførsl/.test(s)) out.push("Overførsler", "EO");
  return out.length ? out : null;
}

/** A detail table's caption: its block and områder (undefined: not a detail caption). */
export function detailCaption(text: string): { block: Block; areas?: Area[] } | undefined {
  const s = squeeze(text);
  const numbered = /^tabel\s*[0-9][0-9.]*\s*[.:–-]?\s*(.*)$/.exec(s);
  const words = (numbered ? numbered[1] : s).replace(/\.$/, "").trim();
  let block: Block | undefined;
  let areas: Area[] | undefined | null;
  let m: RegExpExecArray | null;
  if ((m = /^varige (?:drifts)?ændringer\s*(?:[,–-]\s*(.*))?$/.exec(words)) && (numbered || m[1])) {
    block = "permanent";
    areas = areasOf(m[1] ?? "");
  } else if (numbered && (m = /^besparelser? på (.+)$/.exec(words))) {
    block = "permanent";
    areas = areasOf(m[1]);
  } else if ((m = /^(.*?)\s*investeringer i forslaget$/.exec(words))) {
    block = "implementation";
    areas = areasOf(m[1]);
  }
  if (!block || areas === null) return undefined;
  return areas ? { block, areas } : { block };
}

/**
 * A detail table's total row: "Varige ændringer totalt, service" (seed 000:4915), "Investeringer
 * totalt, service" (4930), "Hovedtotal" (1894), "Anlæg i alt", "Total", or Tabel 1's own total label.
 */
function totalRow(label: string): { areas?: Area[] } | undefined {
  const s = squeeze(label);
  const cls = classifyTabel1Label(label);
  // Tabel 1's own total closing a detail table (Forslag 5 Tabel 3, seed 000:2775 "Samlede implementeringsomkostninger 5.450 380")
  if (cls?.kind === "computed") return cls.area ? { areas: [cls.area] } : {};
  if (cls?.kind === "detailTotal" || /\btotalt\b/.test(s) || /^(hovedtotal|total|i alt|samlet)\b/.test(s) || /\bi alt$/.test(s)) {
    const rest = s.replace(/^varige ændringer totalt|^investeringer totalt|\btotalt\b|^hovedtotal|^total|\bi alt$|^i alt|^samlet/g, "");
    const areas = areasOf(rest.replace(/^[\s,–-]+/, ""));
    return areas ? { areas } : {};
  }
  return undefined;
}

export interface DetailTableFound {
  sheet: string;
  title: string;
  titleRow: number;
  titleCol: number;
  block: Block;
  areas?: Area[];
  yearCols: number[];
  years: number[];
  rows: { label: string; row: number }[];
  total?: { label: string; row: number };
  lastRow: number;
}

export interface DetailInput {
  title: string;
  block: Block;
  areas?: string[];
  totalLabel?: string;
  rows: Record<string, YearValuesInput>;
}

const oneLine = (t: string) => t.replace(/[\s\u00a0]+/g, " ").trim();

/** Detail tables with a caption and a year header in rows [from, to) of a sheet. */
export function findDetailTables(grid: Grid, from: number, to: number): DetailTableFound[] {
  const out: DetailTableFound[] = [];
  const end = Math.min(to, rowCount(grid));
  const labelAt = (r: number, before: number) => {
    for (let c = 0; c < before; c++) {
      const t = textAt(grid, r, c);
      if (t) return { text: t, col: c };
    }
    return undefined;
  };
  // only the rows that are there (grid.ts: a far cell must not make this walk every row)
  let after = -1;
  for (const r of rowIndices(grid)) {
    if (r < from || r <= after) continue;
    if (r >= end) break;
    const cap = labelAt(r, rowWidth(grid, r));
    const kind = cap ? detailCaption(cap.text) : undefined;
    if (!cap || !kind) continue;
    let headerRow = -1;
    let run: { cols: number[]; years: number[] } | undefined;
    for (let h = r + 1; h < Math.min(end, r + 5) && !run; h++) {
      run = yearRun(grid.values[h] ?? [], 2);
      if (run) headerRow = h;
    }
    if (!run) continue;
    const firstYearCol = run.cols[0];
    const hasValues = (q: number) => run!.cols.some((c) => !isBlank(cellAt(grid, q, c)));
    const table: DetailTableFound = {
      sheet: grid.name,
      title: oneLine(cap.text),
      titleRow: r,
      titleCol: cap.col,
      ...kind,
      yearCols: run.cols,
      years: run.years,
      rows: [],
      lastRow: headerRow,
    };
    for (let q = headerRow + 1; q < end; q++) {
      const label = labelAt(q, firstYearCol);
      const values = hasValues(q);
      if (label && (classifyCaption(label.text) || detailCaption(label.text))) break; // the next table
      if (yearRun(grid.values[q] ?? [], 2)) break;
      if (!label && !values) {
        // one blank row inside a table, as Word's paste leaves one (Forslag 11 Tabel 5, seed 5933-5936)
        if (table.rows.length && hasValues(q + 1)) continue;
        if (table.rows.length || q > headerRow + 2) break;
        continue;
      }
      if (!values) continue; // a sub-heading ("Frafaldne udgifter") or a unit line
      const text = label ? oneLine(label.text) : `Række ${q + 1}`;
      if (/^sub\w*tal$/.test(squeeze(text))) continue; // "Subtotal" (and Forslag 3's "Subotal", seed 1882): not an addend
      const total = totalRow(text);
      table.lastRow = q;
      if (total) {
        table.total = { label: text, row: q };
        if (total.areas) table.areas = total.areas;
        break;
      }
      table.rows.push({ label: text, row: q });
    }
    if (table.rows.length || table.total) out.push(table);
    after = table.lastRow;
  }
  return out;
}

/** The table as input (`stated.details[k]`), only Tabel 1's years, a location per number. */
export function readDetailTable(grid: Grid, t: DetailTableFound, k: number, ctx: ReadContext, years: number[]): DetailInput {
  const path = `stated.details[${k}]`;
  ctx.locations[path] = locRange(grid.name, t.titleRow, t.titleCol, t.lastRow, t.yearCols[t.yearCols.length - 1]);
  const rows: Record<string, YearValuesInput> = {};
  const seriesAt = (row: number, key: string) => {
    const s: YearValuesInput = {};
    t.yearCols.forEach((c, i) => {
      const y = t.years[i];
      if (!years.includes(y)) return;
      const v = rawAmount(cellAt(grid, row, c));
      ctx.at(`${path}.${key}.${y}`, grid, row, c);
      if (v !== null) s[String(y)] = v;
    });
    return s;
  };
  for (const r of t.rows) {
    let key = r.label;
    for (let n = 2; rows[key] || /^(total|i alt|samlet)$/i.test(key); n++) key = `${r.label} (${n})`;
    rows[key] = seriesAt(r.row, key);
  }
  if (t.total) rows.Total = seriesAt(t.total.row, "Total");
  const out: DetailInput = { title: t.title, block: t.block, rows };
  if (t.areas) out.areas = t.areas;
  if (t.total) out.totalLabel = t.total.label;
  return out;
}
