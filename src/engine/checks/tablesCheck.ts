/**
 * Stated tables against computed ones (SPEC §5, §6): KVANTUM_MISMATCH, KVANTUM_IDENTITY,
 * KVANTUM_MISSING, ROWS_NOT_SUMMING, ALLOCATION_MISMATCH.
 */
import Decimal from "decimal.js";
import type { Area, Finding, KvantumTableName, Proposal, Severity, StatedTable } from "../model";
import type { KvantumResult, RoundedTable, Totals } from "../result";
import { formatAmount, formatYears, mergeLocations } from "../format";
import { ZERO } from "../series";
import { canonicalUnit, OEU_GROUP_UNITS, udvalgOf } from "../units";
import { groupBySameNumbers, severityOfDifference, tolerance } from "./tolerance";

const TITLES: Record<KvantumTableName, string> = {
  A: "Tabel A (måltalseffekt)",
  B: "Tabel B (bevillingsmæssig effekt – varig drift)",
  C: "Tabel C (bevillingsmæssig effekt – hvis forslaget indarbejdes)",
  D: "Tabel D (anlægsinvesteringer)",
  E: "Tabel E (serviceinvesteringer)",
};

/** A Kvantum table as the document names it: 2018's "Tabel 5. Måltalseffekt (Tabel A)", else the template's title. */
function titleOf(proposal: Proposal, name: KvantumTableName): string {
  const caption = proposal.stated.kvantumCaptions?.[name];
  return caption ? `${caption} (Tabel ${name})` : TITLES[name];
}

const OEU_GROUP = new Set<string>(["ØU", ...OEU_GROUP_UNITS]);
const TOTAL = "Total";

export interface NormalTable {
  /** canonical unit → values; raw key kept for locations */
  rows: Map<string, { raw: string; values: (Decimal | undefined)[] }>;
  total?: { raw: string; values: (Decimal | undefined)[] };
  /** How many rows the table prints above its Total (rows of one unit are added, but each is an addend, SPEC §2). */
  addends: number;
}

/** Stated rows by canonical unit; "Total"/"I alt" as the total. Unknown names are kept as written. */
export function normalise(table: StatedTable): NormalTable {
  const rows = new Map<string, { raw: string; values: (Decimal | undefined)[] }>();
  let total: NormalTable["total"];
  let addends = 0;
  for (const [raw, values] of Object.entries(table)) {
    if (/^(total|i alt|samlet)$/i.test(raw.trim())) {
      total = { raw, values };
      continue;
    }
    addends++;
    const code = canonicalUnit(raw) ?? raw;
    const prev = rows.get(code);
    rows.set(code, prev ? { raw: prev.raw, values: prev.values.map((v, i) => (v ?? ZERO).plus(values[i] ?? ZERO)) } : { raw, values });
  }
  return { rows, total, addends };
}

function isEmpty(t: StatedTable | undefined): boolean {
  if (!t) return true;
  return Object.values(t).every((vals) => vals.every((v) => v === undefined));
}

type Judged = CellDiff & { severity: Severity; note?: string };

interface CellDiff {
  unit: string;
  raw: string;
  yearIndex: number;
  stated: Decimal;
  computed: Decimal;
}

/** Group cell differences into one finding per row and (stated, computed) pair, years listed. */
function groupFindings(
  proposal: Proposal,
  code: "KVANTUM_MISMATCH" | "ALLOCATION_MISMATCH",
  title: string,
  path: string,
  diffs: Judged[],
): Finding[] {
  const groups = new Map<string, Judged[]>();
  for (const d of diffs) {
    const k = `${d.unit}|${d.stated.toString()}|${d.computed.toString()}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  return [...groups.values()].map((g) => {
    const years = g.map((d) => proposal.years[d.yearIndex]);
    const severity: Severity = g.some((d) => d.severity === "error") ? "error" : "info";
    const unitText = g[0].unit === TOTAL ? "Total" : g[0].unit;
    return {
      code,
      severity,
      message:
        `${title}, ${unitText} ${formatYears(years)}: angivet ${formatAmount(g[0].stated)}, beregnet ${formatAmount(g[0].computed)}` +
        (severity === "info" ? ` (${g[0].note ?? "afrundingsforskel"})` : ""),
      location: mergeLocations(g.map((d) => proposal.locate(`${path}.${g[0].raw}.${proposal.years[d.yearIndex]}`))),
    };
  });
}

/** Differences of a stated table against a computed one; missing stated cells count as 0 ("-"). */
function cellDiffs(stated: NormalTable, computed: RoundedTable, n: number): CellDiff[] {
  const units = new Set([...stated.rows.keys(), ...computed.units]);
  const diffs: CellDiff[] = [];
  for (const unit of units) {
    const s = stated.rows.get(unit);
    for (let i = 0; i < n; i++) {
      const sv = s?.values[i] ?? ZERO;
      const cv = computed.shown[unit]?.[i] ?? ZERO;
      if (!sv.eq(cv)) diffs.push({ unit, raw: s?.raw ?? unit, yearIndex: i, stated: sv, computed: cv });
    }
  }
  if (stated.total)
    for (let i = 0; i < n; i++) {
      const sv = stated.total.values[i];
      if (sv !== undefined && !sv.eq(computed.total[i]))
        diffs.push({ unit: TOTAL, raw: stated.total.raw, yearIndex: i, stated: sv, computed: computed.total[i] });
    }
  return diffs;
}

/**
 * KVANTUM_MISMATCH severity (SPEC §6): info if off by 1, or if the differences summed over ØU's
 * group units are within ±1 and no other cell is off by more than 1 (BC02 places ØKF's share
 * inside ØU differently); else error. Judged per year column.
 */
function kvantumSeverities(diffs: CellDiff[], n: number): Judged[] {
  const out: Judged[] = [];
  for (let i = 0; i < n; i++) {
    const col = diffs.filter((d) => d.yearIndex === i && d.unit !== TOTAL);
    const groupSum = col.filter((d) => OEU_GROUP.has(d.unit)).reduce((s, d) => s.plus(d.stated.minus(d.computed)), ZERO);
    const othersWithin = col.filter((d) => !OEU_GROUP.has(d.unit)).every((d) => d.stated.minus(d.computed).abs().lte(1));
    const groupExcused = groupSum.abs().lte(1) && othersWithin;
    for (const d of diffs.filter((x) => x.yearIndex === i)) {
      const off = d.stated.minus(d.computed).abs();
      if (off.lte(1)) out.push({ ...d, severity: "info", note: "afrundingsforskel" });
      else if (OEU_GROUP.has(d.unit) && groupExcused)
        out.push({ ...d, severity: "info", note: "ØU og koncernenhederne går tilsammen op inden for ±1: en placering inden for ØU" });
      else out.push({ ...d, severity: "error" });
    }
  }
  return out;
}

/**
 * The step a table shows its amounts in: 1 t.kr., or 0,01 where its rows print decimals (2016's
 * "Tabel 3. Fordeling af forslagets potentiale mellem udvalg", 003:415-452: −56,33 per udvalg,
 * "I alt" −338,00). SPEC §2's tolerance counts shown steps, so −337,98 against −338,00 is off by 2.
 */
function shownStep(t: NormalTable): Decimal {
  let places = 0;
  for (const r of t.rows.values()) for (const v of r.values) if (v) places = Math.max(places, v.decimalPlaces());
  return new Decimal(10).pow(-Math.min(places, 2));
}

export function rowsNotSumming(proposal: Proposal, title: string, path: string, t: NormalTable): Finding[] {
  if (!t.total) return [];
  const out: Finding[] = [];
  const tol = tolerance(proposal.settings, t.addends);
  const step = shownStep(t);
  const bad: { i: number; sum: Decimal; total: Decimal; sev: Severity }[] = [];
  proposal.years.forEach((_, i) => {
    const total = t.total!.values[i];
    if (total === undefined) return;
    const sum = [...t.rows.values()].reduce((s, r) => s.plus(r.values[i] ?? ZERO), ZERO);
    const sev = severityOfDifference(sum.minus(total).div(step), tol);
    if (sev) bad.push({ i, sum, total, sev });
  });
  for (const { years: g, severity } of groupBySameNumbers(bad, (b) => `${b.sum}|${b.total}`))
    out.push({
      code: "ROWS_NOT_SUMMING",
      severity,
      message: `${title} ${formatYears(g.map((b) => proposal.years[b.i]))}: rækkerne summerer til ${formatAmount(g[0].sum)}, men Total er ${formatAmount(g[0].total)}`,
      location: mergeLocations(g.map((b) => proposal.locate(`${path}.${t.total!.raw}.${proposal.years[b.i]}`))),
    });
  return out;
}

export function checkKvantum(proposal: Proposal, kvantum: KvantumResult | null, totals?: Totals): Finding[] {
  const stated = proposal.stated.kvantum;
  if (!stated) return [];
  const n = proposal.years.length;
  const findings: Finding[] = [];
  const service = kvantum?.sets.find((s) => s.area === "Service");
  const computed: Partial<Record<KvantumTableName, RoundedTable>> = {
    A: service?.A,
    B: service?.B,
    C: service?.C,
    D: kvantum?.D,
    E: kvantum?.E,
  };
  const normal: Partial<Record<KvantumTableName, NormalTable>> = {};
  for (const name of ["A", "B", "C", "D", "E"] as const) {
    const s = stated[name];
    if (isEmpty(s)) continue;
    const t = normalise(s!);
    normal[name] = t;
    const path = `stated.kvantum.${name}`;
    findings.push(...rowsNotSumming(proposal, titleOf(proposal, name), path, t));
    const c = computed[name];
    if (c)
      findings.push(
        ...groupFindings(proposal, "KVANTUM_MISMATCH", titleOf(proposal, name), path, kvantumSeverities(cellDiffs(t, c, n), n)),
      );
  }

  // KVANTUM_IDENTITY: the template's own definitions, on the stated numbers
  const { A, B, C } = normal;
  if (B) {
    const bad: number[] = [];
    // on the stated Total where the table has one (2018 Forslag 2's Tabel 1.5.2 says −0 and 0, 000:1177);
    // its rows against that Total are ROWS_NOT_SUMMING's, with SPEC §2's rounding tolerance
    for (let i = 0; i < n; i++) {
      const s = B.total?.values[i] ?? [...B.rows.values()].reduce((acc, r) => acc.plus(r.values[i] ?? ZERO), ZERO);
      if (!s.isZero()) bad.push(i);
    }
    if (bad.length)
      findings.push({
        code: "KVANTUM_IDENTITY",
        severity: "error",
        message: `${TITLES.B} ${formatYears(bad.map((i) => proposal.years[i]))}: rækkerne summerer ikke til 0; bevillingsflyt mellem udvalg skal gå lige op`,
        location: proposal.locate("stated.kvantum.B"),
      });
  }
  if (A && B && C) {
    const units = new Set([...A.rows.keys(), ...B.rows.keys(), ...C.rows.keys()]);
    for (const u of units) {
      const bad: number[] = [];
      for (let i = 0; i < n; i++) {
        const a = A.rows.get(u)?.values[i] ?? ZERO;
        const b = B.rows.get(u)?.values[i] ?? ZERO;
        const c = C.rows.get(u)?.values[i] ?? ZERO;
        if (!a.plus(b).eq(c)) bad.push(i);
      }
      if (bad.length) {
        const i = bad[0];
        const a = A.rows.get(u)?.values[i] ?? ZERO;
        const b = B.rows.get(u)?.values[i] ?? ZERO;
        const c = C.rows.get(u)?.values[i] ?? ZERO;
        findings.push({
          code: "KVANTUM_IDENTITY",
          severity: "error",
          message: `Tabel C ≠ Tabel A + Tabel B for ${u} ${formatYears(bad.map((j) => proposal.years[j]))}: ${formatAmount(c)} ≠ ${formatAmount(a)} + ${formatAmount(b)}`,
          location: proposal.locate(`stated.kvantum.C.${C.rows.get(u)?.raw ?? u}.${proposal.years[i]}`),
        });
      }
    }
  }

  // Without placement (no keys, no Bevilling column) the cells cannot be computed, but the
  // totals are known (SPEC §5): Σ A = Σ C = Samlet varig ændring, Service, per year.
  if (!kvantum) {
    if (totals) findings.push(...sumAgainstTabel1(proposal, normal, totals));
    // varig drift or a transfer makes C differ from A whatever the placement (SPEC §5)
    const drift = proposal.rows.some(
      (r) => r.block === "permanent" && !r.excluded && r.type === "drift" && r.values.some((v) => !v.isZero()),
    );
    // 2018's technical annex has no Tabel B (SPEC §8: Måltalseffekt and Bevillingsmæssig effekt only)
    const wanted = proposal.profile === "kk-2018" ? (["C"] as const) : (["B", "C"] as const);
    if (normal.A && (drift || proposal.transfers.length > 0))
      for (const name of wanted)
        if (!normal[name])
          findings.push({
            code: "KVANTUM_MISSING",
            severity: "warning",
            message: `${TITLES[name]} er tom, men forslaget har ${drift ? "varig drift" : "bevillingsflyt"}, så måltalseffekten (A) og den bevillingsmæssige effekt (C) er forskellige; udfyld den, evt. med Teknisk beregningsark`,
            location: proposal.locate(`stated.kvantum.${name}`),
          });
    return findings;
  }

  // KVANTUM_MISSING: B/C empty while A ≠ C; D/E empty while investments fall on several udvalg
  if (service) {
    const differs = service.A.units
      .concat(service.C.units)
      .some(
        (u) =>
          (service.A.shown[u] ?? []).some((v, i) => !v.eq(service.C.shown[u]?.[i] ?? ZERO)) ||
          (service.C.shown[u] ?? []).some((v, i) => !v.eq(service.A.shown[u]?.[i] ?? ZERO)),
      );
    if (differs)
      for (const name of ["B", "C"] as const)
        if (!normal[name])
          findings.push({
            code: "KVANTUM_MISSING",
            severity: "warning",
            message: `${TITLES[name]} er tom, men måltalseffekten (A) og den bevillingsmæssige effekt (C) er forskellige (varig drift, bevillingsflyt eller effekt krediteret andre end dem, der realiserer den); udfyld den, evt. med Teknisk beregningsark`,
            location: proposal.locate(`stated.kvantum.${name}`),
          });
  }
  const udvalgWithInvestment = new Set<string>();
  for (const t of [kvantum.D, kvantum.E])
    for (const u of t.units) if (t.shown[u].some((v) => !v.isZero())) udvalgWithInvestment.add(udvalgOf(u));
  if (udvalgWithInvestment.size > 1)
    for (const name of ["D", "E"] as const) {
      const c = computed[name]!;
      const hasInvestment = c.units.some((u) => c.shown[u].some((v) => !v.isZero()));
      if (hasInvestment && !normal[name])
        findings.push({
          code: "KVANTUM_MISSING",
          severity: "warning",
          message: `${TITLES[name]} er tom, men investeringerne falder på flere udvalg (${[...udvalgWithInvestment].join(", ")})`,
          location: proposal.locate(`stated.kvantum.${name}`),
        });
    }
  return findings;
}

/** Σ stated Tabel A and C per year (the Total row, else the unit rows) against Samlet varig ændring, Service. */
function sumAgainstTabel1(proposal: Proposal, normal: Partial<Record<KvantumTableName, NormalTable>>, totals: Totals): Finding[] {
  const out: Finding[] = [];
  const service = totals.permanentByArea.Service;
  if (!service) return out;
  for (const name of ["A", "C"] as const) {
    const t = normal[name];
    if (!t) continue;
    const tol = tolerance(proposal.settings, t.rows.size);
    const bad: { i: number; sum: Decimal; sev: Severity }[] = [];
    proposal.years.forEach((_, i) => {
      // a year the table does not print is not stated (2018 Forslag 6's Tabel 8 stops before Tabel 1's 2023)
      if (t.total?.values[i] === undefined && [...t.rows.values()].every((r) => r.values[i] === undefined)) return;
      const sum = t.total?.values[i] ?? [...t.rows.values()].reduce((s, r) => s.plus(r.values[i] ?? ZERO), ZERO);
      const sev = severityOfDifference(sum.minus(service[i]), tol);
      if (sev) bad.push({ i, sum, sev });
    });
    for (const { years: g, severity } of groupBySameNumbers(bad, (b) => `${b.sum}|${service[b.i]}`)) {
      const year = proposal.years[g[0].i];
      const where = t.total ? `stated.kvantum.${name}.${t.total.raw}.${year}` : `stated.kvantum.${name}`;
      out.push({
        code: "KVANTUM_MISMATCH",
        severity,
        message: `${titleOf(proposal, name)} ${formatYears(g.map((b) => proposal.years[b.i]))}: i alt ${formatAmount(g[0].sum)}, men Samlet varig ændring, Service er ${formatAmount(service[g[0].i])}`,
        location: proposal.locate(where),
      });
    }
  }
  return out;
}

/**
 * Stated allocation tables (issue 8, class 7): rows against their Total (ROWS_NOT_SUMMING), the
 * Total against Tabel 1's Samlet varig ændring for the caption's område, else for all
 * (ALLOCATION_MISMATCH, severity as TOTAL_MISMATCH: SPEC §2's rounding tolerance).
 */
export function checkAllocations(proposal: Proposal, totals: Totals): Finding[] {
  const out: Finding[] = [];
  const all = proposal.stated.allocations ?? [];
  const groups = new Map<string, { k: number; t: NormalTable; title: string; area?: Area }[]>();
  all.forEach((a, k) => {
    const t = normalise(a.table);
    const path = `stated.allocations[${k}]`;
    out.push(...rowsNotSumming(proposal, a.title, path, t));
    if (a.rowsOnly) return;
    const key = a.group ?? `#${k}`;
    groups.set(key, [...(groups.get(key) ?? []), { k, t, title: a.group ?? a.title, area: a.area }]);
  });
  for (const members of groups.values()) {
    const { title, area } = members[0];
    const computed = area ? totals.permanentByArea[area] : totals.permanent;
    const withTotal = members.filter((m) => m.t.total);
    if (!withTotal.length || !computed) continue;
    const tol = tolerance(proposal.settings, Math.max(...members.map((m) => m.t.addends)));
    const parts = members.length > 1 ? ` (${members.map((m) => allocationPart(all[m.k].title)).join(" + ")})` : "";
    proposal.years.forEach((year, i) => {
      const stated = withTotal.map((m) => m.t.total!.values[i]).filter((v): v is Decimal => v !== undefined);
      if (!stated.length) return;
      const v = stated.reduce((s, x) => s.plus(x), ZERO);
      // in whole t.kr., Tabel 1's own step
      const sev = severityOfDifference(v.minus(computed[i]), tol);
      if (!sev) return;
      const first = withTotal[0];
      out.push({
        code: "ALLOCATION_MISMATCH",
        severity: sev,
        message: `${title} ${year}: Total${parts} ${formatAmount(v)}, men Samlet varig ændring${area ? `, ${area}` : ""} er ${formatAmount(computed[i])}`,
        location: proposal.locate(`stated.allocations[${first.k}].${first.t.total!.raw}.${year}`),
      });
    });
  }
  return out;
}

/** "Effektivisering" from "Tabel 3. Fordeling … (Effektivisering)". */
function allocationPart(title: string): string {
  return /\(([^()]+)\)$/.exec(title)?.[1] ?? title;
}

export function checkCommittees(proposal: Proposal, committees: RoundedTable | null): Finding[] {
  const stated = proposal.stated.committees;
  if (!stated || isEmpty(stated)) return [];
  // without placement the cells cannot be computed, but the rows must still sum to the Total
  if (!committees) return rowsNotSumming(proposal, "Tabel 2.1.1 (fordeling på udvalg)", "stated.committees", normalise(stated));
  const n = proposal.years.length;
  // Tabel 2.1.1 has udvalg only: fold group units into ØU
  const folded: StatedTable = {};
  for (const [raw, values] of Object.entries(stated)) {
    const code = canonicalUnit(raw);
    const key = code ? udvalgOf(code) : raw;
    folded[key] = folded[key] ? folded[key].map((v, i) => (v ?? ZERO).plus(values[i] ?? ZERO)) : values;
  }
  const t = normalise(folded);
  const title = "Tabel 2.1.1 (fordeling på udvalg)";
  const diffs: Judged[] = cellDiffs(t, committees, n).map((d) =>
    d.stated.minus(d.computed).abs().lte(1) ? { ...d, severity: "info", note: "afrundingsforskel" } : { ...d, severity: "error" },
  );
  return [
    ...rowsNotSumming(proposal, title, "stated.committees", t),
    ...groupFindings(proposal, "ALLOCATION_MISMATCH", title, "stated.committees", diffs),
  ];
}
