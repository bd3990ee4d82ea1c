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

/**
 * The years a check found off, grouped by what they show (same stated and computed numbers), so a
 * finding lists "2025–2029" once instead of five times; the group is an error when any year is.
 */
export function groupBySameNumbers<T extends { sev: Severity }>(bad: T[], key: (b: T) => string): { years: T[]; severity: Severity }[] {
  const groups = new Map<string, T[]>();
  for (const b of bad) groups.set(key(b), [...(groups.get(key(b)) ?? []), b]);
  return [...groups.values()].map((years) => ({ years, severity: years.some((b) => b.sev === "error") ? "error" : "info" }));
}
