/**
 * The payback's rule two cells right of the payback cell (issue 10; writePlan.ts): "5 år (2028)" alone does
 * not say it is discounted at a fitted 2 % (SPEC §3), nor that a break-even after the last
 * column is extrapolated. The payback cell itself keeps the template's text, so it reads back.
 */
import type Decimal from "decimal.js";
import type { PaybackOutcome, Result } from "../engine/result";
import { PROFILES } from "../engine/settings";

function percent(rate: Decimal): string {
  return `${rate.times(100).toString().replace(".", ",")} %`;
}

function outcomeText(p: PaybackOutcome, withYear: boolean): string {
  if (p.years === null) return "ikke tilbagebetalt";
  return withYear && p.breakEvenYear !== null ? `${p.years} år (${p.breakEvenYear})` : `${p.years} år`;
}

/** "diskonteret 2 %; udiskonteret 5 år (2028)" (+ "; ekstrapoleret efter 2021"); undefined without a payback. */
export function paybackNote(result: Result, which: "service" | "total"): string | undefined {
  const p = result.payback[which];
  if (!p) return undefined;
  const withYear = PROFILES[result.proposal.profile].paybackWithYear;
  const parts = p.rate.isZero()
    ? ["udiskonteret (0 %)"]
    : [`diskonteret ${percent(p.rate)}`, `udiskonteret ${outcomeText(p.undiscounted, withYear)}`];
  const last = result.proposal.years[result.proposal.years.length - 1];
  const latest = Math.max(p.breakEvenYear ?? 0, p.undiscounted.breakEvenYear ?? 0);
  if (latest > last) parts.push(`ekstrapoleret efter ${last}`);
  return parts.join("; ");
}
