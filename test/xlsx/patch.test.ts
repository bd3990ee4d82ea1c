/**
 * The package patcher (issue 13) on the fields issue 10 adds to the WritePlan: notes, page
 * setup, wrap/align/indent/link, bold in the workbook's default font. The output is read back
 * by ExcelJS (an independent reader) and by the host's own reader; parts the plan does not
 * touch stay byte-identical.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { WritePlan } from "../../src/workbook/types";
import { applyPlan, loadWorkbook, saveWorkbook } from "../../src/xlsx";
import { removeDir, tmpDir } from "../cli/cliHelpers";
import { unzip } from "./zipHelpers";

let dir: string;
beforeAll(() => {
  dir = tmpDir("beregn-patch-");
});
afterAll(() => removeDir(dir));

async function input(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Forslag");
  ws.getCell("A1").value = "Titel";
  ws.getCell("B2").value = 5;
  ws.getCell("B2").note = "brugerens note";
  wb.addWorksheet("Andet").getCell("A1").value = "x";
  const p = path.join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

test("notes, page setup and cell formats as planned; the user's note and other sheets untouched", async () => {
  const src = await input("in.xlsx");
  const loaded = await loadWorkbook(src);
  expect(loaded.grids[0].notes).toEqual({ B2: "brugerens note" });
  const long = "x".repeat(40_000);
  const plan: WritePlan = {
    sheets: [],
    writes: [
      {
        sheet: "Forslag",
        topLeft: "C3",
        cells: [
          [
            { value: "Overskrift", bold: true },
            { value: "lang tekst", wrap: true, align: "left", indent: 2 },
            { formula: '=HYPERLINK("#Forslag!A1","Gå til")', link: true },
            { value: long },
          ],
        ],
      },
    ],
    notes: [
      { sheet: "Forslag", address: "C3", text: "Beregnet af Beregn" },
      { sheet: "Forslag", address: "A1", text: null },
    ],
    pageSetup: [{ sheet: "Forslag", orientation: "landscape", paperSize: "A4", fitToWidth: true, printTitleRows: "3:3" }],
  };
  applyPlan(loaded.workbook, plan);
  const out = path.join(dir, "ud.xlsx");
  await saveWorkbook(loaded.workbook, out);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Forslag")!;
  const cell = (a: string) => ws.getRow(Number(a.slice(1))).getCell(a.charCodeAt(0) - 64);
  expect(cell("C3").value).toBe("Overskrift");
  // bold in the workbook's default font: ExcelJS's default is Calibri 11
  expect(cell("C3").font).toMatchObject({ bold: true, name: "Calibri", size: 11 });
  expect(cell("D3").alignment).toMatchObject({ wrapText: true, horizontal: "left", indent: 2 });
  expect(cell("E3").font).toMatchObject({ underline: true, color: { argb: "FF0563C1" } });
  expect((cell("E3").value as { formula?: string }).formula).toBe('HYPERLINK("#Forslag!A1","Gå til")');
  expect(String(cell("F3").value)).toHaveLength(32_767);
  expect(cell("B2").note).toBe("brugerens note");
  expect(cell("C3").note).toBe("Beregnet af Beregn");
  expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  const parts = new Map(unzip(fs.readFileSync(out)).map((e) => [e.name, e.data]));
  expect(parts.get("xl/workbook.xml")!.toString("utf8")).toContain(
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Forslag'!$3:$3</definedName>`,
  );

  const back = await loadWorkbook(out);
  expect(back.grids[0].notes).toEqual({ B2: "brugerens note", C3: "Beregnet af Beregn" });
  // the other sheet's part is the input's, byte for byte
  const before = new Map(unzip(fs.readFileSync(src)).map((e) => [e.name, e.data]));
  expect(parts.get("xl/worksheets/sheet2.xml")!.equals(before.get("xl/worksheets/sheet2.xml")!)).toBe(true);
  expect(parts.get("docProps/core.xml")!.equals(before.get("docProps/core.xml")!)).toBe(true);
});

test("removing a note leaves the cell and the other notes alone", async () => {
  const src = await input("in2.xlsx");
  const loaded = await loadWorkbook(src);
  applyPlan(loaded.workbook, { sheets: [], writes: [], notes: [{ sheet: "Forslag", address: "B2", text: null }] });
  const out = path.join(dir, "ud2.xlsx");
  await saveWorkbook(loaded.workbook, out);
  const back = await loadWorkbook(out);
  expect(back.grids[0].notes).toBeUndefined();
  expect(back.grids[0].values[1][1]).toBe(5);
});

test("a plan that writes a number beyond the double range is refused, never written as Infinity", async () => {
  const src = await input("in3.xlsx");
  const loaded = await loadWorkbook(src);
  expect(() =>
    applyPlan(loaded.workbook, { sheets: [], writes: [{ sheet: "Forslag", topLeft: "C3", cells: [[{ value: Infinity }]] }] }),
  ).toThrow("skriveplanen skriver et tal uden for Excels område i C3");
});

test("a row Beregn writes wrapped text into gets a height for its lines; a height the user set stays", async () => {
  const wb0 = new ExcelJS.Workbook();
  const ws0 = wb0.addWorksheet("Forslag");
  ws0.getCell("A1").value = "x";
  ws0.getRow(4).height = 40; // the user's own height
  ws0.getCell("A4").value = "y";
  const src = path.join(dir, "in4.xlsx");
  await wb0.xlsx.writeFile(src);
  const loaded = await loadWorkbook(src);
  // 100 characters in a column 20 wide: 22 characters a line (20 × 1,1) → 5 lines → 75 pt
  const message = "m".repeat(100);
  applyPlan(loaded.workbook, {
    sheets: [],
    writes: [
      {
        sheet: "Forslag",
        topLeft: "B2",
        cells: [
          [{ value: "Advarsel" }, { value: message, wrap: true }],
          [{ value: "Info" }, { value: "kort", wrap: true }],
          [{ value: "Fejl" }, { value: message, wrap: true }],
        ],
      },
    ],
    columnWidths: [{ sheet: "Forslag", column: 2, width: 20 }],
  });
  const out = path.join(dir, "ud4.xlsx");
  await saveWorkbook(loaded.workbook, out);
  const xml = new Map(unzip(fs.readFileSync(out)).map((e) => [e.name, e.data])).get("xl/worksheets/sheet1.xml")!.toString("utf8");
  const rowTag = (r: number) => new RegExp(`<row\\b[^>]*\\br="${r}"[^>]*>`).exec(xml)![0];
  expect(rowTag(2)).toMatch(/\bht="75"/);
  expect(rowTag(2)).toMatch(/\bcustomHeight="1"/);
  // one line: the row keeps Excel's default height
  expect(rowTag(3)).not.toMatch(/\bht=/);
  // the user's 40 pt row is not refitted
  expect(rowTag(4)).toMatch(/\bht="40"/);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Forslag")!;
  expect(ws.getRow(2).height).toBe(75);
  // the wrapped text and the row's other cell both at the top, beside the first line
  expect(ws.getCell("C2").alignment).toMatchObject({ wrapText: true, vertical: "top" });
  expect(ws.getCell("B2").alignment).toMatchObject({ vertical: "top" });
});

test("print titles of row 1 ('$1:$1') in a workbook without defined names: written as text, the workbook stays valid XML", async () => {
  const src = await input("in5.xlsx");
  const loaded = await loadWorkbook(src);
  applyPlan(loaded.workbook, {
    sheets: [],
    writes: [],
    pageSetup: [{ sheet: "Forslag", orientation: "landscape", paperSize: "A4", fitToWidth: true, printTitleRows: "1:1" }],
  });
  const out = path.join(dir, "ud5.xlsx");
  await saveWorkbook(loaded.workbook, out);
  const wbXml = new Map(unzip(fs.readFileSync(out)).map((e) => [e.name, e.data])).get("xl/workbook.xml")!.toString("utf8");
  expect(wbXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Forslag'!$1:$1</definedName>`);
  await expect(loadWorkbook(out)).resolves.toBeDefined();
});
