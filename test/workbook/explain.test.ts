/**
 * explainCell ("Forklar"): the rows and key shares behind a Kvantum cell and whether the
 * largest-remainder rounding of SPEC §4 moved it.
 */
import Decimal from "decimal.js";
import { applyPlanToGrids, computeFound, explainCell, planBeregn, readWorkbook } from "../../src/workbook";
import { buildCaseWorkbook } from "../helpers/layoutBuilder";
import { loadCase } from "./helpers";

// 2025 BC02: net effect −674 + 112 = −562 a year, credited by the tenants' key (kr. per
// administration: KFF 306.376, SOF 76.220, BUF 101.271, ØKF 78.258; Σ 562.125)
const grids = buildCaseWorkbook(loadCase("2025-BC02"), "standard").grids;
const reading = readWorkbook(grids);
const result = computeFound(reading.proposals[0]);
// the user's Kvantum sheet: Tabel A from A1, header row 2, ØU row 3 … KFU row 8, BUU row 9,
// Total row 14; 2025 in column D
describe("Tabel A, BC02", () => {
  test("KFU 2025: exact −562 × 306.376 / 562.125, shown −307, moved by the rounding", () => {
    const e = explainCell(reading, result, "Kvantum", "D8");
    expect(e).toBeDefined();
    const exact = new Decimal(-562).times(306376).div(562125);
    expect(e?.table).toBe("Tabel A");
    expect(e?.unit).toBe("KFU");
    expect(e?.year).toBe(2025);
    expect(e?.exact.toDecimalPlaces(6).toString()).toBe(exact.toDecimalPlaces(6).toString()); // −306,310…
    expect(e?.shown.toString()).toBe("-307");
    expect(e?.movedByRounding).toBe(true);
    const sum = (e?.parts ?? []).reduce((s, p) => s.plus(p.amount), new Decimal(0));
    expect(sum.toDecimalPlaces(6).toString()).toBe(exact.toDecimalPlaces(6).toString());
    expect(e?.parts.length).toBe(2); // the income row and the running-cost row
  });
  test("BUU 2025: exact −101,25…, shown −101, not moved", () => {
    const e = explainCell(reading, result, "Kvantum", "D9");
    expect(e?.unit).toBe("BUU");
    expect(e?.shown.toString()).toBe("-101");
    expect(e?.movedByRounding).toBe(false);
  });
  test("Total 2025: −562", () => {
    const e = explainCell(reading, result, "Kvantum", "D14");
    expect(e?.unit).toBe("Total");
    expect(e?.shown.toString()).toBe("-562");
    expect(e?.movedByRounding).toBe(false);
  });
  test("a cell outside the tables has no explanation", () => {
    expect(explainCell(reading, result, "Kvantum", "A1")).toBeUndefined();
    expect(explainCell(reading, result, "Forslag", "G6")).toBeUndefined();
  });
});

describe("a table Beregn generated", () => {
  test("Forslag 4 without stated tables: Tabel A, ØU 2025 on the generated Kvantum is −455 + 25 % × 345", () => {
    const c = loadCase("2025-F4");
    const grids0 = buildCaseWorkbook({ ...c, stated: undefined }, "standard").grids;
    const r0 = readWorkbook(grids0);
    const res0 = computeFound(r0.proposals[0]);
    const plan = planBeregn(grids0, r0, 0, res0, { mode: "kvantum", now: new Date("2026-01-01T00:00:00Z") });
    const after = applyPlanToGrids(grids0, plan.plan);
    const reading2 = readWorkbook(after);
    // generated Kvantum: 2.1.1 rows 3–13, Tabel A title 15, header 16, ØU row 17; 2025 in column D
    const e = explainCell(reading2, computeFound(reading2.proposals[0]), "Kvantum", "D17");
    expect(e?.table).toBe("Tabel A");
    expect(e?.unit).toBe("ØU");
    expect(e?.exact.toString()).toBe("-368.75");
    expect(e?.shown.toString()).toBe("-369");
    expect(e?.movedByRounding).toBe(false);
    expect(e?.parts.map((p) => p.amount.toString()).sort()).toEqual(["-455", "86.25"]);
  });
});
