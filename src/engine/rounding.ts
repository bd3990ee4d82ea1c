/**
 * Largest-remainder rounding to whole t.kr. (SPEC §4): the shown cells of a column add up to its
 * shown total, also when the column mixes signs. The documents round each cell on its own and
 * miss their totals (2025 BC01's TMU 123 in a column summing to 881 against 880).
 */
import Decimal from "decimal.js";
import { roundHalfAwayFromZero, sum, ZERO } from "./series";

const ONE = new Decimal(1);
const MINUS_ONE = new Decimal(-1);

/**
 * Round one column of exact values.
 *   T = ROUND(Σ exact); t_i = trunc(exact_i); r_i = exact_i − t_i (signed); k = T − Σ t_i
 *   k > 0: +1 to the k largest r_i; k < 0: −1 to the |k| smallest r_i
 *   ties: larger |exact_i| first, then row order.
 * Returns the shown cells (same order) and the shown total T.
 */
export function roundColumn(exact: Decimal[]): { shown: Decimal[]; total: Decimal } {
  // whole t.kr. already (most columns of most proposals): nothing to distribute
  if (exact.every((x) => x.isInteger())) {
    const shown = exact.map((x) => (x.isZero() ? ZERO : x));
    return { shown, total: sum(shown) };
  }
  const total = roundHalfAwayFromZero(sum(exact));
  // trunc(−0,6) is −0: normalise, or "-0" leaks into JSON and cells
  const trunc = exact.map((x) => {
    const t = x.trunc();
    return t.isZero() ? ZERO : t;
  });
  const shown = [...trunc];
  let k = total.minus(sum(trunc)).toNumber(); // a small whole count of cells, not an amount
  if (k === 0) return { shown, total };
  const order = exact.map((x, i) => ({ i, r: x.minus(trunc[i]), abs: x.abs() }));
  const up = k > 0;
  order.sort((a, b) => {
    const byR = up ? b.r.comparedTo(a.r) : a.r.comparedTo(b.r);
    if (byR !== 0) return byR;
    const byAbs = b.abs.comparedTo(a.abs);
    if (byAbs !== 0) return byAbs;
    return a.i - b.i;
  });
  const step = up ? ONE : MINUS_ONE;
  // |k| never exceeds the number of cells: |Σ r_i| < n, and rounding moves the total by < 1.
  for (let j = 0; k !== 0; j++) {
    const cell = order[j % order.length].i;
    shown[cell] = shown[cell].plus(step);
    k += up ? -1 : 1;
  }
  return { shown, total };
}
