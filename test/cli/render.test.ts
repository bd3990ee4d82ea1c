/**
 * What an economist gets back (issue 10): `beregn` on examples/2025-BC02.xlsx, the written
 * workbook read back by the .xlsx host (notes, page setup, link style), then printed by
 * LibreOffice to PDF and PNG in test-output/render-bc02/ for a person to look at. Fortryd
 * (undo through the workbook layer) removes the note again.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { applyPlan, loadWorkbook, saveWorkbook } from "../../src/xlsx";
import { planUndo } from "../../src/workbook";
import { beregn, ensureBuilt, ROOT } from "./cliHelpers";
import { sofficePath } from "./libreoffice";

const OUT = path.join(ROOT, "test-output", "render-bc02");
const written = path.join(OUT, "2025-BC02-beregnet.xlsx");

beforeAll(() => {
  ensureBuilt();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const r = beregn([path.join(ROOT, "examples", "2025-BC02.xlsx"), "-o", written, "--overskriv"]);
  expect(r.code).toBe(0);
}, 120_000);

test("the written file carries the warning's note, Kontrol's print setup and link style", async () => {
  const loaded = await loadWorkbook(written);
  const sheet = loaded.grids.find((g) => g.name === "2025-BC02");
  // KVANTUM_MISSING at 2025-BC02!A47:K49 (the example's Tabel C): its note on A47
  expect(Object.keys(sheet?.notes ?? {})).toEqual(["A47"]);
  expect(sheet?.notes?.A47).toMatch(/^Beregn – Advarsel \(før Beregn; rettet af Beregn\): Tabel C/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(written);
  const k = wb.getWorksheet("Kontrol");
  expect(k?.pageSetup.orientation).toBe("landscape");
  expect(k?.pageSetup.paperSize).toBe(9);
  expect(k?.pageSetup.fitToPage).toBe(true);
  expect(k?.pageSetup.printTitlesRow).toMatch(/^\$?4:\$?4$/);
  // the first finding's location (row 7, column B) is a link styled as one; the header row bold
  // in the workbook's own font, not a nameless one
  const link = k?.getRow(7).getCell(2);
  expect(link?.formula).toMatch(/^HYPERLINK\("#'2025-BC02'!A47:K49"/);
  expect(link?.font?.underline).toBe(true);
  expect(link?.font?.color?.argb).toBe("FF0563C1");
  expect(k?.getRow(4).getCell(1).font?.bold).toBe(true);
  expect(k?.getRow(4).getCell(1).font?.name).toBeTruthy();
  expect(k?.getRow(7).getCell(3).alignment?.wrapText).toBe(true);
}, 60_000);

test("Fortryd removes the note and the sheets Beregn made", async () => {
  const loaded = await loadWorkbook(written);
  const u = planUndo(loaded.grids);
  if (!("plan" in u)) throw new Error(u.refused);
  applyPlan(loaded.workbook, u.plan);
  const back = path.join(OUT, "fortrudt.xlsx");
  await saveWorkbook(loaded.workbook, back);
  const again = await loadWorkbook(back);
  expect(again.grids.find((g) => g.name === "2025-BC02")?.notes).toBeUndefined();
  expect(again.grids.map((g) => g.name)).not.toContain("Kontrol");
}, 60_000);

const soffice = sofficePath();
(soffice ? test : test.skip)(
  "LibreOffice prints it: Kontrol on landscape pages, PNGs in test-output/render-bc02",
  () => {
    const profile = path.join(OUT, "lo-profile");
    const r = spawnSync(
      soffice as string,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", OUT, written],
      { encoding: "utf8", timeout: 200_000 },
    );
    const pdf = path.join(OUT, "2025-BC02-beregnet.pdf");
    expect(r.status).toBe(0);
    expect(fs.existsSync(pdf)).toBe(true);
    const png = spawnSync("pdftoppm", ["-png", "-r", "70", pdf, path.join(OUT, "side")], { encoding: "utf8" });
    expect(png.status).toBe(0);
    const pages = fs.readdirSync(OUT).filter((f) => /^side-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // the Kontrol pages are landscape (wider than tall): find them by their text
    const info = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    expect(info).toContain("Kontrol: hvad Beregn fandt og ændrede");
    expect(info).toContain("1. Fund i projektmappen før Beregn: 0 fejl · 1 advarsel · 7 info");
  },
  240_000,
);
