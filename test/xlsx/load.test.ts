import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { applyPlan, gridsToWorkbook, loadWorkbook, saveWorkbook } from "../../src/xlsx";
import type { WritePlan } from "../../src/workbook/types";
import { unzip } from "./zipHelpers";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "beregn-load-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeTestWorkbook(p: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Forslag");
  ws.getCell("B2").value = "Tabel 1. Forslagets samlede økonomiske konsekvenser";
  ws.mergeCells("B2:H2");
  ws.getRow(3).values = [null, "(1.000 kr., 2025 p/l)", 2024, 2025, "2026", 2027];
  ws.getCell("B4").value = { richText: [{ text: "Effektivisering " }, { font: { bold: true }, text: "i KS" }] };
  ws.getCell("C4").value = 0;
  ws.getCell("D4").value = "-149";
  ws.getCell("E4").value = "−1.474"; // Unicode minus, Danish thousands
  ws.getCell("F4").value = -297.5;
  ws.getCell("C5").value = { formula: "SUM(C4:C4)", result: 0 } as ExcelJS.CellFormulaValue;
  ws.getCell("F5").value = { formula: "F4*2", result: -595 } as ExcelJS.CellFormulaValue;
  ws.getCell("D5").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell("G5").value = true;
  ws.getCell("H5").value = new Date(Date.UTC(2025, 2, 1));
  ws.getCell("F4").numFmt = '#,##0;-#,##0;"-"';
  ws.getRow(7).hidden = true;
  ws.getCell("B7").value = "skjult";
  const hidden = wb.addWorksheet("Noter", { state: "hidden" });
  hidden.getCell("A1").value = "n";
  (hidden as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
  const vh = wb.addWorksheet("_beregn", { state: "veryHidden" });
  vh.getCell("A1").value = "version";
  await wb.xlsx.writeFile(p);
}

test("loadWorkbook → Grids: values, Danish number text, formulas with cached results, merges, hidden, veryHidden", async () => {
  const p = path.join(dir, "in.xlsx");
  await writeTestWorkbook(p);
  const { grids } = await loadWorkbook(p);
  expect(grids.map((g) => [g.name, g.visibility])).toEqual([
    ["Forslag", "visible"],
    ["Noter", "hidden"],
    ["_beregn", "veryHidden"],
  ]);
  const g = grids[0];
  expect(g.values[1][1]).toBe("Tabel 1. Forslagets samlede økonomiske konsekvenser");
  expect(g.values[1][2] ?? null).toBeNull(); // inside the merge: empty, as Excel shows it
  expect(g.merges).toEqual(["B2:H2"]);
  expect(g.values[2].slice(1, 6)).toEqual(["(1.000 kr., 2025 p/l)", 2024, 2025, "2026", 2027]);
  expect(g.values[3].slice(1, 6)).toEqual(["Effektivisering i KS", 0, "-149", "−1.474", -297.5]);
  expect(g.formulas[3][2]).toBeNull();
  expect(g.values[4][2]).toBe(0);
  expect(g.formulas[4][2]).toBe("=SUM(C4:C4)");
  expect(g.values[4][5]).toBe(-595);
  expect(g.formulas[4][5]).toBe("=F4*2");
  expect(g.values[4][3]).toBe("#REF!");
  expect(g.values[4][6]).toBe(true);
  expect(g.values[4][7]).toBe(45717); // a date is the serial number the cell holds (issue 9, 13): 1 March 2025
  expect(g.numberFormats?.[3][5]).toBe('#,##0;-#,##0;"-"');
  expect(g.hiddenRows).toEqual([6]);
  expect(g.values[6][1]).toBe("skjult");
  expect(g.protected).toBeUndefined();
  expect(grids[1].protected).toBe(true);
  expect(grids[2].protected).toBeUndefined();
});

test("applyPlan then reload gives the written cells; the rest is untouched", async () => {
  const p = path.join(dir, "in2.xlsx");
  await writeTestWorkbook(p);
  const loaded = await loadWorkbook(p);
  const plan: WritePlan = {
    sheets: [
      { name: "Kvantum", visibility: "visible", clear: true },
      { name: "_beregn", visibility: "veryHidden", clear: true },
    ],
    writes: [
      {
        sheet: "Forslag",
        topLeft: "C6",
        cells: [[{ formula: "=SUM(C4:C5)", numberFormat: '#,##0;-#,##0;"-"', bold: true }, null, { value: -1474 }]],
      },
      {
        sheet: "Kvantum",
        topLeft: "B2",
        cells: [[{ value: "Tabel A. Måltalseffekt", bold: true }], [{ value: "KS" }, { value: -297 }, { value: "" }]],
      },
      { sheet: "_beregn", topLeft: "A1", cells: [[{ value: "stamp" }, { value: 1 }]] },
    ],
    columnWidths: [{ sheet: "Kvantum", column: 1, width: 40 }], // 0-based: column B
  };
  const out = applyPlan(loaded.workbook, plan);
  expect(out.cellsWritten).toBe(8);
  const q = path.join(dir, "out2.xlsx");
  await saveWorkbook(loaded.workbook, q);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

  const again = await loadWorkbook(q);
  const f = again.grids.find((g) => g.name === "Forslag")!;
  expect(f.formulas[5][2]).toBe("=SUM(C4:C5)");
  expect(f.values[5][2]).toBeNull(); // written without a cached result
  expect(f.numberFormats?.[5][2]).toBe('#,##0;-#,##0;"-"');
  expect(f.values[5][4]).toBe(-1474);
  expect(f.values[3].slice(1, 6)).toEqual(["Effektivisering i KS", 0, "-149", "−1.474", -297.5]);
  expect(f.merges).toEqual(["B2:H2"]);
  const k = again.grids.find((g) => g.name === "Kvantum")!;
  expect(k.visibility).toBe("visible");
  expect(k.values[1][1]).toBe("Tabel A. Måltalseffekt");
  expect(k.values[2].slice(1, 3)).toEqual(["KS", -297]);
  const b = again.grids.find((g) => g.name === "_beregn")!;
  expect(b.visibility).toBe("veryHidden");
  expect(b.values[0]).toEqual(["stamp", 1]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(q);
  expect(wb.getWorksheet("Forslag")!.getCell("C6").font?.bold).toBe(true);
  expect(wb.getWorksheet("Forslag")!.getCell("C4").font?.bold).not.toBe(true);
  expect(wb.getWorksheet("Kvantum")!.getColumn(2).width).toBe(40);
  // ExcelJS writes fullCalcOnLoad but does not read it back: look in the XML
  const xml = unzip(fs.readFileSync(q))
    .find((e) => e.name === "xl/workbook.xml")!
    .data.toString("utf8");
  expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
});

test("gridsToWorkbook round-trips Grids", async () => {
  const grids = [
    {
      name: "Ark",
      visibility: "visible" as const,
      values: [
        ["Titel", null, null],
        [2024, "2025", -1.5],
        [null, 3, null],
      ],
      formulas: [[null], [null], [null, "=1+2"]],
      merges: ["A1:C1"],
      hiddenRows: [2],
    },
    { name: "_beregn", visibility: "veryHidden" as const, values: [["x"]], formulas: [] },
  ];
  const p = path.join(dir, "grids.xlsx");
  await saveWorkbook(gridsToWorkbook(grids), p);
  const { grids: back } = await loadWorkbook(p);
  expect(back[0].values).toEqual([["Titel"], [2024, "2025", -1.5], [null, 3]]);
  expect(back[0].formulas[2][1]).toBe("=1+2");
  expect(back[0].merges).toEqual(["A1:C1"]);
  expect(back[0].hiddenRows).toEqual([2]);
  expect(back[1].visibility).toBe("veryHidden");
});

test("applyPlan deletes the sheets the plan names (undo)", async () => {
  const p = path.join(dir, "in3.xlsx");
  await writeTestWorkbook(p);
  const loaded = await loadWorkbook(p);
  applyPlan(loaded.workbook, { sheets: [], writes: [], deleteSheets: ["Noter", "Findes ikke"] });
  const q = path.join(dir, "out3.xlsx");
  await saveWorkbook(loaded.workbook, q);
  expect((await loadWorkbook(q)).grids.map((g) => g.name)).toEqual(["Forslag", "_beregn"]);
});

test("shared formulas come out translated for each cell, with their cached results", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark");
  [1, 2, 3].forEach((n) => (ws.getCell(`A${n}`).value = n));
  ws.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B3" } as ExcelJS.CellFormulaValue;
  ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("B3").value = { sharedFormula: "B1", result: 6 } as ExcelJS.CellSharedFormulaValue;
  const p = path.join(dir, "shared.xlsx");
  await wb.xlsx.writeFile(p);
  const { grids } = await loadWorkbook(p);
  expect(grids[0].formulas.map((r) => r[1])).toEqual(["=A1*2", "=A2*2", "=A3*2"]);
  expect(grids[0].values.map((r) => r[1])).toEqual([2, 4, 6]);
});

test("writing over a shared formula's master keeps its clones' formulas (and the file saves)", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark");
  [1, 2, 3].forEach((n) => (ws.getCell(`A${n}`).value = n));
  ws.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B3" } as ExcelJS.CellFormulaValue;
  ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("B3").value = { sharedFormula: "B1", result: 6 } as ExcelJS.CellSharedFormulaValue;
  const p = path.join(dir, "shared2.xlsx");
  await wb.xlsx.writeFile(p);
  const loaded = await loadWorkbook(p);
  applyPlan(loaded.workbook, { sheets: [], writes: [{ sheet: "Ark", topLeft: "B1", cells: [[{ value: 99 }]] }] });
  const q = path.join(dir, "shared2-ud.xlsx");
  await saveWorkbook(loaded.workbook, q);
  const { grids } = await loadWorkbook(q);
  expect(grids[0].values.map((r) => r[1])).toEqual([99, 4, 6]);
  expect(grids[0].formulas.map((r) => r[1] ?? null)).toEqual([null, "=A2*2", "=A3*2"]);
});

test("a write into a merged area lands in its own cell, not on the merge's label", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark");
  ws.getCell("A1").value = "Etiket";
  ws.mergeCells("A1:C1");
  const p = path.join(dir, "merge.xlsx");
  await wb.xlsx.writeFile(p);
  const loaded = await loadWorkbook(p);
  applyPlan(loaded.workbook, { sheets: [], writes: [{ sheet: "Ark", topLeft: "C1", cells: [[{ value: 7 }]] }] });
  const q = path.join(dir, "merge-ud.xlsx");
  await saveWorkbook(loaded.workbook, q);
  const { grids } = await loadWorkbook(q);
  expect(grids[0].values[0]).toEqual(["Etiket", null, 7]);
});

test("applyPlan refuses a protected sheet before changing anything", async () => {
  const p = path.join(dir, "in4.xlsx");
  await writeTestWorkbook(p); // "Noter" is protected
  const loaded = await loadWorkbook(p);
  expect(() =>
    applyPlan(loaded.workbook, {
      sheets: [{ name: "Kontrol", visibility: "visible", clear: true }],
      writes: [
        { sheet: "Forslag", topLeft: "A1", cells: [[{ value: 1 }]] },
        { sheet: "Noter", topLeft: "A1", cells: [[{ value: 1 }]] },
      ],
    }),
  ).toThrow(
    "Arket »Noter« er beskyttet, så Beregn kan ikke skrive i det. Fjern beskyttelsen (Gennemse › Fjern arkbeskyttelse), og prøv igen. Intet er ændret.",
  );
  expect(loaded.workbook.info.sheets.map((s) => s.name)).not.toContain("Kontrol");
  expect(loaded.workbook.pkg.order.every((n) => !loaded.workbook.pkg.get(n)!.changed)).toBe(true);
});
