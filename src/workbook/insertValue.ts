/**
 * Insert one computed value (the pane's Hjælpeberegning, issue 12) into the selected cell. Only
 * an empty cell of the user's own sheets: Beregn never overwrites a number, a text or a formula.
 * The cell is recorded in "_beregn"'s undo data like the cells a Beregn writes, so Fortryd
 * empties it again (together with what the last Beregn changed).
 */
import { BEREGN_SHEET, beregnSheetCells, readBeregnSheet, type BeregnData, type UndoEntry } from "./beregnSheet";
import { cellAt, findGrid, formatAt, formulaAt, isBlank, parseA1 } from "./grid";
import { encodeContent } from "./hash";
import type { Grid, WriteCell, WritePlan } from "./types";
import { encodeWrite } from "./writePlan";

export function planInsertValue(
  grids: Grid[],
  sheet: string,
  address: string,
  cell: WriteCell,
): { plan: WritePlan; summary: string } | { refused: string } {
  const grid = findGrid(grids, sheet);
  if (!grid) return { refused: `Arket ${sheet} findes ikke.` };
  const data: BeregnData = readBeregnSheet(grids) ?? { ownSheets: [], undo: [] };
  if (sheet.toLowerCase() === BEREGN_SHEET || data.ownSheets.some((s) => s.name.toLowerCase() === sheet.toLowerCase()))
    return { refused: `Arket ${sheet} er Beregns eget og skrives om ved næste Beregn: vælg en celle i dit eget ark.` };
  if (!/^[A-Z]{1,3}[1-9]\d*$/.test(address)) return { refused: `Markér én celle (ikke ${address}).` };
  const { row, col } = parseA1(address);
  const current = encodeContent(cellAt(grid, row, col), formulaAt(grid, row, col));
  if (!isBlank(cellAt(grid, row, col)) || formulaAt(grid, row, col))
    return { refused: `Cellen ${sheet}!${address} er ikke tom: Beregn overskriver ikke dine tal. Markér en tom celle.` };
  const after = encodeWrite(cell);
  const prior = data.undo.find((e) => e.sheet === sheet && e.address === address && e.after === current);
  const entry: UndoEntry = prior
    ? { ...prior, after }
    : { sheet, address, before: current, after, beforeFormat: formatAt(grid, row, col) ?? "" };
  const undo = [...data.undo.filter((e) => !(e.sheet === sheet && e.address === address)), entry];
  const ownSheets = findGrid(grids, BEREGN_SHEET) ? data.ownSheets : [...data.ownSheets, { name: BEREGN_SHEET, hash: "" }];
  return {
    plan: {
      sheets: [{ name: BEREGN_SHEET, visibility: "veryHidden", clear: true }],
      writes: [
        { sheet, topLeft: address, cells: [[cell]] },
        { sheet: BEREGN_SHEET, topLeft: "A1", cells: beregnSheetCells({ ...data, ownSheets, undo }) },
      ],
    },
    summary: `Indsat i ${sheet}!${address}; Fortryd tømmer cellen igen${data.stamp || data.undo.length ? " sammen med sidste Beregns ændringer" : ""}`,
  };
}
