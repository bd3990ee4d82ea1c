/**
 * "Ret tal skrevet som tekst" (issue 10 item 4): Tabel 1's input numbers typed as text ("1.144")
 * become the numbers the reader already reads from them, so Excel's SUM counts them and the next
 * Beregn writes formulas in the computed rows (writeTabel1.ts writes values while such text is
 * there). The one plan that writes input cells, and only because the user asked for it: exactly
 * the cells the reader counted in its UNREADABLE note (readTabel1.ts); text that is no number
 * ("ca. 500", "n/a") is not among them and keeps its finding. Each cell keeps its number format,
 * except Text ("@"), which is what made Excel keep the typed number as text: it becomes General.
 * Recorded in "_beregn"'s undo data like insertValue.ts, so Fortryd turns the numbers back into
 * the same text (and format), together with the last Beregn's changes.
 */
import { readAmount } from "../engine/amountText";
import type { WorkbookReading } from "./api";
import { BEREGN_SHEET, beregnSheetCells, readBeregnSheet, type BeregnData, type UndoEntry } from "./beregnSheet";
import { CellBlock } from "./blocks";
import { cellAt, findGrid, formatAt, formulaAt, parseA1, splitLocation } from "./grid";
import { encodeContent } from "./hash";
import type { ProposalLayout } from "./layout";
import { readWorkbook } from "./readWorkbook";
import type { Grid, WriteCell, WritePlan } from "./types";
import { encodeWrite } from "./writePlan";

/** One cell to convert: where, the text it holds, the number it becomes. */
export interface TextNumber {
  sheet: string;
  address: string;
  text: string;
  value: number;
}

/** Tabel 1's input cells holding a number typed as text, in every proposal of the workbook. */
export function findTextNumbers(grids: Grid[]): TextNumber[] {
  return textNumbersOf(readWorkbook(grids), grids);
}

/** The same, from a reading of these grids (the pane has one already). */
export function textNumbersOf(reading: WorkbookReading, grids: Grid[]): TextNumber[] {
  const out: TextNumber[] = [];
  const seen = new Set<string>();
  for (const p of reading.proposals) {
    for (const t of (p.layout as ProposalLayout).textNumbers ?? []) {
      const at = splitLocation(t.location);
      const g = at && findGrid(grids, at.sheet);
      if (!at || !g || seen.has(t.location)) continue;
      const { row, col } = parseA1(at.address);
      // the reader turns a date-formatted serial into its date text: only real text is converted
      if (typeof cellAt(g, row, col) !== "string" || formulaAt(g, row, col) !== null) continue;
      const a = readAmount(t.text);
      if (!a.ok || a.empty) continue;
      seen.add(t.location);
      // Decimal → the cell's number once, at the boundary: the shortest decimal text of the amount
      out.push({ sheet: g.name, address: at.address, text: t.text, value: Number(a.value.toString()) });
    }
  }
  return out;
}

export function planFixTextNumbers(grids: Grid[]): { plan: WritePlan; cells: TextNumber[]; summary: string } | { refused: string } {
  const cells = findTextNumbers(grids);
  if (cells.length === 0) return { refused: "Tabel 1 har ingen tal skrevet som tekst: der er intet at rette." };
  const data: BeregnData = readBeregnSheet(grids) ?? { ownSheets: [], undo: [] };
  const blocks = new Map<string, CellBlock>();
  const entries: UndoEntry[] = [];
  for (const t of cells) {
    const g = findGrid(grids, t.sheet) as Grid;
    const { row, col } = parseA1(t.address);
    const format = formatAt(g, row, col);
    const cell: WriteCell = { value: t.value };
    if (format === "@") cell.numberFormat = "General";
    const b = blocks.get(g.name) ?? new CellBlock(g.name);
    blocks.set(g.name, b);
    b.set(row, col, cell);
    entries.push({
      sheet: g.name,
      address: t.address,
      before: encodeContent(cellAt(g, row, col), null),
      after: encodeWrite(cell),
      beforeFormat: format ?? "",
    });
  }
  const fixed = new Set(entries.map((e) => `${e.sheet}!${e.address}`));
  const undo = [...data.undo.filter((e) => !fixed.has(`${e.sheet}!${e.address}`)), ...entries];
  // "_beregn" made now is Beregn's own, so Fortryd removes it again
  const ownSheets = findGrid(grids, BEREGN_SHEET) ? data.ownSheets : [...data.ownSheets, { name: BEREGN_SHEET, hash: "" }];
  const plan: WritePlan = { sheets: [{ name: BEREGN_SHEET, visibility: "veryHidden", clear: true }], writes: [] };
  for (const b of blocks.values()) {
    const w = b.toRangeWrite();
    if (w) plan.writes.push(w);
  }
  plan.writes.push({ sheet: BEREGN_SHEET, topLeft: "A1", cells: beregnSheetCells({ ...data, ownSheets, undo }) });
  const n = cells.length;
  const together = data.stamp || data.undo.length ? " sammen med sidste Beregns ændringer" : "";
  return {
    plan,
    cells,
    summary: `${n === 1 ? "1 tal skrevet som tekst er gjort til tal" : `${n} tal skrevet som tekst er gjort til tal`}; kør Beregn, så bliver summerne i Tabel 1 formler. Fortryd gør dem til tekst igen${together}`,
  };
}

/** The pane's confirmation: what the action changes, before it does. */
export function fixTextNumbersQuestion(cells: TextNumber[]): string {
  const first = cells[0];
  const example = `"${first.text}" i ${first.sheet}!${first.address} bliver ${new Intl.NumberFormat("da-DK", { maximumFractionDigits: 10 }).format(first.value)}`;
  const n = cells.length;
  return `${n === 1 ? "1 celle" : `${n} celler`} i Tabel 1 har tal skrevet som tekst, som Excels SUM ikke tæller med. Beregn gør ${n === 1 ? "den" : "dem"} til tal (fx ${example}); formatet bevares. Anden tekst, som "ca. 500", rører Beregn ikke. Fortryd gør ${n === 1 ? "den" : "dem"} til tekst igen.`;
}
