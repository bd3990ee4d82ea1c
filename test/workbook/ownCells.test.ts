/**
 * Beregn's own sheets keep what the user wrote (issue 13; SPEC §5: the Kvantum tables' column
 * "Bevilling, profitcenter mv." is where the administrations type their own text). "_beregn"
 * records the cells Beregn wrote on its own sheets ("[egne celler]"); the next Beregn empties only
 * those that still hold what it wrote, and never writes over the user's text.
 */
import { applyPlanToGrids, computeFound, planBeregn, planUndo, readWorkbook } from "../../src/workbook";
import { beregnSheetCells, readBeregnSheet } from "../../src/workbook/beregnSheet";
import { CellBlock } from "../../src/workbook/blocks";
import { buildCaseWorkbook } from "../helpers/layoutBuilder";
import { cellRanges, claimOwnSheet, ownCellRuns, recordedCells } from "../../src/workbook/ownCells";
import type { CellValue, Grid } from "../../src/workbook/types";
import { at, content, edit, grid, loadCase } from "./helpers";

const NOW = new Date("2026-03-01T12:00:00Z");
const KV = "Kvantum (Beregn)";

function beregn(grids: Grid[]) {
  const reading = readWorkbook(grids);
  const outcome = planBeregn(grids, reading, 0, computeFound(reading.proposals[0]), { mode: "beregn", now: NOW });
  return { outcome, after: applyPlanToGrids(grids, outcome.plan) };
}

/** A sheet's cells as "A1" → value, without the given addresses. */
function cells(grids: Grid[], sheet: string, without: string[] = []): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  const g = grid(grids, sheet);
  g.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const f = g.formulas[r]?.[c];
      const key = `${String.fromCharCode(65 + c)}${r + 1}`;
      if ((v !== null && v !== "") || f) if (!without.includes(key)) out[key] = f ?? v;
    }),
  );
  return out;
}

const original = buildCaseWorkbook(loadCase("2025-F4"), "standard").grids;
const first = beregn(original);

describe("a second Beregn keeps what the user wrote on Beregn's own sheets", () => {
  // 2025-F4's Tabel 2.1.1 on the generated sheet: row 5 Økonomiudvalget, −369 t.kr. from 2025 (seed F4)
  test("the first Beregn writes the Kvantum sheet and records its cells, leaving column B (Bevilling) empty", () => {
    expect(at(first.after, KV, "A5")).toBe("Økonomiudvalget");
    expect(at(first.after, KV, "D5")).toBe(-369);
    expect(at(first.after, KV, "B5")).toBeNull();
    const runs = readBeregnSheet(first.after)!.ownCells!;
    // the amounts C4:H12 (years 2024–2029 over the header and eight udvalg rows) as one rectangle
    expect(runs.find((x) => x.sheet === KV && x.range === "C4:H12")?.marks).toHaveLength(54);
    // Kontrol's head: title, time, settings in A1:A3
    expect(runs.find((x) => x.sheet === "Kontrol" && x.range === "A1:A3")?.marks).toHaveLength(3);
  });

  const typed = edit(edit(first.after, KV, "B5", "PC 1234 Digitalisering"), "Kontrol", "H2", "Min note: tjekket af ØU");
  const second = beregn(typed);

  test("the user's text in the Kvantum sheet's Bevilling column and a note on Kontrol are still there", () => {
    expect(at(second.after, KV, "B5")).toBe("PC 1234 Digitalisering");
    expect(at(second.after, "Kontrol", "H2")).toBe("Min note: tjekket af ØU");
  });

  test("Beregn's own cells are what the first Beregn wrote, cell for cell", () => {
    expect(cells(second.after, KV, ["B5"])).toEqual(cells(first.after, KV));
    expect(cells(second.after, "Kontrol", ["H2"])).toEqual(cells(first.after, "Kontrol"));
    expect(at(second.after, KV, "D5")).toBe(-369);
  });

  test("the plan empties only Beregn's earlier cells on its own sheets, never the whole sheet", () => {
    const kv = second.outcome.plan.sheets.find((s) => s.name === KV)!;
    expect(kv.clear).toBe(false);
    // column A (title, the note that A, B, C, D and E stand in »Kvantum«, labels: A1:A13) and the
    // amounts C4:H12: column B is the user's
    expect(kv.clearCells).toEqual(["A1:A13", "C4:H12"]);
    const kontrol = second.outcome.plan.sheets.find((s) => s.name === "Kontrol")!;
    expect(kontrol.clear).toBe(false);
    expect(kontrol.clearCells?.some((r) => r.includes("H"))).toBe(false);
  });

  test("a third Beregn plans the same cells (idempotence with the user's text)", () => {
    const third = beregn(second.after);
    expect(third.outcome.plan).toEqual(second.outcome.plan);
    expect(content(third.after)).toEqual(content(second.after));
  });

  test("a cell the user changed where Beregn writes is kept, and Kontrol names it with its text", () => {
    const changed = edit(first.after, KV, "A6", "KFU (se note i B6)");
    const { outcome, after } = beregn(changed);
    expect(at(after, KV, "A6")).toBe("KFU (se note i B6)");
    expect(at(after, KV, "D5")).toBe(-369);
    const message = `Beregn skrev ikke i ${KV}!A6: cellen har din tekst "KFU (se note i B6)", og Beregn skulle skrive "Kultur- og Fritidsudvalget" der. Flyt din tekst, og kør Beregn igen.`;
    expect(Object.values(cells(after, "Kontrol"))).toContain(message);
    expect(outcome.summary).toContain(`din tekst er beholdt i ${KV}!A6`);
  });
});

describe('a "_beregn" from before [egne celler]', () => {
  /** The first Beregn's workbook with "_beregn" as Beregn wrote it before issue 13. */
  const legacy = (grids: Grid[]): Grid[] => {
    const data = readBeregnSheet(grids)!;
    const cells = beregnSheetCells({ ...data, ownCells: undefined });
    return grids.map((g) =>
      g.name === "_beregn" ? { ...g, values: cells.map((row) => row.map((c) => (c ? (c.value ?? null) : null))), formulas: [] } : g,
    );
  };
  test("an own sheet still as Beregn wrote it is Beregn's whole: a second Beregn gives the same sheets", () => {
    const again = beregn(legacy(first.after));
    expect(cells(again.after, KV)).toEqual(cells(first.after, KV));
    expect(cells(again.after, "Kontrol")).toEqual(cells(first.after, "Kontrol"));
  });
  test("an own sheet the user typed in: their text stays, Beregn rewrites only its own cells", () => {
    const again = beregn(edit(legacy(first.after), KV, "B5", "PC 1234"));
    expect(at(again.after, KV, "B5")).toBe("PC 1234");
    expect(cells(again.after, KV, ["B5"])).toEqual(cells(first.after, KV));
  });
});

describe("Fortryd on Beregn's own sheets", () => {
  const typed = edit(first.after, KV, "B5", "PC 1234");
  test("a sheet the user typed in is kept with their text; Beregn's cells are emptied; the notice says so", () => {
    const u = planUndo(typed);
    if (!("plan" in u)) throw new Error(u.refused);
    const after = applyPlanToGrids(typed, u.plan);
    expect(u.plan.deleteSheets).toEqual(["Kontrol", "_beregn"]);
    expect(cells(after, KV)).toEqual({ B5: "PC 1234" });
    expect(u.notice).toBe("Arket Kvantum (Beregn) er beholdt, fordi du har skrevet i det (B5); Beregns egne celler er tømt.");
    // the user's own sheets are back as they were
    expect(content(after.filter((g) => g.name !== KV))).toEqual(content(original));
  });
  test("without the user's text the sheet is deleted as before", () => {
    const u = planUndo(first.after);
    if (!("plan" in u)) throw new Error(u.refused);
    expect(u.plan.deleteSheets).toEqual([KV, "Kontrol", "_beregn"]);
    expect(u.notice).toBeUndefined();
  });
});

describe("claimOwnSheet", () => {
  const sheet: Grid = {
    name: "Kontrol",
    visibility: "visible",
    values: [
      ["Beregns titel", null, "brugerens note"],
      ["Beregns gamle linje", "ændret af brugeren"],
    ],
    formulas: [],
  };
  const old = new CellBlock("Kontrol");
  old.set(0, 0, { value: "Beregns titel" });
  old.set(1, 0, { value: "Beregns gamle linje" });
  old.set(1, 1, { value: "Beregns tal" });
  const recorded = recordedCells(ownCellRuns(old), "Kontrol");

  test("empties Beregn's unchanged cells, not the one the user changed nor the user's own", () => {
    const now = new CellBlock("Kontrol");
    now.set(0, 0, { value: "Beregns titel" });
    const claim = claimOwnSheet(sheet, now, recorded, false);
    expect(claim.clear).toEqual(["A1:A2"]);
    expect(claim.emptied).toBe(1);
    expect(claim.kept).toEqual([]);
  });

  test("a table grown into the user's text: the cell is left out of the writes, and the finding quotes it short", () => {
    const long = "x".repeat(32767);
    const withLong: Grid = { ...sheet, values: [...sheet.values, [long]] };
    const now = new CellBlock("Kontrol");
    now.set(2, 0, { value: "Beregns nye linje" });
    now.set(0, 2, { value: "Beregns overskrift" });
    const claim = claimOwnSheet(withLong, now, recorded, false);
    expect(now.size).toBe(0);
    expect(claim.kept.map((f) => f.location)).toEqual(["Kontrol!A3", "Kontrol!C1"]);
    const m = claim.kept[0].message;
    expect(m).toBe(
      `Beregn skrev ikke i Kontrol!A3: cellen har din tekst "${"x".repeat(119)}…", og Beregn skulle skrive "Beregns nye linje" der. Flyt din tekst, og kør Beregn igen.`,
    );
    expect(m.length).toBeLessThan(300);
  });

  test("cells as ranges: runs along a row, equal runs on consecutive rows as one rectangle", () => {
    expect(cellRanges(["0,0", "0,1", "1,0", "1,1", "3,2", "1,4"])).toEqual(["A1:B2", "E2", "C4"]);
  });
});
