/**
 * "Ret tal skrevet som tekst" (issue 10 item 4): exactly the input cells the reader counts as
 * numbers typed as text become those numbers; other text keeps its UNREADABLE finding; the
 * format stays (Text "@" becomes General); Fortryd restores the text; after it Beregn writes
 * formulas in Tabel 1's computed rows.
 *
 * 2025-BC01 in the compact layout holds its inputs as Danish text (layoutBuilder.ts). Its Tabel 1
 * is /work/shared/seeds/004 lines 119–126: F = 2024 … K = 2029, rows 3–5 the effects, 9–10 the
 * implementation costs.
 */
import { buildCaseWorkbook } from "../helpers/layoutBuilder";
import {
  applyPlanToGrids,
  computeFound,
  findTextNumbers,
  fixTextNumbersQuestion,
  planBeregn,
  planFixTextNumbers,
  planUndo,
  readWorkbook,
} from "../../src/workbook";
import { parseA1 } from "../../src/workbook/grid";
import type { Grid, WritePlan } from "../../src/workbook/types";
import { at, edit, formulaOf, grid, loadCase } from "./helpers";

const BC01 = () => buildCaseWorkbook(loadCase("2025-BC01"), "compact").grids;
const SHEET = "2025-BC01";

function fix(grids: Grid[]): { plan: WritePlan; grids: Grid[]; summary: string } {
  const r = planFixTextNumbers(grids);
  if ("refused" in r) throw new Error(r.refused);
  return { plan: r.plan, grids: applyPlanToGrids(grids, r.plan), summary: r.summary };
}

function beregn(grids: Grid[]): Grid[] {
  const reading = readWorkbook(grids);
  const result = computeFound(reading.proposals[0]);
  return applyPlanToGrids(grids, planBeregn(grids, reading, 0, result, { mode: "beregn", now: new Date("2026-12-02T17:14:00Z") }).plan);
}

function undo(grids: Grid[]): Grid[] {
  const u = planUndo(grids);
  if ("refused" in u) throw new Error(u.refused);
  return applyPlanToGrids(grids, u.plan);
}

function setFormat(grids: Grid[], sheet: string, address: string, format: string): Grid[] {
  const out = JSON.parse(JSON.stringify(grids)) as Grid[];
  const g = grid(out, sheet);
  const { row, col } = parseA1(address);
  g.numberFormats ??= [];
  while (g.numberFormats.length <= row) g.numberFormats.push([]);
  while (g.numberFormats[row].length < col) g.numberFormats[row].push(null);
  g.numberFormats[row][col] = format;
  return out;
}

describe("the cells converted", () => {
  test("exactly the 18 numbers typed as text the reader counts, as the numbers of seed 004 lines 119–124", () => {
    const cells = findTextNumbers(BC01());
    expect(cells.map((c) => `${c.address}=${c.value}`)).toEqual([
      // line 119: 0 -149 -297 -297 -297 -297 (the 0 of 2024 is not text)
      "G3=-149",
      "H3=-297",
      "I3=-297",
      "J3=-297",
      "K3=-297",
      // line 120: 0 -148 -297 …
      "G4=-148",
      "H4=-297",
      "I4=-297",
      "J4=-297",
      "K4=-297",
      // line 121: 0 0 -550 -880 -880 -880
      "H5=-550",
      "I5=-880",
      "J5=-880",
      "K5=-880",
      // line 123: 0 750 750 0 0 0; line 124: 0 1.250 1.500 0 0 0
      "G9=750",
      "H9=750",
      "G10=1250",
      "H10=1500",
    ]);
    // the same count the reader's note gives
    const note = readWorkbook(BC01()).proposals[0].findings.find((f) => f.code === "UNREADABLE");
    expect(note?.message).toMatch(/^18 tal er skrevet som tekst \(fx "-149" i 2025-BC01!G3\); Beregn læser dem/);
  });

  test("the cells hold numbers afterwards, and nothing else of the sheet changed", () => {
    const before = BC01();
    const after = fix(before).grids;
    expect(at(after, SHEET, "G10")).toBe(1250);
    expect(at(after, SHEET, "I5")).toBe(-880);
    // a label, a computed row's stated value and the 2024 zeros are as they were
    expect(at(after, SHEET, "A3")).toBe(at(before, SHEET, "A3"));
    expect(at(after, SHEET, "F3")).toBe(at(before, SHEET, "F3"));
    expect(at(after, SHEET, "H6")).toBe(at(before, SHEET, "H6"));
    expect(readWorkbook(after).proposals[0].findings.filter((f) => f.code === "UNREADABLE")).toEqual([]);
  });

  test("text that is no number is left alone and keeps its UNREADABLE error", () => {
    const grids = edit(BC01(), SHEET, "I9", "ca. 500");
    const r = fix(grids);
    expect(at(r.grids, SHEET, "I9")).toBe("ca. 500");
    const written = r.plan.writes.filter((w) => w.sheet === SHEET).flatMap((w) => w.cells.flat());
    expect(written.filter((c) => c !== null)).toHaveLength(18);
    const f = computeFound(readWorkbook(r.grids).proposals[0]).findings.find((x) => x.location === `${SHEET}!I9`);
    expect(f?.code).toBe("UNREADABLE");
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain('"ca. 500"');
  });

  test("the format is kept; Text (@), which keeps a typed number as text in Excel, becomes General", () => {
    let grids = setFormat(BC01(), SHEET, "G3", "@");
    grids = setFormat(grids, SHEET, "H3", "#,##0");
    const writes = fix(grids).plan.writes.find((w) => w.sheet === SHEET);
    expect(writes?.topLeft).toBe("G3");
    expect(writes?.cells[0][0]).toEqual({ value: -149, numberFormat: "General" });
    expect(writes?.cells[0][1]).toEqual({ value: -297 });
  });

  test("one number typed as text: singular words", () => {
    const grids = buildCaseWorkbook(loadCase("2025-F4"), "standard").grids;
    const one = edit(grids, "Forslag", "H7", "-455");
    expect(readWorkbook(one).proposals[0].findings.find((f) => f.code === "UNREADABLE")?.message).toBe(
      '1 tal er skrevet som tekst ("-455" i Forslag!H7); Beregn læser det, men Excels SUM tæller det ikke med',
    );
    const r = planFixTextNumbers(one);
    expect("refused" in r ? r.refused : r.summary).toMatch(/^1 tal skrevet som tekst er gjort til tal;/);
    expect(fixTextNumbersQuestion(findTextNumbers(one))).toMatch(
      /^1 celle i Tabel 1 har tal skrevet som tekst.*"-455" i Forslag!H7 bliver -455/,
    );
  });

  test("refused, in Danish, when there is nothing to convert", () => {
    expect(planFixTextNumbers(buildCaseWorkbook(loadCase("2025-F4"), "standard").grids)).toEqual({
      refused: "Tabel 1 har ingen tal skrevet som tekst: der er intet at rette.",
    });
  });
});

describe("Beregn after it", () => {
  test("before: Tabel 1's computed rows are values; after: formulas over the input rows", () => {
    const plain = beregn(BC01());
    // Samlet varig ændring (row 7), 2026: -1.144 (seed 004 line 123), as a value
    expect(formulaOf(plain, SHEET, "H7")).toBeNull();
    expect(at(plain, SHEET, "H7")).toBe(-1144);
    const fixed = beregn(fix(BC01()).grids);
    expect(formulaOf(fixed, SHEET, "H7")).toBe("=SUM(H3:H5)");
    expect(formulaOf(fixed, SHEET, "H11")).toBe("=SUM(H9:H10)");
  });

  test("Kontrol says the numbers were converted, not that sums are values", () => {
    const kontrolText = (gs: Grid[]) =>
      grid(gs, "Kontrol")
        .values.flat()
        .filter((v) => typeof v === "string")
        .join("\n");
    expect(kontrolText(beregn(BC01()))).toMatch(/Brug "Ret tal skrevet som tekst"/);
    const text = kontrolText(beregn(fix(BC01()).grids));
    expect(text).toContain("Tabel 1: 18 tal skrevet som tekst er gjort til tal med samme værdi (Ret tal skrevet som tekst)");
    expect(text).not.toMatch(/Brug "Ret tal skrevet som tekst"/);
  });
});

describe("Fortryd", () => {
  test("restores the text and the Text format of each cell", () => {
    const grids = setFormat(BC01(), SHEET, "G3", "@");
    const back = undo(fix(grids).grids);
    expect(at(back, SHEET, "G3")).toBe("-149");
    expect(at(back, SHEET, "G10")).toBe("1.250");
    expect(grid(back, SHEET).numberFormats?.[2]?.[6]).toBe("@");
    expect(back.map((g) => g.name)).not.toContain("_beregn");
  });

  test("after the fix and a Beregn, one Fortryd restores both the text and the computed rows", () => {
    const original = BC01();
    const back = undo(beregn(fix(original).grids));
    expect(at(back, SHEET, "H5")).toBe("-550");
    expect(formulaOf(back, SHEET, "H7")).toBeNull();
    expect(at(back, SHEET, "H7")).toBe(at(original, SHEET, "H7"));
  });
});
