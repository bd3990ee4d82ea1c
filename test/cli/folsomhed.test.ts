/**
 * beregn følsomhed and beregn omregn (issue 12): the printed table and arithmetic, the --json
 * report's sensitivity, and the exit codes. Expected numbers from the documents: 2025 Forslag 4
 * (7 years at 2 %, 6 at 0 %; worked by hand in test/engine/sensitivity.test.ts), BC01's 235
 * hours, Forslag 7's 40 mio. kr. 2024 p/l = 41,9 mio. kr. 2025 p/l.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, beregn, ensureBuilt, removeDir, tmpDir } from "./cliHelpers";

const F4 = path.join(ROOT, "test", "fixtures", "cases", "2025-F4.json");
let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("folsomhed-");
});
afterAll(() => removeDir(dir));

describe("beregn følsomhed", () => {
  it("prints 2025 F4's scenarios within 80 columns, marking those over the pool limit", () => {
    const r = beregn(["følsomhed", F4]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.out.every((l) => l.length <= 80)).toBe(true);
    const row = (label: string) =>
      r.out
        .find((l) => l.trim().startsWith(label))!
        .trim()
        .split(/\s{2,}/);
    // npv at 2 %: 4.125 + 3.010/1,02 − 1.860 × 7,18185 = −6.282,25 → −6.282; at 0 %: −7.745
    expect(row("Som angivet")).toEqual(["Som angivet", "7 år (2030)", "7 år (2030)", "-6.282"]);
    expect(row("Effekter 1 år senere")).toEqual(["Effekter 1 år senere", "8 år (2031) *", "8 år (2031)", "-3.905"]);
    expect(row("Rente 0 %")).toEqual(["Rente 0 %", "6 år (2029)", "6 år (2029)", "-7.745"]);
    // 4 %: 7 years, but 6 at 0 %: no mark, as PAYBACK_OVER_LIMIT gives no warning
    expect(row("Rente 4 %")[1]).toBe("7 år (2030)");
    expect(r.stdout).toContain("mindst 1,02 × de angivne");
    expect(r.stdout).toContain("År 1 er 2024");
  });

  it("the spelling folsomhed works too, on a workbook, and --json carries issue 12's shape", () => {
    const report = path.join(dir, "r.json");
    const r = beregn(["folsomhed", path.join(ROOT, "examples", "2025-F4.xlsx"), "--json", report]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Som angivet");
    const json = JSON.parse(fs.readFileSync(report, "utf8"));
    const s = json[0].proposals[0].result.sensitivity;
    expect(s.horizonYears).toBe(10);
    expect(s.breakEvenEffect).toBe(1.02);
    expect(s.scenarios.map((x: { name: string }) => x.name)).toEqual([
      "stated",
      "delay",
      "effect-down",
      "investment-up",
      "drift-up",
      "rate-low",
      "rate-high",
    ]);
    expect(s.scenarios[5].npv).toBe(-7745);
  });

  it("beregn json prints sensitivity; null for a proposal without investment", () => {
    const f = path.join(dir, "effekt.json");
    fs.writeFileSync(
      f,
      JSON.stringify({
        years: [2025],
        rows: [{ label: "Effekt", block: "permanent", type: "effect", area: "Service", values: { 2025: -5 } }],
      }),
    );
    expect(JSON.parse(beregn(["json", f]).stdout).sensitivity).toBeNull();
    expect(JSON.parse(beregn(["json", F4]).stdout).sensitivity.scenarios[1].payback.service).toEqual({ years: 8, breakEvenYear: 2031 });
    const r = beregn(["følsomhed", f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Ikke relevant: forslaget har ingen investering");
  });

  it("exit 2 with one Danish line for a missing file, a bad option or a proposal number too high", () => {
    const missing = beregn(["følsomhed", path.join(dir, "findes-ikke.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([`fejl: ${path.join(dir, "findes-ikke.json")}: filen findes ikke`]);
    const write = beregn(["følsomhed", F4, "-o", "x.xlsx"]);
    expect(write.code).toBe(2);
    expect(write.err[0]).toMatch(/^fejl: beregn følsomhed skriver ikke/);
    const n = beregn(["følsomhed", F4, "--forslag", "2"]);
    expect(n.code).toBe(2);
    expect(n.err).toEqual([`fejl: --forslag 2: ${F4} har kun 1 forslag`]);
  });
});

describe("beregn omregn", () => {
  it("hours → t.kr.: 235 h / 1.262,6 × (600 + 35) = 118,19 t.kr.", () => {
    // 235 / 1262,6 = 0,186124… ÅV; × 635 = 118,1890… t.kr.
    const r = beregn(["omregn", "timer", "235", "--sats", "600", "--overhead", "35"]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      "235 timer / 1.262,6 timer pr. ÅV (årstimenorm) = 0,1861 ÅV",
      "0,1861 ÅV × (600 lønsats + 35 overhead) t.kr. = 0,1861 × 635 = 118,19 t.kr.",
      "Resultat: 118,19 t.kr.",
    ]);
  });

  it("ÅV → t.kr.: 2,5 ÅV × (550 + 0) = 1.375 t.kr.", () => {
    const r = beregn(["omregn", "åv", "2,5", "--sats", "550"]);
    expect(r.code).toBe(0);
    expect(r.out[r.out.length - 1]).toBe("Resultat: 1.375 t.kr.");
  });

  it("price level: 40.000 t.kr. 2024 p/l × 1,048 = 41.920 t.kr. 2025 p/l, and back; a chained index", () => {
    expect(beregn(["omregn", "pl", "40.000", "--fra", "2024", "--til", "2025"]).out).toEqual([
      "40.000 t.kr. 2024 p/l × 1,048 (2024→2025) = 41.920 t.kr. 2025 p/l",
      "Resultat: 41.920 t.kr.",
    ]);
    expect(beregn(["omregn", "pl", "41.920", "--fra", "2025", "--til", "2024"]).out[1]).toBe("Resultat: 40.000 t.kr.");
    // 1.000 × 1,048 × 1,03 = 1.079,44
    const chained = beregn(["omregn", "pl", "1.000", "--fra", "2024", "--til", "2026", "--indeks", "2025-2026=1,03"]);
    expect(chained.out[1]).toBe("Resultat: 1.079,44 t.kr.");
  });

  it("exit 2 with a Danish line: no rate, an index missing, a number that is not one, a bad form", () => {
    const noRate = beregn(["omregn", "timer", "235"]);
    expect(noRate.code).toBe(2);
    expect(noRate.err[0]).toMatch(/^fejl: beregn omregn timer skal have --sats/);
    const noIndex = beregn(["omregn", "pl", "100", "--fra", "2025", "--til", "2026"]);
    expect(noIndex.code).toBe(2);
    expect(noIndex.err).toEqual(["fejl: Intet p/l-indeks fra 2025 til 2026; angiv det med --indeks ÅÅÅÅ-ÅÅÅÅ=faktor"]);
    const notNumber = beregn(["omregn", "åv", "to", "--sats", "550"]);
    expect(notNumber.code).toBe(2);
    expect(notNumber.err[0]).toContain('"to" er ikke et tal');
    expect(beregn(["omregn", "kroner", "5"]).code).toBe(2);
    expect(beregn(["valider", "x.xlsx", "--sats", "5"]).err[0]).toBe("fejl: --sats hører til beregn omregn; se beregn --help");
  });
});
