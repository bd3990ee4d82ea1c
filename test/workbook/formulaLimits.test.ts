/**
 * Excel's formula limits on what Beregn writes: at most 8.192 characters and 255 arguments to a
 * function. A by-area total over thousands of interleaved rows gets the engine's value instead.
 */
import { computeFound, planBeregn, readWorkbook } from "../../src/workbook";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import { MAX_FORMULA_LENGTH } from "../../src/workbook/writeTabel1";
import { generateProposal } from "../../bench/generate";

test("no formula over Excel's limits on a 12.000-row proposal; oversized totals become values", () => {
  const grids = buildCaseGrids(generateProposal(6, 12_000), "standard");
  const reading = readWorkbook(grids);
  const result = computeFound(reading.proposals[0]);
  const { plan } = planBeregn(grids, reading, 0, result, { mode: "beregn", now: new Date("2026-11-30T08:00:00Z") });
  const formulas = plan.writes.flatMap((w) => w.cells.flat()).flatMap((c) => (c?.formula ? [c.formula] : []));
  expect(formulas.length).toBeGreaterThan(0);
  for (const f of formulas) {
    expect(f.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    const sum = /^=SUM\((.*)\)$/.exec(f);
    if (sum) expect(sum[1].split(",").length).toBeLessThanOrEqual(255);
  }
  // the Service and Anlæg implementation rows interleave (every 8th row is Anlæg): their by-area
  // totals cannot be one SUM and are written as the engine's exact values
  const valueOf = (n: number | string | boolean | null | undefined) => Number(n);
  const written = plan.writes.flatMap((w) => w.cells.flat()).filter((c) => c && c.value !== undefined && c.formula === undefined);
  const anlaeg2025 = Number(result.totals.implementationByArea.Anlæg![0].toString());
  expect(written.some((c) => valueOf(c!.value) === anlaeg2025)).toBe(true);
});
