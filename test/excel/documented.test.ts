/**
 * The Office.js host against a fake that does what Microsoft's documentation says Excel does
 * (test/fakes/README.md names the page for each behaviour). Each test here failed against the
 * host before issue 9: the fake then allowed what Excel refuses.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { applyPlan, getSelectedCell, HostError, makeExcelRun, readGrids, selectCell, toHostError, type ExcelApi } from "../../src/excel";
import type { ProposalInput } from "../../src/engine/input";
import { computeFound, planBeregn, planUndo, readWorkbook, validateWorkbook } from "../../src/workbook";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import type { Grid, WritePlan } from "../../src/workbook/types";
import { gridsToWorkbook, loadWorkbook } from "../../src/xlsx";
import { loadCase } from "../helpers/cases";
import { asExcelContext, CELL_LIMIT, FakeOfficeError, FakeWorkbook, versionAtMost, type FakeRequestContext } from "../fakes/officeFake";
import { tabel1Grid } from "../fakes/proposalGrids";

const NOW = new Date("2026-12-03T08:00:00Z");

/** The fake's Excel.run with the requirement sets of an Excel that supports up to `version`. */
function api(fake: FakeWorkbook, version: string): ExcelApi {
  fake.apiVersion = version;
  return {
    run: (options, batch) => fake.run(options, (ctx: FakeRequestContext) => batch(asExcelContext(ctx))),
    isSetSupported: (name, v) => name === "ExcelApi" && versionAtMost(v, version),
  };
}

/** One Beregn as the pane does it: read, compute, write, in one Excel.run. */
function beregn(fake: FakeWorkbook, run: ReturnType<typeof makeExcelRun> = makeExcelRun(api(fake, "1.7"))) {
  return run(async (ctx) => {
    const grids = await readGrids(ctx);
    const reading = readWorkbook(grids);
    const result = computeFound(reading.proposals[0]);
    const outcome = planBeregn(grids, reading, 0, result, { mode: "beregn", now: NOW });
    await applyPlan(ctx, outcome.plan, grids);
    return outcome;
  });
}

function fortryd(fake: FakeWorkbook, run: ReturnType<typeof makeExcelRun> = makeExcelRun(api(fake, "1.7"))) {
  return run(async (ctx) => {
    const grids = await readGrids(ctx);
    const undo = planUndo(grids);
    if ("refused" in undo) throw new Error(undo.refused);
    await applyPlan(ctx, undo.plan, grids);
    return undo;
  });
}

const caseGrids = (name = "2025-BC02") => buildCaseGrids(loadCase(name) as unknown as ProposalInput, "standard");

describe("1. Fortryd and the VeryHidden _beregn (Worksheet.delete)", () => {
  test("the fake refuses to delete a VeryHidden sheet with InvalidOperation, as the reference says", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid(), { name: "_beregn", visibility: "veryHidden", values: [["x"]], formulas: [] }]);
    const ctx = asExcelContext(fake.context());
    ctx.workbook.worksheets.getItem("_beregn").delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation", debugInfo: { errorLocation: "Worksheet.delete" } });
    expect(fake.sheet("_beregn")).toBeDefined();
  });

  test("Beregn then Fortryd leaves no _beregn and no error; the inputs are as before", async () => {
    const grids = caseGrids();
    const fake = FakeWorkbook.fromGrids(grids);
    const before = fake.toGrids();
    await beregn(fake);
    expect(fake.sheet("_beregn")!.visibility).toBe("VeryHidden");
    await fortryd(fake);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Forslag", "Kvantum"]); // the case's own sheets only
    expect(fake.toGrids()).toEqual(before);
  });

  test("an InvalidOperation is told by the operation that failed, not taken for cell edit mode", () => {
    const del = toHostError(new FakeOfficeError("InvalidOperation", "This operation is not permitted.", "Worksheet.delete"));
    expect(del.kind).toBe("general");
    expect(del.message).toMatch(/^Excel kunne ikke slette et ark/);
    const hide = toHostError(new FakeOfficeError("InvalidOperation", "not permitted", "Worksheet.visibility"));
    expect(hide.message).toMatch(/^Excel kunne ikke skjule eller vise et ark/);
    const edit = toHostError(
      new FakeOfficeError("InvalidOperation", "The operation isn't available while Excel is in Edit cell mode.", "Range.values"),
    );
    expect(edit.kind).toBe("editMode");
  });
});

/** Case grids with the Styringsområde column merged down over each run of equal areas. */
function mergedAreaGrids(): { grids: Grid[]; merged: number } {
  const grids = caseGrids("2025-BC02").map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
  const g = grids[0];
  let col = -1;
  g.values.forEach((row) => row.forEach((v, c) => v === "Styringsområde" && (col = c)));
  expect(col).toBeGreaterThanOrEqual(0);
  const merges: string[] = [];
  const letter = String.fromCharCode(65 + col);
  let start = -1;
  for (let r = 0; r <= g.values.length; r++) {
    const v = g.values[r]?.[col];
    const same = start >= 0 && (v === g.values[start][col] || (v === null && false));
    if (same) continue;
    if (start >= 0 && r - start > 1) {
      merges.push(`${letter}${start + 1}:${letter}${r}`);
      for (let k = start + 1; k < r; k++) g.values[k][col] = null;
    }
    start = v === "Service" || v === "Anlæg" ? r : -1;
  }
  g.merges = merges;
  return { grids, merged: merges.length };
}

describe("3. merged cells (Range.getMergedAreasOrNullObject, ExcelApi 1.13)", () => {
  test("the fake keeps merges through fromGrids/toGrids, content in the top-left cell only", () => {
    const fake = FakeWorkbook.fromGrids([
      {
        name: "A",
        visibility: "visible",
        values: [
          ["x", "y"],
          ["z", null],
        ],
        formulas: [],
        merges: ["A1:B2"],
      },
    ]);
    const [g] = fake.toGrids();
    expect(g.merges).toEqual(["A1:B2"]);
    expect(g.values.flat().filter((v) => v !== null)).toEqual(["x"]);
  });

  test("a merged Styringsområde gives the same proposal and findings through Office.js as through the xlsx host", async () => {
    const { grids, merged } = mergedAreaGrids();
    expect(merged).toBeGreaterThan(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beregn-merge-"));
    const file = path.join(dir, "merged.xlsx");
    await gridsToWorkbook(grids).xlsx.writeFile(file);
    const xlsx = readWorkbook((await loadWorkbook(file)).grids);

    const fake = FakeWorkbook.fromGrids(grids);
    const office = await fake.run((ctx) => readGrids(asExcelContext(ctx)));
    expect(office[0].merges).toEqual(grids[0].merges);
    const viaOffice = readWorkbook(office);
    const areas = (r: { proposals: { input: ProposalInput }[] }) => r.proposals[0].input.rows.map((row) => row.area);
    // every row has its area, as in the unmerged case
    expect(areas(viaOffice)).toEqual((loadCase("2025-BC02") as unknown as ProposalInput).rows.map((row) => row.area));
    expect(areas(viaOffice)).toEqual(areas(xlsx));
    expect(viaOffice.proposals[0].input).toEqual(xlsx.proposals[0].input);
    const codes = (r: typeof xlsx) =>
      [...r.findings, ...computeFound(r.proposals[0]).findings].map((f) => `${f.code} ${f.location}`).sort();
    expect(codes(viaOffice)).toEqual(codes(xlsx));

    // without the merged areas (what the host read before) the rows below each top cell lose their area
    const blind = await fake.run((ctx) => readGrids(asExcelContext(ctx), { merges: false }));
    expect(areas(readWorkbook(blind))).not.toEqual(areas(xlsx));
  });

  test("merges cost no extra sync, also with an empty sheet (whose used range is a null object)", async () => {
    const fake = FakeWorkbook.fromGrids([
      { ...tabel1Grid(), merges: ["B3:H3"] },
      { name: "Tom", visibility: "visible", values: [], formulas: [] },
    ]);
    fake.resetStats();
    const grids = await fake.run((ctx) => readGrids(asExcelContext(ctx)));
    expect(fake.stats.syncs).toBe(2);
    expect(grids[0].merges).toEqual(["B3:H3"]);
    expect(grids[1].merges).toBeUndefined();
    expect(grids[1].mergesUnread).toBeUndefined();
  });

  test("more than 512 merged areas: the fake fails as documented, the host reads the rest and says so", async () => {
    const values = Array.from({ length: 1100 }, (_, r) => [`Række ${r}`, null]);
    const merges = Array.from({ length: 513 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const fake = FakeWorkbook.fromGrids([tabel1Grid(), { name: "Flettet", visibility: "visible", values, formulas: [], merges }]);
    const grids = await fake.run((ctx) => readGrids(asExcelContext(ctx)));
    expect(grids[0].values.some((r) => r.includes("Samlet økonomisk påvirkning"))).toBe(true);
    expect(grids[0].mergesUnread).toBeUndefined();
    expect(grids[1].mergesUnread).toBe(true);
    expect(grids[1].values[1098][0]).toBe("Række 1098");
    const finding = readWorkbook(grids).findings.find((f) => f.location === "Flettet");
    expect(finding).toMatchObject({ code: "STRUCTURE", severity: "warning" });
    expect(finding!.message).toMatch(/512 flettede områder/);
  });
});

describe("4. large sheets (5.000.000 cells per read, every platform; 5 MB on the web only)", () => {
  // A1 and E1000001: a used range of 5.000.005 cells
  const huge = (): Grid => {
    const values: (string | number | null)[][] = [["Tabel 1 (rådata)"]];
    values[1_000_000] = [null, null, null, null, 42];
    for (let r = 1; r < 1_000_000; r++) values[r] = [];
    return { name: "Stor", visibility: "visible", values, formulas: [] };
  };

  // without ExcelApi 1.9 the used range is read whole, in chunks; with it the far cell is read alone
  test.each([
    ["throw", false],
    ["null", false],
    ["throw", true],
  ] as const)(
    "Excel on Windows, a read over the limit (%s; special cells: %s): read in chunks, or only the cells held",
    async (failure, sparse) => {
      const fake = FakeWorkbook.fromGrids([tabel1Grid(), huge()]);
      fake.platform = "windows";
      fake.cellLimitFailure = failure;
      const grids = await fake.run((ctx) => readGrids(asExcelContext(ctx), { maxSyncBytes: 20_000_000, sparse }));
      // the whole used range is asked for once (refused), then in chunks; or never
      if (sparse) expect(fake.stats.largestRead).toBeLessThan(1000);
      else expect(fake.stats.largestRead).toBe(5 * 1_000_001);
      // the read's two syncs (sheets, cells) when only the cells held are read
      if (sparse) expect(fake.stats.syncs).toBe(2);
      expect(5 * 1_000_001).toBeGreaterThan(CELL_LIMIT);
      expect(grids[1].values[1_000_000][4]).toBe(42);
      expect(grids[1].values[0][0]).toBe("Tabel 1 (rådata)");
      expect(grids[0].values.some((r) => r.includes("Samlet økonomisk påvirkning"))).toBe(true);
    },
    60_000,
  );

  test("a large hidden sheet with labels is read: findAll does not search hidden sheets", async () => {
    const values = Array.from({ length: 3000 }, (_, r) =>
      Array.from({ length: 8 }, (_, c) => (r === 0 && c === 0 ? "Tabel 1" : r * 8 + c)),
    );
    const fake = FakeWorkbook.fromGrids([tabel1Grid(), { name: "Skjult", visibility: "hidden", values, formulas: [] }]);
    const grids = await fake.run((ctx) => readGrids(asExcelContext(ctx), { strategy: "probe" }));
    expect(grids[1].values).toHaveLength(3000);
    expect(grids[1].values[2999][7]).toBe(2999 * 8 + 7);
  });

  test("the 5 MB request limit is Excel on the web's: on Windows one 6 MB sync goes through", async () => {
    const plan: WritePlan = {
      sheets: [],
      writes: [{ sheet: "Forslag", topLeft: "Z1", cells: Array.from({ length: 6000 }, () => [{ value: "x".repeat(1000) }]) }],
    };
    for (const platform of ["web", "windows"] as const) {
      const fake = FakeWorkbook.fromGrids([tabel1Grid()]);
      fake.platform = platform;
      const res = await fake
        .run((ctx) => applyPlan(asExcelContext(ctx), plan, fake.toGrids(), { maxBatchBytes: 50_000_000 }))
        .catch((e: unknown) => e as HostError);
      if (platform === "web") expect((res as HostError).kind).toBe("tooLarge");
      else expect(fake.cell("Forslag", "Z6000")?.value).toBe("x".repeat(1000));
    }
  });
});

describe("5. workbook structure protection", () => {
  test("a Beregn that adds sheets is refused up front in Danish; nothing is written", async () => {
    const fake = FakeWorkbook.fromGrids(caseGrids());
    fake.structureProtected = true;
    const before = fake.toGrids();
    const err = (await beregn(fake).catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.kind).toBe("protected");
    expect(err.message).toMatch(/^Projektmappens struktur er beskyttet/);
    expect(err.message).toMatch(/Intet er ændret\.$/);
    expect(fake.toGrids()).toEqual(before);
  });

  test("a repeat Beregn that only rewrites cells still runs under structure protection", async () => {
    const fake = FakeWorkbook.fromGrids(caseGrids());
    await beregn(fake);
    fake.structureProtected = true;
    await expect(beregn(fake)).resolves.toBeDefined();
  });
});

describe("6. Excel's own undo (Undo capabilities in Excel add-ins)", () => {
  test("a repeat Beregn sets no visibility: the user's Ctrl+Z history survives on Windows", async () => {
    const fake = FakeWorkbook.fromGrids(caseGrids());
    fake.platform = "windows";
    await beregn(fake);
    expect(fake.undoCleared).toBe(true); // the first Beregn hides _beregn: Excel clears the history
    fake.undoCleared = false;
    await beregn(fake);
    expect(fake.undoCleared).toBe(false);
  });

  test("a grouped batch that hides a sheet throws UndoNotSupported in the fake", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid(), { name: "B", visibility: "visible", values: [[1]], formulas: [] }]);
    const err = await fake
      .run({ mergeUndoGroup: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem("B").visibility = "Hidden";
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "UndoNotSupported" });
  });

  test("with ExcelApi 1.20 a Beregn that neither hides nor deletes a sheet is one undo step, in the same 3 syncs", async () => {
    const fake = FakeWorkbook.fromGrids(caseGrids());
    const run = makeExcelRun(api(fake, "1.20"));
    fake.resetStats();
    await beregn(fake, run); // the first hides _beregn: not groupable, written ungrouped
    expect(fake.stats.syncs).toBe(3);
    expect(fake.sheet("_beregn")!.visibility).toBe("VeryHidden");
    const steps = fake.undoSteps;
    expect(steps).toBeGreaterThan(1); // ungrouped: each write its own step
    // the user changes an input, and Beregns again
    const reading = readWorkbook(fake.toGrids());
    const input = reading.proposals[0].locations["rows[0].values.2026"];
    const [, cell] = input.split("!");
    fake.sheet("Forslag")!.set(Number(cell.slice(1)) - 1, cell.charCodeAt(0) - 65, { value: -999 });
    fake.resetStats();
    const second = await beregn(fake, run);
    expect(fake.stats.syncs).toBe(3);
    expect(second.cellsWritten).toBeGreaterThan(0);
    expect(fake.undoSteps).toBe(steps + 1);
    // Fortryd deletes sheets: ungrouped, and it works
    await fortryd(fake, run);
    expect(fake.sheet("_beregn")).toBeUndefined();
  });
});

describe("7. cell edit mode (RunOptions.delayForCellEdit, ExcelApi 1.11)", () => {
  test("with 1.11 the batch waits until the user leaves the cell, then runs", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid()]);
    fake.editMode = true;
    const pending = makeExcelRun(api(fake, "1.11"))((ctx) => readGrids(ctx));
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.stats.syncs).toBe(0);
    fake.endEdit();
    const grids = await pending;
    expect(grids[0].name).toBe("Forslag");
  });

  test("without 1.11 the batch fails, and the user is told in Danish", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid()]);
    fake.editMode = true;
    const err = (await makeExcelRun(api(fake, "1.10"))((ctx) => readGrids(ctx)).catch((e: unknown) => e)) as HostError;
    expect(err.kind).toBe("editMode");
    expect(err.message).toMatch(/^Excel er i gang med at redigere en celle/);
  });
});

describe("8. Gå til celle and Forklar", () => {
  test("on Windows the cell is selected on another sheet: activate, sync, then select", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid(), { name: "Kontrol", visibility: "visible", values: [[1]], formulas: [] }]);
    fake.platform = "windows";
    await fake.run((ctx) => selectCell(asExcelContext(ctx), "Kontrol", "D7"));
    expect(fake.selection).toEqual({ sheet: "Kontrol", address: "D7" });
  });

  test("Forklar reads the active cell, even when the selection is several areas", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid()]);
    fake.selection = { sheet: "Forslag", address: "E9:F12" };
    fake.multiSelection = true;
    expect(await fake.run((ctx) => getSelectedCell(asExcelContext(ctx)))).toEqual({ sheet: "Forslag", address: "E9" });
  });
});

describe("9. the fake as Excel is", () => {
  test("null in a 2-D array leaves that cell unchanged", async () => {
    const fake = FakeWorkbook.fromGrids([{ name: "A", visibility: "visible", values: [["behold", "gammel"]], formulas: [] }]);
    const ctx = asExcelContext(fake.context());
    ctx.workbook.worksheets.getItem("A").getRange("A1:B1").values = [[null as unknown as string, "ny"]];
    await ctx.sync();
    expect(fake.cell("A", "A1")?.value).toBe("behold");
    expect(fake.cell("A", "B1")?.value).toBe("ny");
  });

  test('Range.clear("All") empties the range, content and format, and nothing outside it', async () => {
    const fake = FakeWorkbook.fromGrids([{ name: "A", visibility: "visible", values: [["Beregn", "brugerens", "Beregn"]], formulas: [] }]);
    fake.sheet("A")!.set(0, 0, { numberFormat: "0.0", bold: true });
    const ctx = asExcelContext(fake.context());
    ctx.workbook.worksheets.getItem("A").getRange("A1").clear("All");
    ctx.workbook.worksheets.getItem("A").getRange("C1").clear("All");
    await ctx.sync();
    expect(fake.cell("A", "A1")).toBeUndefined();
    expect(fake.cell("A", "B1")?.value).toBe("brugerens");
    expect(fake.cell("A", "C1")).toBeUndefined();
  });

  test("findAll finds nothing on a hidden sheet", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid(), { ...tabel1Grid({ sheet: "Skjult" }), visibility: "hidden" }]);
    const ctx = asExcelContext(fake.context());
    const [shown, hidden] = ["Forslag", "Skjult"].map((n) => {
      const found = ctx.workbook.worksheets.getItem(n).findAllOrNullObject("Tabel", { completeMatch: false, matchCase: false });
      found.load("areaCount");
      return found;
    });
    await ctx.sync();
    expect(shown.isNullObject).toBe(false);
    expect(hidden.isNullObject).toBe(true);
  });

  test("dates are Excel's serial numbers and error values their text, in both hosts' Grids", async () => {
    const grid: Grid = { name: "A", visibility: "visible", values: [[45717, "#REF!", "#DIV/0!"]], formulas: [] };
    const office = await FakeWorkbook.fromGrids([grid]).run((ctx) => readGrids(asExcelContext(ctx)));
    expect(office[0].values[0]).toEqual([45717, "#REF!", "#DIV/0!"]);
    const wb = gridsToWorkbook([{ ...grid, values: [[null, null, null]] }]);
    const ws = wb.getWorksheet("A")!;
    ws.getCell("A1").value = new Date(Date.UTC(2025, 2, 1));
    ws.getCell("B1").value = { error: "#REF!" } as unknown as string;
    ws.getCell("C1").value = { error: "#DIV/0!" } as unknown as string;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beregn-date-"));
    await wb.xlsx.writeFile(path.join(dir, "d.xlsx"));
    const xlsx = (await loadWorkbook(path.join(dir, "d.xlsx"))).grids;
    expect(xlsx[0].values[0]).toEqual(office[0].values[0]);
  });

  test("a date typed in an amount cell reads through Office.js as through the xlsx host: UNREADABLE quoting the date", async () => {
    const grids = caseGrids();
    const reading = readWorkbook(grids);
    const [sheet, cell] = reading.proposals[0].locations["rows[0].values.2026"].split("!");
    const fake = FakeWorkbook.fromGrids(grids);
    // as Excel holds a typed date: the serial number, with a date format
    fake.sheet(sheet)!.set(Number(cell.slice(1)) - 1, cell.charCodeAt(0) - 65, { value: 45658, numberFormat: "dd-mm-yyyy" });
    const office = await fake.run((ctx) => readGrids(asExcelContext(ctx)));
    const findings = validateWorkbook(office).findings.filter((f) => f.location === `${sheet}!${cell}`);
    expect(findings.map((f) => `${f.code} ${f.message}`)).toContain('UNREADABLE "2025-01-01" er ikke et tal; regnet som 0, ret cellen');
  });

  test("request sizes are UTF-8: a plan of Danish text under 5 MB in characters but over in bytes is split", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid()]);
    // 3.000 cells of 1.000 "æ": 3 M characters, 6 MB of UTF-8
    const plan: WritePlan = {
      sheets: [],
      writes: [{ sheet: "Forslag", topLeft: "Z1", cells: Array.from({ length: 3000 }, () => [{ value: "æ".repeat(1000) }]) }],
    };
    const report = await fake.run((ctx) => applyPlan(asExcelContext(ctx), plan, fake.toGrids()));
    expect(report.syncs).toBe(2);
    expect(Math.max(...fake.stats.batches)).toBeLessThan(5 * 1024 * 1024);
    expect(fake.stats.bytesSent).toBeGreaterThan(6_000_000);
  });
});

describe("10. the cells a sheet holds (Range.getSpecialCells, RangeAreas, ExcelApi 1.9)", () => {
  const sheet = (): Grid => ({
    name: "A",
    visibility: "visible",
    values: [
      ["Tabel", 1, 2],
      [null, null, 3],
    ],
    formulas: [[null, null, "=SUM(B1:B1)+1"]],
  });

  test("getSpecialCells throws ItemNotFound when no cell is of the type; the OrNullObject form answers a null object", async () => {
    const fake = FakeWorkbook.fromGrids([{ name: "A", visibility: "visible", values: [["tekst", 1]], formulas: [] }]);
    const ctx = asExcelContext(fake.context());
    const none = ctx.workbook.worksheets.getItem("A").getRange("A1:B1").getSpecialCellsOrNullObject("Formulas");
    none.load("address");
    await ctx.sync();
    expect(none.isNullObject).toBe(true);
    ctx.workbook.worksheets.getItem("A").getRange("A1:B1").getSpecialCells("Formulas");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("Constants and Formulas split a sheet's cells between them; RangeAreas.areas loads each area as a range", async () => {
    const fake = FakeWorkbook.fromGrids([sheet()]);
    const ctx = asExcelContext(fake.context());
    const whole = ctx.workbook.worksheets.getItem("A").getRange();
    const constants = whole.getSpecialCells("Constants");
    constants.load("address,areaCount");
    constants.areas.load("items/address,items/values");
    const formulas = whole.getSpecialCells("Formulas");
    formulas.load("address");
    await ctx.sync();
    // A1:C1 holds constants except C1 (a formula); C2 is a constant
    expect(constants.address).toBe("A!A1:B1,A!C2");
    expect(constants.areaCount).toBe(2);
    expect(constants.areas.items.map((r) => r.values)).toEqual([[["Tabel", 1]], [[3]]]);
    expect(formulas.address).toBe("A!C1");
  });

  test("Worksheet.getRanges takes several areas; their special cells are those of every area", async () => {
    const fake = FakeWorkbook.fromGrids([sheet()]);
    const ctx = asExcelContext(fake.context());
    const found = ctx.workbook.worksheets.getItem("A").getRanges("B1:B2, C2").getSpecialCellsOrNullObject("Constants");
    found.load("address");
    await ctx.sync();
    expect(found.address).toBe("A!B1,A!C2");
  });

  test("Range.getUsedRangeOrNullObject is the used range within the range: a null object where it has none", async () => {
    const fake = FakeWorkbook.fromGrids([sheet()]);
    fake.sheet("A")!.set(1_048_575, 16_383, { value: "x" });
    const ctx = asExcelContext(fake.context());
    const ws = ctx.workbook.worksheets.getItem("A");
    const inside = ws.getRange("A1:CV20000").getUsedRangeOrNullObject();
    inside.load("address");
    const empty = ws.getRange("D1:E5").getUsedRangeOrNullObject();
    empty.load("address");
    const used = ws.getUsedRangeOrNullObject();
    used.load("address");
    await ctx.sync();
    expect(inside.address).toBe("A!A1:C2");
    expect(empty.isNullObject).toBe(true);
    expect(used.address).toBe("A!A1:XFD1048576");
  });
});

describe("11. notes of the workbook (Workbook.notes, Note.getLocation, ExcelApi 1.18)", () => {
  test("workbook.notes lists every sheet's notes with their text; getLocation gives each one's cell", async () => {
    const fake = FakeWorkbook.fromGrids([
      { ...tabel1Grid(), notes: { B3: "Fra budgetnotatet." } },
      { name: "Ark 2", visibility: "visible", values: [["a"]], formulas: [], notes: { A1: "Anden note" } },
    ]);
    const ctx = asExcelContext(fake.context());
    const notes = ctx.workbook.notes;
    notes.load("items/content");
    await ctx.sync();
    expect(notes.items.map((n) => n.content)).toEqual(["Fra budgetnotatet.", "Anden note"]);
    const cells = notes.items.map((n) => n.getLocation().load("address"));
    await ctx.sync();
    expect(cells.map((c) => c.address)).toEqual(["Forslag!B3", "'Ark 2'!A1"]);
  });
});
