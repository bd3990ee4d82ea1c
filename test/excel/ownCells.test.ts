/**
 * Issue 13 through the Office.js host (the fake): Beregn → the user types in the Kvantum sheet's
 * Bevilling column and a note on Kontrol → Beregn again → their text is there, Beregn's cells are
 * as the first Beregn wrote them, and the host agrees with applyPlanToGrids.
 */
import { applyPlan, readGrids } from "../../src/excel";
import type { ProposalInput } from "../../src/engine/input";
import { applyPlanToGrids, computeFound, planBeregn, readWorkbook } from "../../src/workbook";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import { loadCase } from "../helpers/cases";
import { asExcelContext, FakeWorkbook } from "../fakes/officeFake";

const KV = "Kvantum (Beregn)";
const NOW = new Date("2026-03-01T12:00:00Z");

async function beregnVia(fake: FakeWorkbook) {
  const grids = await fake.run((ctx) => readGrids(asExcelContext(ctx)));
  const reading = readWorkbook(grids);
  const outcome = planBeregn(grids, reading, 0, computeFound(reading.proposals[0]), { mode: "beregn", now: NOW });
  fake.resetStats();
  await fake.run((ctx) => applyPlan(asExcelContext(ctx), outcome.plan, grids));
  return { grids, outcome, syncs: fake.stats.syncs };
}

/** A sheet's non-empty cells, "A1" → formula or value. */
function cellsOf(grids: Grid[], sheet: string, without: string[] = []): Record<string, unknown> {
  const g = grids.find((x) => x.name === sheet)!;
  const out: Record<string, unknown> = {};
  g.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const f = g.formulas[r]?.[c];
      const key = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (((v !== null && v !== "") || f) && !without.includes(key)) out[key] = f ?? v;
    }),
  );
  return out;
}

test("a second Beregn through Office.js keeps the user's text in the Kvantum sheet and on Kontrol", async () => {
  const fake = FakeWorkbook.fromGrids(buildCaseGrids(loadCase("2025-F4") as unknown as ProposalInput, "standard"));
  await beregnVia(fake);
  const first = fake.toGrids();
  // 2025-F4 (seed F4): Økonomiudvalget −369 t.kr. from 2025 in Tabel 2.1.1 on the generated sheet
  expect(fake.cell(KV, "D5")?.value).toBe(-369);
  fake.sheet(KV)!.set(4, 1, { value: "PC 1234 Digitalisering" });
  fake.sheet("Kontrol")!.set(1, 7, { value: "Min note: tjekket af ØU" });

  const second = await beregnVia(fake);
  expect(second.syncs).toBe(1);
  expect(fake.cell(KV, "B5")?.value).toBe("PC 1234 Digitalisering");
  expect(fake.cell("Kontrol", "H2")?.value).toBe("Min note: tjekket af ØU");
  expect(fake.cell(KV, "D5")?.value).toBe(-369);
  const after = fake.toGrids();
  expect(cellsOf(after, KV, ["B5"])).toEqual(cellsOf(first, KV));
  expect(cellsOf(after, "Kontrol", ["H2"])).toEqual(cellsOf(first, "Kontrol"));
  // the host writes what the pure layer means
  expect(cellsOf(after, KV)).toEqual(cellsOf(applyPlanToGrids(second.grids, second.outcome.plan), KV));
});
