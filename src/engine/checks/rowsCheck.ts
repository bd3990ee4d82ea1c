/**
 * Row-level checks (SPEC §2, §6): SIGN (an effect positive; drift, loss or implementation
 * negative) and AREA_MISSING (no styringsområde: counted as Service).
 */
import type { Finding, Proposal } from "../model";
import { formatYears, mergeLocations } from "../format";
import { quoteText } from "../quote";

export function checkRows(proposal: Proposal): Finding[] {
  const findings: Finding[] = [];
  for (const row of proposal.rows) {
    if (row.excluded) continue;
    const effect = row.block === "permanent" && row.type === "effect";
    const wrong = row.values.map((v, i) => ((effect ? v.gt(0) : v.isNeg() && !v.isZero()) ? i : -1)).filter((i) => i >= 0);
    if (wrong.length) {
      const kind =
        row.block === "implementation"
          ? "implementeringsomkostning"
          : row.type === "drift"
            ? "varig drift"
            : row.type === "loss"
              ? "tab (bortfalden indtægt)"
              : "effekt";
      findings.push({
        code: "SIGN",
        severity: "warning",
        message: effect
          ? `"${quoteText(row.label)}" er en effekt, men er positiv i ${formatYears(wrong.map((i) => proposal.years[i]))}; besparelser og merindtægter skrives negativt`
          : `"${quoteText(row.label)}" er ${kind}, men er negativ i ${formatYears(wrong.map((i) => proposal.years[i]))}; omkostninger skrives positivt`,
        location: mergeLocations(wrong.map((i) => proposal.locate(`rows[${row.index}].values.${proposal.years[i]}`))),
      });
    }
    // 2016's template has no styringsområde column (SPEC §8): nothing to miss there
    if (!row.areaGiven && proposal.profile !== "kk-2016")
      findings.push({
        code: "AREA_MISSING",
        severity: "warning",
        message: `"${quoteText(row.label)}" har intet styringsområde; regnet som Service`,
        location: proposal.locate(`rows[${row.index}].area`),
      });
  }
  return findings;
}
