/**
 * Names of the sheets Beregn makes. A user's own sheet of the same name is never taken over:
 * "Kvantum" becomes "Kvantum (Beregn)" when the user already has a "Kvantum" (DESIGN.md).
 */
import type { Grid } from "./types";

/** Excel's limit on sheet names. */
const MAX = 31;

export function kvantumBaseName(proposalSheet: string, proposals: number): string {
  return proposals > 1 ? `Kvantum ${proposalSheet}`.slice(0, MAX) : "Kvantum";
}

/** The first of base, "base (Beregn)", "base (Beregn 2)" … that is free or already Beregn's. */
export function pickSheetName(base: string, grids: Grid[], own: Set<string>): string {
  const taken = (n: string) => grids.some((g) => g.name.toLowerCase() === n.toLowerCase()) && !own.has(n.toLowerCase());
  if (!taken(base)) return base;
  for (let i = 1; i < 100; i++) {
    const suffix = i === 1 ? " (Beregn)" : ` (Beregn ${i})`;
    const name = base.slice(0, MAX - suffix.length) + suffix;
    if (!taken(name)) return name;
  }
  throw new Error(`intet ledigt arknavn for ${base}`);
}
