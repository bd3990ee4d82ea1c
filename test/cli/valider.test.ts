import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { BIN, ROOT, beregn, ensureBuilt, removeDir, tmpDir } from "./cliHelpers";
import { fakeOle2, patchXlsx, simpleXlsx } from "../xlsx/zipHelpers";
import { validationLines } from "../../src/cli/commands/valider";

const EXAMPLES = path.join(ROOT, "examples");
const LINE = /^[^:]+\.xlsx?m?(:[^!]+![A-Z]+\d+(:[A-Z]+\d+)?)?: (fejl|advarsel|info) [A-Z_0-9]+ .+$/;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("valider-");
});
afterAll(() => removeDir(dir));

const put = (name: string, data: Buffer | string): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};

describe("beregn valider: unreadable files → one line each, exit 2, nothing written", () => {
  test.each([
    ["tom.xlsx", () => "", "EMPTY filen er tom"],
    ["gammel.xls", () => fakeOle2(["Workbook"]), "LEGACY_XLS gammelt .xls-format; gem som .xlsx"],
    [
      "laast.xlsx",
      () => fakeOle2(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]),
      "ENCRYPTED filen er krypteret (adgangskode); fjern adgangskoden",
    ],
    ["tekst.xlsx", () => "Dette er ikke et regneark", "NOT_XLSX ikke en .xlsx-fil"],
  ])("%s", (name, make, line) => {
    const p = put(name, make());
    const before = fs.readdirSync(dir).sort();
    const r = beregn(["valider", p]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([`${p}: fejl ${line}`]);
    expect(r.err).toEqual(["0 filer kontrolleret, 1 kunne ikke læses: 0 fejl, 0 advarsler, 0 info"]);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  test("a missing file", () => {
    const p = path.join(dir, "findes-ikke.xlsx");
    const r = beregn(["valider", p]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([`${p}: fejl NOT_FOUND filen findes ikke`]);
  });
});

describe("beregn valider on the examples", () => {
  const examples = fs.existsSync(EXAMPLES) ? fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")) : [];

  test("the examples exist", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  test("every line has the form fil:ark!celle: alvorlighed KODE besked; exit 1 iff an error", () => {
    for (const f of examples) {
      const p = path.join("examples", f);
      const r = beregn(["valider", p]);
      for (const l of r.out) expect(l).toMatch(LINE);
      for (const l of r.out) expect(l.startsWith(p)).toBe(true);
      const hasError = r.out.some((l) => /: fejl [A-Z_]+ /.test(l));
      expect({ f, code: r.code }).toEqual({ f, code: hasError ? 1 : 0 });
    }
  });

  test("a folder is walked; the examples' document errors are found at their cells", () => {
    const rep = path.join(dir, "rapport.json");
    const r = beregn(["valider", "examples", "--json", rep]);
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(fs.readFileSync(rep, "utf8")) as { file: string; proposals: { sheet: string }[] }[];
    expect(report.map((x) => path.basename(x.file)).sort()).toEqual([...examples].sort());
    for (const x of report) expect(x.proposals.length).toBeGreaterThanOrEqual(1);
    // BC01's Tabel A states TMU -123 for 2027 where the rules give -122: an info at a cell
    expect(r.out.some((l) => /2025-BC01[^:]*\.xlsx:[^!]+![A-Z]+\d+(:[A-Z]+\d+)?: info KVANTUM_MISMATCH /.test(l))).toBe(true);
  });
});

test("piped into head: no EPIPE stack trace when the reader stops early", () => {
  const r = spawnSync("sh", ["-c", `node "${BIN}" valider examples examples examples | head -1`], { cwd: ROOT, encoding: "utf8" });
  expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
  expect(r.stderr).not.toMatch(/EPIPE|^\s+at /m);
});

describe("beregn valider on a workbook with a chart: reading is fine", () => {
  test("exit code from its findings, not from the chart", async () => {
    const x = patchXlsx(await simpleXlsx(), [{ name: "xl/charts/chart1.xml", data: "<c:chartSpace/>" }]);
    const p = put("diagram.xlsx", x);
    const r = beregn(["valider", p]);
    expect(r.code).not.toBe(3);
    expect(r.stderr).not.toMatch(/intern fejl/);
    // the chart is kept by beregn now (issue 13): nothing to warn about
    expect(r.out.filter((l) => l.includes("UNSUPPORTED_PARTS"))).toEqual([]);
  });
});

describe("valider on a terminal: wrapped to 80 columns under the location", () => {
  // BC02's Tabel C warning: 280 characters of message (the README's main job)
  const f = {
    code: "KVANTUM_MISSING" as const,
    severity: "warning" as const,
    location: "2025-BC02!A47:K49",
    message:
      "Tabel C (bevillingsmæssig effekt – hvis forslaget indarbejdes) er tom, men måltalseffekten (A) og den bevillingsmæssige effekt (C) er forskellige (varig drift, bevillingsflyt eller effekt krediteret andre end dem, der realiserer den); udfyld den, evt. med Teknisk beregningsark",
  };
  test("the location line, then the message indented, no line over 80", () => {
    const lines = validationLines("examples/2025-BC02.xlsx", f, 80);
    expect(lines[0]).toBe("examples/2025-BC02.xlsx:2025-BC02!A47:K49: advarsel KVANTUM_MISSING");
    expect(lines.slice(1).every((l) => l.startsWith("    ") && l.length <= 80)).toBe(true);
    expect(lines.length).toBe(5);
    expect(
      lines
        .slice(1)
        .map((l) => l.trim())
        .join(" "),
    ).toBe(f.message);
  });
  test("piped (no width): one line per finding, as before", () => {
    expect(validationLines("x.xlsx", f)).toEqual([`x.xlsx:2025-BC02!A47:K49: advarsel KVANTUM_MISSING ${f.message}`]);
  });
});
