/**
 * The result as JSON (cases/README.md "expected"): exact numbers, Kvantum tables as
 * {unit: {year: integer}} with all-zero rows left out, findings with their locations.
 * Numbers become JSON numbers only here, at the boundary.
 */
import type Decimal from "decimal.js";
import type { Area, Finding, Series } from "./model";
import type { PaybackOutcome, PaybackResult, Result, RoundedTable } from "./result";
import { computeSensitivity, type ScenarioName, type Sensitivity } from "./sensitivity";

export type YearMap = Record<string, number>;

export interface PaybackJson {
  years: number | null;
  breakEvenYear: number | null;
  text: string;
  rule: string;
  undiscounted: { years: number | null; breakEvenYear: number | null };
}

/** Issue 12's shape: fixed names whatever the sizes; npv in t.kr., exact, a gain negative. */
export interface SensitivityJson {
  horizonYears: number;
  scenarios: {
    name: ScenarioName;
    label: string;
    size: number | null;
    payback: { service: PaybackOutcome | null; total: PaybackOutcome | null };
    npv: number;
  }[];
  breakEvenEffect: number | null;
}

export interface ResultJson {
  id: string;
  title: string;
  profile: string;
  years: number[];
  totals: {
    permanent: YearMap;
    permanentByArea: Partial<Record<Area, YearMap>>;
    implementation: YearMap;
    implementationByArea: Partial<Record<Area, YearMap>>;
    net: YearMap;
    aggregated: YearMap;
  };
  payback: { service: PaybackJson | null; total: PaybackJson | null };
  sensitivity: SensitivityJson | null;
  kvantum:
    | (Record<"A" | "B" | "C" | "D" | "E", Record<string, YearMap>> & {
        otherAreas?: Record<string, Record<string, Record<string, YearMap>>>;
      })
    | null;
  committees: Record<string, YearMap> | null;
  admin: YearMap | null;
  findings: Finding[];
}

function yearMap(years: number[], s: Series): YearMap {
  const out: YearMap = {};
  years.forEach((y, i) => (out[String(y)] = Number(s[i].toString())));
  return out;
}

function tableJson(years: number[], t: RoundedTable): Record<string, YearMap> {
  const out: Record<string, YearMap> = {};
  for (const u of t.units) if (t.shown[u].some((v) => !v.isZero())) out[u] = yearMap(years, t.shown[u]);
  return out;
}

function paybackJson(p: PaybackResult | null): PaybackJson | null {
  if (!p) return null;
  return { years: p.years, breakEvenYear: p.breakEvenYear, text: p.text, rule: p.rule, undiscounted: p.undiscounted };
}

const num = (d: Decimal) => Number(d.toString());

export function sensitivityJson(s: Sensitivity | null): SensitivityJson | null {
  if (!s) return null;
  return {
    horizonYears: s.horizonYears,
    scenarios: s.scenarios.map((x) => ({
      name: x.name,
      label: x.label,
      size: x.size === null ? null : num(x.size),
      payback: { service: x.payback.service, total: x.payback.total },
      npv: num(x.npv),
    })),
    breakEvenEffect: s.breakEvenEffect === null ? null : num(s.breakEvenEffect),
  };
}

export function resultToJson(result: Result): ResultJson {
  const { proposal, totals } = result;
  const ys = proposal.years;
  const byArea = (m: Partial<Record<Area, Series>>) => {
    const out: Partial<Record<Area, YearMap>> = {};
    for (const [a, s] of Object.entries(m) as [Area, Series][]) out[a] = yearMap(ys, s);
    return out;
  };
  let kvantum: ResultJson["kvantum"] = null;
  if (result.kvantum) {
    const k = result.kvantum;
    const service = k.sets.find((s) => s.area === "Service")!;
    kvantum = {
      A: tableJson(ys, service.A),
      B: tableJson(ys, service.B),
      C: tableJson(ys, service.C),
      D: tableJson(ys, k.D),
      E: tableJson(ys, k.E),
    };
    const others = k.sets.filter((s) => s.area !== "Service");
    if (others.length || k.otherInvestments.length) {
      kvantum.otherAreas = {};
      for (const s of others) kvantum.otherAreas[s.area] = { A: tableJson(ys, s.A), B: tableJson(ys, s.B), C: tableJson(ys, s.C) };
      for (const o of k.otherInvestments)
        kvantum.otherAreas[o.area] = { ...(kvantum.otherAreas[o.area] ?? {}), investeringer: tableJson(ys, o.table) };
    }
  }
  return {
    id: proposal.id,
    title: proposal.title,
    profile: proposal.profile,
    years: ys,
    totals: {
      permanent: yearMap(ys, totals.permanent),
      permanentByArea: byArea(totals.permanentByArea),
      implementation: yearMap(ys, totals.implementation),
      implementationByArea: byArea(totals.implementationByArea),
      net: yearMap(ys, totals.net),
      aggregated: yearMap(ys, totals.aggregated),
    },
    payback: { service: paybackJson(result.payback.service), total: paybackJson(result.payback.total) },
    // Følsomhed runs the payback rule some thirty times: computed where it is shown, not by calculate
    sensitivity: sensitivityJson(computeSensitivity(proposal)),
    kvantum,
    committees: result.committees ? tableJson(ys, result.committees) : null,
    admin: result.admin ? yearMap(ys, result.admin) : null,
    findings: result.findings,
  };
}
