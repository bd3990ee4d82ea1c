/**
 * Notes and print setup through the Office.js host (src/excel/annotate.ts) against the fake's
 * notes and page layout (test/fakes/officeNotes.ts, held to Microsoft's pages): with ExcelApi
 * 1.18 the Tabel C warning of 2025 BC02 gets its note and Fortryd removes it; without it the
 * cells are written all the same and the host says the notes were not.
 */
import { applyPlan, readGrids } from "../../src/excel";
import { computeFound, planBeregn, planUndo, readWorkbook } from "../../src/workbook";
import { buildCaseWorkbook } from "../helpers/layoutBuilder";
import { asExcelContext, FakeWorkbook, officeGlobals } from "../fakes/officeFake";
import { loadCase } from "../workbook/helpers";

const NOW = new Date("2026-12-02T17:14:00Z");

async function beregnIn(fake: FakeWorkbook) {
  return fake.run(async (ctx) => {
    const grids = await readGrids(asExcelContext(ctx));
    const reading = readWorkbook(grids);
    const outcome = planBeregn(grids, reading, 0, computeFound(reading.proposals[0]), { mode: "beregn", now: NOW });
    return applyPlan(asExcelContext(ctx), outcome.plan, grids);
  });
}

async function undoIn(fake: FakeWorkbook) {
  return fake.run(async (ctx) => {
    const grids = await readGrids(asExcelContext(ctx));
    const u = planUndo(grids);
    if (!("plan" in u)) throw new Error(u.refused);
    return applyPlan(asExcelContext(ctx), u.plan, grids);
  });
}

function withOffice(fake: FakeWorkbook, run: () => Promise<void>): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const saved = g.Office;
  g.Office = officeGlobals(fake).Office;
  return run().finally(() => {
    g.Office = saved;
  });
}

test("ExcelApi 1.18: the warning's note at 2025-BC02!A47; Kontrol prints landscape; Fortryd removes the note", async () => {
  const fake = FakeWorkbook.fromGrids(buildCaseWorkbook(loadCase("2025-BC02"), "compact").grids);
  fake.apiVersion = "1.18";
  await withOffice(fake, async () => {
    const report = await beregnIn(fake);
    expect(report.notesUnsupported).toBeUndefined();
    expect([...fake.sheet("2025-BC02")!.notes.keys()]).toEqual(["A47"]);
    expect(fake.sheet("2025-BC02")!.notes.get("A47")).toMatch(/^Beregn – Advarsel \(før Beregn; rettet af Beregn\): Tabel C/);
    expect(fake.sheet("Kontrol")!.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$4:$4",
    });
    await undoIn(fake);
    expect(fake.sheet("2025-BC02")!.notes.size).toBe(0);
    expect(fake.sheet("Kontrol")).toBeUndefined();
  });
});

test("ExcelApi 1.12: every cell written, no note, and the host says the notes were not written", async () => {
  const fake = FakeWorkbook.fromGrids(buildCaseWorkbook(loadCase("2025-BC02"), "compact").grids);
  fake.apiVersion = "1.12";
  await withOffice(fake, async () => {
    const report = await beregnIn(fake);
    expect(report.notesUnsupported).toBe(true);
    expect(fake.sheet("2025-BC02")!.notes.size).toBe(0);
    expect(fake.sheet("Kontrol")).toBeDefined();
  });
});
