/**
 * TOTAL_MISMATCH (SPEC §6): a stated computed row of Tabel 1 against its formula (SPEC §2).
 */
import type Decimal from "decimal.js";
import type { Area, Finding, Proposal, Series } from "../model";
import type { Totals } from "../result";
import { formatAmount } from "../format";
import { countedRows } from "../totals";
import { severityOfDifference, tolerance } from "./tolerance";

const LABELS: Record<string, string> = {
  permanent: "Samlet varig ændring",
  implementation: "Samlede implementeringsomkostninger",
  net: "Samlet økonomisk påvirkning",
  aggregated: "Aggregeret",
};

export function checkTotals(proposal: Proposal, totals: Totals): Finding[] {
  const stated = proposal.stated.totals;
  if (!stated) return [];
  const findings: Finding[] = [];
  const rows = countedRows(proposal);
  const count = (pred: (b: string, a: Area) => boolean) => rows.filter((r) => pred(r.block, r.area)).length;
  const compare = (label: string, path: string, s: (Decimal | undefined)[] | undefined, computed: Series, n: number) => {
    if (!s) return;
    const tol = tolerance(proposal.settings, n);
    proposal.years.forEach((year, i) => {
      const v = s[i];
      if (v === undefined) return;
      const sev = severityOfDifference(v.minus(computed[i]), tol);
      if (!sev) return;
      findings.push({
        code: "TOTAL_MISMATCH",
        severity: sev,
        message:
          `${label} ${year}: angivet ${formatAmount(v)}, men rækkerne giver ${formatAmount(computed[i])}` +
          (sev === "info" ? ` (afrundingsforskel inden for ${tol} ved ${n} rækker)` : ""),
        location: proposal.locate(`${path}.${year}`),
      });
    });
  };
  const nPerm = count((b) => b === "permanent");
  const nImpl = count((b) => b === "implementation");
  compare(LABELS.permanent, "stated.totals.permanent", stated.permanent, totals.permanent, nPerm);
  compare(LABELS.implementation, "stated.totals.implementation", stated.implementation, totals.implementation, nImpl);
  compare(LABELS.net, "stated.totals.net", stated.net, totals.net, nPerm + nImpl);
  compare(LABELS.aggregated, "stated.totals.aggregated", stated.aggregated, totals.aggregated, nPerm + nImpl);
  const zero = proposal.years.map(() => totals.net[0].times(0));
  for (const [area, s] of Object.entries(stated.permanentByArea ?? {}) as [Area, (Decimal | undefined)[]][])
    compare(
      `${LABELS.permanent}, ${area}`,
      `stated.totals.permanentByArea.${area}`,
      s,
      totals.permanentByArea[area] ?? zero,
      count((b, a) => b === "permanent" && a === area),
    );
  for (const [area, s] of Object.entries(stated.implementationByArea ?? {}) as [Area, (Decimal | undefined)[]][])
    compare(
      `${LABELS.implementation}, ${area}`,
      `stated.totals.implementationByArea.${area}`,
      s,
      totals.implementationByArea[area] ?? zero,
      count((b, a) => b === "implementation" && a === area),
    );
  // per-unit subtotals (2025 Forslag 3: "…, service SOF" and "…, service BUF"): which rows are
  // a unit's is not printed, but together the units are the block (SPEC §2)
  for (const [f, block, total] of [
    ["permanentByUnit", "permanent", totals.permanent],
    ["implementationByUnit", "implementation", totals.implementation],
  ] as const) {
    const by = stated[f];
    if (!by || Object.keys(by).length < 2) continue;
    const units = Object.keys(by);
    const sum = proposal.years.map((_, i) =>
      units.every((u) => by[u][i] === undefined) ? undefined : units.reduce((s, u) => s.plus(by[u][i] ?? 0), zero[i]),
    );
    compare(
      `${block === "permanent" ? LABELS.permanent : LABELS.implementation} (${units.join(" + ")})`,
      `stated.totals.${f}.${units[0]}`,
      sum,
      total,
      count((b) => b === block),
    );
  }
  return findings;
}
