/**
 * Summary roll-up (SPEC §7): the catalogue tables in front of each annex. Per proposal,
 * investment = Σ implementation over all years, effect = Samlet varig ændring in the
 * full-effect year (the last column); per udvalg and in total from unrounded values. Everything
 * here is exact t.kr. in the proposals' sign convention (savings negative); the annex's units,
 * signs and rounding (mio. kr. one decimal half up, whole t.kr.) are applied only where a table
 * shows a number (`shownMio`, `shownTkr`).
 */
import Decimal from "decimal.js";
import { overPaybackLimit } from "./checks/paybackCheck";
import type { Area, Finding, ProposalKind, Series } from "./model";
import type { PaybackOutcome, Result } from "./result";
import { sum, ZERO } from "./series";
import { canonicalUnit, udvalgOf } from "./units";

export interface RollupLine {
  id: string;
  title: string;
  /** The proposal's kind, or inferred: no implementation rows at all = efficiency, else investment. */
  kind: ProposalKind;
  /** The proposal's Fremstillende forvaltning as read ("ØKF", "Socialforvaltningen"). */
  presenting?: string;
  /** The presenting forvaltning's udvalg code (SPEC §1: ØKF → ØU); null when not stated. */
  udvalg: string | null;
  /** t.kr., Σ implementation over all years, per styringsområde and in all. */
  investmentByArea: Partial<Record<Area, Decimal>>;
  investment: Decimal;
  /** t.kr., Samlet varig ændring in the full-effect year (the last column), per område and in all. */
  effectByArea: Partial<Record<Area, Decimal>>;
  effect: Decimal;
  /** t.kr., Samlet varig ændring in each asked year (beyond the last column it stays, SPEC §3). */
  effectByYear: Record<number, Decimal>;
  /** The same per styringsområde (Bilag 6 Tabel 1 shows Service, Tabel 2 Overførsler and Indsats). */
  effectByYearByArea: Partial<Record<Area, Record<number, Decimal>>>;
  payback: { service: PaybackOutcome | null; total: PaybackOutcome | null };
  /** Service payback above the investment pool's limit: Bilag 7's `**` (the PAYBACK_OVER_LIMIT rule). */
  overLimit: boolean;
  /** Tabel 2.1.1 falls on more than one udvalg: a tværgående proposal (Bilag 7's `*`). */
  crossCutting: boolean;
  /** Input rows counted (not excluded): the n of the rounding tolerance (SPEC §2). */
  rows: number;
  /** The proposal's own findings, counted (the catalogue doubles as the review of the batch). */
  findings: { error: number; warning: number };
  /** mio. kr., one decimal (kept for the SPEC §7 examples). */
  investmentShown: Decimal;
  effectShown: Decimal;
}

/** mio. kr. rounded half up to one decimal (SPEC §7), from exact t.kr. */
export function shownMio(tkr: Decimal): Decimal {
  return tkr.div(1000).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
}

/** Whole t.kr., half away from zero (SPEC §4). */
export function shownTkr(tkr: Decimal): Decimal {
  return tkr.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

function countFindings(findings: Finding[]): { error: number; warning: number } {
  return {
    error: findings.filter((f) => f.severity === "error").length,
    warning: findings.filter((f) => f.severity === "warning").length,
  };
}

const outcome = (p: PaybackOutcome | null): PaybackOutcome | null => (p ? { years: p.years, breakEvenYear: p.breakEvenYear } : null);

/** The presenting forvaltning's udvalg (SPEC §1), from a code or a full name. */
export function presentingUdvalg(presenting: string | undefined): string | null {
  if (!presenting) return null;
  const unit = canonicalUnit(presenting);
  return unit ? udvalgOf(unit) : null;
}

/**
 * One proposal's line. `years`: the catalogue's year columns (Bilag 8: 2025–2028); default the
 * proposal's own.
 */
export function rollupLine(result: Result, years: number[] = result.proposal.years): RollupLine {
  const { proposal, totals } = result;
  const last = proposal.years.length - 1;
  const investmentByArea: Partial<Record<Area, Decimal>> = {};
  for (const [area, s] of Object.entries(totals.implementationByArea)) if (s) investmentByArea[area as Area] = sum(s);
  const effectByArea: Partial<Record<Area, Decimal>> = {};
  for (const [area, s] of Object.entries(totals.permanentByArea)) if (s) effectByArea[area as Area] = s[last];
  const byYear = (s: Series): Record<number, Decimal> => {
    const out: Record<number, Decimal> = {};
    for (const y of years) {
      const i = proposal.years.indexOf(y);
      out[y] = i >= 0 ? s[i] : y > proposal.years[last] ? s[last] : ZERO;
    }
    return out;
  };
  const effectByYear = byYear(totals.permanent);
  const effectByYearByArea: Partial<Record<Area, Record<number, Decimal>>> = {};
  for (const [area, s] of Object.entries(totals.permanentByArea)) if (s) effectByYearByArea[area as Area] = byYear(s);
  const investment = sum(totals.implementation);
  const effect = totals.permanent[last];
  const hasImplementation = proposal.rows.some((r) => r.block === "implementation" && !r.excluded);
  const committees = result.committees;
  const udvalgWithAmounts = committees
    ? committees.units.filter((u) => (committees.shown[u] ?? []).some((v) => !v.isZero())).map(udvalgOf)
    : [];
  return {
    id: proposal.id,
    title: proposal.title,
    kind: proposal.kind ?? (hasImplementation ? "investment" : "efficiency"),
    presenting: proposal.presenting,
    udvalg: presentingUdvalg(proposal.presenting),
    investmentByArea,
    investment,
    effectByArea,
    effect,
    effectByYear,
    effectByYearByArea,
    payback: { service: outcome(result.payback.service), total: outcome(result.payback.total) },
    overLimit: overPaybackLimit(proposal, result.payback.service),
    crossCutting: new Set(udvalgWithAmounts).size > 1,
    rows: proposal.rows.filter((r) => !r.excluded).length,
    findings: countFindings(result.findings),
    investmentShown: shownMio(investment),
    effectShown: shownMio(effect),
  };
}

export interface RollupSum {
  count: number;
  /** Of which innovation proposals and preliminary analyses (Bilag 7 Tabel 1's parentheses). */
  innovation: number;
  /** t.kr., exact. */
  investment: Decimal;
  effect: Decimal;
  effectByYear: Record<number, Decimal>;
}

/** Sums from unrounded values (SPEC §7). */
export function rollupSum(lines: RollupLine[]): RollupSum {
  const effectByYear: Record<number, Decimal> = {};
  for (const l of lines)
    for (const [y, v] of Object.entries(l.effectByYear)) effectByYear[Number(y)] = (effectByYear[Number(y)] ?? ZERO).plus(v);
  return {
    count: lines.length,
    innovation: lines.filter((l) => l.kind === "innovation" || l.kind === "preliminary").length,
    investment: sum(lines.map((l) => l.investment)),
    effect: sum(lines.map((l) => l.effect)),
    effectByYear,
  };
}

/** Per group (udvalg), in first-seen order. */
export function rollupGroups(lines: RollupLine[], groupOf: (l: RollupLine) => string): Map<string, RollupSum> {
  const groups = new Map<string, RollupLine[]>();
  for (const l of lines) {
    const g = groupOf(l);
    groups.set(g, [...(groups.get(g) ?? []), l]);
  }
  return new Map([...groups].map(([g, ls]) => [g, rollupSum(ls)]));
}

/** Totals from unrounded values, shown to one decimal in mio. kr. */
export function rollupTotal(lines: RollupLine[]): { investmentShown: Decimal; effectShown: Decimal } {
  const s = rollupSum(lines);
  return { investmentShown: shownMio(s.investment), effectShown: shownMio(s.effect) };
}
