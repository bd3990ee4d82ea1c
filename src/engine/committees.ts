/**
 * Tabel 2.1.1 "Fordeling på udvalg, inkl. implementeringsudgifter" (SPEC §5):
 *   udvalg_v = Σ_{bevilling u in v} (X_u + D_u + E_u), X = A by default (2025 BC01 "Σ Tabel A + D + E")
 * summed from the shown cells, with no second rounding. ØU includes its four group units.
 * Sets for other styringsområder and their investment tables count too.
 */
import type { Proposal, Series } from "./model";
import type { Contribution, KvantumResult, RoundedTable } from "./result";
import { addSeries, zeros } from "./series";
import { udvalgOf, UDVALG } from "./units";

export function computeCommittees(proposal: Proposal, kvantum: KvantumResult): RoundedTable {
  const n = proposal.years.length;
  const basis = proposal.settings.tabel211Basis;
  const parts: RoundedTable[] = [
    ...kvantum.sets.map((s) => (basis === "A" ? s.A : s.C)),
    kvantum.D,
    kvantum.E,
    ...kvantum.otherInvestments.map((o) => o.table),
  ];
  const shown: Record<string, Series> = {};
  const exact: Record<string, Series> = {};
  const members = new Map<string, { table: RoundedTable; unit: string }[]>();
  for (const table of parts) {
    for (const unit of table.units) {
      const v = udvalgOf(unit);
      shown[v] = addSeries(shown[v] ?? zeros(n), table.shown[unit]);
      exact[v] = addSeries(exact[v] ?? zeros(n), table.exact[unit]);
      members.set(v, [...(members.get(v) ?? []), { table, unit }]);
    }
  }
  // derived only when a cell is explained
  const contributions: Record<string, Contribution[][]> = {};
  for (const [v, list] of members) {
    let cached: Contribution[][] | undefined;
    Object.defineProperty(contributions, v, {
      enumerable: true,
      get: () => (cached ??= Array.from({ length: n }, (_, i) => list.flatMap(({ table, unit }) => table.contributions[unit][i]))),
    });
  }
  const order = (a: string, b: string) => UDVALG.indexOf(a as never) - UDVALG.indexOf(b as never);
  const units = Object.keys(shown).sort(order);
  const total = units.reduce((acc, u) => addSeries(acc, shown[u]), zeros(n));
  return { units, exact, shown, total, contributions };
}
