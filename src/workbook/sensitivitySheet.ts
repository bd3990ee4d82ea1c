/**
 * The sheet "Følsomhed" (issue 12): the scenario table of one proposal, with what every number
 * assumes, plain enough to paste into the proposal's Word document (text and whole t.kr., one
 * header row, no merged cells, no colours). Made on request from the pane, kept in "_beregn" as
 * one of Beregn's own sheets, so Fortryd removes it with the rest of what Beregn made.
 */
import { paybackText } from "../engine/payback";
import type { Result } from "../engine/result";
import { roundHalfAwayFromZero } from "../engine/series";
import { computeSensitivity } from "../engine/sensitivity";
import { assumptionLines, breakEvenText, percentText, scenarioChange, wrapText } from "../engine/sensitivityText";
import { PROFILES } from "../engine/settings";
import { CellBlock, amountCell, textCell } from "./blocks";
import { BEREGN_SHEET, beregnSheetCells, readBeregnSheet, type BeregnData } from "./beregnSheet";
import { findGrid } from "./grid";
import { pickSheetName } from "./sheetNames";
import type { Grid, WritePlan } from "./types";
import { blockHash, sheetHash } from "./writePlan";
import { claimOwnSheet, ownCellRuns, recordedCells } from "./ownCells";

export const SENSITIVITY_SHEET = "Følsomhed";

const HEADER = ["Scenarie", "Ændring", "Service", "Total", "Nutidsværdi", "Puljens grænse"];
/** Column widths (characters): about 120 in all, one landscape A4 page. */
const WIDTHS = [34, 28, 13, 13, 12, 17];
/** Notes are split into lines that fit the table's width, one a row (no wrap, no merge). */
const NOTE_WIDTH = 115;

/** The cells of the sheet, from A1. */
export function sensitivityBlock(sheet: string, result: Result, sourceSheet: string | null, time: string): CellBlock {
  const p = result.proposal;
  const s = computeSensitivity(p);
  const b = new CellBlock(sheet);
  b.set(0, 0, textCell(`Følsomhed: ${p.title}`, true));
  const where = sourceSheet ? `arket ${sourceSheet} · ` : "";
  b.set(1, 0, textCell(`${where}${PROFILES[p.profile].name} · ${p.priceLevel ?? "t.kr."} · beregnet af Beregn ${time}`));
  if (!s) {
    b.set(3, 0, textCell("Ikke relevant: forslaget har ingen investering, så der er ingen tilbagebetalingstid at belyse."));
    return b;
  }
  b.set(2, 0, textCell("Tilbagebetalingstid baseret på serviceeffektivisering (Service) og på totaløkonomi (Total); nutidsværdi i t.kr."));
  HEADER.forEach((h, c) => b.set(3, c, textCell(h, true)));
  s.scenarios.forEach((x, k) => {
    const r = 4 + k;
    b.set(r, 0, textCell(x.label));
    b.set(r, 1, textCell(scenarioChange(x)));
    b.set(r, 2, textCell(paybackText(x.payback.service)));
    b.set(r, 3, textCell(paybackText(x.payback.total)));
    b.set(r, 4, amountCell(roundHalfAwayFromZero(x.npv).toNumber()));
    b.set(r, 5, textCell(x.overLimit ? "over grænsen" : s.limitYears === null ? "ingen grænse" : "inden for grænsen"));
  });
  let r = 4 + s.scenarios.length + 1;
  const note = (text: string) => {
    for (const line of wrapText(text, NOTE_WIDTH)) b.set(r++, 0, textCell(line));
  };
  note(breakEvenText(s));
  r++;
  b.set(r++, 0, textCell("Forudsætninger", true));
  for (const line of assumptionLines(s, "»over grænsen«:")) note(line);
  const set = p.settings;
  note(
    `Størrelser (indstillinger): forsinkelse ${set.sensitivityDelayYears} år, effekter −${percentText(set.sensitivityEffectDown)}, ` +
      `implementering +${percentText(set.sensitivityInvestmentUp)}, varig drift +${percentText(set.sensitivityDriftUp)}, ` +
      `renter ${percentText(set.sensitivityRateLow)} og ${percentText(set.sensitivityRateHigh)}, horisont ${set.sensitivityHorizonYears} år.`,
  );
  return b;
}

/**
 * A plan that writes "Følsomhed" (a fresh sheet, or Beregn's own from before) and records it in
 * "_beregn" as Beregn's own, keeping the settings, the stamp and the undo data as they are.
 */
export function planSensitivitySheet(
  grids: Grid[],
  result: Result,
  sourceSheet: string | null,
  now: Date = new Date(),
): { plan: WritePlan; sheet: string; summary: string } {
  const data: BeregnData = readBeregnSheet(grids) ?? { ownSheets: [], undo: [] };
  const own = new Set(data.ownSheets.filter((s) => findGrid(grids, s.name)).map((s) => s.name.toLowerCase()));
  const name = pickSheetName(SENSITIVITY_SHEET, grids, own);
  const block = sensitivityBlock(name, result, sourceSheet, now.toISOString());
  // what the user wrote on an earlier Følsomhed stays (issue 13, ownCells.ts)
  const grid = own.has(name.toLowerCase()) ? findGrid(grids, name) : undefined;
  const prior = data.ownSheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const claim = claimOwnSheet(grid, block, recordedCells(data.ownCells, name), !!grid && !!prior?.hash && sheetHash(grid) === prior.hash);
  const hash = blockHash(block);
  const ownCells = [...(data.ownCells ?? []).filter((x) => x.sheet.toLowerCase() !== name.toLowerCase()), ...ownCellRuns(block)];
  const ownSheets = data.ownSheets.filter((s) => s.name.toLowerCase() !== name.toLowerCase() && findGrid(grids, s.name));
  ownSheets.push({ name, hash });
  // "_beregn" made now is Beregn's own too, so Fortryd removes it with the sheet
  if (!findGrid(grids, BEREGN_SHEET)) ownSheets.push({ name: BEREGN_SHEET, hash: "" });
  const plan: WritePlan = {
    sheets: [
      claim.clear.length
        ? { name, visibility: "visible", clear: false, clearCells: claim.clear }
        : { name, visibility: "visible", clear: false },
      { name: BEREGN_SHEET, visibility: "veryHidden", clear: true },
    ],
    writes: [block.toRangeWrite()!, { sheet: BEREGN_SHEET, topLeft: "A1", cells: beregnSheetCells({ ...data, ownSheets, ownCells }) }],
    columnWidths: WIDTHS.map((width, column) => ({ sheet: name, column, width })),
    // one landscape A4 page, to print or to paste into the proposal's Word document
    pageSetup: [{ sheet: name, orientation: "landscape", paperSize: "A4", fitToWidth: true, printTitleRows: "4:4" }],
  };
  // one undo record for Beregn and what the pane adds: say so, so Fortryd surprises nobody
  const withBeregn = data.stamp || data.undo.length ? " sammen med sidste Beregns ændringer" : "";
  const kept = claim.kept.length ? `; din tekst er beholdt i ${claim.kept.map((f) => f.location).join(", ")}` : "";
  return { plan, sheet: name, summary: `Arket ${name} er skrevet; Fortryd fjerner det igen${withBeregn}${kept}` };
}
