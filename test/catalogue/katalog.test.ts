/**
 * beregn katalog on the annexes' own folders (test/fixtures/catalogue/annexes.json, from the
 * seeds): the catalogue reproduces the annex's summary tables where the proposals are consistent,
 * and flags the annex's errors (issue 11), each listed with its seed line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runKatalog } from "../../src/cli/commands/katalog";
import { beregn, ensureBuilt, removeDir, tmpDir } from "../cli/cliHelpers";
import { cellAt, formatAt, formulaAt, parseA1 } from "../../src/workbook/grid";
import type { Grid } from "../../src/workbook/types";
import { loadWorkbook } from "../../src/xlsx";
import { recalcWithLibreOffice, sofficePath } from "../cli/libreoffice";
import { type AnnexName, writeAnnexFolder } from "./annexFolder";

interface Report {
  format: string;
  lines: {
    id: string;
    title: string;
    udvalg: string | null;
    kind: string;
    marker: string;
    investment: Record<string, number>;
    effect: Record<string, number>;
    effectByYear: Record<string, number>;
    payback: { service: { years: number | null; breakEvenYear: number | null } | null };
    findings: { error: number; warning: number };
  }[];
  byUdvalg: Record<string, { count: number; innovation: number; investment: number; effect: number }>;
  totals: { investment: number; effect: number };
  mismatches: { id: string; field: string; stated: unknown; computed: unknown; location: string }[];
}

interface Run {
  code: number;
  out: string[];
  report: Report;
  catalogue: Grid[];
  dir: string;
}

const FORMAT: Record<AnnexName, string> = { bilag7: "investering-2025", bilag8: "tvaergaaende-2025", bilag6: "2018" };

async function run(name: AnnexName, extra: { angivet?: string | null } = {}): Promise<Run> {
  const f = await writeAnnexFolder(name);
  const output = path.join(f.dir, "katalog.xlsx");
  const json = path.join(f.dir, "rapport.json");
  const out: string[] = [];
  const code = await runKatalog(
    [f.folder],
    {
      inPlace: false,

      overskriv: false,
      output,
      json,
      format: FORMAT[name],
      angivet: extra.angivet === null ? undefined : (extra.angivet ?? f.stated),
    },
    { out: (l) => out.push(l), err: (l) => out.push(l) },
    false,
  );
  const report = JSON.parse(fs.readFileSync(json, "utf8")) as Report;
  const catalogue = (await loadWorkbook(output)).grids;
  return { code, out, report, catalogue, dir: f.dir };
}

const at = (g: Grid, a1: string) => {
  const { row, col } = parseA1(a1);
  return { value: cellAt(g, row, col), formula: formulaAt(g, row, col), format: formatAt(g, row, col) };
};
const findRow = (g: Grid, col: number, text: string) => g.values.findIndex((_, r) => cellAt(g, r, col) === text);

describe("Bilag 7 (2025): investerings- og innovationsforslag", () => {
  let r: Run;
  beforeAll(async () => {
    r = await run("bilag7");
  }, 60_000);

  it("flags the annex's errors, each at its stated cell", () => {
    const m = r.report.mismatches;
    // seed 004 line 32: BC09 stated 1 år; its cumulative is +410 after 2025, so 2 år (2026)
    expect(m).toContainEqual({ id: "BC09", field: "tilbagebetalingstid", stated: "1", computed: 2, location: "Bilag 7!H18" });
    // seed 004 line 33: BC11 stated 1 år; 2024's 2.550 is paid back in 2025, so 2 år
    expect(m).toContainEqual({ id: "BC11", field: "tilbagebetalingstid", stated: "1", computed: 2, location: "Bilag 7!H19" });
    // seed 004 line 38: the effect total printed +93,7 under lines that are all negative (they sum to -93,8)
    expect(m).toContainEqual({ id: "Tabel 2 i alt", field: "effekt.Service", stated: 93.7, computed: -93.8, location: "Bilag 7!F24" });
    expect(r.code).toBe(1);
  });

  it("reproduces the annex where the proposals are consistent: BC01, BC02, BC13 and Tabel 1's ØU (tværgående) match", () => {
    const numbers = r.report.mismatches.filter((x) => x.field !== "linje");
    for (const id of ["BC01", "BC02", "BC13", "Tabel 1 ØU"]) expect(numbers.filter((x) => x.id === id)).toEqual([]);
    // every other mismatch is a stated line for a proposal not transcribed (BC05, BC07, BC08, BC12, BC14, BC04)
    expect(
      r.report.mismatches
        .filter((x) => x.field === "linje")
        .map((x) => x.id.split(" ")[0])
        .sort(),
    ).toEqual(["BC04", "BC05", "BC07", "BC08", "BC12", "BC14"]);
    // BC03 in Tabel 3 (seed line 47): 1.545 + 1.345 = 2.890 t.kr., shown 2,9
    expect(r.report.mismatches.filter((x) => x.id === "BC03")).toEqual([]);
    // Tabel 1's SUD 56,6 against its shown lines 56,8: a rounding note, not an error (seed line 17)
    expect(r.out.some((l) => /Bilag 7!D5: info CATALOGUE_MISMATCH Tabel 1 SUD, investering: angivet 56,6/.test(l))).toBe(true);
  });

  it("writes the lines exact in t.kr. in the JSON report, with the proposal's own findings", () => {
    const bc13 = r.report.lines.find((l) => l.id === "BC13");
    // BC13 (cases/2025-BC13): service 5.729+4.909+1.125+750, anlæg 2.049+3.271+5.574+12.588+7.123+2.019
    expect(bc13?.investment).toEqual({ Service: 12513, Anlæg: 32624 });
    expect(bc13?.effect).toEqual({ Service: -10772 });
    expect(bc13?.udvalg).toBe("TMU");
    expect(bc13?.payback.service).toEqual({ years: 6, breakEvenYear: 2030 });
    const bc09 = r.report.lines.find((l) => l.id === "BC09");
    // BC09's own two PAYBACK_MISMATCH errors (service and total stated 1 år)
    expect(bc09?.findings).toEqual({ error: 2, warning: 0 });
    // BC03's kind from the stated Tabel 3 (the proposal's workbook does not state it): innovation, no ** (no pool limit)
    const bc03 = r.report.lines.find((l) => l.id === "BC03");
    expect([bc03?.kind, bc03?.investment, bc03?.udvalg]).toEqual(["innovation", { Service: 2890 }, "BIU"]);
    expect(r.report.byUdvalg.BIU).toEqual({ count: 1, innovation: 1, investment: 2890, effect: 0 });
    expect(r.report.lines.map((l) => [l.id, l.marker])).toEqual([
      ["BC01", "*"],
      ["BC02", "*"],
      ["BC03", ""],
      ["BC09", ""],
      ["BC11", ""],
      ["BC13", ""],
    ]);
    // ØU: 4.250 + 1.822; -1.474 - 562
    expect(r.report.byUdvalg.ØU).toEqual({ count: 2, innovation: 0, investment: 6072, effect: -2036 });
  });

  it("writes exact values with a one-decimal format and SUM formulas with cached results", () => {
    const g = r.catalogue[0];
    const row = findRow(g, 0, "TMU");
    expect(cellAt(g, row, 3)).toBe(12.513);
    expect(formatAt(g, row, 3)).toBe("#,##0.0");
    expect(formulaAt(g, row, 2)).toMatch(/^=?HYPERLINK\("\[forslag\/BC13\.xlsx\]'Forslag'!A1","BC13"\)$/);
    const oeu = findRow(g, 1, "ØU (tværgående)");
    expect(cellAt(g, oeu, 2)).toBe("2");
    expect(cellAt(g, oeu, 3)).toBe(6.072);
    expect(formulaAt(g, oeu, 3)).toMatch(/SUM\(/);
    const biu = findRow(g, 1, "BIU");
    expect([cellAt(g, biu, 2), cellAt(g, biu, 3)]).toEqual(["1 (1)", 2.89]);
    const bc03 = findRow(g, 3, "Innovationsforslag");
    expect([cellAt(g, bc03, 0), cellAt(g, bc03, 1), cellAt(g, bc03, 4)]).toEqual(["BIU", "BC03", 2.89]);
    const total = findRow(g, 0, "I alt");
    // Tabel 2's effect total: -1.474 - 562 - 5.780 - 53.000 - 10.772 t.kr., from unrounded values
    expect(cellAt(g, total, 5)).toBeCloseTo(-71.588, 9);
    expect(formulaAt(g, total, 5)).toMatch(/^=?SUM\(F\d+:F\d+\)$/);
  });
});

describe("Bilag 8 (2025): tværgående katalog", () => {
  let r: Run;
  beforeAll(async () => {
    r = await run("bilag8");
  }, 60_000);

  it("flags the annex's errors in the sign convention of Bilag 8 (effects shown positive)", () => {
    const m = r.report.mismatches;
    // seed 001 line 31-34: BC01 1.144 in 2027-2028 where its rows give 1.474
    expect(m).toContainEqual({ id: "BC01", field: "effekt.2027", stated: 1144, computed: 1474, location: "Bilag 8!E5" });
    expect(m).toContainEqual({ id: "BC01", field: "effekt.2028", stated: 1144, computed: 1474, location: "Bilag 8!F5" });
    // seed 001 line 123-127: Forslag 4 1.560 where its Tabel 1 gives 1.860
    for (const [y, c] of [
      [2026, "D"],
      [2027, "E"],
      [2028, "F"],
    ])
      expect(m).toContainEqual({ id: "Forslag 4", field: `effekt.${y}`, stated: 1560, computed: 1860, location: `Bilag 8!${c}19` });
    // seed 001 line 147: Forslag 7 with a samlet investering of 73.234 but no implementation rows
    expect(m).toContainEqual({ id: "Forslag 7", field: "investering", stated: 73234, computed: 0, location: "Bilag 8!G23" });
    // 2025: 297 + 562 = 859 matches; BC02 (562, 1.822) and Forslag 7's 43.143 (its rows sum to -43.143) match
    expect(m.filter((x) => x.id === "BC02" || (x.id === "Forslag 7" && x.field !== "investering"))).toEqual([]);
    expect(m.filter((x) => x.field === "effekt.2025")).toEqual([]);
  });

  it("takes the joint group and 'godkendt med' from the stated catalogue", () => {
    const g = r.catalogue[0];
    expect(findRow(g, 0, "Teknik- og Miljøudvalget og Økonomiudvalget")).toBeGreaterThan(0);
    const f4 = g.values.findIndex((_, row) => cellAt(g, row, 0) === "Forslag 4");
    expect(cellAt(g, f4, 3)).toBe(1860); // positive, as Bilag 8 shows effects
    expect(cellAt(g, f4, 7)).toBe("OFS 23-24");
    expect(formatAt(g, f4, 3)).toBe('#,##0;-#,##0;"-"');
  });
});

describe("Bilag 6 (2018): tværgående effektiviseringsforslag", () => {
  let r: Run;
  beforeAll(async () => {
    r = await run("bilag6");
  }, 60_000);

  it("treats Forslag 2's -4.382 / -633 / -60 as the document's rounding (SPEC §2: -631 vs -633)", () => {
    expect(r.report.mismatches.filter((x) => x.id === "Forslag 2")).toEqual([]);
    expect(
      r.out.some((l) => /Bilag 6!D6: info CATALOGUE_MISMATCH Forslag 2, effekt 2019, Service: angivet -633; forslaget giver -631/.test(l)),
    ).toBe(true);
  });

  it("reproduces Forslag 6 and the Sundheds- og Omsorgsforvaltningen subtotal exactly (seed 000 lines 33-35)", () => {
    expect(r.report.mismatches.filter((x) => x.id === "Forslag 6" || /Sundheds/.test(x.id))).toEqual([]);
    const g = r.catalogue[0];
    const suf = findRow(g, 0, "Sundheds- og Omsorgsforvaltningen");
    expect([2, 3, 4, 5, 6].map((c) => cellAt(g, suf, c))).toEqual([0, -600, -1600, -2200, 600]);
  });

  it("flags Forslag 11, which the annex states as Socialforvaltningen's share in 2018 p/l (seed 000 lines 52, 61) against the proposal's 2017 p/l whole", () => {
    expect(r.report.mismatches).toContainEqual({
      id: "Forslag 11",
      field: "investering",
      stated: 19613,
      computed: 19198,
      location: "Bilag 6!G18",
    });
    expect(r.report.mismatches).toContainEqual({
      id: "Forslag 11",
      field: "effekt.Overførsler.2019",
      stated: -3558,
      computed: -3489,
      location: "Bilag 6!D25",
    });
    // the total of Tabel 2 (-6.739 in 2018) equals its shown lines: no finding on it
    expect(r.report.mismatches.filter((x) => x.id === "Tabel 2 i alt")).toEqual([]);
  });
});

describe("the catalogue as its own stated catalogue", () => {
  it.each(["bilag7", "bilag8", "bilag6"] as const)(
    "%s: reading Beregn's catalogue back finds no mismatch",
    async (name) => {
      const first = await run(name, { angivet: null });
      const again = await run(name, { angivet: path.join(first.dir, "katalog.xlsx") });
      expect(again.report.mismatches).toEqual([]);
      expect(again.code).toBe(0);
    },
    60_000,
  );
});

describe("a file that cannot be read", () => {
  it("is listed with its reason; the run goes on and exits 1", async () => {
    const f = await writeAnnexFolder("bilag6");
    fs.copyFileSync(path.join(__dirname, "..", "fixtures", "broken", "tom.xlsx"), path.join(f.folder, "tom.xlsx"));
    const out: string[] = [];
    const code = await runKatalog(
      [f.folder],
      { inPlace: false, overskriv: false, output: path.join(f.dir, "k.xlsx"), format: "2018" },
      { out: (l) => out.push(l), err: (l) => out.push(l) },
      false,
    );
    expect(code).toBe(1);
    expect(out.some((l) => l.startsWith(path.join(f.folder, "tom.xlsx") + ": fejl"))).toBe(true);
    expect(out.some((l) => /3 forslag fra 3 projektmapper, 1 kunne ikke læses/.test(l))).toBe(true);
    // the Kontrol sheet lists it
    const kontrol = (await loadWorkbook(path.join(f.dir, "k.xlsx"))).grids[1];
    expect(at(kontrol, "A2").value).toBe(path.join(f.folder, "tom.xlsx"));
  }, 60_000);
});

describe("LibreOffice recalculating the catalogue", () => {
  const soffice = sofficePath();
  (soffice ? it : it.skip)(
    "gets every SUM's cached result (Bilag 7)",
    async () => {
      const r = await run("bilag7");
      const before = r.catalogue[0];
      const recalculated = (await loadWorkbook(recalcWithLibreOffice(soffice as string, path.join(r.dir, "katalog.xlsx"), r.dir))).grids[0];
      let sums = 0;
      before.values.forEach((row, i) =>
        row.forEach((v, c) => {
          const f = formulaAt(before, i, c);
          if (!f || !/SUM\(/.test(f)) return;
          sums++;
          expect(cellAt(recalculated, i, c)).toBeCloseTo(v as number, 9);
        }),
      );
      // Tabel 1: BIU, SUD, TMU, ØU × 2 less BIU's effect (no Tabel 2 line: "=0"), I alt 2; Tabel 2: 4; Tabel 3: 1
      expect(sums).toBe(14);
    },
    240_000,
  );
});

describe("the JSON report's shape (issue 11)", () => {
  it("has exactly the issue's keys on the report and on each line", async () => {
    const r = await run("bilag8");
    expect(Object.keys(r.report).sort()).toEqual(["byUdvalg", "format", "lines", "mismatches", "totals"]);
    expect(Object.keys(r.report.lines[0]).sort()).toEqual(
      ["effect", "effectByYear", "file", "findings", "id", "investment", "kind", "marker", "payback", "sheet", "title", "udvalg"].sort(),
    );
    const f7 = r.report.lines.find((l) => l.id === "Forslag 7");
    // Bilag 8's years 2025-2028, in the proposals' sign: -43.143 Service and -421 EI (seed 001 lines 4710-4798)
    expect(f7?.effectByYear).toEqual({ 2025: -43564, 2026: -43564, 2027: -43564, 2028: -43564 });
    expect([f7?.kind, f7?.payback]).toEqual(["efficiency", { service: null, total: null }]);
    expect(r.report.totals.investment).toBe(4250 + 1822 + 7700);
    expect(Object.keys(r.report.mismatches[0]).sort()).toEqual(["computed", "field", "id", "location", "stated"]);
  }, 60_000);
});

describe("without a stated catalogue", () => {
  it("takes the kind from the proposal itself: BC03 reads as an Innovationsforslag, never paid back but without ** (the innovation pool has no limit)", async () => {
    const r = await run("bilag7", { angivet: null });
    const bc03 = r.report.lines.find((l) => l.id === "BC03");
    expect([bc03?.kind, bc03?.marker, bc03?.payback.service]).toEqual(["innovation", "", { years: null, breakEvenYear: null }]);
    // BC01 and BC02: Tabel 2.1.1 on several udvalg, so tværgående (*); the rest on one
    expect(r.report.lines.filter((l) => l.marker === "*").map((l) => l.id)).toEqual(["BC01", "BC02"]);
    expect(r.report.mismatches).toEqual([]);
    expect(r.code).toBe(0);
  }, 60_000);
});

describe("bin/beregn.js katalog on the bundled examples", () => {
  let dir: string | undefined;
  afterAll(() => removeDir(dir));
  it("writes the catalogue and says so on stderr, exit 0", () => {
    ensureBuilt();
    dir = tmpDir("katalog-examples");
    const res = beregn(["katalog", "examples", "-o", path.join(dir, "katalog.xlsx")]);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/Katalog \(investering-2025\) skrevet: .*katalog\.xlsx – 6 forslag fra 6 projektmapper/);
    expect(res.stdout).toMatch(/examples\/2025-BC01\.xlsx:Forslag: BC01 ØU – 0 fejl, 0 advarsler/);
    expect(fs.existsSync(path.join(dir, "katalog.xlsx"))).toBe(true);
  }, 120_000);
});
