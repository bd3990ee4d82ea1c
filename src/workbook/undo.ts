/**
 * planUndo (docs/CONTRACTS.md; DESIGN.md: Office.js has no undo for add-in edits): restore every
 * cell the last Beregn changed to what it held before, and remove the sheets Beregn made. Refused,
 * naming the cell, when any of those cells was edited since: undo must not overwrite the user's work.
 */
import { BEREGN_SHEET, beregnSheetCells, readBeregnSheet } from "./beregnSheet";
import { CellBlock } from "./blocks";
import { cellAt, findGrid, formulaAt, parseA1 } from "./grid";
import { cellMark, decodeContent, encodeContent } from "./hash";
import { cellRanges, recordedCells, userCellsOn } from "./ownCells";
import type { WriteCell, WritePlan } from "./types";
import type { Grid } from "./types";
import { sheetHash } from "./writePlan";

/** A typed content as the user would recognise it in a message. */
function show(encoded: string): string {
  if (encoded === "e:") return "tom";
  const d = decodeContent(encoded);
  if (d.formula) return d.formula;
  return typeof d.value === "string" ? `"${d.value}"` : String(d.value);
}

/** A few cells by address ("B7, C9 og 3 andre"). */
function cellList(cells: string[]): string {
  if (cells.length <= 3) return cells.join(", ");
  return `${cells.slice(0, 3).join(", ")} og ${cells.length - 3} andre`;
}

export function planUndo(grids: Grid[]): { plan: WritePlan; cellsRestored: number; notice?: string } | { refused: string } {
  const beregn = readBeregnSheet(grids);
  // a Følsomhed sheet or an inserted Hjælpeberegning is undone like a Beregn (issue 12)
  const madeSheets = (beregn?.ownSheets ?? []).some((s) => s.name.toLowerCase() !== BEREGN_SHEET);
  if (!beregn || (!beregn.stamp && beregn.undo.length === 0 && !madeSheets))
    return { refused: "Der er ingen Beregn at fortryde: projektmappen har ingen gemt Beregn." };

  for (const e of beregn.undo) {
    const g = findGrid(grids, e.sheet);
    if (!g) return { refused: `Fortryd er afvist: arket ${e.sheet}, som Beregn skrev i, findes ikke længere.` };
    const { row, col } = parseA1(e.address);
    const cur = encodeContent(cellAt(g, row, col), formulaAt(g, row, col));
    if (cur !== e.after)
      return {
        refused: `Fortryd er afvist: cellen ${e.sheet}!${e.address} er ændret siden sidste Beregn (nu ${show(cur)}, Beregn skrev ${show(e.after)}). Ret cellen tilbage, eller ret tabellerne i hånden.`,
      };
  }
  const ownExisting = beregn.ownSheets.filter((s) => s.name.toLowerCase() !== BEREGN_SHEET && findGrid(grids, s.name));
  // a sheet Beregn made where the user typed is kept, only Beregn's cells emptied (issue 13)
  const keptSheets: { name: string; clear: string[]; cells: string[] }[] = [];
  for (const s of ownExisting) {
    const g = findGrid(grids, s.name) as Grid;
    const recorded = recordedCells(beregn.ownCells, s.name);
    if (recorded) {
      const mine = userCellsOn(g, recorded);
      if (mine.length) {
        const ours = [...recorded].filter(([k, mark]) => {
          const [r, c] = k.split(",").map(Number);
          return cellMark(encodeContent(cellAt(g, r, c), formulaAt(g, r, c))) === mark;
        });
        keptSheets.push({ name: g.name, clear: cellRanges(ours.map(([k]) => k)), cells: mine });
      }
      continue;
    }
    if (s.hash && sheetHash(g) !== s.hash)
      return {
        refused: `Fortryd er afvist: arket ${s.name}, som Beregn lavede, er ændret siden sidste Beregn. Slet det selv, hvis ændringerne ikke skal gemmes.`,
      };
  }

  const blocks = new Map<string, CellBlock>();
  for (const e of beregn.undo) {
    const b = blocks.get(e.sheet) ?? new CellBlock(e.sheet);
    blocks.set(e.sheet, b);
    const { row, col } = parseA1(e.address);
    const d = decodeContent(e.before);
    const cell: WriteCell = d.formula !== undefined ? { formula: d.formula } : { value: d.value };
    if (e.beforeFormat !== undefined) cell.numberFormat = e.beforeFormat === "" ? "General" : e.beforeFormat;
    b.set(row, col, cell);
  }
  const plan: WritePlan = { sheets: [], writes: [] };
  for (const b of blocks.values()) {
    const w = b.toRangeWrite();
    if (w) plan.writes.push(w);
  }
  // Beregn's notes back to what the cells had (none, or the user's own); a note the user edited
  // since stays theirs
  for (const n of beregn.notes ?? []) {
    const g = findGrid(grids, n.sheet);
    if (!g) continue;
    const now = g.notes ? (g.notes[n.address] ?? null) : undefined;
    if (now === undefined || now === n.after) (plan.notes ??= []).push({ sheet: g.name, address: n.address, text: n.before });
  }
  const kept = new Set(keptSheets.map((s) => s.name.toLowerCase()));
  for (const s of keptSheets) {
    const g = findGrid(grids, s.name) as Grid;
    plan.sheets.push(
      s.clear.length
        ? { name: g.name, visibility: g.visibility, clear: false, clearCells: s.clear }
        : { name: g.name, visibility: g.visibility, clear: false },
    );
  }
  const deleteSheets = ownExisting.filter((s) => !kept.has(s.name.toLowerCase())).map((s) => s.name);
  if (beregn.ownSheets.some((s) => s.name.toLowerCase() === BEREGN_SHEET)) deleteSheets.push(BEREGN_SHEET);
  else {
    // the user's "_beregn" (settings written by hand): keep the settings, drop stamp and undo
    plan.sheets.push({ name: BEREGN_SHEET, visibility: "veryHidden", clear: true });
    plan.writes.push({
      sheet: BEREGN_SHEET,
      topLeft: "A1",
      cells: beregnSheetCells({ settings: beregn.settings, ownSheets: [], undo: [] }),
    });
  }
  if (deleteSheets.length) plan.deleteSheets = deleteSheets;
  const notice = keptSheets.length
    ? keptSheets
        .map((s) => `Arket ${s.name} er beholdt, fordi du har skrevet i det (${cellList(s.cells)}); Beregns egne celler er tømt.`)
        .join(" ")
    : undefined;
  return notice ? { plan, cellsRestored: beregn.undo.length, notice } : { plan, cellsRestored: beregn.undo.length };
}
