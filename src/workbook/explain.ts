/**
 * explainCell ("Forklar markeret celle", DESIGN.md): for a cell of a generated or found Kvantum /
 * 2.1.1 table, the rows and key shares that make it up (RoundedTable.contributions) and whether
 * the largest-remainder rounding of SPEC §4 moved it away from its own rounding.
 */
import Decimal from "decimal.js";
import type { Result, RoundedTable } from "../engine/result";
import { UNIT_NAMES } from "../engine/units";
import type { Explanation, WorkbookReading } from "./api";
import { parseA1 } from "./grid";
import type { ProposalLayout } from "./layout";
import { resultTables } from "./writeTables";

const NAMES: Record<string, string> = { "2.1.1": "Tabel 2.1.1" };

function tableName(id: string): string {
  if (NAMES[id]) return NAMES[id];
  const [letter, area] = id.split(":");
  return area ? `Tabel ${letter} (${area})` : `Tabel ${letter}`;
}

export function explainCell(reading: WorkbookReading, result: Result, sheet: string, address: string): Explanation | undefined {
  let at: { row: number; col: number };
  try {
    at = parseA1(address.replace(/\$/g, ""));
  } catch {
    return undefined;
  }
  const specs = resultTables(result);
  // prefer the proposal the result is for, then any other
  const ordered = [...reading.proposals].sort(
    (a, b) => Number(b.input.id === result.proposal.id) - Number(a.input.id === result.proposal.id),
  );
  for (const found of ordered) {
    const layout = found.layout as ProposalLayout;
    for (const t of layout.tables) {
      if (t.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
      const k = t.yearCols.indexOf(at.col);
      const unitRow = t.unitRows.find((u) => u.row === at.row);
      if (k < 0 || !unitRow) continue;
      const spec = specs.find((s) => s.id === t.id);
      if (!spec) return undefined;
      const yi = result.proposal.years.indexOf(t.years[k]);
      if (yi < 0) return undefined;
      return explainUnit(tableName(t.id), spec.table, unitRow.unit, yi, result.proposal.years[yi]);
    }
  }
  return undefined;
}

function explainUnit(table: string, rt: RoundedTable, unit: string, yi: number, year: number): Explanation {
  const zero = new Decimal(0);
  if (unit === "Total") {
    const exact = rt.units.reduce((s, u) => s.plus(rt.exact[u]?.[yi] ?? zero), zero);
    const shown = rt.total[yi] ?? zero;
    const parts = rt.units.flatMap((u) =>
      (rt.contributions[u]?.[yi] ?? []).map((p) => ({
        source: `${UNIT_NAMES[u] ?? u}: ${p.source}`,
        role: p.role,
        share: p.share,
        amount: p.amount,
      })),
    );
    return { table, unit, year, exact, shown, movedByRounding: !shown.eq(exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)), parts };
  }
  const exact = rt.exact[unit]?.[yi] ?? zero;
  const shown = rt.shown[unit]?.[yi] ?? zero;
  // Decimal's ROUND_HALF_UP rounds half away from zero, as Excel's ROUND (SPEC §4)
  const own = exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const parts = (rt.contributions[unit]?.[yi] ?? []).map((p) => ({ source: p.source, role: p.role, share: p.share, amount: p.amount }));
  return { table, unit, year, exact, shown, movedByRounding: !shown.eq(own), parts };
}
