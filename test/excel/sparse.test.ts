/**
 * The Office.js host reads the cells a sheet holds, not its used range (issue 13: one stray value
 * in XFD1048576 made the used range 17 billion cells), and the workbook's notes (issue 10, item 2),
 * against the fake held to Microsoft's pages (test/fakes/README.md, tests in documented.test.ts
 * 10 and 11). The far-cell workbook is the corpus's own, written by openpyxl.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { applyPlan as applyInExcel, HostError, readGrids, type ReadOptions, type ReadReport } from "../../src/excel";
import { computeFound, planBeregn, planUndo, readWorkbook, validateWorkbook } from "../../src/workbook";
import { cellAt, findGrid, rowIndices } from "../../src/workbook/grid";
import type { Grid } from "../../src/workbook/types";
import { applyPlan as applyInXlsx, loadWorkbook, saveWorkbook } from "../../src/xlsx";
import { applyNotes } from "../../src/xlsx/notes";
import { asExcelContext, FakeWorkbook, officeGlobals } from "../fakes/officeFake";

const FAR_CELL = path.join(__dirname, "..", "fixtures", "producers", "op-far-cell.xlsx");
const EXAMPLE = path.join(__dirname, "..", "..", "examples", "2025-BC02.xlsx");
const PROPOSAL = "Ark1";
const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;
const NOW = new Date("2026-12-02T17:14:00Z");
/** The window the host reads in full (A1:CV20000, readGrids.ts). */
const WINDOW_CELLS = 100 * 20_000;

/** op-far-cell.xlsx as the xlsx host reads it, and the same workbook without its far cell. */
async function farCellGrids(): Promise<{ far: Grid[]; plain: Grid[] }> {
  const { grids } = await loadWorkbook(FAR_CELL);
  const plain = grids.map((g) => {
    if (g.name !== PROPOSAL) return g;
    // slice keeps the rows the sheet does not have as holes; the far row is the last
    const strip = <T>(rows: T[][] | undefined) => {
      const kept = rows?.slice(0, LAST_ROW);
      return kept && Object.assign(kept, { length: Math.max(0, ...Object.keys(kept).map((r) => Number(r) + 1)) });
    };
    return { ...g, values: strip(g.values)!, formulas: strip(g.formulas)!, numberFormats: strip(g.numberFormats) };
  });
  return { far: grids, plain };
}

async function read(fake: FakeWorkbook, options: ReadOptions = {}): Promise<{ grids: Grid[]; report: ReadReport }> {
  const report: ReadReport = { syncs: 0, dataSyncs: 0, refused: 0 };
  fake.resetStats();
  const grids = await fake.run((ctx) => readGrids(asExcelContext(ctx), options, report));
  return { grids, report };
}

/** The proposal sheet's rows without the far one: what the same sheet without it reads as. */
function withoutFarRow(g: Grid): Grid {
  const keep = <T>(rows: T[][] | undefined) =>
    rows &&
    rowIndices(g)
      .filter((r) => r !== LAST_ROW)
      .map((r) => rows[r]);
  return { ...g, values: keep(g.values)!, formulas: keep(g.formulas)!, numberFormats: keep(g.numberFormats) };
}

describe("a stray value far out costs one cell, not the used range", () => {
  test("op-far-cell: the same Grid and findings as without the far cell, in the same 2 syncs, no read over the window", async () => {
    const { far, plain } = await farCellGrids();
    const farFake = FakeWorkbook.fromGrids(far);
    const plainFake = FakeWorkbook.fromGrids(plain);
    // the used range Excel would give: from the proposal's B2 to the far cell, 17 billion cells
    expect(farFake.sheet(PROPOSAL)!.usedBox(false)).toEqual({ r0: 1, c0: 1, r1: LAST_ROW, c1: LAST_COL });

    const a = await read(farFake);
    const b = await read(plainFake);
    expect(a.report.syncs).toBe(2);
    expect(b.report.syncs).toBe(2);
    expect(farFake.stats.syncs).toBe(2);
    // the largest load is the proposal's own used range, the same with and without the far cell
    expect(farFake.stats.largestRead).toBe(plainFake.stats.largestRead);
    expect(farFake.stats.largestRead).toBeLessThanOrEqual(WINDOW_CELLS);

    const sheet = findGrid(a.grids, PROPOSAL)!;
    expect(cellAt(sheet, LAST_ROW, LAST_COL)).toBe("x");
    expect(rowIndices(sheet).length).toBeLessThan(100);
    expect(withoutFarRow(sheet)).toEqual(findGrid(b.grids, PROPOSAL));

    const findings = (grids: Grid[]) => validateWorkbook(grids).findings.map((f) => `${f.severity} ${f.code} ${f.location}`);
    expect(findings(a.grids)).toEqual(findings(b.grids));
    // and as the xlsx host reads the same file
    expect(findings(a.grids)).toEqual(findings(far));
    expect(readWorkbook(a.grids).proposals).toHaveLength(1);
  }, 60_000);

  test("a stray space in A1048576: one cell more, the same 2 syncs and largest read", async () => {
    const { plain } = await farCellGrids();
    const fake = FakeWorkbook.fromGrids(plain);
    const base = await read(fake);
    const largest = fake.stats.largestRead;
    fake.sheet(PROPOSAL)!.set(LAST_ROW, 0, { value: " " });
    const { grids, report } = await read(fake);
    expect(report.syncs).toBe(2);
    expect(fake.stats.largestRead).toBe(largest);
    const sheet = findGrid(grids, PROPOSAL)!;
    expect(cellAt(sheet, LAST_ROW, 0)).toBe(" ");
    expect(withoutFarRow(sheet)).toEqual(findGrid(base.grids, PROPOSAL));
  });

  test("probing (many sheets): the far cell's address in one sync more, then the cells; the same Grid", async () => {
    const { far } = await farCellGrids();
    const fake = FakeWorkbook.fromGrids(far);
    const full = await read(fake);
    const { grids, report } = await read(fake, { strategy: "probe" });
    // sheets, sizes + probe, where the cells beyond the window are, the cells
    expect(report.syncs).toBe(4);
    expect(fake.stats.largestRead).toBeLessThanOrEqual(WINDOW_CELLS);
    expect(grids).toEqual(full.grids);
  });

  test("probing, a sheet with nothing but a far cell: one row of one cell, no rows padded above it", async () => {
    const { plain } = await farCellGrids();
    const fake = FakeWorkbook.fromGrids([...plain, { name: "Fjern", visibility: "visible", values: [], formulas: [] }]);
    fake.sheet("Fjern")!.set(LAST_ROW, LAST_COL, { value: 7 });
    const { grids, report } = await read(fake, { strategy: "probe" });
    expect(report.syncs).toBe(4);
    const far = findGrid(grids, "Fjern")!;
    expect(rowIndices(far)).toEqual([LAST_ROW]);
    expect(cellAt(far, LAST_ROW, LAST_COL)).toBe(7);
  });

  test("Beregn and Fortryd on the far-cell workbook: 3 syncs as on any proposal; the far cell kept; Fortryd restores the sheet", async () => {
    const { far } = await farCellGrids();
    const fake = FakeWorkbook.fromGrids(far);
    const before = (await read(fake)).grids;
    fake.resetStats();
    await fake.run(async (ctx) => {
      const grids = await readGrids(asExcelContext(ctx));
      const reading = readWorkbook(grids);
      const outcome = planBeregn(grids, reading, 0, computeFound(reading.proposals[0]), { mode: "beregn", now: NOW });
      await applyInExcel(asExcelContext(ctx), outcome.plan, grids);
    });
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.largestRead).toBeLessThanOrEqual(WINDOW_CELLS);
    expect(fake.cell(PROPOSAL, "XFD1048576")?.value).toBe("x");
    expect(fake.sheet("Kontrol")).toBeDefined();
    await fake.run(async (ctx) => {
      const grids = await readGrids(asExcelContext(ctx));
      const u = planUndo(grids);
      if (!("plan" in u)) throw new Error(u.refused);
      await applyInExcel(asExcelContext(ctx), u.plan, grids);
    });
    const after = (await read(fake)).grids;
    expect(after.map((g) => g.name)).toEqual(before.map((g) => g.name));
    expect(findGrid(after, PROPOSAL)).toEqual(findGrid(before, PROPOSAL));
  }, 60_000);

  test("an Excel without ExcelApi 1.9 cannot read past the used range: refused in Danish, nothing read for minutes", async () => {
    const { far } = await farCellGrids();
    const fake = FakeWorkbook.fromGrids(far);
    const err = await read(fake, { sparse: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).kind).toBe("tooLarge");
    expect((err as HostError).message).toMatch(/^Arket "Ark1" har indhold langt fra tabellerne/);
    expect((err as HostError).message).toMatch(/Intet er ændret\.$/);
  });

  test("a hidden sheet is read whole, as before (special cells are asked of visible sheets only); one with a far cell is refused in Danish", async () => {
    const { plain } = await farCellGrids();
    const rows = Array.from({ length: 25_000 }, (_, r) => [`r${r}`]);
    const fake = FakeWorkbook.fromGrids([...plain, { name: "Skjult", visibility: "hidden", values: rows, formulas: [] }]);
    const { grids, report } = await read(fake);
    expect(report.syncs).toBe(2);
    expect(findGrid(grids, "Skjult")!.values[24_999]).toEqual(["r24999"]);
    fake.sheet("Skjult")!.set(LAST_ROW, LAST_COL, { value: "x" });
    const err = await read(fake).catch((e: unknown) => e);
    expect((err as HostError).kind).toBe("tooLarge");
    expect((err as HostError).message).toMatch(/^Det skjulte ark "Skjult" har indhold langt fra tabellerne.*Intet er ændret\.$/);
  }, 60_000);
});

function withOffice<T>(fake: FakeWorkbook, version: string, run: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const saved = g.Office;
  fake.apiVersion = version;
  g.Office = officeGlobals(fake).Office;
  return run().finally(() => {
    g.Office = saved;
  });
}

const notesOf = (grids: Grid[]) => Object.fromEntries(grids.map((g) => [g.name, g.notes]));

describe("notes: the Office.js host gives the Grid.notes the xlsx host gives", () => {
  const OWN = "Min egen note: tallene er fra budgetnotatet.";
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "beregn-notes-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** examples/2025-BC02.xlsx with the user's own note on A47, where Beregn's warning goes. */
  async function withOwnNote(): Promise<string> {
    const loaded = await loadWorkbook(EXAMPLE);
    applyNotes(loaded.workbook, [{ sheet: "2025-BC02", address: "A47", text: OWN }]);
    const file = path.join(dir, "egen-note.xlsx");
    await saveWorkbook(loaded.workbook, file);
    return file;
  }

  test("op-comment (openpyxl): the same notes through both hosts, read in the same 2 syncs; none without ExcelApi 1.18", async () => {
    const { grids } = await loadWorkbook(path.join(__dirname, "..", "fixtures", "producers", "op-comment.xlsx"));
    expect(findGrid(grids, PROPOSAL)?.notes).toEqual({ B11: "Tallene er fra budgetnotatet." });
    const fake = FakeWorkbook.fromGrids(grids);
    const office = await withOffice(fake, "1.18", () => read(fake));
    expect(notesOf(office.grids)).toEqual(notesOf(grids));
    expect(office.report.syncs).toBe(2);
    const old = await withOffice(fake, "1.17", () => read(fake));
    expect(old.grids.every((g) => g.notes === undefined)).toBe(true);
    expect(old.report.syncs).toBe(2);
  });

  test("the user's own note at a warning's cell: kept before Beregn's text, back alone after Fortryd, in both hosts", async () => {
    const file = await withOwnNote();
    const start = await loadWorkbook(file);
    expect(findGrid(start.grids, "2025-BC02")?.notes).toEqual({ A47: OWN });

    // the xlsx host (the command line): Beregn, save, read back; Fortryd, save, read back
    const plan = (grids: Grid[]) => {
      const reading = readWorkbook(grids);
      return planBeregn(grids, reading, 0, computeFound(reading.proposals[0]), { mode: "beregn", now: NOW }).plan;
    };
    applyInXlsx(start.workbook, plan(start.grids));
    await saveWorkbook(start.workbook, path.join(dir, "beregnet.xlsx"));
    const written = await loadWorkbook(path.join(dir, "beregnet.xlsx"));
    const note = findGrid(written.grids, "2025-BC02")?.notes?.A47;
    expect(note).toMatch(new RegExp(`^${OWN}\\n\\nBeregn – Advarsel \\(før Beregn; rettet af Beregn\\): Tabel C`));
    const u = planUndo(written.grids);
    if (!("plan" in u)) throw new Error(u.refused);
    applyInXlsx(written.workbook, u.plan);
    await saveWorkbook(written.workbook, path.join(dir, "fortrudt.xlsx"));
    const undone = await loadWorkbook(path.join(dir, "fortrudt.xlsx"));

    // Office.js on the same workbook
    const fake = FakeWorkbook.fromGrids((await loadWorkbook(file)).grids);
    await withOffice(fake, "1.18", async () => {
      expect(notesOf((await read(fake)).grids)).toEqual(notesOf(start.grids));
      await fake.run(async (ctx) => {
        const grids = await readGrids(asExcelContext(ctx));
        await applyInExcel(asExcelContext(ctx), plan(grids), grids);
      });
      const afterBeregn = (await read(fake)).grids;
      expect(findGrid(afterBeregn, "2025-BC02")?.notes).toEqual({ A47: note });
      expect(findGrid(afterBeregn, "2025-BC02")?.notes).toEqual(findGrid(written.grids, "2025-BC02")?.notes);
      await fake.run(async (ctx) => {
        const grids = await readGrids(asExcelContext(ctx));
        const back = planUndo(grids);
        if (!("plan" in back)) throw new Error(back.refused);
        await applyInExcel(asExcelContext(ctx), back.plan, grids);
      });
      const afterUndo = (await read(fake)).grids;
      expect(findGrid(afterUndo, "2025-BC02")?.notes).toEqual({ A47: OWN });
      expect(notesOf(afterUndo)).toEqual(notesOf(undone.grids));
    });
  }, 60_000);
});
