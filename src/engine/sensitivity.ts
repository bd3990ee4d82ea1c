/**
 * Følsomhed (issue 12): how the payback and the present value move when the proposal's
 * assumptions fail, for section "4. Risikovurdering". Each scenario changes the proposal's rows
 * (or the rate) and runs the same payback rule (SPEC §3, payback.ts) on it; nothing here is a
 * second payback rule. Definitions, so two readers get one number:
 *
 * - year 1 is the stated proposal's first active year in every scenario (SPEC §3);
 * - delay: every effect and loss row k years later (the first k columns 0, each column the value
 *   k columns before; beyond the table the row goes on at its original last column's value);
 * - effect-down: effect and loss rows × (1 − s); investment-up: positive implementation values ×
 *   (1 + s), repayments stay; drift-up: drift rows × (1 + s);
 * - rate-low / rate-high: that rate for both the payback and the present value;
 * - npv: Σ Samlet økonomisk påvirkning (the permanent part repeated after the last column) over
 *   the horizon from year 1, discounted to year 1 at the scenario's rate; a gain is negative;
 * - breakEvenEffect: the smallest f (two decimals, rounded up, 0 < f ≤ 5) on effect and loss rows
 *   at which the service payback at the profile's rate is within the pool limit, or null.
 */
import Decimal from "decimal.js";
import type { Proposal, Row } from "./model";
import { breakEven, firstActiveIndex, overPoolLimit, serviceFlows, totalFlows, type Flows } from "./payback";
import type { PaybackOutcome } from "./result";
import { ZERO } from "./series";
import { percentText } from "./sensitivityText";
import { computeTotals, countedRows } from "./totals";

export type ScenarioName = "stated" | "delay" | "effect-down" | "investment-up" | "drift-up" | "rate-low" | "rate-high";

export interface Scenario {
  name: ScenarioName;
  /** Danish: "Effekter 1 år senere". */
  label: string;
  /** The years (delay), fraction (effect-down, investment-up, drift-up) or rate used; null for stated. */
  size: Decimal | null;
  /** The discount rate of this scenario's payback and present value. */
  rate: Decimal;
  payback: { service: PaybackOutcome; total: PaybackOutcome };
  /** The service payback at 0 % in this scenario: the pool rule needs both (overPoolLimit). */
  serviceUndiscounted: PaybackOutcome;
  /** Over the investment pool's limit by the PAYBACK_OVER_LIMIT rule. */
  overLimit: boolean;
  /** Nutidsværdi in t.kr., exact; a gain is negative. */
  npv: Decimal;
}

export interface Sensitivity {
  horizonYears: number;
  /** The stated proposal's first active year: year 1 of every scenario. */
  year1: number;
  /** The profile's rate (every scenario but rate-low and rate-high). */
  rate: Decimal;
  limitYears: number | null;
  scenarios: Scenario[];
  /** Two decimals; null when there is no limit or no f ≤ 5 brings the payback within it. */
  breakEvenEffect: Decimal | null;
}

const BREAK_EVEN_MAX_HUNDREDTHS = 500;

const isEffect = (r: Row) => r.block === "permanent" && (r.type === "effect" || r.type === "loss");

function withRows(proposal: Proposal, map: (r: Row) => Decimal[]): Proposal {
  return { ...proposal, rows: proposal.rows.map((r) => ({ ...r, values: map(r) })) };
}

/** Effect and loss rows × f. */
export function scaleEffects(proposal: Proposal, f: Decimal): Proposal {
  return withRows(proposal, (r) => (isEffect(r) ? r.values.map((v) => v.times(f)) : r.values));
}

/**
 * Effect and loss rows k years later. The table grows by k columns, so the payback rule's own
 * extrapolation (the last column repeats) carries each row on at its original last value:
 * effect rows end on their last column, other permanent rows repeat theirs, implementation is 0.
 */
export function delayEffects(proposal: Proposal, k: number): Proposal {
  if (k === 0) return proposal;
  const last = proposal.years[proposal.years.length - 1];
  const extra = Array.from({ length: k }, (_, i) => last + 1 + i);
  const p = withRows(proposal, (r) => {
    const n = r.values.length;
    if (isEffect(r)) return [...Array.from({ length: k }, () => ZERO), ...r.values];
    const fill = r.block === "permanent" ? r.values[n - 1] : ZERO;
    return [...r.values, ...extra.map(() => fill)];
  });
  return { ...p, years: [...proposal.years, ...extra] };
}

function scaleWhere(proposal: Proposal, which: (r: Row, v: Decimal) => boolean, f: Decimal): Proposal {
  return withRows(proposal, (r) => r.values.map((v) => (which(r, v) ? v.times(f) : v)));
}

/** Σ flows over `horizon` years from year 1, each discounted to year 1 (SPEC §3's discounting). */
export function presentValue(years: number[], start: number, { flows, steadyState }: Flows, rate: Decimal, horizon: number): Decimal {
  const factor = new Decimal(1).plus(rate);
  let discount = new Decimal(1);
  let npv = ZERO;
  for (let t = 0; t < horizon; t++) {
    const i = start + t;
    npv = npv.plus((i < years.length ? flows[i] : steadyState).div(discount));
    discount = discount.times(factor);
  }
  return npv;
}

const strip = (o: PaybackOutcome): PaybackOutcome => ({ years: o.years, breakEvenYear: o.breakEvenYear });

/** The service payback of a (changed) proposal at `rate`, year 1 fixed at `start`. */
function servicePayback(p: Proposal, start: number, rate: Decimal): PaybackOutcome {
  return strip(breakEven(p.years, start, serviceFlows(p, computeTotals(p)), rate));
}

function scenario(
  stated: Proposal,
  start: number,
  horizon: number,
  name: ScenarioName,
  label: string,
  size: Decimal | null,
  p: Proposal,
  rate: Decimal,
): Scenario {
  const totals = computeTotals(p);
  const service = strip(breakEven(p.years, start, serviceFlows(p, totals), rate));
  const total = strip(breakEven(p.years, start, totalFlows(totals), rate));
  const serviceUndiscounted = rate.isZero() ? service : servicePayback(p, start, ZERO);
  return {
    name,
    label,
    size,
    rate,
    payback: { service, total },
    serviceUndiscounted,
    overLimit: overPoolLimit(stated, service, serviceUndiscounted),
    npv: presentValue(p.years, start, totalFlows(totals), rate, horizon),
  };
}

/**
 * The smallest f = k/100 (k = 1 … 500) at which the service payback is within the limit. When no
 * year's effect and loss rows (Service) add up to a cost, a larger f lowers the cumulative in every
 * year, so "within" is monotone in f and a bisection finds it; otherwise every f is tried.
 */
export function breakEvenEffect(proposal: Proposal, start: number): Decimal | null {
  const limit = proposal.settings.paybackLimitYears;
  if (limit === null) return null;
  const rate = proposal.settings.discountRate;
  const within = (k: number): boolean => {
    const o = servicePayback(scaleEffects(proposal, new Decimal(k).div(100)), start, rate);
    return o.years !== null && o.years <= limit;
  };
  const serviceEffects = countedRows(proposal).filter((r) => isEffect(r) && r.area === "Service");
  const monotone = proposal.years.every((_, i) => serviceEffects.reduce((s, r) => s.plus(r.values[i]), ZERO).lte(0));
  if (!monotone) {
    for (let k = 1; k <= BREAK_EVEN_MAX_HUNDREDTHS; k++) if (within(k)) return new Decimal(k).div(100);
    return null;
  }
  if (!within(BREAK_EVEN_MAX_HUNDREDTHS)) return null;
  let lo = 0; // fails (f = 0 is outside the range; treated as failing)
  let hi = BREAK_EVEN_MAX_HUNDREDTHS; // within
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (within(mid)) hi = mid;
    else lo = mid;
  }
  return new Decimal(hi).div(100);
}

/** Every scenario for a proposal with an investment; null without one (payback does not apply). */
export function computeSensitivity(proposal: Proposal): Sensitivity | null {
  const hasInvestment = countedRows(proposal).some((r) => r.block === "implementation" && r.values.some((v) => !v.isZero()));
  const start = firstActiveIndex(proposal);
  if (!hasInvestment || start === undefined) return null;
  const s = proposal.settings;
  const rate = s.discountRate;
  const horizon = s.sensitivityHorizonYears;
  const make = (name: ScenarioName, label: string, size: Decimal | null, p: Proposal, r: Decimal) =>
    scenario(proposal, start, horizon, name, label, size, p, r);
  const one = new Decimal(1);
  const delay = s.sensitivityDelayYears;
  const scenarios = [
    make("stated", "Som angivet", null, proposal, rate),
    make("delay", `Effekter ${delay} år senere`, new Decimal(delay), delayEffects(proposal, delay), rate),
    make(
      "effect-down",
      `Effekter −${percentText(s.sensitivityEffectDown)}`,
      s.sensitivityEffectDown,
      scaleEffects(proposal, one.minus(s.sensitivityEffectDown)),
      rate,
    ),
    make(
      "investment-up",
      `Implementeringsomkostninger +${percentText(s.sensitivityInvestmentUp)}`,
      s.sensitivityInvestmentUp,
      scaleWhere(proposal, (r, v) => r.block === "implementation" && v.gt(0), one.plus(s.sensitivityInvestmentUp)),
      rate,
    ),
    make(
      "drift-up",
      `Varig drift +${percentText(s.sensitivityDriftUp)}`,
      s.sensitivityDriftUp,
      scaleWhere(proposal, (r) => r.block === "permanent" && r.type === "drift", one.plus(s.sensitivityDriftUp)),
      rate,
    ),
    make("rate-low", `Rente ${percentText(s.sensitivityRateLow)}`, s.sensitivityRateLow, proposal, s.sensitivityRateLow),
    make("rate-high", `Rente ${percentText(s.sensitivityRateHigh)}`, s.sensitivityRateHigh, proposal, s.sensitivityRateHigh),
  ];
  return {
    horizonYears: horizon,
    year1: proposal.years[start],
    rate,
    limitYears: s.paybackLimitYears,
    scenarios,
    breakEvenEffect: breakEvenEffect(proposal, start),
  };
}
