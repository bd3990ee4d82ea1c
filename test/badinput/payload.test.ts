/**
 * A very large proposal in Excel (issue 5: "10.000 rows"): Excel on the web refuses a request
 * or a response over 5 MB (RichApi.Error; Microsoft's "Resource limits" page for add-ins names
 * both). The fake refuses large requests itself; responses it only counts, so each sync's
 * response is measured here. Beregn on 12.000 rows must keep every sync under the limit, and
 * keep the fixed number of syncs (DESIGN.md) — or split, and say so.
 */
import { applyPlan, readGrids } from "../../src/excel";
import { computeFound, planBeregn, readWorkbook } from "../../src/workbook";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import { generateProposal } from "../../bench/generate";
import { asExcelContext, FakeWorkbook, type FakeRequestContext } from "../fakes/officeFake";
import { NOW } from "./helpers";

const LIMIT = 5 * 1024 * 1024;

/** Wraps a context's sync to record the response bytes of each one. */
function meter(fake: FakeWorkbook, ctx: FakeRequestContext): number[] {
  const perSync: number[] = [];
  const sync = ctx.sync.bind(ctx);
  ctx.sync = async () => {
    const before = fake.stats.bytesReceived;
    await sync();
    perSync.push(fake.stats.bytesReceived - before);
  };
  return perSync;
}

test("Beregn on a 12.000-row proposal: no sync's request or response over Excel on the web's 5 MB", async () => {
  const grids = buildCaseGrids(generateProposal(6, 12_000), "standard");
  const fake = FakeWorkbook.fromGrids(grids);
  const beregn = () =>
    fake.run(async (ctx) => {
      const responses = meter(fake, ctx);
      const c = asExcelContext(ctx);
      const read = await readGrids(c);
      const reading = readWorkbook(read);
      const result = computeFound(reading.proposals[0], reading.settings);
      const outcome = planBeregn(read, reading, 0, result, { mode: "beregn", now: NOW, version: "test" });
      await applyPlan(c, outcome.plan, read);
      return responses;
    });
  // the first Beregn, then the repeat, which also reads what the first wrote (Kontrol, _beregn's undo list)
  for (const which of ["første", "gentagne"]) {
    let responses: number[];
    try {
      responses = await beregn();
    } catch (e) {
      throw new Error(
        `den ${which} Beregn fejlede: ${(e as Error).message}\n` +
          "src/excel/readGrids.ts: after a refused full read, the probe loads every wanted sheet (the 12.000-row proposal and Beregn's own Kontrol/_beregn) in one sync, and nothing splits a read that is still over 5 MB (DESIGN.md: 'split only when a table is huge')",
      );
    }
    const biggest = Math.max(...responses);
    if (biggest > LIMIT)
      throw new Error(
        `a sync's response is ${(biggest / 2 ** 20).toFixed(1)} MB (per sync: ${responses.map((b) => (b / 2 ** 20).toFixed(2)).join(", ")} MB)`,
      );
    expect(Math.max(...fake.stats.batches)).toBeLessThanOrEqual(LIMIT);
  }
});
