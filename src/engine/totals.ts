/**
 * Tabel 1's computed rows (SPEC §2): exact sums of the input rows, per styringsområde.
 * Excluded rows are shown but not counted (2025 Forslag 5's procurement savings).
 */
import type { Area, Proposal, Row, Series } from "./model";
import type { Totals } from "./result";
import { addSeries, zeros } from "./series";

export function countedRows(proposal: Proposal): Row[] {
  return proposal.rows.filter((r) => !r.excluded);
}

export function computeTotals(proposal: Proposal): Totals {
  const n = proposal.years.length;
  let permanent = zeros(n);
  let implementation = zeros(n);
  const permanentByArea: Partial<Record<Area, Series>> = {};
  const implementationByArea: Partial<Record<Area, Series>> = {};
  for (const row of countedRows(proposal)) {
    if (row.block === "permanent") {
      permanent = addSeries(permanent, row.values);
      permanentByArea[row.area] = addSeries(permanentByArea[row.area] ?? zeros(n), row.values);
    } else {
      implementation = addSeries(implementation, row.values);
      implementationByArea[row.area] = addSeries(implementationByArea[row.area] ?? zeros(n), row.values);
    }
  }
  const net = addSeries(permanent, implementation);
  const aggregated: Series = [];
  net.forEach((v, i) => aggregated.push(i === 0 ? v : aggregated[i - 1].plus(v)));
  return { permanent, permanentByArea, implementation, implementationByArea, net, aggregated };
}
