/** Smaller parts: addresses, formula evaluation in applyPlanToGrids, table titles, keys. */
import { applyPlanToGrids, computeFound, planBeregn, readWorkbook, SheetBuilder } from "../../src/workbook";
import { a1, colIndex, colName, parseA1, splitLocation } from "../../src/workbook/grid";
import { classifyTableTitle } from "../../src/workbook/readStatedTables";
import { parseFromTo } from "../../src/workbook/readTransfers";
import { buildCaseWorkbook, danishText } from "../helpers/layoutBuilder";
import { at, dec, loadCase } from "./helpers";

describe("addresses", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %d is %s and back", (c, name) => {
    expect(colName(c)).toBe(name);
    expect(colIndex(name)).toBe(c);
  });
  test("A1 ↔ row/col, locations with quoted sheet names", () => {
    expect(a1(11, 2)).toBe("C12");
    expect(parseA1("$C$12")).toEqual({ row: 11, col: 2 });
    expect(splitLocation("Kvantum (Beregn)!B40:H52")).toEqual({ sheet: "Kvantum (Beregn)", address: "B40:H52" });
    expect(splitLocation("'Ark 1'!C3")).toEqual({ sheet: "Ark 1", address: "C3" });
    expect(splitLocation("stated.kvantum.C")).toBeUndefined();
  });
});

describe("applyPlanToGrids", () => {
  const g = new SheetBuilder("Ark").set(0, 0, 1.5).set(1, 0, 2).set(2, 0, "tekst").set(0, 1, -4).toGrid();
  test("evaluates SUM over ranges and cells, sums of cells and HYPERLINK; leaves others null", () => {
    const out = applyPlanToGrids([g], {
      sheets: [{ name: "Ny", visibility: "hidden", clear: false }],
      writes: [
        {
          sheet: "Ark",
          topLeft: "C1",
          cells: [
            [
              { formula: "=SUM(A1:A3,B1)" },
              { formula: "=A1+B1-A2" },
              { formula: '=HYPERLINK("#\'Ark\'!A1","Ark!A1")' },
              { formula: "=VLOOKUP(1,A1:B2,2)" },
            ],
            [null, { value: null }, { value: "x", numberFormat: "@" }, null],
          ],
        },
      ],
    });
    expect(at(out, "Ark", "C1")).toBe(-0.5); // 1,5 + 2 − 4; text is skipped as Excel does
    expect(at(out, "Ark", "D1")).toBe(-4.5);
    expect(at(out, "Ark", "E1")).toBe("Ark!A1");
    expect(at(out, "Ark", "F1")).toBeNull();
    expect(at(out, "Ark", "E2")).toBe("x");
    expect(out.find((x) => x.name === "Ny")?.visibility).toBe("hidden");
    // pure: the input is unchanged
    expect(g.values[0].length).toBe(2);
  });
  test("deleteSheets removes sheets; clear empties a sheet before its writes", () => {
    const out = applyPlanToGrids([g, new SheetBuilder("Gammel").set(5, 5, 1).toGrid()], {
      sheets: [{ name: "Ark", visibility: "visible", clear: true }],
      writes: [{ sheet: "Ark", topLeft: "B2", cells: [[{ value: 7 }]] }],
      deleteSheets: ["Gammel"],
    });
    expect(out.map((x) => x.name)).toEqual(["Ark"]);
    expect(out[0].values).toEqual([[], [null, 7]]);
  });
});

describe("table titles (SPEC §5, §8)", () => {
  test.each([
    ["Tabel 2.1.1 Fordeling på udvalg, inkl. implementeringsudgifter (1.000 kr., 2025 p/l)", "2.1.1"],
    ["Fordeling på udvalg", "2.1.1"],
    ["Tabel A. Måltalseffekt (nettoeffektivisering)", "A"],
    ["Tabel B – Bevillingsmæssig effekt – varig drift", "B"],
    ["Tabel C: Bevillingsmæssig effekt – hvis forslaget indarbejdes (bruttoeffektivisering)", "C"],
    ["Tabel D. Fordeling af anlægsinvesteringer mellem udvalg", "D"],
    ["Tabel E. Fordeling af serviceinvesteringer mellem udvalg", "E"],
    ["Tabel 2. Forslagets administrative effektiviseringer", "admin"],
    ["Måltalseffekt – hvis forslaget indarbejdes", "A"],
    ["Bevillingsmæssig effekt – hvis forslaget indarbejdes", "C"],
    ["Fordeling af efterspørgselsstyret indsats-investeringer mellem udvalg", "D:EI"],
    ["Tabel A. Måltalseffekt (nettoeffektivisering) – Overførsler", "A:Overførsler"],
    ["Tabel 1. Forslagets samlede økonomiske konsekvenser", undefined],
  ])("%s → %s", (title, id) => expect(classifyTableTitle(title)).toBe(id));
});

describe("transfers", () => {
  test.each([
    ["Bevillingsflyt fra Koncern IT til TMF (eksisterende driftsbudget)", { from: "KIT", to: "TMU" }],
    ["Flyt fra Økonomiforvaltningen til Teknik- og Miljøforvaltningen", { from: "ØU", to: "TMU" }],
    ["Bevillingsflyt KIT → TMU", undefined],
  ])("%s", (label, expected) => expect(parseFromTo(label)).toEqual(expected));
});

describe("keys", () => {
  test("a percent column: '25 %' as text and 0,75 formatted as % are both read as percent", () => {
    const grids = buildCaseWorkbook(loadCase("2025-F4"), "standard").grids;
    const f = grids[0];
    // replace the key table (standard layout: title below the transfers) with a % key
    const r = f.values.findIndex((row) => row[0] === "Fordelingsnøgle: systemdrift");
    f.values[r + 1] = ["Enhed", "Andel i %"];
    f.values[r + 2] = ["Økonomiudvalget", "25 %"];
    f.values[r + 3] = ["TMU", 0.75];
    f.numberFormats = [];
    f.numberFormats[r + 3] = [null, "0%"];
    const key = readWorkbook(grids).proposals[0].input.keys?.systemdrift;
    expect(key?.kind).toBe("percent");
    expect(Object.fromEntries(Object.entries(key?.weights ?? {}).map(([u, w]) => [u, dec(w)]))).toEqual({ ØU: "25", TMU: "75" });
  });
  test("drivers: cases × minutes (2025 BC01: BIF 11.100 × 1 + 1.000 × 3 = 14.100)", () => {
    const p = readWorkbook(buildCaseWorkbook(loadCase("2025-BC01"), "compact").grids).proposals[0];
    expect(dec(p.input.keys?.timer.weights.BIF)).toBe("14100");
    expect(p.locations["keys.timer.weights.BIF"]).toMatch(/^2025-BC01!B\d+:E\d+$/);
  });
});

describe("several proposals: each its own Kvantum sheet", () => {
  test("Beregn for the second proposal writes 'Kvantum 2025-BC01'", () => {
    const grids = [
      ...buildCaseWorkbook(loadCase("2025-F4"), "standard").grids,
      ...buildCaseWorkbook(loadCase("2025-BC01"), "compact").grids,
    ];
    const reading = readWorkbook(grids);
    const result = computeFound(reading.proposals[1]);
    const outcome = planBeregn(grids, reading, 1, result, { mode: "beregn", now: new Date("2026-01-01T00:00:00Z") });
    const after = applyPlanToGrids(grids, outcome.plan);
    expect(after.map((g) => g.name)).toEqual(["Forslag", "Kvantum", "2025-BC01", "Kvantum 2025-BC01", "Kontrol", "_beregn"]);
    // BC01's C = A (no drift, no transfer): KS −297 in 2025 (cases/2025-BC01.json, Tabel A)
    const again = readWorkbook(after);
    expect(again.proposals[1].layout).toBeDefined();
    expect(at(after, "Kvantum 2025-BC01", "A3")).toBe("Tabel B. Bevillingsmæssig effekt – varig drift");
    // the generated tables are explained for the proposal they belong to
    expect(at(after, "Forslag", "G11")).toBe(0); // proposal 1 untouched: its typed 0 stays
  });
});

describe("Danish number text (layoutBuilder)", () => {
  test.each([
    [-1144, "-1.144"],
    [0, "-"],
    [1474.5, "1.474,5"],
    [1234567, "1.234.567"],
  ])("%d → %s", (n, s) => expect(danishText(n)).toBe(s));
});
