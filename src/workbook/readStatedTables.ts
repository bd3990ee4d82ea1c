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
  // 2018 numbers its technical tables ("Tabel 5. Måltalseffekt", 000:2815; "Tabel 1.5.3 –
  // Måltalseffekt (…)", 000:1220; "Tabel 1.4.6. Bevillingsmæssig effekt på udvalg service, …",
  // 000:5181): the words after the number say which table it is
  const words = /^tabel\s*\d+(?:\.\d+)*\.?\s*[-–.:]?\s*(.*)$/.exec(s)?.[1] ?? s;
  if (m) id = m[1].toUpperCase();
  else if (/^tabel 2\b/.test(s) && /administrativ/.test(s)) return "admin";
  // 2018 technical annex wording (SPEC §8); "Fordeling af effektiviseirngsmåltal pr. år" (000:1436, the
  // document's typo) is the måltal per udvalg, Tabel A's content
  else if (/^måltalseffekt/.test(words) || /^fordeling af \S*måltal/.test(words)) id = "A";
  // Bilag 1's "Tabel 1 - Bevillingsmæssige ændringer" (000:1390): Besparelse, Omkostning and Netto per
  // udvalg; Netto is the frame change, C (= Tabel 1.5.3's A + Tabel 1.5.2's B in 41 of its 42 cells)
  else if (/^bevillingsmæssig(e)? (effekt|ændringer)/.test(words)) id = /varig drift/.test(words) ? "B" : "C";
  else if (/^fordeling(en)? af anlægs/.test(words)) id = "D";
  else if (/^fordeling(en)? af service/.test(words)) id = "E";
  else if (/^fordeling(en)? af (efterspørgselsstyret )?indsats/.test(words)) return "D:EI";
  if (!id) return undefined;
  // Beregn's tables for other områder end in "– Overførsler" (writeKvantum.ts)
  const suffix = /[–-]\s*([^–-]+)$/.exec(s);
  // an område in 2018's words: "Tabel 1.4.8. bevillingsmæssig effekt overførsler, …" (000:5199)
  const named = /^(måltalseffekt|bevillingsmæssig effekt)( på udvalg)? (overførsler|efterspørgselsstyret indsats)\b/.exec(words);
  const area = named ? readArea(named[3]) : suffix ? readArea(suffix[1].trim()) : undefined;
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
      if (!id || rowHasAmounts(grid, r, c)) continue;
      out.push(...scanTable(grid, id, r, c, rows, width, generated));
      break;
    }
  return out;
}

/**
 * A row of numbers is a table's row, not its caption: 2018 Forslag 2's sub-rows "Bevillingsmæssig
 * effekt i alt" and "Bevillingsmæssig effekt af fordeling af effektivisering" (000:1131, 000:1129) read
 * like captions but carry a year's amount in every column.
 */
function rowHasAmounts(grid: Grid, r: number, titleCol: number): boolean {
  let n = 0;
  for (let c = 0; c < rowWidth(grid, r); c++) {
    if (c === titleCol) continue;
    const v = cellAt(grid, r, c);
    if (typeof v === "number" || (typeof v === "string" && /^\s*[-−–]?\s*(\d[\d.]*(,\d+)?|0)?\s*$/.test(v) && v.trim() !== "")) n++;
  }
  return n >= 2;
}

function scanTable(
  grid: Grid,
  id: string,
  titleRow: number,
  titleCol: number,
  rows: number,
  width: number,
  generated: boolean,
): TableLayout[] {
  let headerRow = -1;
  let run: { cols: number[]; years: number[] } | undefined;
  for (let h = titleRow; h <= Math.min(rows - 1, titleRow + 3); h++) {
    run = yearRun(grid.values[h] ?? [], 1);
    if (run) {
      headerRow = h;
      break;
    }
  }
  if (!run) return [];
  const firstYearCol = run.cols[0];
  const title = textAt(grid, titleRow, titleCol);
  const base = {
    wording2018: id !== "admin" && id !== "2.1.1" && !/^tabel\s/.test(squeeze(title)),
    id,
    sheet: grid.name,
    titleRow,
    titleCol,
    headerRow,
    years: run.years,
    yearCols: run.cols,
    generated,
  };
  const blocks = id === "admin" ? undefined : scanBlocks(grid, headerRow, firstYearCol, rows);
  if (blocks) return blockTables(base, blocks);
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
  if (unitRows.length === 0) return [];
  return [{ ...base, labelCol, unitRows, lastRow }];
}

type TableBase = Omit<TableLayout, "labelCol" | "unitRows" | "lastRow">;

/** One sub-row kind of a block table: its label as first printed, and its row in each unit's block. */
interface BlockPart {
  label: string;
  unitRows: { unit: string; row: number }[];
}

interface Blocks {
  labelCol: number;
  lastRow: number;
  /** By normalised sub-label, in the order first printed. */
  parts: Map<string, BlockPart>;
}

/**
 * A sub-row's kind across the blocks: the net row ("Bevillingsmæssig effekt i alt", "Netto", the
 * Total block's "Total") is one kind; "Samlet besparelse" and "Besparelse" are one.
 */
function partKey(label: string): string {
  const s = squeeze(label);
  if (/\bi alt$|^netto\b|^total\b/.test(s)) return "net";
  return s.replace(/^samlede? /, "");
}

/** A sub-label: words in a column between the unit and the years ("Samlet besparelse"), not a key ("16,10 %"). */
function subLabelAt(grid: Grid, r: number, from: number, firstYearCol: number): { col: number; text: string } | undefined {
  for (let c = from; c < firstYearCol; c++) {
    const t = textAt(grid, r, c);
    if (t && /[a-zæøå]/i.test(t) && !/\d/.test(t)) return { col: c, text: t };
  }
  return undefined;
}

/**
 * A table with a block of sub-rows per unit, the unit named on the block's first row and each
 * sub-row labelled in the next column (2018 Forslag 2's "Tabel 1.5.2 Bevillingsmæssig effekt",
 * 000:1122-1211, and Bilag 1's "Tabel 1 - Bevillingsmæssige ændringer", 000:1390-1432; 2016's
 * "Tabel 3. Fordeling af forslagets potentiale mellem udvalg", 003:415-452). The last block is
 * the Total ("I alt", "Samlet varig ændring"). Undefined when the first row has no sub-label.
 */
function scanBlocks(grid: Grid, headerRow: number, firstYearCol: number, rows: number): Blocks | undefined {
  let first = headerRow + 1;
  while (first < rows && first <= headerRow + 2 && !unitLabelAt(grid, first, firstYearCol)) first++;
  let labelCol = -1;
  for (let c = 0; c < firstYearCol && labelCol < 0; c++) if (textAt(grid, first, c)) labelCol = c;
  if (labelCol < 0 || !unitLabelAt(grid, first, firstYearCol)) return undefined;
  const sub0 = subLabelAt(grid, first, labelCol + 1, firstYearCol);
  if (!sub0) return undefined;
  const subCol = sub0.col;
  // a block has sub-rows: the next row has no unit, only a sub-label (a 2025 Tabel A's free-text
  // Bevilling column, "Service", is one per unit row)
  for (let c = 0; c < subCol; c++) if (textAt(grid, first + 1, c)) return undefined;
  if (!textAt(grid, first + 1, subCol)) return undefined;
  const parts = new Map<string, BlockPart>();
  const units = new Set<string>();
  let unit: string | undefined;
  let lastRow = first;
  for (let r = first; r < rows; r++) {
    let head: string | undefined;
    for (let c = 0; c < subCol && !head; c++) head = textAt(grid, r, c) || undefined;
    const sub = textAt(grid, r, subCol);
    if (!head && !sub) {
      // an empty row between blocks, as 2018 Forslag 10's Tabel 6 has (000:5591-5636)
      if (unitLabelAt(grid, r + 1, subCol) && textAt(grid, r + 1, subCol)) continue;
      break;
    }
    if (head) {
      const u = isTotalLabel(head) ? "Total" : canonicalUnit(head);
      if (!u || !sub) break; // the next table's caption, a footnote
      // a unit printed twice (2016 Forslag 4's BIU and "BIU - EI", 003:2001-2011; 2018 Forslag 10's
      // udvalg per område) keeps both rows under their labels; the check adds rows of one unit
      unit = units.has(u) ? head.replace(/[\s\u00a0]+/g, " ").trim() : u;
      units.add(u);
    }
    if (!unit) break;
    const key = partKey(sub);
    const part = parts.get(key) ?? { label: sub.replace(/[\s\u00a0]+/g, " ").trim(), unitRows: [] };
    if (!part.unitRows.some((x) => x.unit === unit)) part.unitRows.push({ unit, row: r });
    parts.set(key, part);
    lastRow = r;
  }
  return { labelCol, lastRow, parts };
}

/**
 * The tables a block table holds: the net rows are the table the caption names (2018 Forslag 2's
 * "Bevillingsmæssig effekt i alt" = Omkostning + "Bevillingsmæssig effekt af fordeling af
 * effektivisering", the frame moved between udvalg: SPEC §5's B, Σ 0 on its Total row, 000:1177;
 * else the caption's own table), every other sub-row checked against its own Total only
 * (rowsOnly). Without net rows, an allocation's sub-rows are compared with Tabel 1 together
 * (grouped: 2016 Forslag 2's Effektivisering −1.250 + Omkostning 250 = Samlet varig ændring
 * −1.000, 003:886-887); a Kvantum table's is its first sub-row.
 */
function blockTables(base: TableBase, blocks: Blocks): TableLayout[] {
  const keys = [...blocks.parts.keys()];
  const redistributes = keys.some((k) => /fordeling af effektivisering/.test(k));
  return keys.map((k) => {
    const part = blocks.parts.get(k) as BlockPart;
    const t: TableLayout = { ...base, labelCol: blocks.labelCol, unitRows: part.unitRows, lastRow: blocks.lastRow, part: part.label };
    // without a net row the sub-rows together are the permanent change (2016: Effektivisering + Omkostning)
    if (!blocks.parts.has("net"))
      return base.id === "alloc" ? { ...t, grouped: true } : k === keys[0] ? t : { ...t, id: "alloc", rowsOnly: true };
    if (k !== "net") return { ...t, id: "alloc", rowsOnly: true };
    return base.id === "C" && redistributes ? { ...t, id: "B" } : t;
  });
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
        // said once per table, at the year's header cell (a block table is read once per sub-row)
        const where = loc(grid.name, table.headerRow, c);
        if (!warned && !ctx.findings.some((f) => f.code === "PRICE_LEVEL" && f.location === where))
          ctx.add(
            "PRICE_LEVEL",
            "warning",
            `Tabellen har året ${y}, som ikke er blandt Tabel 1's år (${proposalYears[0]}–${proposalYears[proposalYears.length - 1]}); året er ikke kontrolleret`,
            where,
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
