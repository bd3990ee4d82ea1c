/**
 * The administrative Tabel 2: the Tabel 1 rows marked administrative (SPEC §6 ADMIN_MISMATCH).
 * null when no row is marked.
 */
import type { Proposal, Series } from "./model";
import { sumSeries } from "./series";
import { countedRows } from "./totals";

export function computeAdmin(proposal: Proposal): Series | null {
  const rows = countedRows(proposal).filter((r) => r.administrative);
  if (rows.length === 0) return null;
  return sumSeries(
    rows.map((r) => r.values),
    proposal.years.length,
  );
}
