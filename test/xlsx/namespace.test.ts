/**
 * A sheet Beregn adds is in the workbook's own main namespace. Excel writes workbook.xml with the
 * main namespace first and extension namespaces after it (x15 = …/office/spreadsheetml/2010/11/main);
 * a new worksheet in the x15 namespace is no worksheet at all: LibreOffice prints it empty and Excel
 * calls the file damaged. Found by the render test on a clean clone (issue 13's patching host).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beregn, ensureBuilt, removeDir, tmpDir, ROOT } from "../cli/cliHelpers";
import { unzip } from "./zipHelpers";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("beregn-ns");
});
afterAll(() => removeDir(dir));

test("beregn on examples/2025-BC02.xlsx: Kvantum, Kontrol and _beregn are worksheets in the main namespace", () => {
  const input = path.join(ROOT, "examples", "2025-BC02.xlsx");
  // the input's workbook.xml declares x15 after the main namespace, as Excel writes it
  const part = (file: string, name: string) =>
    unzip(fs.readFileSync(file))
      .find((e) => e.name === name)!
      .data.toString("utf8");
  const workbookXml = part(input, "xl/workbook.xml");
  expect(workbookXml).toMatch(/xmlns:x15="http:\/\/schemas\.microsoft\.com\/office\/spreadsheetml\/2010\/11\/main"/);
  const out = path.join(dir, "ud.xlsx");
  expect(beregn([input, "-o", out]).code).toBe(0);
  const sheets = unzip(fs.readFileSync(out))
    .map((e) => e.name)
    .filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))
    .sort();
  expect(sheets).toEqual(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"]);
  for (const s of sheets) {
    const root = /<worksheet\b[^>]*>/.exec(part(out, s))![0];
    expect({ s, ns: /\sxmlns="([^"]*)"/.exec(root)?.[1] }).toEqual({ s, ns: MAIN });
  }
});
