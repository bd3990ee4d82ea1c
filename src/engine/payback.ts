/**
 * Payback (tilbagebetalingstid, SPEC §3). The discounted cumulative flow from the first year with
 * any input, with the permanent part extrapolated past the last column; the break-even year is
 * the first year from which the cumulative stays strictly below zero.
 */
import Decimal from "decimal.js";
import type { Proposal, Series } from "./model";
import type { PaybackOutcome, PaybackResult, Totals } from "./result";
import { countedRows } from "./totals";
import { addSeries, ZERO, zeros } from "./series";

/** SPEC §3: no break-even within 100 years is "ikke tilbagebetalt". */
const HORIZON_YEARS = 100;

export interface Flows {
  /** Flow per year column. */
  flows: Series;
  /** The permanent part of the last column: what repeats beyond it. */
  steadyState: Decimal;
}

/** flows_total = Samlet økonomisk påvirkning (varig drift included: net, not gross). */
export function totalFlows(totals: Totals): Flows {
  return { flows: totals.net, steadyState: totals.permanent[totals.permanent.length - 1] };
}

/**
 * flows_service = permanent Service rows + ALL implementation rows (anlæg and EI investments
 * count too): 2018 proposal 11's 22 years service vs 5 total (SPEC §3).
 */
export function serviceFlows(proposal: Proposal, totals: Totals): Flows {
  const n = proposal.years.length;
  const permanentService = totals.permanentByArea.Service ?? zeros(n);
  return { flows: addSeries(permanentService, totals.implementation), steadyState: permanentService[n - 1] };
}

/** year1: the first year in which any Tabel 1 input row is non-zero (index into years). */
export function firstActiveIndex(proposal: Proposal): number | undefined {
  const rows = countedRows(proposal);
  for (let i = 0; i < proposal.years.length; i++) if (rows.some((r) => !r.values[i].isZero())) return i;
  return undefined;
}

/** The break-even by the rule at `rate`; also returns the cumulative per column. */
export function breakEven(
  years: number[],
  start: number,
  { flows, steadyState }: Flows,
  rate: Decimal,
): PaybackOutcome & { cumulative: Series } {
  const factor = new Decimal(1).plus(rate);
  const year1 = years[start];
  const last = years[years.length - 1];
  const cumulative: Series = years.map(() => ZERO);
  let cum = ZERO;
  let discount = new Decimal(1); // (1 + r)^(y − year1)
  let candidate: number | null = null; // first year of the current run of cum < 0
  const step = (y: number, flow: Decimal) => {
    cum = cum.plus(flow.div(discount));
    discount = discount.times(factor);
    candidate = cum.isNeg() && !cum.isZero() ? (candidate ?? y) : null;
  };
  for (let y = year1; y <= last; y++) {
    step(y, flows[y - years[0]]);
    cumulative[y - years[0]] = cum;
  }
  const notPaidBack = { years: null, breakEvenYear: null, cumulative };
  if (steadyState.gt(0)) {
    // A steady state that is a cost: the cumulative rises for ever after the last column. At 0 %
    // it crosses zero some day; discounted it converges to cum + steady·Σ 1/(1+r)^k, k > last.
    if (candidate === null || rate.isZero()) return notPaidBack;
    const limit = cum.plus(steadyState.div(discount).times(factor).div(rate));
    return limit.isNeg() && !limit.isZero() ? { years: candidate! - year1 + 1, breakEvenYear: candidate, cumulative } : notPaidBack;
  }
  // A steady saving (or nothing): the cumulative only falls after the last column, so once
  // below zero it stays. Look for that within the horizon.
  const horizon = year1 + HORIZON_YEARS - 1;
  for (let y = last + 1; y <= horizon && candidate === null; y++) step(y, steadyState);
  if (candidate === null) return notPaidBack;
  return { years: candidate - year1 + 1, breakEvenYear: candidate, cumulative };
}

/**
 * The investment pool rule (SPEC §3, unverified): the service payback is over the limit. The rate
 * is fitted, not known, so a breach counts only when it does not hang on it: over the limit both
 * at the rate used and at 0 % (2025 F4: 7 years at 2 %, 6 at 0 %, no warning). PAYBACK_OVER_LIMIT
 * and the Følsomhed table's "over grænsen" both ask this, so they never disagree. The innovation
 * pool has no limit: Bilag 7 Tabel 3 lists its Innovationsforslag and Foranalyser without one
 * (issue 8); they are still "ikke tilbagebetalt" where the rule says so.
 */
export function overPoolLimit(proposal: Proposal, atRate: PaybackOutcome, atZero: PaybackOutcome): boolean {
  const limit = proposal.settings.paybackLimitYears;
  if (limit === null) return false;
  if (proposal.kind === "innovation" || proposal.kind === "preliminary") return false;
  const over = (o: PaybackOutcome) => o.years === null || o.years > limit;
  return over(atRate) && over(atZero);
}

function describeRate(rate: Decimal): string {
  return rate.isZero() ? "udiskonteret (0 %)" : `diskonteret med ${rate.times(100).toString().replace(".", ",")} %`;
}

export function paybackText(o: PaybackOutcome): string {
  return o.years === null ? "ikke tilbagebetalt" : `${o.years} år (${o.breakEvenYear})`;
}

/** Payback by the profile's rate, with the 0 % rule beside it; null when there is no investment. */
export function computePayback(proposal: Proposal, totals: Totals, which: "service" | "total"): PaybackResult | null {
  const hasInvestment = countedRows(proposal).some((r) => r.block === "implementation" && r.values.some((v) => !v.isZero()));
  if (!hasInvestment) return null;
  const start = firstActiveIndex(proposal);
  if (start === undefined) return null;
  const f = which === "service" ? serviceFlows(proposal, totals) : totalFlows(totals);
  const rate = proposal.settings.discountRate;
  const main = breakEven(proposal.years, start, f, rate);
  const plain = rate.isZero() ? main : breakEven(proposal.years, start, f, ZERO);
  return {
    years: main.years,
    breakEvenYear: main.breakEvenYear,
    rate,
    cumulative: main.cumulative,
    undiscounted: { years: plain.years, breakEvenYear: plain.breakEvenYear },
    text: paybackText(main),
    rule: describeRate(rate),
  };
}
