/**
 * Bad conditions in Excel itself (issue 5), through the Office.js host against the in-memory
 * fake: a protected output sheet, a cell being edited, a workbook with no proposal. Each is one
 * Danish message the pane can show, and nothing in the workbook changes.
 */
import { applyPlan, HostError, readGrids } from "../../src/excel";
import { computeFound, planBeregn, readWorkbook } from "../../src/workbook";
import type { Grid } from "../../src/workbook/types";
import { asExcelContext, FakeWorkbook } from "../fakes/officeFake";
import { build, NOW } from "./helpers";

/** Beregn as the pane runs it: read, compute, plan, write with the Grids read. */
async function beregnInExcel(fake: FakeWorkbook): Promise<number> {
  return fake.run(async (ctx) => {
    const context = asExcelContext(ctx);
    const grids = await readGrids(context);
    const reading = readWorkbook(grids);
    if (reading.proposals.length === 0) return 0;
    const result = computeFound(reading.proposals[0], reading.settings);
    const outcome = planBeregn(grids, reading, 0, result, { mode: "beregn", now: NOW, version: "test" });
    await applyPlan(context, outcome.plan, grids);
    return outcome.cellsWritten;
  });
}

const snapshot = (fake: FakeWorkbook) => JSON.stringify(fake.toGrids());

describe("Office.js host: bad conditions are one Danish message and no change", () => {
  test("a protected output sheet (the user's Kvantum with the stated tables)", async () => {
    const { grids } = build("2025-F4", "standard");
    // a wrong stated cell, so Beregn has something to write there
    grids.find((g) => g.name === "Kvantum")!.values[2][3] = -400;
    grids.find((g) => g.name === "Kvantum")!.protected = true;
    const fake = FakeWorkbook.fromGrids(grids);
    const before = snapshot(fake);
    const err = await beregnInExcel(fake).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).kind).toBe("protected");
    expect((err as HostError).message).toBe(
      "Arket »Kvantum« er beskyttet, så Beregn kan ikke skrive i det. Fjern beskyttelsen (Gennemse › Fjern arkbeskyttelse), og prøv igen. Intet er ændret.",
    );
    expect(snapshot(fake)).toBe(before);
    // refused before the write: the two reads were the only syncs
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
  });

  test("a protected proposal sheet", async () => {
    const { grids } = build("2025-BC13", "standard");
    grids[0].protected = true;
    const fake = FakeWorkbook.fromGrids(grids);
    const before = snapshot(fake);
    const err = (await beregnInExcel(fake).catch((e: unknown) => e)) as HostError;
    expect(err.kind).toBe("protected");
    expect(err.message).toContain(`»${grids[0].name}«`);
    expect(snapshot(fake)).toBe(before);
  });

  test("a cell being edited: Excel refuses every call; the message says what to do", async () => {
    const { grids } = build("2025-F4", "standard");
    const fake = FakeWorkbook.fromGrids(grids);
    const before = snapshot(fake);
    fake.editMode = true;
    const err = (await beregnInExcel(fake).catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.kind).toBe("editMode");
    expect(err.message).toBe("Excel er i gang med at redigere en celle. Tryk Enter eller Esc i cellen, og prøv igen. Intet er ændret.");
    fake.editMode = false;
    expect(snapshot(fake)).toBe(before);
  });

  test("a workbook with no proposal: nothing is written, the reader says what it looked for", async () => {
    const grids: Grid[] = [{ name: "Ark1", visibility: "visible", values: [["Indkøbsliste"], ["Kaffe", 3]], formulas: [] }];
    const fake = FakeWorkbook.fromGrids(grids);
    const before = snapshot(fake);
    expect(await beregnInExcel(fake)).toBe(0);
    expect(snapshot(fake)).toBe(before);
    const reading = readWorkbook(fake.toGrids());
    expect(reading.findings).toEqual([
      {
        code: "STRUCTURE",
        severity: "error",
        message:
          'Ingen Tabel 1 fundet: Beregn leder efter en række med årstal (fx 2025–2030) og mærket "Varige ændringer" lige under; tjek at tabellen har begge',
        location: "Ark1",
      },
    ]);
  });
});
