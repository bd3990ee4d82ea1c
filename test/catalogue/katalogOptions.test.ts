/**
 * beregn katalog's command line and the parts of the issue the annex tests do not reach: the
 * format from the proposals' profile, a stated catalogue found in the folder, progress, the
 * proposal's kind (HELPERS.md contract) and the innovation pool's missing limit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseCommand } from "../../src/cli/args";
import { runKatalog } from "../../src/cli/commands/katalog";
import { UsageError } from "../../src/cli/errors";
import { calculate, InputError, parseProposal } from "../../src/engine";
import { rollupLine } from "../../src/engine/rollup";
import { buildCatalogue } from "../../src/catalogue/catalogue";
import { compareCatalogue } from "../../src/catalogue/compare";
import { readStatedCatalogue } from "../../src/catalogue/stated";
import { annexFixture, proposalInput, statedGrids, writeAnnexFolder } from "./annexFolder";

const silent = () => {
  const out: string[] = [];
  return { out, io: { out: (l: string) => out.push(l), err: (l: string) => out.push(l) } };
};

describe("parseCommand katalog", () => {
  it("takes folders, -o, --format, --angivet and --json", () => {
    expect(
      parseCommand(["katalog", "a", "b", "-o", "k.xlsx", "--format", "2018", "--angivet", "s.xlsx", "--json", "r.json"]),
    ).toMatchObject({
      kind: "katalog",
      paths: ["a", "b"],
      options: { output: "k.xlsx", format: "2018", angivet: "s.xlsx", json: "r.json" },
    });
  });
  it("refuses --format outside katalog and --in-place inside it", () => {
    expect(() => parseCommand(["valider", "a", "--format", "2018"])).toThrow("--format og --angivet hører til beregn katalog");
    expect(() => parseCommand(["katalog", "a", "--in-place"])).toThrow(UsageError);
    expect(() => parseCommand(["katalog"])).toThrow("beregn katalog skal have mindst én fil eller mappe");
  });
  it("refuses a run without -o and an unknown format, before reading anything", async () => {
    const { io } = silent();
    const base = { inPlace: false, overskriv: false };
    await expect(runKatalog(["x"], base, io, false)).rejects.toThrow("beregn katalog skal have -o <katalog.xlsx>");
    await expect(runKatalog(["x"], { ...base, output: "/tmp/k.xlsx", format: "bilag9" }, io, false)).rejects.toThrow(
      '--format skal være investering-2025, tvaergaaende-2025 eller 2018 (fik "bilag9")',
    );
  });
});

describe("runKatalog", () => {
  it("takes the format most proposals have (2018 here), the stated catalogue from the folder, and reports progress", async () => {
    const f = await writeAnnexFolder("bilag6");
    fs.renameSync(f.stated, path.join(f.folder, "bilag6.xlsx"));
    const { out, io } = silent();
    const json = path.join(f.dir, "r.json");
    const code = await runKatalog([f.folder], { inPlace: false, overskriv: false, output: path.join(f.dir, "k.xlsx"), json }, io, false);
    const report = JSON.parse(fs.readFileSync(json, "utf8")) as { format: string; mismatches: { id: string; location: string }[] };
    expect(report.format).toBe("2018");
    // the folder's own catalogue sheet was read: Forslag 11's investment 19.613 (seed 000 line 52)
    expect(report.mismatches).toContainEqual(expect.objectContaining({ id: "Forslag 11", location: "Bilag 6!G18" }));
    expect(code).toBe(1);
    // a line per 25 files when not on a terminal: 4 files, so only the last
    expect(out.filter((l) => /projektmapper læst$/.test(l))).toEqual(["4/4 projektmapper læst"]);
  }, 60_000);
});

describe("kind (HELPERS.md contract)", () => {
  it("is validated", () => {
    const input = { ...proposalInput({ case: "catalogue/2025-BC03" }), kind: "pilot" };
    let err: unknown;
    try {
      parseProposal(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe("kind");
  });
  it("innovation: never PAYBACK_OVER_LIMIT (the pool has no limit), and the roll-up counts it as innovation", () => {
    const innovation = calculate(parseProposal(proposalInput({ case: "catalogue/2025-BC03" })).proposal);
    expect(innovation.findings.filter((f) => f.code === "PAYBACK_OVER_LIMIT")).toEqual([]);
    const line = rollupLine(innovation);
    expect([line.kind, line.overLimit, line.investment.toString()]).toEqual(["innovation", false, "2890"]);
    // the same rows as an investment proposal: no saving, so not paid back, over the 6-year limit (SPEC §3)
    const { kind: _kind, ...asInvestment } = proposalInput({ case: "catalogue/2025-BC03" });
    const investment = calculate(parseProposal(asInvestment).proposal);
    expect(investment.findings.map((f) => f.code)).toContain("PAYBACK_OVER_LIMIT");
    expect(rollupLine(investment).overLimit).toBe(true);
  });
  it("the roll-up keeps the last column's effect beyond it (SPEC §3) and is 0 before the first", () => {
    const bc01 = calculate(parseProposal(proposalInput({ case: "cases/2025-BC01" })).proposal);
    const line = rollupLine(bc01, [2023, 2027, 2031]);
    expect(Object.fromEntries(Object.entries(line.effectByYear).map(([y, v]) => [y, v.toNumber()]))).toEqual({
      2023: 0,
      2027: -1474,
      2031: -1474,
    });
  });
});

describe("compareCatalogue on a stated Bilag 7 with errors put in", () => {
  const fx = annexFixture("bilag7");
  const entries = fx.proposals.map((p) => ({
    file: p.file,
    sheet: "Forslag",
    result: calculate(parseProposal(proposalInput(p)).proposal),
  }));
  const edit = (row: number, col: number, v: string | number) => {
    const rows = fx.stated.rows.map((r) => [...r]);
    rows[row][col] = v;
    return readStatedCatalogue(statedGrids({ ...fx, stated: { ...fx.stated, rows } }), "investering-2025");
  };
  it("Tabel 1's ØU (tværgående) 6,2 against BC01 + BC02's 4.250 + 1.822 t.kr. = 6,1", () => {
    const stated = edit(6, 3, 6.2);
    const { mismatches } = compareCatalogue(buildCatalogue(entries, "investering-2025"), stated!);
    expect(mismatches.filter((m) => m.id === "Tabel 1 ØU" && m.severity === "error")).toEqual([
      expect.objectContaining({ field: "investering", stated: 6.2, computed: 6.1, location: "Bilag 7!D7" }),
    ]);
  });
  it("a ** on BC13, whose service payback of 6 år is within the pool's limit", () => {
    const stated = edit(21, 1, "**");
    const { mismatches } = compareCatalogue(buildCatalogue(entries, "investering-2025"), stated!);
    expect(mismatches.filter((m) => m.id === "BC13")).toEqual([
      expect.objectContaining({ field: "markering", stated: "**", computed: "", location: "Bilag 7!A22", severity: "error" }),
    ]);
  });
});
