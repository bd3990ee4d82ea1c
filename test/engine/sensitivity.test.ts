/**
 * Følsomhed (issue 12) on document cases. The expected numbers come from a small calculation in
 * this file, straight from the case's own rows (SPEC §3's formula written out again, not the
 * engine's code), with the arithmetic of 2025 Forslag 4 worked by hand in the comments.
 */
import Decimal from "decimal.js";
import { calculate, parseProposal, resultToJson } from "../../src/engine";
import { computeSensitivity, type Scenario } from "../../src/engine/sensitivity";
import { loadCase } from "../helpers/cases";

interface CaseRow {
  block: "permanent" | "implementation";
  type?: "effect" | "loss" | "drift";
  area?: string;
  excluded?: boolean;
  values: Record<string, number>;
}

/**
 * One scenario's flow per year from year 1 for `span` years, and the payback and npv by SPEC §3:
 * cum[y] = Σ flow[t] / (1 + r)^(t − year1); break-even = first year from which cum < 0 for good.
 */
function handCalc(
  years: number[],
  rows: CaseRow[],
  opts: { rate: string; which: "service" | "total"; delay?: number; effect?: string; invest?: string; drift?: string },
) {
  const span = 60;
  const year1 = years.find((y) => rows.some((r) => !r.excluded && (r.values[String(y)] ?? 0) !== 0))!;
  const last = years[years.length - 1];
  const value = (r: CaseRow, y: number): Decimal => {
    const effectLike = r.block === "permanent" && (r.type === "effect" || r.type === "loss");
    const at = (yy: number) => {
      if (yy < years[0]) return new Decimal(0);
      if (yy > last) return r.block === "permanent" ? new Decimal(r.values[String(last)] ?? 0) : new Decimal(0);
      return new Decimal(r.values[String(yy)] ?? 0);
    };
    let v = effectLike ? at(y - (opts.delay ?? 0)) : at(y);
    if (effectLike && opts.effect) v = v.times(opts.effect);
    if (r.block === "implementation" && opts.invest && v.gt(0)) v = v.times(opts.invest);
    if (r.type === "drift" && opts.drift) v = v.times(opts.drift);
    return v;
  };
  const counted = rows.filter(
    (r) => !r.excluded && (opts.which === "total" || r.block === "implementation" || (r.area ?? "Service") === "Service"),
  );
  const flows = Array.from({ length: span }, (_, t) => counted.reduce((s, r) => s.plus(value(r, year1 + t)), new Decimal(0)));
  const factor = new Decimal(1).plus(opts.rate);
  let cum = new Decimal(0);
  let run: number | null = null;
  let npv = new Decimal(0);
  flows.forEach((f, t) => {
    const d = f.div(factor.pow(t));
    cum = cum.plus(d);
    if (t < 10) npv = npv.plus(d);
    run = cum.lt(0) ? (run ?? year1 + t) : null;
  });
  return { year1, flows, breakEvenYear: run as number | null, years: run === null ? null : (run as number) - year1 + 1, npv };
}

const f4 = loadCase("2025-F4");
const f4Rows = f4.rows as CaseRow[];
const f4Result = calculate(parseProposal(f4).proposal);
const f4Sensitivity = computeSensitivity(f4Result.proposal)!;
const byName = (name: string): Scenario => f4Sensitivity.scenarios.find((s) => s.name === name)!;

describe("2025 Forslag 4: 7 years at 2 %, 6 at 0 %, against the pool limit of 6", () => {
  // Service flows (all permanent rows are Service): implementation 4.125 (2024), 3.575 (2025);
  // permanent −455−455+345 = −565 (2025), −455−2.000+345+250 = −1.860 (2026 on). Flow:
  // 2024 4.125, 2025 3.010, then −1.860 a year.
  it("stated: 2 % gives 7 years (2030), as the document states", () => {
    // cum 2 %: 4.125; +3.010/1,02 = 7.075,98; −1.860/1,0404 → 5.288,21; /1,0612 → 3.535,50;
    // /1,0824 → 1.817,16; /1,1041 → 132,50; /1,1262 → −1.519,13 in 2030: 7 years
    const s = byName("stated");
    expect(s.payback.service).toEqual({ years: 7, breakEvenYear: 2030 });
    expect(s.payback.total).toEqual({ years: 7, breakEvenYear: 2030 });
    // at 0 %: 4.125, 7.135, 5.275, 3.415, 1.555, −305 in 2029: 6 years, so no PAYBACK_OVER_LIMIT
    expect(s.serviceUndiscounted).toEqual({ years: 6, breakEvenYear: 2029 });
    expect(s.overLimit).toBe(false);
    expect(f4Result.findings.some((f) => f.code === "PAYBACK_OVER_LIMIT")).toBe(false);
  });

  it("npv over 10 years at 2 %: 4.125 + 3.010/1,02 − 1.860 × Σ_{t=2..9} 1,02^−t ≈ −6.282,25", () => {
    // Σ_{t=2..9} 1,02^−t = 8,16224 − 0,98039 = 7,18185; −1.860 × 7,18185 = −13.358,24
    const hand = handCalc(f4.years as number[], f4Rows, { rate: "0.02", which: "total" });
    expect(byName("stated").npv.minus(hand.npv).abs().lt("1e-25")).toBe(true);
    expect(byName("stated").npv.toDecimalPlaces(2).toString()).toBe("-6282.25");
    // 0 %: 4.125 + 3.010 − 8 × 1.860 = −7.745 exactly
    expect(byName("rate-low").npv.toString()).toBe("-7745");
  });

  it("effects one year late: 8 years (2031), over the limit at 2 % and at 0 %", () => {
    // flow 2024 4.125, 2025 3.575+345 = 3.920, 2026 −910+595 = −315, then −1.860;
    // cum 2 %: 4.125, 7.968,14, 7.665,37, 5.912,66, 4.194,32, 2.509,66, 858,03, −761,2 (2031)
    // cum 0 %: 4.125, 8.045, 7.730, 5.870, 4.010, 2.150, 290, −1.570 (2031)
    const s = byName("delay");
    expect(s.size?.toString()).toBe("1");
    expect(s.payback.service).toEqual({ years: 8, breakEvenYear: 2031 });
    expect(s.serviceUndiscounted).toEqual({ years: 8, breakEvenYear: 2031 });
    expect(s.overLimit).toBe(true);
    const hand = handCalc(f4.years as number[], f4Rows, { rate: "0.02", which: "total", delay: 1 });
    expect(s.npv.minus(hand.npv).abs().lt("1e-25")).toBe(true);
  });

  it("effects −20 %: 8 years; investment +20 %: 8 years; drift +20 %: 7 years", () => {
    // effect-down: 2025 −728+345 → flow 3.192; then −1.964+595 = −1.369: cum 2 % … 928,2 (2030), −263,6 (2031)
    expect(byName("effect-down").payback.service).toEqual({ years: 8, breakEvenYear: 2031 });
    // investment-up: 4.950, 4.290−565 = 3.725: cum 2 % … 6,85 (2030), −1.612,4 (2031)
    expect(byName("investment-up").payback.service).toEqual({ years: 8, breakEvenYear: 2031 });
    // drift-up: 2025 3.575−910+414 = 3.079, then −2.455+714 = −1.741: cum 2 % … 644,35 (2029), −901,6 (2030)
    expect(byName("drift-up").payback.service).toEqual({ years: 7, breakEvenYear: 2030 });
    // 0 %: 8, 7 and 7 years, all over 6: marked
    expect(["effect-down", "investment-up", "drift-up"].map((n) => byName(n).overLimit)).toEqual([true, true, true]);
    for (const [name, opts] of [
      ["effect-down", { effect: "0.8" }],
      ["investment-up", { invest: "1.2" }],
      ["drift-up", { drift: "1.2" }],
    ] as const) {
      const hand = handCalc(f4.years as number[], f4Rows, { rate: "0.02", which: "service", ...opts });
      expect({ name, years: byName(name).payback.service.years }).toEqual({ name, years: hand.years });
      expect(byName(name).npv.minus(hand.npv).abs().lt("1e-25")).toBe(true);
    }
  });

  it("rate 0 % gives 6 years, 4 % gives 7 (2030): neither is over the limit by the warning's rule", () => {
    // 4 %: 4.125, 7.019,23, 5.299,56, 3.646,03, 2.056,1, 527,31, −942,7 (2030)
    expect(byName("rate-low").payback.service).toEqual({ years: 6, breakEvenYear: 2029 });
    expect(byName("rate-high").payback.service).toEqual({ years: 7, breakEvenYear: 2030 });
    expect(byName("rate-low").overLimit).toBe(false);
    expect(byName("rate-high").overLimit).toBe(false);
  });

  it("break-even effect 1,02: cum 2029 = 10.189,31 − 10.056,84·f < 0 needs f > 1,0132", () => {
    // flows with effects × f: 2024 4.125; 2025 3.920 − 910f; 2026–2029 595 − 2.455f.
    // cum 2029 = 4.125 + (3.920 − 910f)/1,02 + (595 − 2.455f)·Σ_{t=2..5} 1,02^−t (= 3,733067)
    const f = f4Sensitivity.breakEvenEffect!;
    expect(f.toString()).toBe("1.02");
    expect(handCalc(f4.years as number[], f4Rows, { rate: "0.02", which: "service", effect: "1.02" }).years).toBe(6);
    expect(handCalc(f4.years as number[], f4Rows, { rate: "0.02", which: "service", effect: "1.01" }).years).toBe(7);
  });

  it("the JSON carries issue 12's shape with the fixed names", () => {
    const j = resultToJson(f4Result).sensitivity!;
    expect(Object.keys(j)).toEqual(["horizonYears", "scenarios", "breakEvenEffect"]);
    expect(j.horizonYears).toBe(10);
    expect(j.breakEvenEffect).toBe(1.02);
    expect(j.scenarios.map((s) => [s.name, s.size])).toEqual([
      ["stated", null],
      ["delay", 1],
      ["effect-down", 0.2],
      ["investment-up", 0.2],
      ["drift-up", 0.2],
      ["rate-low", 0],
      ["rate-high", 0.04],
    ]);
    expect(Object.keys(j.scenarios[0])).toEqual(["name", "label", "size", "payback", "npv"]);
    expect(j.scenarios[1].payback).toEqual({ service: { years: 8, breakEvenYear: 2031 }, total: { years: 8, breakEvenYear: 2031 } });
    expect(j.scenarios[5].npv).toBe(-7745);
  });
});

describe("other cases", () => {
  it.each(["2025-BC01", "2025-BC02", "2025-BC13", "2018-P11", "2018-P2", "2018-P6", "2016-F2"])(
    "%s: every scenario's service and total payback and npv agree with the hand calculation",
    (name) => {
      const c = loadCase(name);
      const rows = c.rows as CaseRow[];
      const r = calculate(parseProposal(c).proposal);
      const opts: Record<string, object> = {
        stated: {},
        delay: { delay: 1 },
        "effect-down": { effect: "0.8" },
        "investment-up": { invest: "1.2" },
        "drift-up": { drift: "1.2" },
        "rate-low": { rate: "0" },
        "rate-high": { rate: "0.04" },
      };
      for (const s of computeSensitivity(r.proposal)!.scenarios) {
        for (const which of ["service", "total"] as const) {
          const hand = handCalc(c.years as number[], rows, { rate: "0.02", which, ...opts[s.name] });
          expect({ name: s.name, which, got: s.payback[which] }).toEqual({
            name: s.name,
            which,
            got: { years: hand.years, breakEvenYear: hand.breakEvenYear },
          });
          if (which === "total") expect(s.npv.minus(hand.npv).abs().lt("1e-25")).toBe(true);
        }
      }
    },
  );

  it("2018 P11 (service 22 years) has no pool limit, so no break-even effect and no mark", () => {
    const r = calculate(parseProposal(loadCase("2018-P11")).proposal);
    expect(computeSensitivity(r.proposal)!.breakEvenEffect).toBeNull();
    expect(computeSensitivity(r.proposal)!.scenarios.every((s) => !s.overLimit)).toBe(true);
  });

  it("2025 BC13 (6 years, the limit) falls over it when effects come late: 7 years at 2 % and 0 %", () => {
    const r = calculate(parseProposal(loadCase("2025-BC13")).proposal);
    const delay = computeSensitivity(r.proposal)!.scenarios.find((s) => s.name === "delay")!;
    expect(delay.payback.service).toEqual({ years: 7, breakEvenYear: 2031 });
    expect(delay.overLimit).toBe(delay.serviceUndiscounted.years! > 6);
    expect(computeSensitivity(r.proposal)!.breakEvenEffect?.toString()).toBe("0.96");
  });

  it("a proposal without investment has sensitivity null", () => {
    const r = calculate(
      parseProposal({
        years: [2025, 2026],
        rows: [{ label: "Effekt", block: "permanent", type: "effect", area: "Service", values: { 2025: -100, 2026: -100 } }],
      }).proposal,
    );
    expect(computeSensitivity(r.proposal)).toBeNull();
    expect(resultToJson(r).sensitivity).toBeNull();
  });

  it("sizes, horizon and rates are settings; the names stay", () => {
    const c = { ...loadCase("2025-F4"), settings: { sensitivityDelayYears: 2, sensitivityRateHigh: "6 %", sensitivityHorizonYears: 3 } };
    const r = calculate(parseProposal(c).proposal);
    const j = resultToJson(r).sensitivity!;
    expect(j.horizonYears).toBe(3);
    expect(j.scenarios.map((s) => s.name)).toEqual([
      "stated",
      "delay",
      "effect-down",
      "investment-up",
      "drift-up",
      "rate-low",
      "rate-high",
    ]);
    expect(j.scenarios[1].size).toBe(2);
    expect(j.scenarios[1].label).toBe("Effekter 2 år senere");
    expect(j.scenarios[6].size).toBe(0.06);
    // 3 years at 2 %: 4.125 + 3.010/1,02 − 1.860/1,0404
    const want = new Decimal(4125).plus(new Decimal(3010).div("1.02")).minus(new Decimal(1860).div("1.0404"));
    expect(computeSensitivity(r.proposal)!.scenarios[0].npv.minus(want).abs().lt("1e-30")).toBe(true);
  });
});
