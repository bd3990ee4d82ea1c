/**
 * ISO/IEC 29500 Strict (issue 13: "read what any producer writes"). No producer on this machine
 * writes Strict — LibreOffice 7.4's three xlsx filters and openpyxl all write Transitional
 * (test/fixtures/producers/make-producers.py says which were tried) — so this file is a
 * LibreOffice workbook with its namespaces rewritten by the Strict mapping of ISO/IEC 29500-1
 * (Part 1, Annex: the purl.oclc.org namespaces; the package (OPC) namespaces stay), and
 * `conformance="strict"` on the workbook, as Excel's "Strict Open XML Spreadsheet" writes it. A real
 * Excel Strict file belongs in the producers corpus when one can be made (docs/EXCEL-CHECKLIST.md).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadWorkbook } from "../../src/xlsx";
import { validateWorkbook } from "../../src/workbook";
import { buildStoredZip } from "../../src/xlsx/zip";
import { beregn, ensureBuilt, removeDir, tmpDir, ROOT } from "../cli/cliHelpers";
import { unzip } from "./zipHelpers";

const TRANSITIONAL_TO_STRICT: [string, string][] = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
];

function toStrict(xlsx: Buffer): Buffer {
  return buildStoredZip(
    unzip(xlsx).map((f) => {
      if (!/\.(xml|rels)$/.test(f.name)) return f;
      let xml = f.data.toString("utf8");
      for (const [t, s] of TRANSITIONAL_TO_STRICT) xml = xml.split(t).join(s);
      if (f.name === "xl/workbook.xml") xml = xml.replace(/<workbook\b/, '<workbook conformance="strict"');
      return { name: f.name, data: Buffer.from(xml, "utf8") };
    }),
  );
}

const SOURCE = path.join(ROOT, "test", "fixtures", "producers", "lo-comment.xlsx");
let dir: string;
let strictFile: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("beregn-strict");
  strictFile = path.join(dir, "strict.xlsx");
  fs.writeFileSync(strictFile, toStrict(fs.readFileSync(SOURCE)));
});
afterAll(() => removeDir(dir));

test("the rewrite is Strict: workbook and sheets in the purl.oclc.org namespace, no Transitional one left", () => {
  const parts = unzip(fs.readFileSync(strictFile));
  const wb = parts.find((p) => p.name === "xl/workbook.xml")!.data.toString("utf8");
  expect(wb).toMatch(/<workbook conformance="strict" xmlns="http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main"/);
  for (const p of parts.filter((x) => /\.(xml|rels)$/.test(x.name)))
    expect({ part: p.name, transitional: p.data.toString("utf8").includes("schemas.openxmlformats.org/spreadsheetml/2006/main") }).toEqual({
      part: p.name,
      transitional: false,
    });
});

test("a Strict workbook reads as its Transitional original: every sheet, value, formula and note, the same findings", async () => {
  const original = await loadWorkbook(SOURCE);
  const strict = await loadWorkbook(strictFile);
  expect(strict.grids.map((g) => g.name)).toEqual(original.grids.map((g) => g.name));
  expect(strict.grids.map((g) => [g.values, g.formulas, g.notes ?? {}])).toEqual(
    original.grids.map((g) => [g.values, g.formulas, g.notes ?? {}]),
  );
  const codes = (grids: typeof original.grids) => validateWorkbook(grids).findings.map((f) => `${f.code} ${f.location}`);
  expect(codes(strict.grids)).toEqual(codes(original.grids));
  // LibreOffice's comment is read (through the Strict relationship type) as the note it is
  expect(Object.keys(strict.grids.find((g) => g.notes && Object.keys(g.notes).length)?.notes ?? {})).toHaveLength(1);
  // and it is a proposal the reader finds, not an empty read that merely equals another empty read
  expect(validateWorkbook(strict.grids).reading.proposals).toHaveLength(1);
});

test("beregn writes into a Strict workbook in its own namespaces: the sheets it adds are Strict worksheets", () => {
  const out = path.join(dir, "ud.xlsx");
  const run = beregn([strictFile, "-o", out]);
  expect(run.code).toBe(0);
  const parts = unzip(fs.readFileSync(out));
  const text = (name: string) => parts.find((p) => p.name === name)!.data.toString("utf8");
  const rels = text("xl/_rels/workbook.xml.rels");
  const added = [...rels.matchAll(/<Relationship [^>]*Type="([^"]*)"[^>]*Target="([^"]*)"/g)].filter(([, , t]) => /worksheets\//.test(t));
  expect(added.length).toBeGreaterThan(3); // the three sheets LibreOffice wrote, plus Beregn's
  for (const [, type, target] of added) {
    expect(type).toBe("http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet");
    const root = /<worksheet\b[^>]*>/.exec(text(`xl/${target.replace(/^\/?xl\//, "")}`))![0];
    expect({ target, ns: /\sxmlns="([^"]*)"/.exec(root)?.[1] }).toEqual({ target, ns: "http://purl.oclc.org/ooxml/spreadsheetml/main" });
  }
});
