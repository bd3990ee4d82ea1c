import { loadCase, content } from "./helpers";
import { buildCaseWorkbook } from "../../src/workbook/layoutBuilder";
import { readWorkbook, computeFound, planBeregn, applyPlanToGrids, planUndo } from "../../src/workbook";
test("smoke", () => {
for (const id of ["2025-F4", "2025-BC01", "2025-BC02", "2018-P2", "2016-F2"]) for (const l of ["standard", "compact", "shifted"] as const) {
  const c = loadCase(id);
  const wb = buildCaseWorkbook(c, l);
  const rd = readWorkbook(wb.grids);
  const res = computeFound(rd.proposals[0]);
  const now = new Date("2026-01-01T00:00:00Z");
  const p1 = planBeregn(wb.grids, rd, 0, res, { mode: "beregn", now });
  const g1 = applyPlanToGrids(wb.grids, p1.plan);
  const rd2 = readWorkbook(g1);
  const res2 = computeFound(rd2.proposals[0]);
  const p2 = planBeregn(g1, rd2, 0, res2, { mode: "beregn", now });
  const g2 = applyPlanToGrids(g1, p2.plan);
  const same = JSON.stringify(content(g1)) === JSON.stringify(content(g2));
  const u = planUndo(g2);
  let undoOk: unknown = "refused";
  if ("plan" in u) { const g3 = applyPlanToGrids(g2, u.plan); undoOk = JSON.stringify(content(g3)) === JSON.stringify(content(wb.grids)); }
  else undoOk = u.refused;
  console.log(id, l, p1.summary, "|", p2.summary, "| idem", same, "| undo", undoOk, res.findings.map(f => f.code + ":" + f.severity).join(" "), "||", res2.findings.map(f => f.code + ":" + f.severity).join(" "));
  if (!same) { const a = content(g1), b = content(g2); for (const k of Object.keys(b)) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) console.log("DIFF sheet", k, JSON.stringify(a[k])?.slice(0, 1500), "\n---\n", JSON.stringify(b[k]).slice(0, 1500)); }
}
});
