/**
 * The "Følsomhed" sheet and the inserted Hjælpeberegning (issue 12): what the sheet holds for
 * 2025 Forslag 4 (numbers worked by hand in test/engine/sensitivity.test.ts), and that Fortryd
 * removes the sheet and empties the inserted cell, never touching anything else.
 */
import {
  applyPlanToGrids,
  computeFound,
  planBeregn,
  planInsertValue,
  planSensitivitySheet,
  planSettings,
  planUndo,
  readWorkbook,
  validateWorkbook,
} from "../../src/workbook";
import { buildCaseWorkbook } from "../helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import { at, content, edit, loadCase } from "./helpers";

const NOW = new Date("2026-03-01T12:00:00Z");
const original = buildCaseWorkbook(loadCase("2025-F4"), "standard").grids;
const reading = readWorkbook(original);
const result = computeFound(reading.proposals[0]);

function undo(grids: Grid[]): Grid[] {
  const u = planUndo(grids);
  if (!("plan" in u)) throw new Error(u.refused);
  return applyPlanToGrids(grids, u.plan);
}

describe("the Følsomhed sheet", () => {
  const out = planSensitivitySheet(original, result, "Forslag", NOW);
  const after = applyPlanToGrids(original, out.plan);

  it("holds the scenario table under one header row, paybacks as text and npv in whole t.kr.", () => {
    expect(out.sheet).toBe("Følsomhed");
    expect(at(after, "Følsomhed", "A1")).toBe("Følsomhed: Digitalisering af høringer og brug af kunstig intelligens (AI)");
    expect(["A4", "B4", "C4", "D4", "E4", "F4"].map((a) => at(after, "Følsomhed", a))).toEqual([
      "Scenarie",
      "Ændring",
      "Service",
      "Total",
      "Nutidsværdi",
      "Puljens grænse",
    ]);
    expect(out.plan.pageSetup).toEqual([
      { sheet: "Følsomhed", orientation: "landscape", paperSize: "A4", fitToWidth: true, printTitleRows: "4:4" },
    ]);
    // no line longer than the table is wide (≈ 117 characters), so nothing is cut off in print
    const g = after.find((x) => x.name === "Følsomhed")!;
    expect(Math.max(...g.values.map((row) => String(row[0] ?? "").length))).toBeLessThanOrEqual(117);
    // stated: 7 år (2030), npv −6.282,25 → −6.282; 7 years at 2 % but 6 at 0 %: within the limit
    expect(["A5", "C5", "D5", "E5", "F5"].map((a) => at(after, "Følsomhed", a))).toEqual([
      "Som angivet",
      "7 år (2030)",
      "7 år (2030)",
      -6282,
      "inden for grænsen",
    ]);
    // delay: 8 years at 2 % and at 0 %: over
    expect(["A6", "B6", "C6", "F6"].map((a) => at(after, "Følsomhed", a))).toEqual([
      "Effekter 1 år senere",
      "effekt og tab flyttet 1 år",
      "8 år (2031)",
      "over grænsen",
    ]);
    expect(at(after, "Følsomhed", "E10")).toBe(-7745); // rate 0 %: 4.125 + 3.010 − 8 × 1.860
    expect(String(at(after, "Følsomhed", "A13"))).toContain("mindst 1,02 × de angivne");
    expect(at(after, "Følsomhed", "A16")).toBe("Forudsætninger");
    expect(String(at(after, "Følsomhed", "A17"))).toBe("År 1 er 2024 (forslagets første år med tal) i alle scenarier.");
  });

  it("Fortryd removes it and gives back the workbook as it was", () => {
    const back = undo(after);
    expect(back.map((g) => g.name)).toEqual(original.map((g) => g.name));
    expect(content(back)).toEqual(content(original));
  });

  it("after a Beregn, Fortryd removes the sheet with the Beregn's own changes", () => {
    const b = planBeregn(original, reading, 0, result, { mode: "beregn", now: NOW });
    const computed = applyPlanToGrids(original, b.plan);
    const planned = planSensitivitySheet(computed, result, "Forslag", NOW);
    expect(planned.summary).toBe("Arket Følsomhed er skrevet; Fortryd fjerner det igen sammen med sidste Beregns ændringer");
    const withSheet = applyPlanToGrids(computed, planned.plan);
    expect(withSheet.some((g) => g.name === "Følsomhed")).toBe(true);
    expect(content(undo(withSheet))).toEqual(content(original));
  });

  it("writing it again replaces Beregn's own sheet; a user's own Følsomhed sheet is never taken", () => {
    const again = planSensitivitySheet(after, result, "Forslag", NOW);
    expect(again.sheet).toBe("Følsomhed");
    const users = edit(original, "Forslag", "A1", "x");
    users.push({ name: "Følsomhed", visibility: "visible", values: [["mine"]], formulas: [[null]] });
    const out2 = planSensitivitySheet(users, result, "Forslag", NOW);
    expect(out2.sheet).toBe("Følsomhed (Beregn)");
  });

  // issue 13: the user's text on Beregn's sheet is kept (was: Fortryd refused)
  it("Fortryd keeps the sheet with the user's note when it was edited since, and says so", () => {
    const edited = edit(after, "Følsomhed", "B20", "min note");
    const u = planUndo(edited);
    if (!("plan" in u)) throw new Error(u.refused);
    expect(u.notice).toBe("Arket Følsomhed er beholdt, fordi du har skrevet i det (B20); Beregns egne celler er tømt.");
    const back = applyPlanToGrids(edited, u.plan);
    const g = back.find((x) => x.name === "Følsomhed")!;
    expect(g.values.flat().filter((v) => v !== null && v !== "")).toEqual(["min note"]);
  });

  it("writing it again keeps the user's note on it", () => {
    const edited = edit(after, "Følsomhed", "B20", "min note");
    const again = planSensitivitySheet(edited, result, "Forslag", NOW);
    expect(again.sheet).toBe("Følsomhed");
    expect(again.plan.sheets[0].clear).toBe(false);
    const back = applyPlanToGrids(edited, again.plan);
    expect(back.find((x) => x.name === "Følsomhed")!.values[19][1]).toBe("min note");
  });
});

describe("inserting a Hjælpeberegning's result", () => {
  it("writes into an empty cell, and Fortryd empties it again", () => {
    const out = planInsertValue(original, "Forslag", "Z200", { value: 118.19 });
    if (!("plan" in out)) throw new Error(out.refused);
    const after = applyPlanToGrids(original, out.plan);
    expect(at(after, "Forslag", "Z200")).toBe(118.19);
    expect(content(undo(after))).toEqual(content(original));
  });

  it("refuses a cell that holds a number, naming it", () => {
    // D6 is a Tabel 1 input cell of Forslag 4 (standard layout)
    const out = planInsertValue(original, "Forslag", "D6", { value: 1 });
    expect(out).toEqual({ refused: "Cellen Forslag!D6 er ikke tom: Beregn overskriver ikke dine tal. Markér en tom celle." });
  });

  it("refuses Beregn's own sheets and a range", () => {
    const withSheet = applyPlanToGrids(original, planSensitivitySheet(original, result, "Forslag", NOW).plan);
    expect("refused" in planInsertValue(withSheet, "Følsomhed", "H2", { value: 1 })).toBe(true);
    expect("refused" in planInsertValue(original, "Forslag", "K30:K31", { value: 1 })).toBe(true);
  });
});

describe("the sensitivity settings in the workbook", () => {
  it("a size saved in _beregn (Indstillinger) is what the sheet states and uses", () => {
    const saved = applyPlanToGrids(original, planSettings(original, { sensitivityDelayYears: "2", sensitivityRateHigh: "5 %" }));
    const r = validateWorkbook(saved).results[0]!;
    const after = applyPlanToGrids(saved, planSensitivitySheet(saved, r, "Forslag", NOW).plan);
    expect(at(after, "Følsomhed", "A6")).toBe("Effekter 2 år senere");
    expect(at(after, "Følsomhed", "A11")).toBe("Rente 5 %");
    // two years late: flows 4.125, 3.920, 595 (2026), −315 (2027), then −1.860; cumulative at 2 %
    // 4.125, 7.968,14, 8.540,03, 8.243,20, 6.524,85, 4.840,19, 3.188,56, 1.569,32, −18,17 (2032): 9 years
    expect(at(after, "Følsomhed", "C6")).toBe("9 år (2032)");
  });
});
