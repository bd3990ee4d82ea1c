/**
 * planUndo: restores exactly the cells Beregn changed and removes the sheets it made; refuses,
 * naming the cell, when one of them was edited since (DESIGN.md: Office.js has no undo).
 */
import { applyPlanToGrids, computeFound, planBeregn, planUndo, readWorkbook } from "../../src/workbook";
import { buildCaseWorkbook, type CaseLayout } from "../helpers/layoutBuilder";
import { SheetBuilder } from "../../src/workbook/sheetBuilder";
import type { Grid, WritePlan } from "../../src/workbook/types";
import { at, content, edit, formulaOf, grid, loadCase } from "./helpers";

const NOW = new Date("2026-03-01T12:00:00Z");

function beregn(grids: Grid[]) {
  const reading = readWorkbook(grids);
  const outcome = planBeregn(grids, reading, 0, computeFound(reading.proposals[0]), { mode: "beregn", now: NOW });
  return { outcome, after: applyPlanToGrids(grids, outcome.plan) };
}

function undo(grids: Grid[]) {
  const u = planUndo(grids);
  if (!("plan" in u)) throw new Error(u.refused);
  return { cellsRestored: u.cellsRestored, after: applyPlanToGrids(grids, u.plan), plan: u.plan };
}

describe.each([
  ["2025-F4", "standard"],
  ["2025-BC01", "compact"],
  ["2025-BC02", "shifted"],
  ["2016-F2", "standard"],
] as [string, CaseLayout][])("%s %s", (id, layout) => {
  const original = buildCaseWorkbook(loadCase(id), layout).grids;
  test("undo after one Beregn gives back the workbook cell for cell", () => {
    const { outcome, after } = beregn(original);
    const u = undo(after);
    expect(content(u.after)).toEqual(content(original));
    expect(u.after.map((g) => g.name)).toEqual(original.map((g) => g.name));
    expect(u.cellsRestored).toBeGreaterThan(0);
    expect(u.cellsRestored).toBeLessThanOrEqual(outcome.cellsWritten);
  });
  test("undo after two Beregns goes back to before the first", () => {
    const once = beregn(original).after;
    const twice = beregn(once).after;
    expect(content(undo(twice).after)).toEqual(content(original));
  });
});

describe("what undo restores, cell by cell (Forslag 4, standard)", () => {
  const original = buildCaseWorkbook(loadCase("2025-F4"), "standard").grids;
  const { after } = beregn(original);
  test("a typed total comes back as the typed number, not the formula", () => {
    expect(formulaOf(after, "Forslag", "H11")).toBe("=SUM(H6:H9)");
    const u = undo(after).after;
    expect(formulaOf(u, "Forslag", "H11")).toBeNull();
    expect(at(u, "Forslag", "H11")).toBe(-565);
    expect(at(u, "Forslag", "G24")).toBe(7); // the document's bare "7"
  });
  test("the sheets Beregn made are deleted (WritePlan.deleteSheets)", () => {
    const u = undo(after);
    expect(u.plan.deleteSheets).toEqual(["Kvantum (Beregn)", "Kontrol", "_beregn"]);
    expect(u.after.map((g) => g.name)).toEqual(["Forslag", "Kvantum"]);
  });
  test("a second undo has nothing to undo", () => {
    const u = undo(after).after;
    expect(planUndo(u)).toEqual({ refused: "Der er ingen Beregn at fortryde: projektmappen har ingen gemt Beregn." });
  });
});

describe("refusals", () => {
  const original = buildCaseWorkbook(loadCase("2025-F4"), "standard").grids;
  const { after } = beregn(original);
  test("a cell Beregn wrote was edited since: refused, naming the cell", () => {
    const edited = edit(after, "Forslag", "G11", 5);
    const r = planUndo(edited);
    expect(r).toEqual({
      refused:
        "Fortryd er afvist: cellen Forslag!G11 er ændret siden sidste Beregn (nu 5, Beregn skrev =SUM(G6:G9)). Ret cellen tilbage, eller ret tabellerne i hånden.",
    });
  });
  // issue 13: a sheet Beregn made where the user typed is kept (ownCells.test.ts), not refused
  test("a sheet Beregn made was edited since: kept with the user's text, naming the sheet", () => {
    const edited = edit(after, "Kvantum (Beregn)", "B5", "PC 1234");
    const r = planUndo(edited);
    expect("notice" in r && r.notice).toContain("Arket Kvantum (Beregn) er beholdt");
    expect(at(applyPlanToGrids(edited, (r as { plan: WritePlan }).plan), "Kvantum (Beregn)", "B5")).toBe("PC 1234");
  });
  test("an input edited since does not block undo, and stays", () => {
    const edited = edit(after, "Forslag", "H6", -500);
    const u = undo(edited).after;
    expect(at(u, "Forslag", "H6")).toBe(-500);
    expect(at(u, "Forslag", "H11")).toBe(-565);
  });
  test("a workbook Beregn never touched", () => {
    expect("refused" in planUndo(original)).toBe(true);
  });
});

describe("a user's own _beregn with settings", () => {
  test("survives undo with its settings and without stamp or undo data", () => {
    const settings = new SheetBuilder("_beregn", "veryHidden")
      .set(0, 0, "[indstillinger]")
      .set(1, 0, "discountRate")
      .set(1, 1, "0")
      .toGrid();
    const original = [...buildCaseWorkbook(loadCase("2025-F4"), "standard").grids, settings];
    const { after } = beregn(original);
    expect(readWorkbook(after).settings).toEqual({ discountRate: "0" });
    const u = undo(after);
    expect(u.plan.deleteSheets).toEqual(["Kvantum (Beregn)", "Kontrol"]);
    const reading = readWorkbook(u.after);
    expect(reading.settings).toEqual({ discountRate: "0" });
    expect(reading.stamp).toBeUndefined();
    expect(grid(u.after, "_beregn").visibility).toBe("veryHidden");
    const { _beregn: _a, ...rest } = content(u.after);
    const { _beregn: _b, ...restOriginal } = content(original);
    void _a;
    void _b;
    expect(rest).toEqual(restOriginal);
  });
});
