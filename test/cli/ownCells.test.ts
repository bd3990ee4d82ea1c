/**
 * Issue 13 on the command line: `beregn -o` → the user types in the Kvantum sheet's Bevilling
 * column and a note on Kontrol (the cells put into the sheet XML as Excel would save them) →
 * `beregn -o` again → their text is there, and Beregn's own cells are as the first Beregn wrote them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ProposalInput } from "../../src/engine/input";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import { gridsToWorkbook, loadWorkbook, saveWorkbook } from "../../src/xlsx";
import { buildStoredZip } from "../../src/xlsx/zip";
import { loadCase } from "../helpers/cases";
import { unzip } from "../xlsx/zipHelpers";
import { beregn, ensureBuilt, removeDir, tmpDir } from "./cliHelpers";

const KV = "Kvantum (Beregn)";
let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("beregn-own-");
});
afterAll(() => removeDir(dir));

/** The worksheet part of a sheet, by its name in workbook.xml and the workbook's rels. */
function sheetPart(files: { name: string; data: Buffer }[], sheet: string): string {
  const text = (n: string) => files.find((f) => f.name === n)!.data.toString("utf8");
  const esc = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const id = new RegExp(`<sheet\\b[^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(text("xl/workbook.xml"))![1];
  const target =
    new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))?.[1] ??
    new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(text("xl/_rels/workbook.xml.rels"))![1];
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Type a text into one cell of the sheet's XML, as Excel saves a typed text (an inline string here). */
function typeInto(xml: string, address: string, text: string): string {
  const row = Number(/\d+/.exec(address)![0]);
  const cell = `<c r="${address}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const m = new RegExp(`<row\\b[^>]*\\br="${row}"[^>]*>([\\s\\S]*?)</row>`).exec(xml);
  if (!m) throw new Error(`no row ${row}`);
  // after the cells left of it (single letters here: A < B < … < H)
  const cells = [...m[1].matchAll(/<c\b[^>]*\br="([A-Z]+)\d+"[\s\S]*?(?:\/>|<\/c>)/g)];
  const col = /^[A-Z]+/.exec(address)![0];
  const before = cells.filter((c) => c[1] < col);
  const at = m.index + m[0].indexOf(">") + 1 + (before.length ? before[before.length - 1].index! + before[before.length - 1][0].length : 0);
  return xml.slice(0, at) + cell + xml.slice(at);
}

function cellsOf(grids: Grid[], sheet: string, without: string[] = []): Record<string, unknown> {
  const g = grids.find((x) => x.name === sheet)!;
  const out: Record<string, unknown> = {};
  g.values.forEach((line, r) =>
    line?.forEach((v, c) => {
      const f = g.formulas[r]?.[c];
      const key = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (((v !== null && v !== "") || f) && !without.includes(key)) out[key] = f ? f.replace(/^=/, "") : v;
    }),
  );
  return out;
}

test("beregn -o twice on .xlsx: the user's text in the Kvantum sheet's Bevilling column and on Kontrol stays", async () => {
  const src = path.join(dir, "f4.xlsx");
  await saveWorkbook(gridsToWorkbook(buildCaseGrids(loadCase("2025-F4") as unknown as ProposalInput, "standard")), src);
  const out1 = path.join(dir, "f4-1.xlsx");
  expect(beregn([src, "-o", out1]).code).toBe(0);
  const first = (await loadWorkbook(out1)).grids;
  // 2025-F4 (seed F4): Økonomiudvalget −369 t.kr. from 2025 in Tabel 2.1.1 on the generated sheet
  expect(first.find((g) => g.name === KV)!.values[4][3]).toBe(-369);

  const files = unzip(fs.readFileSync(out1));
  const kv = sheetPart(files, KV);
  const kontrol = sheetPart(files, "Kontrol");
  const typed = files.map((f) =>
    f.name === kv
      ? { name: f.name, data: Buffer.from(typeInto(f.data.toString("utf8"), "B5", "PC 1234 Digitalisering")) }
      : f.name === kontrol
        ? { name: f.name, data: Buffer.from(typeInto(f.data.toString("utf8"), "H2", "Min note: tjekket af ØU")) }
        : f,
  );
  const edited = path.join(dir, "f4-1-rettet.xlsx");
  fs.writeFileSync(edited, buildStoredZip(typed));
  const mid = (await loadWorkbook(edited)).grids;
  expect(mid.find((g) => g.name === KV)!.values[4][1]).toBe("PC 1234 Digitalisering");

  const out2 = path.join(dir, "f4-2.xlsx");
  const r = beregn([edited, "-o", out2]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const second = (await loadWorkbook(out2)).grids;
  expect(second.find((g) => g.name === KV)!.values[4][1]).toBe("PC 1234 Digitalisering");
  expect(second.find((g) => g.name === "Kontrol")!.values[1][7]).toBe("Min note: tjekket af ØU");
  expect(second.find((g) => g.name === KV)!.values[4][3]).toBe(-369);
  expect(cellsOf(second, KV, ["B5"])).toEqual(cellsOf(first, KV));
  // Kontrol's time line differs between runs (the CLI's clock); the rest is the first Beregn's
  expect(cellsOf(second, "Kontrol", ["H2", "A2"])).toEqual(cellsOf(first, "Kontrol", ["A2"]));
}, 120000);
