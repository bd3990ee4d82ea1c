/**
 * The number format of the stated cells beside the ones Beregn writes (issue 10: "numbers in the
 * neighbours' format"): a computed row, an added Total or udvalg row takes the format the table's
 * own amounts show, so Beregn's cells do not stand out; Beregn's zero-as-dash format only where
 * the neighbours have none (General, or a host that reports no formats).
 */
import { AMOUNT_FORMAT } from "./blocks";
import { formatAt } from "./grid";
import type { Grid } from "./types";

/** The format most of the cells rows × cols show (the first seen on a tie), else AMOUNT_FORMAT. */
export function neighbourFormat(grid: Grid, rows: Iterable<number>, cols: readonly number[]): string {
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const c of cols) {
      const f = formatAt(grid, r, c);
      // "@" is text: the format of a number typed as text, never one to give a number
      if (!f || f === "General" || f === "@") continue;
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
  let best: string | undefined;
  for (const [f, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = f;
  return best ?? AMOUNT_FORMAT;
}
