/**
 * Broken and hostile files through the .xlsx host and the `beregn` command (issue 5): each is a
 * clear refusal — exit code 2, one Danish line naming the file and what is wrong, no stack trace,
 * nothing written — or a clear finding. Crafted bytes live in test/fixtures/broken/ (made by
 * make-broken.js there); what ExcelJS can make is made here, at test time.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import { gridsToWorkbook } from "../../src/xlsx/fromGrids";
import { FileRefusal, inspectFile, loadWorkbook } from "../../src/xlsx";
import { spawnSync } from "node:child_process";
import { ROOT, beregn, ensureBuilt, removeDir, tmpDir, type CliRun } from "../cli/cliHelpers";
import { patchXlsx, unzip } from "../xlsx/zipHelpers";
import { loadCase } from "./helpers";

const BROKEN = path.join(__dirname, "..", "fixtures", "broken");

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("badinput-files-");
});
afterAll(() => removeDir(dir));

/** No Node stack frame anywhere in what the user sees. */
function expectNoStack(r: CliRun): void {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/intern fejl/);
}

function copyIn(name: string): string {
  const p = path.join(dir, name);
  fs.copyFileSync(path.join(BROKEN, name), p);
  return p;
}

async function proposalXlsx(id = "2025-F4"): Promise<Buffer> {
  return Buffer.from(await gridsToWorkbook(buildCaseGrids(loadCase(id), "standard")).xlsx.writeBuffer());
}

// name, refusal code, the Danish text the one line must hold
const CRAFTED: [string, string, RegExp][] = [
  ["tom.xlsx", "EMPTY", /filen er tom/],
  ["tilfaeldige-bytes.xlsx", "NOT_XLSX", /ikke en \.xlsx-fil/],
  ["tilfaeldige-bytes-pk.xlsx", "NOT_XLSX", /ikke en \.xlsx-fil/],
  ["gammel.xls", "LEGACY_XLS", /gammelt \.xls-format; gem som \.xlsx/],
  ["gammel-omdoebt.xlsx", "LEGACY_XLS", /gammelt \.xls-format/],
  ["krypteret.xlsx", "ENCRYPTED", /krypteret \(adgangskode\)/],
  ["zip-krypteret.xlsx", "ENCRYPTED", /krypteret/],
  ["afkortet.xlsx", "NOT_XLSX", /ikke en \.xlsx-fil \(ingen zip-indholdsfortegnelse\)/],
  ["zipbombe-paastand.xlsx", "ZIP_LIMIT", /over 200 MB udpakket \(mulig zip-bombe\)/],
  ["zipbombe-luger.xlsx", "ZIP_LIMIT", /fylder mere udpakket end filen angiver \(mulig zip-bombe\)/],
  ["paastaar-210mb.xlsx", "ZIP_LIMIT", /over 200 MB udpakket/],
  ["for-mange-dele.xlsx", "ZIP_LIMIT", /60000 dele; grænsen er 10000/],
  ["word-dokument.xlsx", "NOT_XLSX", /et Word-dokument/],
];

describe("crafted files: beregn <fil> refuses with exit 2 and one Danish line", () => {
  test.each(CRAFTED)("%s", (name, _code, text) => {
    const p = copyIn(name);
    const out = path.join(dir, `${name}-ud.xlsx`);
    const r = beregn([p, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^fejl: ${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
    expect(r.err[0]).toMatch(text);
    expect(r.out).toEqual([]);
    expectNoStack(r);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("crafted files: beregn valider names each and exits 2", () => {
  test("all of them in one folder: one line each, the others still checked", async () => {
    const sub = path.join(dir, "mappe");
    fs.mkdirSync(sub);
    for (const [name] of CRAFTED) fs.copyFileSync(path.join(BROKEN, name), path.join(sub, name));
    // one good workbook among them: a bad file must not stop the folder
    fs.writeFileSync(path.join(sub, "god.xlsx"), await proposalXlsx());
    const r = beregn(["valider", sub]);
    expect(r.code).toBe(2);
    for (const [name, code, text] of CRAFTED) {
      if (!/\.xlsx$/.test(name)) continue; // valider walks folders for .xlsx/.xlsm only
      const line = r.out.filter((l) => l.startsWith(path.join(sub, name) + ":"));
      expect(line).toHaveLength(1);
      expect(line[0]).toContain(`: fejl ${code} `);
      expect(line[0]).toMatch(text);
    }
    expect(r.err).toEqual([expect.stringMatching(/^1 fil kontrolleret, 12 kunne ikke læses: /)]);
    expectNoStack(r);
  });
});

describe("hostile files are refused in bounded time and memory (inspectFile / loadWorkbook)", () => {
  /** Runs `fn`, returning its wall time and how far the process's memory grew. */
  async function measure(fn: () => Promise<unknown> | unknown): Promise<{ ms: number; grewMB: number; error: unknown }> {
    global.gc?.();
    const m0 = process.memoryUsage();
    const t0 = performance.now();
    let error: unknown;
    try {
      await fn();
    } catch (e) {
      error = e;
    }
    const ms = performance.now() - t0;
    const m1 = process.memoryUsage();
    const grew = Math.max(m1.rss - m0.rss, m1.arrayBuffers - m0.arrayBuffers, 0) / 2 ** 20;
    return { ms, grewMB: grew, error };
  }

  test.each([
    ["zipbombe-paastand.xlsx", "ZIP_LIMIT"],
    ["zipbombe-luger.xlsx", "ZIP_LIMIT"],
    ["paastaar-210mb.xlsx", "ZIP_LIMIT"],
    ["for-mange-dele.xlsx", "ZIP_LIMIT"],
  ])("%s: refused under 2 s, memory grows under 64 MB", async (name, code) => {
    const p = copyIn(name);
    const r = await measure(() => loadWorkbook(p));
    expect(r.error).toBeInstanceOf(FileRefusal);
    expect((r.error as FileRefusal).code).toBe(code);
    expect(r.ms).toBeLessThan(2000);
    // the lying bomb inflates to 64 MiB if unbounded: growth must stay well under that
    expect(r.grewMB).toBeLessThan(64);
  });

  test("a 200 MB file (sparse, starts like a zip) is refused by its size under 2 s", async () => {
    const p = path.join(dir, "stor.xlsx");
    const fd = fs.openSync(p, "w");
    fs.writeSync(fd, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    fs.ftruncateSync(fd, 200 * 1024 * 1024);
    fs.closeSync(fd);
    const r = await measure(() => inspectFile(p));
    expect((r.error as FileRefusal).code).toBe("TOO_LARGE");
    expect((r.error as FileRefusal).message).toBe("afvist: filen fylder 200,0 MB; grænsen er 50,0 MB");
    expect(r.ms).toBeLessThan(2000);
    expect(r.grewMB).toBeLessThan(64);
  });

  test("a 200 MB OLE2 file (sparse legacy .xls) is judged by scanning a bounded prefix, under 2 s", async () => {
    const p = path.join(dir, "stor.xls");
    fs.copyFileSync(path.join(BROKEN, "gammel.xls"), p);
    fs.truncateSync(p, 200 * 1024 * 1024);
    const r = await measure(() => inspectFile(p));
    expect((r.error as FileRefusal).code).toBe("LEGACY_XLS");
    expect(r.ms).toBeLessThan(2000);
    expect(r.grewMB).toBeLessThan(64);
  });

  test("the CLI on the lying bomb: exit 2, one line", () => {
    const p = copyIn("zipbombe-luger.xlsx");
    const r = beregn([p, "-o", path.join(dir, "bombe-ud.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`fejl: ${p}: afvist: xl/worksheets/sheet1.xml fylder mere udpakket end filen angiver (mulig zip-bombe)`]);
    expectNoStack(r);
  });

  test("a child process loading the lying bomb peaks no higher than one loading a good proposal (+32 MB)", async () => {
    const good = path.join(dir, "god-til-hukommelse.xlsx");
    fs.writeFileSync(good, await proposalXlsx());
    const bomb = copyIn("zipbombe-luger.xlsx");
    // the compiled host (lib/, built by ensureBuilt): its peak resident set after one load
    const peakKB = (file: string): number => {
      const script = `const x=require(${JSON.stringify(path.join(ROOT, "lib", "xlsx"))});x.loadWorkbook(${JSON.stringify(file)}).catch(()=>0).then(()=>process.stdout.write(String(process.resourceUsage().maxRSS)))`;
      const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 30_000 });
      return Number(r.stdout);
    };
    const base = peakKB(good);
    const hostile = peakKB(bomb);
    expect(base).toBeGreaterThan(0);
    expect(hostile).toBeLessThan(base + 32 * 1024);
  });
});

describe("parts ExcelJS could not write back: kept byte for byte now (issue 13)", () => {
  const CHART_CT = (xml: string) =>
    xml.replace(
      "</Types>",
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    );
  const MACRO_CT = (xml: string) =>
    xml.replace(
      /application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/,
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );

  async function variants(): Promise<Record<string, { file: string; parts: string }>> {
    const base = await proposalXlsx();
    const chart = patchXlsx(
      base,
      [{ name: "xl/charts/chart1.xml", data: '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>' }],
      CHART_CT,
    );
    const pivot = patchXlsx(base, [
      { name: "xl/pivotTables/pivotTable1.xml", data: "<pivotTableDefinition/>" },
      { name: "xl/pivotCache/pivotCacheDefinition1.xml", data: "<pivotCacheDefinition/>" },
    ]);
    const both = patchXlsx(chart, [{ name: "xl/pivotTables/pivotTable1.xml", data: "<pivotTableDefinition/>" }]);
    const xlsm = patchXlsx(
      base,
      [{ name: "xl/vbaProject.bin", data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }],
      MACRO_CT,
    );
    const put = (n: string, b: Buffer) => {
      const p = path.join(dir, n);
      fs.writeFileSync(p, b);
      return p;
    };
    return {
      chart: { file: put("diagram.xlsx", chart), parts: "diagrammer" },
      pivot: { file: put("pivot.xlsx", pivot), parts: "pivottabeller" },
      both: { file: put("diagram-og-pivot.xlsx", both), parts: "diagrammer, pivottabeller" },
      xlsm: { file: put("makro.xlsm", xlsm), parts: "makroer (VBA)" },
    };
  }

  let v: Record<string, { file: string; parts: string }>;
  beforeAll(async () => {
    v = await variants();
  });

  /** The input's parts that are not byte-identical in the output (issue 13: only what Beregn writes may differ). */
  const differing = (a: string, b: string): string[] => {
    const y = new Map(unzip(fs.readFileSync(b)).map((e) => [e.name, e.data]));
    return unzip(fs.readFileSync(a))
      .filter((e) => !y.get(e.name)?.equals(e.data))
      .map((e) => e.name);
  };
  const WRITTEN =
    /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;
  const KEPT: Record<string, string[]> = {
    chart: ["xl/charts/chart1.xml"],
    pivot: ["xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml"],
    both: ["xl/charts/chart1.xml", "xl/pivotTables/pivotTable1.xml"],
    xlsm: ["xl/vbaProject.bin"],
  };

  test.each(["chart", "pivot", "both", "xlsm"])("%s: in place → exit 0, the part kept byte for byte, only Beregn's parts changed", (k) => {
    const file = path.join(dir, `inplace-${path.basename(v[k].file)}`);
    fs.copyFileSync(v[k].file, file);
    const r = beregn([file, "--in-place"]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const changed = differing(v[k].file, file);
    for (const part of KEPT[k]) expect(changed).not.toContain(part);
    for (const n of changed) expect(n).toMatch(WRITTEN);
  });

  test.each(["chart", "pivot", "xlsm"])("%s: to a copy → exit 0, the part kept byte for byte, the input untouched", (k) => {
    const { file } = v[k];
    const bytes = fs.readFileSync(file);
    const out = path.join(dir, `${k}-kopi${k === "xlsm" ? ".xlsm" : ".xlsx"}`);
    const r = beregn([file, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    for (const part of KEPT[k]) expect(differing(file, out)).not.toContain(part);
  });

  test.each(["chart", "pivot", "xlsm"])("%s: valider reads it without complaint about the parts (it writes nothing)", (k) => {
    const { file } = v[k];
    const bytes = fs.readFileSync(file);
    const r = beregn(["valider", file]);
    // F4 as laid out has no errors: exit 0; the parts do not matter to a check
    expect(r.code).toBe(0);
    expectNoStack(r);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  test("an .xlsm stays an .xlsm: its default output is <navn>-beregnet.xlsm with the macros and the macro content type", () => {
    const r = beregn([v.xlsm.file]);
    expect(r.code).toBe(0);
    const out = v.xlsm.file.replace(/\.xlsm$/, "-beregnet.xlsm");
    const parts = new Map(unzip(fs.readFileSync(out)).map((e) => [e.name, e.data]));
    expect(parts.get("xl/vbaProject.bin")?.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(true);
    expect(parts.get("[Content_Types].xml")!.toString("utf8")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(fs.existsSync(v.xlsm.file.replace(/\.xlsm$/, "-beregnet.xlsx"))).toBe(false);
  });

  test("an .xlsm written to a .xlsx name is refused: Excel would not open it", () => {
    const out = path.join(dir, "makro-som.xlsx");
    const r = beregn([v.xlsm.file, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`fejl: uddatafilen skal hedde .xlsm ligesom inddatafilen: ${out}`]);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("a protected output sheet through the CLI", () => {
  test("Beregn does not write into a protected sheet without a word (the Office host refuses)", async () => {
    const grids = buildCaseGrids(loadCase("2025-F4"), "standard");
    grids.find((g) => g.name === "Kvantum")!.protected = true;
    const file = path.join(dir, "laast-ark.xlsx");
    await gridsToWorkbook(grids).xlsx.writeFile(file);
    const out = path.join(dir, "laast-ark-ud.xlsx");
    const r = beregn([file, "-o", out]);
    expectNoStack(r);
    // either a clear refusal (exit 2 naming the sheet) or a clear note that it wrote into it
    // file names are cut out first: only what Beregn says counts
    const said = [...r.out, ...r.err].map((l) => l.split(dir).join("")).some((l) => /beskyt/i.test(l) && /Kvantum/.test(l));
    if (!said)
      throw new Error(
        "src/cli/commands/beregn.ts writes Beregn's tables into the protected sheet Kvantum without saying so " +
          "(src/excel/applyPlan.ts refuses the same plan with protectedSheetError). Output was:\n" +
          [...r.out, ...r.err].join("\n"),
      );
    if (r.code === 0) {
      // if it writes, the protection must survive the save
      const loaded = await loadWorkbook(out);
      expect(loaded.grids.find((g) => g.name === "Kvantum")?.protected).toBe(true);
    } else expect(r.code).toBe(2);
  });
});

describe("beregn json on hostile JSON", () => {
  test.each([
    ["not JSON at all", "dette er ikke json"],
    ["an array", "[1,2,3]"],
    ["years as text", '{"years":"2025","rows":[]}'],
    // String(x) throws for an object whose toString is not a function: this must still be one line, exit 2
    ['a value {"toString": 1}', '{"years":[2025],"rows":[{"label":"R","block":"permanent","values":{"2025":{"toString":1}}}]}'],
  ])("%s: exit 2, one Danish line, no stack", (name, text) => {
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.json`);
    fs.writeFileSync(file, text);
    const r = beregn(["json", file]);
    expectNoStack(r);
    expect({ code: r.code, lines: r.err.length }).toEqual({ code: 2, lines: 1 });
    expect(r.err[0]).toMatch(/^fejl: /);
  });
});
