/**
 * One proposal, computed and checked: Tabel 1 totals (SPEC §2), payback (§3), Kvantum A–E and
 * Tabel 2.1.1 (§4–5), the administrative Tabel 2, and every check of §6 the model allows.
 */
import { computeAdmin } from "./admin";
import { checkAdmin } from "./checks/adminCheck";
import { checkDetails } from "./checks/detailCheck";
import { checkPayback } from "./checks/paybackCheck";
import { checkRows } from "./checks/rowsCheck";
import { checkAllocations, checkCommittees, checkKvantum } from "./checks/tablesCheck";
import { checkTotals } from "./checks/totalsCheck";
import { computeCommittees } from "./committees";
import { computeKvantum } from "./kvantum";
import type { Finding, Proposal, Severity } from "./model";
import { computePayback } from "./payback";
import type { Result } from "./result";
import { computeTotals } from "./totals";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function calculate(proposal: Proposal, readFindings: Finding[] = []): Result {
  const totals = computeTotals(proposal);
  const payback = {
    service: computePayback(proposal, totals, "service"),
    total: computePayback(proposal, totals, "total"),
  };
  const { kvantum, findings: placementFindings } = computeKvantum(proposal);
  const committees = kvantum ? computeCommittees(proposal, kvantum) : null;
  const admin = computeAdmin(proposal);
  const findings = [
    ...readFindings,
    ...checkRows(proposal),
    ...placementFindings,
    ...checkTotals(proposal, totals),
    ...checkPayback(proposal, payback),
    ...checkKvantum(proposal, kvantum, totals),
    ...checkCommittees(proposal, committees),
    ...checkAllocations(proposal, totals),
    ...checkDetails(proposal, totals),
    ...checkAdmin(proposal, admin),
  ];
  // stable: errors first, then warnings, then info; within a severity, in the order raised
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
  return { proposal, totals, payback, kvantum, committees, admin, findings: sorted };
}
