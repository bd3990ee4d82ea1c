/**
 * How far a stated total may miss its n shown addends (SPEC §2): the documents compute totals
 * from unrounded values and show rounded ones, so up to ⌊(n+1)/2⌋ is a rounding note.
 */
import type Decimal from "decimal.js";
import type { Settings, Severity } from "../model";

export function tolerance(settings: Settings, n: number): number {
  return settings.roundingTolerance === "half-n" ? Math.floor((n + 1) / 2) : settings.roundingTolerance;
}

/** undefined = agrees (stated is the computed value, shown rounded); else info within tolerance, error beyond. */
export function severityOfDifference(diff: Decimal, tol: number): Severity | undefined {
  const abs = diff.abs();
  if (abs.lt(0.5)) return undefined;
  return abs.lte(tol) ? "info" : "error";
}
