import { readGrids } from "../../src/excel";
import { buildCaseGrids } from "../../src/workbook/layoutBuilder";
import { generateProposal } from "../../bench/generate";
import { asExcelContext, FakeWorkbook } from "../fakes/officeFake";
import { applyPlanToGrids, computeFound, planBeregn, readWorkbook } from "../../src/workbook";
const NOW = new Date("2026-01-01T00:00:00Z");
test("measure per sheet", async () => {
  let grids = buildCaseGrids(generateProposal(6, 12000), "standard");
  const reading = readWorkbook(grids);
  const result = computeFound(reading.proposals[0], reading.settings);
  const outcome = planBeregn(grids, reading, 0, result, { mode: "beregn", now: NOW, version: "test" });
  grids = applyPlanToGrids(grids, outcome.plan);
  const fake = FakeWorkbook.fromGrids(grids);
  await fake.run(async (ctx) => {
    const c = asExcelContext(ctx);
    const ws = c.workbook.worksheets; ws.load("items/name"); await c.sync();
    for (const w of ws.items) { const r = w.getUsedRange(); r.load("rowCount,columnCount,values,formulas,numberFormat"); await c.sync(); const n = r.rowCount * r.columnCount;
      const v = JSON.stringify(r.values).length, f = JSON.stringify(r.formulas).length, nf = JSON.stringify(r.numberFormat).length;
      console.log(w.name, r.rowCount, r.columnCount, (v / n).toFixed(1), (f / n).toFixed(1), (nf / n).toFixed(1), v + f + nf); }
  });
});
