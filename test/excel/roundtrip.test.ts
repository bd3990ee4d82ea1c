/**
 * The host writes what the workbook layer means: a plan applied through Office.js (the fake)
 * reads back the same as applyPlanToGrids gives on plain Grids (DESIGN.md: "the hosts are thin
 * enough that a test of the workbook layer on a Grid is a test of both").
 */
import { applyPlan, readGrids } from "../../src/excel";
import type { ProposalInput } from "../../src/engine/input";
import { applyPlanToGrids, computeFound, planBeregn, planUndo, readWorkbook } from "../../src/workbook";
import { buildCaseGrids, type CaseLayout } from "../helpers/layoutBuilder";
import type { Grid, WritePlan } from "../../src/workbook/types";
import { caseNames, loadCase } from "../helpers/cases";
import { asExcelContext, FakeWorkbook } from "../fakes/officeFake";

/** Content per sheet: formulas where there are, else values; trailing blanks ignored. */
function content(grids: Grid[], withValuesOfFormulas = true) {
  return grids
    .map((g) => {
      const cells: Record<string, unknown> = {};
      const rows = Math.max(g.values.length, g.formulas.length);
      for (let r = 0; r < rows; r++) {
        const w = Math.max(g.values[r]?.length ?? 0, g.formulas[r]?.length ?? 0);
        for (let c = 0; c < w; c++) {
          const f = g.formulas[r]?.[c] ?? null;
          const v = g.values[r]?.[c] ?? null;
          if (f !== null) cells[`${r},${c}`] = withValuesOfFormulas ? [f, v] : f;
          else if (v !== null && v !== "") cells[`${r},${c}`] = v;
          const n = g.numberFormats?.[r]?.[c] ?? null;
          if (n !== null && n !== "General") cells[`${r},${c}#`] = n;
        }
      }
      return { name: g.name, visibility: g.visibility, cells };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function viaHost(fake: FakeWorkbook, plan: WritePlan) {
  const before = await fake.run((ctx) => readGrids(asExcelContext(ctx)));
  fake.resetStats();
  await fake.run((ctx) => applyPlan(asExcelContext(ctx), plan, before));
  const writeSyncs = fake.stats.syncs;
  const after = await fake.run((ctx) => readGrids(asExcelContext(ctx)));
  return { before, after, writeSyncs };
}

const LAYOUTS: CaseLayout[] = ["standard", "compact", "shifted", "noarea"];

describe.each(LAYOUTS)("layout %s", (layout) => {
  test.each(caseNames())("%s: Beregn and undo through the host equal applyPlanToGrids", async (name) => {
    const grids = buildCaseGrids(loadCase(name) as unknown as ProposalInput, layout);
    const fake = FakeWorkbook.fromGrids(grids);
    const read = await fake.run((ctx) => readGrids(asExcelContext(ctx)));
    const reading = readWorkbook(read);
    expect(reading.proposals.length).toBeGreaterThan(0);
    const result = computeFound(reading.proposals[0]);
    const outcome = planBeregn(read, reading, 0, result, { mode: "beregn", now: new Date("2026-11-30T08:00:00Z") });

    const host = await viaHost(fake, outcome.plan);
    expect(host.writeSyncs).toBe(1);
    const pure = applyPlanToGrids(host.before, outcome.plan);
    expect(content(host.after)).toEqual(content(pure));

    // and back: undo restores the workbook as it was
    const undo = planUndo(host.after);
    if ("refused" in undo) throw new Error(undo.refused);
    const back = await viaHost(fake, undo.plan);
    expect(back.writeSyncs).toBe(1);
    expect(content(back.after, false)).toEqual(content(applyPlanToGrids(back.before, undo.plan), false));
    expect(content(back.after, false)).toEqual(content(read, false));
  });
});
