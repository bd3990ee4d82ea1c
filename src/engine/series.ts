/**
 * Year series arithmetic on Decimal. Every amount in the engine goes through here or through
 * Decimal directly; never through JavaScript numbers (DEVELOPERS.md: money is Decimal).
 */
import Decimal from "decimal.js";
import type { Series } from "./model";

// Discounting raises (1 + r) to powers up to ~100: keep plenty of significant digits.
Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const ZERO = new Decimal(0);

export function zeros(n: number): Series {
  return Array.from({ length: n }, () => ZERO);
}

export function addSeries(a: Series, b: Series): Series {
  return a.map((v, i) => v.plus(b[i]));
}

export function subSeries(a: Series, b: Series): Series {
  return a.map((v, i) => v.minus(b[i]));
}

export function scaleSeries(a: Series, factor: Decimal): Series {
  return a.map((v) => v.times(factor));
}

export function sumSeries(list: Series[], n: number): Series {
  return list.reduce((acc, s) => addSeries(acc, s), zeros(n));
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce((s, v) => s.plus(v), ZERO);
}

export function isZeroSeries(s: Series): boolean {
  return s.every((v) => v.isZero());
}

/** Excel's ROUND(x, 0): half away from zero (SPEC §4). */
export function roundHalfAwayFromZero(x: Decimal): Decimal {
  return x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}
