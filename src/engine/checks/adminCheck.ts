/**
 * ADMIN_MISMATCH (SPEC §6): the administrative Tabel 2 against the Tabel 1 rows marked
 * administrative.
 */
import type { Finding, Proposal, Series } from "../model";
import { formatAmount } from "../format";
import { severityOfDifference, tolerance } from "./tolerance";

export function checkAdmin(proposal: Proposal, admin: Series | null): Finding[] {
  const stated = proposal.stated.admin;
  if (!stated) return [];
  const findings: Finding[] = [];
  const n = proposal.rows.filter((r) => r.administrative && !r.excluded).length;
  const tol = tolerance(proposal.settings, n);
  proposal.years.forEach((year, i) => {
    const s = stated[i];
    if (s === undefined) return;
    const computed = admin ? admin[i] : s.times(0);
    const sev = severityOfDifference(s.minus(computed), tol);
    if (!sev) return;
    findings.push({
      code: "ADMIN_MISMATCH",
      severity: sev === "info" ? "info" : "error",
      message: admin
        ? `Administrativ Tabel 2 ${year}: angivet ${formatAmount(s)}, men rækkerne i Tabel 1 markeret administrative giver ${formatAmount(computed)}`
        : `Administrativ Tabel 2 ${year}: angivet ${formatAmount(s)}, men ingen række i Tabel 1 er markeret administrativ`,
      location: proposal.locate(`stated.admin.${year}`),
    });
  });
  return findings;
}
