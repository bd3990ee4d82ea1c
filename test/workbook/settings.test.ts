/** planSettings: the pane's settings saved in "_beregn" and read back by the next read. */
import { applyPlanToGrids, planBeregn, planSettings, readWorkbook, computeFound, validateWorkbook } from "../../src/workbook";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import { loadCase } from "./helpers";

describe("planSettings", () => {
  it("saves a discount rate of 0 % that the next read applies: F4's payback becomes 6 år (2029)", () => {
    const grids = buildCaseGrids(loadCase("2025-F4"), "standard");
    const after = applyPlanToGrids(grids, planSettings(grids, { discountRate: "0" }));
    const reading = readWorkbook(after);
    expect(reading.settings).toEqual({ discountRate: "0" });
    const result = computeFound(reading.proposals[0]);
    expect(result.payback.total).toMatchObject({ years: 6, breakEvenYear: 2029, rule: "udiskonteret (0 %)" });
    // and the sheet stays very hidden
    expect(after.find((g) => g.name === "_beregn")!.visibility).toBe("veryHidden");
  });

  it("keeps the undo data of an earlier Beregn", () => {
    const grids = buildCaseGrids(loadCase("2025-F4"), "standard");
    const reading = readWorkbook(grids);
    const result = computeFound(reading.proposals[0]);
    const now = new Date("2026-11-30T08:00:00Z");
    const afterBeregn = applyPlanToGrids(grids, planBeregn(grids, reading, 0, result, { mode: "beregn", now }).plan);
    const undoRows = (g: typeof grids) => g.find((x) => x.name === "_beregn")!.values.filter((r) => r[0] === "[fortryd]").length;
    const afterSettings = applyPlanToGrids(afterBeregn, planSettings(afterBeregn, { paybackLimitYears: "8" }));
    expect(undoRows(afterSettings)).toBe(1);
    expect(readWorkbook(afterSettings).settings).toEqual({ paybackLimitYears: "8" });
  });

  it("refuses a setting of the wrong kind before planning anything", () => {
    expect(() => planSettings([], { discountRate: "høj" })).toThrow("settings.discountRate");
  });

  it("lets Valider compute with settings over the workbook's own", () => {
    const grids = buildCaseGrids(loadCase("2025-F4"), "standard");
    const { results } = validateWorkbook(grids, { discountRate: "0" });
    expect(results[0]!.payback.service).toMatchObject({ years: 6, breakEvenYear: 2029 });
  });
});
