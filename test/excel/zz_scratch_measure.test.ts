import { applyPlan, readGrids } from "../../src/excel";
import { computeFound, planBeregn, readWorkbook } from "../../src/workbook";
import { buildCaseGrids } from "../../src/workbook/layoutBuilder";
import { generateProposal } from "../../bench/generate";
import { asExcelContext, FakeWorkbook } from "../fakes/officeFake";

const NOW = new Date("2026-01-01T00:00:00Z");
test("measure", async () => {
  for (const rows of [20, 1000, 10000, 12000]) {
    const grids = buildCaseGrids(generateProposal(6, rows), "standard");
    const fake = FakeWorkbook.fromGrids(grids);
    for (const which of ["first", "repeat"]) {
      const perSync: { sent: number; recv: number; ok: boolean }[] = [];
      fake.resetStats();
      const err = await fake
        .run(async (ctx) => {
          const sync = ctx.sync.bind(ctx);
          ctx.sync = async () => {
            const r0 = fake.stats.bytesReceived;
            let ok = true;
            try { await sync(); } catch (e) { ok = false; perSync.push({ sent: fake.stats.batches.at(-1)!, recv: fake.stats.bytesReceived - r0, ok }); throw e; }
            perSync.push({ sent: fake.stats.batches.at(-1)!, recv: fake.stats.bytesReceived - r0, ok });
          };
          const c = asExcelContext(ctx);
          const read = await readGrids(c);
          const reading = readWorkbook(read);
          const result = computeFound(reading.proposals[0], reading.settings);
          const outcome = planBeregn(read, reading, 0, result, { mode: "beregn", now: NOW, version: "test" });
          await applyPlan(c, outcome.plan, read);
        })
        .then(() => "", (e: Error) => e.message);
      const sheets = fake.sheets.map((s) => { const b = s.usedBox(false); return `${s.name}:${b ? `${b.r1 - b.r0 + 1}x${b.c1 - b.c0 + 1}` : "-"}`; });
      console.log(rows, which, err, sheets.join(" "), perSync.map((p) => `${p.ok ? "" : "!"}${(p.sent / 1e6).toFixed(3)}/${(p.recv / 1e6).toFixed(3)}`).join("  "));
    }
  }
});
