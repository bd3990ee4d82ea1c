/**
 * DETAIL_MISMATCH (SPEC §6, added by issue 8): a detail table breaking Tabel 1 down (2018 "Tabel
 * 2. Varige ændringer, service", "Tabel 3. Serviceinvesteringer i forslaget") against Tabel 1.
 * Its rows against its total (ROWS_NOT_SUMMING), and its total per year against Tabel 1's block
 * over the table's områder, computed from Tabel 1's rows: 2018 Forslag 9's "Varige ændringer
 * totalt, overførsler" −504 in 2020 (seed 000:4915) against Tabel 1's overførsler row printed 504
 * (seed 000:4609). Severity as TOTAL_MISMATCH (SPEC §2's rounding tolerance for the table's n rows).
 */
import type Decimal from "decimal.js";
import type { Area, Finding, Proposal, Severity } from "../model";
import type { Totals } from "../result";
import { formatAmount, formatYears } from "../format";
import { ZERO } from "../series";
import { normalise, rowsNotSumming } from "./tablesCheck";
import { groupBySameNumbers, severityOfDifference, tolerance } from "./tolerance";

const BLOCK_NAMES = { permanent: "varige ændringer", implementation: "implementeringsomkostninger" } as const;

export function checkDetails(proposal: Proposal, totals: Totals): Finding[] {
  const out: Finding[] = [];
  (proposal.stated.details ?? []).forEach((d, k) => {
    const path = `stated.details[${k}]`;
    const t = normalise(d.table);
    out.push(...rowsNotSumming(proposal, d.title, path, t));
    const byArea = d.block === "permanent" ? totals.permanentByArea : totals.implementationByArea;
    const whole = d.block === "permanent" ? totals.permanent : totals.implementation;
    const computed = (i: number): Decimal =>
      d.areas ? d.areas.reduce((s: Decimal, a: Area) => s.plus(byArea[a]?.[i] ?? ZERO), ZERO) : whole[i];
    const rows = [...t.rows.values()];
    const tol = tolerance(proposal.settings, Math.max(1, rows.length));
    const bad: { i: number; stated: Decimal; computed: Decimal; sev: Severity; where: string }[] = [];
    proposal.years.forEach((year, i) => {
      // the table's total; without a total row, its rows' sum (a one-row table, 2018 Forslag 11 Tabel 4)
      let stated = t.total?.values[i];
      let where = t.total ? `${path}.${t.total.raw}.${year}` : path;
      if (!t.total) {
        const present = rows.filter((r) => r.values[i] !== undefined);
        if (present.length === 0) return;
        stated = present.reduce((s, r) => s.plus(r.values[i] as Decimal), ZERO);
        if (rows.length === 1) where = `${path}.${rows[0].raw}.${year}`;
      }
      if (stated === undefined) return;
      const c = computed(i);
      const sev = severityOfDifference(stated.minus(c), tol);
      if (sev) bad.push({ i, stated, computed: c, sev, where });
    });
    const what = `Tabel 1's ${BLOCK_NAMES[d.block]}${d.areas ? ` (${d.areas.join(", ")})` : ""}`;
    for (const { years: g, severity: sev } of groupBySameNumbers(bad, (b) => `${b.stated}|${b.computed}`)) {
      out.push({
        code: "DETAIL_MISMATCH",
        severity: sev,
        message:
          `${d.title} ${formatYears(g.map((b) => proposal.years[b.i]))}: ${d.totalLabel ?? "rækkerne i alt"} er ${formatAmount(g[0].stated)}, men ${what} giver ${formatAmount(g[0].computed)}` +
          (sev === "info" ? ` (afrundingsforskel inden for ${tol})` : ""),
        location: proposal.locate(g[0].where),
      });
    }
  });
  return out;
}
