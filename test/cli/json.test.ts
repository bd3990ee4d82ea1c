import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, beregn, ensureBuilt, removeDir, tmpDir } from "./cliHelpers";

const CASES = path.join(ROOT, "test", "fixtures", "cases");
const caseFiles = fs.readdirSync(CASES).filter((f) => f.endsWith(".json"));

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("json-");
});
afterAll(() => removeDir(dir));

interface Expected {
  totals: Record<string, unknown>;
  payback: unknown;
  kvantum: unknown;
  committees: unknown;
  findings: { code: string; severity: string }[];
}

describe("beregn json <case>: prints the expected results", () => {
  test.each(caseFiles)("%s", (f) => {
    const c = JSON.parse(fs.readFileSync(path.join(CASES, f), "utf8")) as { expected: Expected };
    const r = beregn(["json", path.join(CASES, f)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as {
      totals: Record<string, unknown>;
      payback: { service: unknown; total: unknown };
      kvantum: unknown;
      committees: unknown;
      findings: { code: string; severity: string }[];
    };
    for (const k of Object.keys(c.expected.totals)) expect({ [k]: got.totals[k] }).toEqual({ [k]: c.expected.totals[k] });
    const pb = (p: unknown): unknown =>
      p === null ? null : { years: (p as { years: unknown }).years, breakEvenYear: (p as { breakEvenYear: unknown }).breakEvenYear };
    expect({ service: pb(got.payback.service), total: pb(got.payback.total) }).toEqual(c.expected.payback);
    const kv = got.kvantum as Record<string, unknown> | null;
    if (kv) delete kv.otherAreas;
    // a case without Kvantum placement states no kvantum/committees: then they must be null
    expect(kv).toEqual("kvantum" in c.expected ? c.expected.kvantum : null);
    expect(got.committees).toEqual("committees" in c.expected ? c.expected.committees : null);
    // every warning and error the case demands, and no other
    const serious = (fs: { code: string; severity: string }[]): string[] =>
      fs
        .filter((x) => x.severity !== "info")
        .map((x) => `${x.code}/${x.severity}`)
        .sort();
    expect([...new Set(serious(got.findings))]).toEqual([...new Set(serious(c.expected.findings))]);
  });
});

describe("beregn json: input that cannot be read → exit 2, one line naming the field", () => {
  const write = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };

  test("not JSON", () => {
    const p = write("bad.json", "{ years: [2025 ");
    const r = beregn(["json", p]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^fejl: ${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ikke gyldig JSON \\(`));
  });

  test("missing years", () => {
    const r = beregn(["json", write("noyears.json", JSON.stringify({ rows: [] }))]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["fejl: years: skal være en liste med mindst ét år"]);
  });

  test("text in years", () => {
    const r = beregn(["json", write("textyears.json", JSON.stringify({ years: [2025, "næste år"], rows: [] }))]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['fejl: years[1]: "næste år" er ikke et årstal']);
  });

  test("a row of the wrong shape", () => {
    const r = beregn(["json", write("badrow.json", JSON.stringify({ years: [2025], rows: [{ label: "x", block: "varig", values: {} }] }))]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['fejl: rows[0].block: skal være "permanent" eller "implementation"']);
  });

  test("missing file", () => {
    const r = beregn(["json", path.join(dir, "findes-ikke.json")]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`fejl: ${path.join(dir, "findes-ikke.json")}: filen findes ikke`]);
  });

  test("text in an amount is computed, with an UNREADABLE finding, exit 0", () => {
    const p = write(
      "textamount.json",
      JSON.stringify({
        years: [2025],
        rows: [{ label: "Effekt", block: "permanent", type: "effect", area: "Service", values: { "2025": "mange" } }],
      }),
    );
    const r = beregn(["json", p]);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as { findings: { code: string; location: string }[] };
    expect(got.findings).toContainEqual(expect.objectContaining({ code: "UNREADABLE", location: "rows[0].values.2025" }));
  });

  test("--json writes the report array", () => {
    const rep = path.join(dir, "rapport.json");
    const r = beregn(["json", path.join(CASES, "2025-BC01.json"), "--json", rep]);
    expect(r.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(rep, "utf8")) as {
      file: string;
      template: string;
      proposals: { sheet: null; title: string; result: { totals: unknown } }[];
    }[];
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ template: "kk-2025", proposals: [{ sheet: null, title: "Samlet ferieløsning i Serviceportalen" }] });
  });
});

describe("command line", () => {
  test("--help is Danish, exit 0", () => {
    const r = beregn(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe("beregn – beregner og kontrollerer investerings- og effektiviseringsforslag (Københavns Kommune)");
  });
  test("unknown option → one line, exit 2", () => {
    const r = beregn(["--hurtigt", "x.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["fejl: ukendt tilvalg --hurtigt; se beregn --help"]);
  });
  test("-o with --in-place", () => {
    const r = beregn(["x.xlsx", "-o", "y.xlsx", "--in-place"]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["fejl: vælg enten -o eller --in-place, ikke begge"]);
  });
});
