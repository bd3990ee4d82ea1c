import { buildCaseGrids } from "../../src/workbook/layoutBuilder";
import { generateProposal } from "../../bench/generate";
import { applyPlanToGrids, computeFound, planBeregn, readWorkbook } from "../../src/workbook";
const NOW = new Date("2026-01-01T00:00:00Z");
test("beregn sheet", async () => {
  let grids = buildCaseGrids(generateProposal(6, 12000), "standard");
  const reading = readWorkbook(grids);
  const result = computeFound(reading.proposals[0], reading.settings);
  const outcome = planBeregn(grids, reading, 0, result, { mode: "beregn", now: NOW, version: "test" });
  grids = applyPlanToGrids(grids, outcome.plan);
  const g = grids.find((x) => x.name === "_beregn")!;
  console.log(g.values.map((r) => r.map((v) => (v === null ? "" : String(v).slice(0, 60) + `(${String(v).length})`)).join(" | ")).join("\n"));
});
