import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { gridsToWorkbook, loadWorkbook, saveWorkbook } from "../../src/xlsx";
import { readWorkbook } from "../../src/workbook";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import { ROOT, beregn, ensureBuilt, removeDir, tmpDir } from "./cliHelpers";
import { recalcWithLibreOffice, sofficePath } from "./libreoffice";
import { fakeOle2, patchXlsx, unzip } from "../xlsx/zipHelpers";

const EXAMPLES = path.join(ROOT, "examples");
const example = (prefix: string): string => {
  const f = fs.readdirSync(EXAMPLES).find((n) => n.startsWith(prefix) && n.endsWith(".xlsx"));
  if (!f) throw new Error(`no example ${prefix}*.xlsx`);
  return path.join(EXAMPLES, f);
};
const sha = (p: string): string => createHash("sha256").update(fs.readFileSync(p)).digest("hex");

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("beregn-");
});
afterAll(() => removeDir(dir));

const copy = (src: string, name = path.basename(src)): string => {
  const p = path.join(dir, name);
  fs.copyFileSync(src, p);
  return p;
};

/** The formulas of the first row whose label matches, on the given sheet. */
function formulasOfRow(g: Grid, label: RegExp): string[] {
  const r = g.values.findIndex((row) => row.some((v) => typeof v === "string" && label.test(v.trim())));
  return r < 0 ? [] : (g.formulas[r] ?? []).filter((f): f is string => !!f);
}

describe("beregn <fil> -o ud.xlsx", () => {
  test("2025-BC01: exact summary lines; the output reloads with the computed tables; the input is untouched", async () => {
    const src = example("2025-BC01");
    const before = sha(src);
    const out = path.join(dir, "bc01-ud.xlsx");
    const r = beregn([path.relative(ROOT, src), "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`${path.relative(ROOT, src)}: 1 forslag fundet`);
    expect(r.out).toContain("Skabelon: kk-2025 · år 2024–2029 · 2025 p/l");
    expect(r.out).toContain("Tilbagebetalingstid: service 4 år (2028), total 4 år (2028) (diskonteret med 2 %)");
    const i = r.out.indexOf("Samlet økonomisk påvirkning (t.kr.):");
    expect(i).toBeGreaterThan(0);
    expect(r.out.slice(i + 1, i + 3)).toEqual([
      "  2024   2025   2026    2027    2028    2029",
      "     0  1.703  1.106  -1.474  -1.474  -1.474",
    ]);
    expect(r.out.find((l) => l.startsWith("Fund: "))).toMatch(/^Fund: 0 fejl, 0 advarsler, \d+ info$/);
    expect(r.out[r.out.length - 1]).toMatch(new RegExp(`^Skrevet: ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(.+\\)$`));
    expect(sha(src)).toBe(before);

    const { grids } = await loadWorkbook(out);
    const reading = readWorkbook(grids);
    expect(reading.proposals).toHaveLength(1);
    const stated = reading.proposals[0].input.stated!;
    // Tabel A as the rules give it: largest remainder makes TMU -122, not the document's -123
    expect(stated.kvantum?.A?.TMU).toMatchObject({ "2026": -77, "2027": -122 });
    expect(stated.committees?.ØU).toMatchObject({ "2026": 1538, "2027": -783 });
    expect(stated.payback).toEqual({ service: "4 år (2028)", total: "4 år (2028)" });
    // the computed rows of Tabel 1 are formulas over the input rows
    const forslag = grids.find((g) => g.name === reading.proposals[0].sheet)!;
    const netRow = forslag.values.findIndex((row) => row.some((v) => v === "Samlet økonomisk påvirkning"));
    expect(forslag.formulas[netRow].filter(Boolean)).toHaveLength(6);
    expect(grids.map((g) => g.name)).toContain("Kontrol");
  });

  test.each(["2025-BC01", "2025-BC02", "2025-F4", "2018-P2", "2018-P11", "2016-F2"])(
    "%s: Beregn, then Valider on the output finds no error and no stated table that disagrees",
    (id) => {
      const out = path.join(dir, `${id}-rundtur.xlsx`);
      expect(beregn([example(id), "-o", out]).code).toBe(0);
      const v = beregn(["valider", out]);
      expect(v.out.filter((l) => / fejl | (KVANTUM|ALLOCATION|TOTAL|PAYBACK)_MISMATCH /.test(l))).toEqual([]);
      expect(v.code).toBe(0);
    },
  );

  test("without -o: <navn>-beregnet.xlsx beside the input, never over an existing file without --overskriv", () => {
    const p = copy(example("2025-F4"), "f4.xlsx");
    const r1 = beregn([p]);
    expect(r1.code).toBe(0);
    const target = path.join(dir, "f4-beregnet.xlsx");
    expect(fs.existsSync(target)).toBe(true);
    const r2 = beregn([p]);
    expect(r2.code).toBe(2);
    expect(r2.err).toEqual([`fejl: ${target} findes allerede; brug --overskriv for at erstatte den`]);
    expect(beregn([p, "--overskriv"]).code).toBe(0);
  });

  test("-o naming the input is refused; --in-place writes the input", () => {
    const p = copy(example("2025-BC02"), "bc02.xlsx");
    const before = sha(p);
    const r = beregn([p, "-o", p]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`fejl: ${p} er inddatafilen; brug --in-place for at skrive i den`]);
    expect(sha(p)).toBe(before);
    const r2 = beregn([p, "--in-place"]);
    expect(r2.code).toBe(0);
    expect(sha(p)).not.toBe(before);
  });

  test("a protected proposal sheet is refused, as Excel would, and nothing is written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example("2025-BC01"));
    (wb.getWorksheet("Forslag") as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
    const p = path.join(dir, "beskyttet.xlsx");
    await wb.xlsx.writeFile(p);
    const out = path.join(dir, "beskyttet-ud.xlsx");
    const r = beregn([p, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      `fejl: ${p}: Arket »Forslag« er beskyttet, så Beregn kan ikke skrive i det. Fjern beskyttelsen (Gennemse › Fjern arkbeskyttelse), og prøv igen. Intet er ændret.`,
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("--forslag beyond the proposals found", () => {
    const p = copy(example("2025-BC02"), "bc02b.xlsx");
    const r = beregn([p, "--forslag", "9"]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`fejl: --forslag 9: ${p} har kun 1 forslag`]);
  });
});

describe("beregn <fil> on a workbook with two proposals", () => {
  let multi: string;
  beforeAll(async () => {
    const read = (id: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "test", "fixtures", "cases", `${id}.json`), "utf8"));
    const grids = [...buildCaseGrids(read("2025-BC02"), "compact"), ...buildCaseGrids(read("2025-F4"), "compact")];
    multi = path.join(dir, "to-forslag.xlsx");
    await saveWorkbook(gridsToWorkbook(grids), multi);
  });

  test("both are computed and summarised", () => {
    const r = beregn([multi, "-o", path.join(dir, "to-ud.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`${multi}: 2 forslag fundet`);
    expect(r.out.filter((l) => l.startsWith("Forslag: "))).toEqual([
      // the compact layout has no title row: the sheet's name stands in
      'Forslag: 2025-BC02 (ark "2025-BC02")',
      'Forslag: 2025-F4 (ark "2025-F4")',
    ]);
    expect(r.out).toContain("Tilbagebetalingstid: service 7 år (2030), total 7 år (2030) (diskonteret med 2 %)");
  });

  test("--forslag 2 computes only the second", () => {
    const rep = path.join(dir, "to-rapport.json");
    const r = beregn([multi, "-o", path.join(dir, "to-ud2.xlsx"), "--forslag", "2", "--json", rep]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`${multi}: 2 forslag fundet, nr. 2 beregnet`);
    expect(r.out.filter((l) => l.startsWith("Forslag: "))).toHaveLength(1);
    const report = JSON.parse(fs.readFileSync(rep, "utf8")) as {
      template: string;
      proposals: { sheet: string; result: { payback: { total: { years: number } } } }[];
      written: string;
    }[];
    expect(report).toHaveLength(1);
    expect(report[0].template).toBe("kk-2025");
    expect(report[0].proposals.map((p) => p.sheet)).toEqual(["2025-F4"]);
    expect(report[0].proposals[0].result.payback.total.years).toBe(7);
    expect(report[0].written).toBe(path.join(dir, "to-ud2.xlsx"));
  });
});

describe("beregn <fil>: parts Beregn does not write survive byte for byte (issue 13)", () => {
  let withChart: string;
  beforeAll(() => {
    withChart = path.join(dir, "diagram.xlsx");
    const ct = (xml: string): string =>
      xml.replace(
        "</Types>",
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
      );
    fs.writeFileSync(
      withChart,
      patchXlsx(fs.readFileSync(example("2025-BC01")), [{ name: "xl/charts/chart1.xml", data: "<c:chartSpace/>" }], ct),
    );
  });

  /** Parts whose bytes differ between two packages (added and removed ones included). */
  const changedParts = (a: string, b: string): string[] => {
    const x = new Map(unzip(fs.readFileSync(a)).map((e) => [e.name, e.data]));
    const y = new Map(unzip(fs.readFileSync(b)).map((e) => [e.name, e.data]));
    const names = new Set([...x.keys(), ...y.keys()]);
    return [...names].filter((n) => !x.get(n)?.equals(y.get(n) ?? Buffer.alloc(0)) || !y.has(n)).sort();
  };

  test("--in-place writes the tables and keeps the chart part as it was", () => {
    const file = copy(withChart, "diagram-inplace.xlsx");
    const r = beregn([file, "--in-place"]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const changed = changedParts(withChart, file);
    expect(changed).not.toContain("xl/charts/chart1.xml");
    // only the workbook's structure, styles and the sheets Beregn writes into or adds
    for (const n of changed)
      expect(n).toMatch(
        /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/,
      );
  });

  test("a copy with -o is written without a warning, and the input's bytes are untouched", () => {
    const before = sha(withChart);
    const out = path.join(dir, "diagram-kopi.xlsx");
    const r = beregn([withChart, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(sha(withChart)).toBe(before);
    expect(changedParts(withChart, out)).not.toContain("xl/charts/chart1.xml");
  });

  test("--tab-dele is gone: nothing needs dropping any more", () => {
    const r = beregn([withChart, "-o", path.join(dir, "x.xlsx"), "--tab-dele"]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["fejl: ukendt tilvalg --tab-dele; se beregn --help"]);
  });
});

describe("beregn <fil>: files that cannot be read → one line, exit 2, nothing written", () => {
  test.each([
    ["tom.xlsx", (): Buffer | string => "", "filen er tom"],
    ["gammel.xls", (): Buffer | string => fakeOle2(["Workbook"]), "gammelt .xls-format; gem som .xlsx"],
    [
      "laast.xlsx",
      (): Buffer | string => fakeOle2(["EncryptionInfo", "EncryptedPackage"]),
      "filen er krypteret (adgangskode); fjern adgangskoden",
    ],
    ["csv.xlsx", (): Buffer | string => "a;b\n1;2\n", "ikke en .xlsx-fil"],
    [
      "afkortet.xlsx",
      (): Buffer | string => fs.readFileSync(example("2025-BC01")).subarray(0, 3000),
      "ikke en .xlsx-fil (ingen zip-indholdsfortegnelse)",
    ],
  ])("%s", (name, make, message) => {
    const sub = path.join(dir, "bad-" + name.replace(/\W/g, ""));
    fs.mkdirSync(sub);
    const p = path.join(sub, name);
    fs.writeFileSync(p, make());
    const r = beregn([p]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`fejl: ${p}: ${message}`]);
    expect(fs.readdirSync(sub)).toEqual([name]);
  });

  test("a missing file", () => {
    const r = beregn([path.join(dir, "nej.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`fejl: ${path.join(dir, "nej.xlsx")}: filen findes ikke`]);
  });
});

describe("beregn skabelon", () => {
  test("writes the template; refuses to overwrite without --overskriv", async () => {
    const p = path.join(dir, "ny.xlsx");
    const r = beregn(["skabelon", p]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Skrevet: .*ny\.xlsx \(ny projektmappe, \d+ ark: .+\)$/);
    const { grids } = await loadWorkbook(p);
    expect(grids.length).toBeGreaterThanOrEqual(1);
    const again = beregn(["skabelon", p]);
    expect(again.code).toBe(2);
    expect(again.err).toEqual([`fejl: ${p} findes allerede; brug --overskriv for at erstatte den`]);
    expect(beregn(["skabelon", p, "--overskriv"]).code).toBe(0);
    expect([0, 1]).toContain(beregn(["valider", p]).code);
  });
});

const soffice = sofficePath();
(soffice ? describe : describe.skip)("LibreOffice recalculates what beregn wrote", () => {
  test.each(["2025-BC01", "2025-F4", "2018-P2"])(
    "%s: recalculated Tabel 1 totals equal the engine's",
    async (id) => {
      const out = path.join(dir, `${id}-lo.xlsx`);
      expect(beregn([example(id), "-o", out]).code).toBe(0);
      const expected = JSON.parse(beregn(["json", path.join(ROOT, "test", "fixtures", "cases", `${id}.json`)]).stdout) as {
        years: number[];
        totals: { net: Record<string, number>; permanent: Record<string, number>; implementation: Record<string, number> };
      };
      const sub = path.join(dir, `lo-${id}`);
      fs.mkdirSync(sub);
      const recalculated = recalcWithLibreOffice(soffice!, out, sub);
      const { grids } = await loadWorkbook(recalculated);
      const reading = readWorkbook(grids);
      expect(reading.proposals.length).toBeGreaterThanOrEqual(1);
      const stated = reading.proposals[0].input.stated?.totals as Record<string, Record<string, unknown>> | undefined;
      expect(stated).toBeDefined();
      for (const k of ["permanent", "implementation", "net"] as const) {
        const got = Object.fromEntries(expected.years.map((y) => [String(y), Number(stated![k]?.[String(y)] ?? NaN)]));
        expect({ [k]: got }).toEqual({ [k]: expected.totals[k] });
      }
      // and those cells are formulas LibreOffice computed, not numbers Beregn typed
      const sheet = grids.find((g) => g.name === reading.proposals[0].sheet)!;
      expect(formulasOfRow(sheet, /^Samlet (økonomisk påvirkning|pengestrøm)/)).toHaveLength(expected.years.length);
    },
    240_000,
  ); // LibreOffice starts a fresh profile each time: slow on a loaded machine
});
