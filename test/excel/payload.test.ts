/**
 * The Office.js host against Excel on the web's 5 MB per request and per response (DESIGN.md
 * "Performance targets": a fixed number of syncs, payloads well under the limit, split only when
 * a table is huge). Small and 1.000-row proposals keep exactly today's syncs; a 12.000-row one is
 * read in row chunks and written in as few syncs as the budget allows, none over the limit.
 */
import { applyPlan, readGrids, type ReadReport } from "../../src/excel";
import { PAYLOAD_LIMIT_BYTES, SYNC_BUDGET_BYTES } from "../../src/excel/payload";
import { computeFound, planBeregn, planUndo, readWorkbook } from "../../src/workbook";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import type { Grid, WritePlan } from "../../src/workbook/types";
import { generateProposal } from "../../bench/generate";
import { asExcelContext, FakeWorkbook, type FakeRequestContext } from "../fakes/officeFake";
import { tabel1Grid } from "../fakes/proposalGrids";
import { trimTrailing } from "../helpers/grids";

const NOW = new Date("2026-01-01T00:00:00Z");

interface SyncRecord {
  sent: number;
  received: number;
  refused: boolean;
}

/** Wraps a context's sync to record each one's request and response bytes, refused or not. */
function meter(fake: FakeWorkbook, ctx: FakeRequestContext): SyncRecord[] {
  const out: SyncRecord[] = [];
  const sync = ctx.sync.bind(ctx);
  ctx.sync = async () => {
    const before = fake.stats.bytesReceived;
    try {
      await sync();
    } catch (e) {
      out.push({ sent: fake.stats.batches[fake.stats.batches.length - 1], received: 0, refused: true });
      throw e;
    }
    out.push({ sent: fake.stats.batches[fake.stats.batches.length - 1], received: fake.stats.bytesReceived - before, refused: false });
  };
  return out;
}

interface BeregnRun {
  read: ReadReport;
  writeSyncs: number;
  syncs: SyncRecord[];
  cellsWritten: number;
  grids: Grid[];
}

/** Beregn as the task pane runs it: read, compute, plan, write with the Grids read. */
function beregn(fake: FakeWorkbook): Promise<BeregnRun> {
  return fake.run(async (ctx) => {
    const syncs = meter(fake, ctx);
    const c = asExcelContext(ctx);
    const read: ReadReport = { syncs: 0, dataSyncs: 0, refused: 0 };
    const grids = await readGrids(c, {}, read);
    const reading = readWorkbook(grids);
    const result = computeFound(reading.proposals[0], reading.settings);
    const outcome = planBeregn(grids, reading, 0, result, { mode: "beregn", now: NOW, version: "test" });
    const written = await applyPlan(c, outcome.plan, grids);
    return { read, writeSyncs: written.syncs, syncs, cellsWritten: outcome.cellsWritten, grids };
  });
}

/** Grids compared with trailing nulls ignored (readGrids pads to the used range, toGrids trims). */
function norm(grids: Grid[]) {
  const trim = <T>(m: (T | null)[][] | undefined) => trimTrailing(m);
  return grids.map((g) => ({ name: g.name, values: trim(g.values), formulas: trim(g.formulas), numberFormats: trim(g.numberFormats) }));
}

const mb = (b: number) => (b / 2 ** 20).toFixed(2);

describe("Beregn keeps every sync under Excel on the web's 5 MB", () => {
  test.each([
    ["a small proposal", 20],
    ["a 1.000-row proposal", 1_000],
  ])("%s: exactly 3 syncs (2 reads + 1 write), first and repeated Beregn", async (_, rows) => {
    const fake = FakeWorkbook.fromGrids(buildCaseGrids(generateProposal(6, rows), "standard"));
    for (const which of ["first", "repeat"]) {
      const run = await beregn(fake);
      // DESIGN.md: this FAILS if the host needs more syncs than the target
      expect({ which, syncs: run.syncs.length, read: run.read, write: run.writeSyncs }).toEqual({
        which,
        syncs: 3,
        read: { syncs: 2, dataSyncs: 0, refused: 0 },
        write: 1,
      });
      expect(run.syncs.every((s) => !s.refused && s.sent < SYNC_BUDGET_BYTES && s.received < SYNC_BUDGET_BYTES)).toBe(true);
    }
  });

  // 15.000 rows: the first read (~4,8 MB) still fits one response, the repeat (~6,3 MB, with
  // Kontrol and "_beregn" of the first) does not — the case chunking exists for
  test("a 15.000-row proposal: Beregn twice, read in chunks, no sync over the limit, a bounded number of syncs", async () => {
    const fake = FakeWorkbook.fromGrids(buildCaseGrids(generateProposal(6, 15_000), "standard"));
    const runs: BeregnRun[] = [];
    for (let i = 0; i < 2; i++) runs.push(await beregn(fake));
    for (const run of runs) {
      const ok = run.syncs.filter((s) => !s.refused);
      const report = run.syncs.map((s) => `${s.refused ? "refused" : `${mb(s.sent)}/${mb(s.received)}`}`).join(", ");
      expect({ report, biggest: Math.max(...ok.map((s) => Math.max(s.sent, s.received))) <= PAYLOAD_LIMIT_BYTES }).toEqual({
        report,
        biggest: true,
      });
      // step 3 never refused: the chunks are planned under the budget
      expect(run.read.refused).toBe(0);
      // chunks: as few syncs as the budget allows, give or take the estimate
      const dataBytes = run.syncs.slice(run.read.syncs - run.read.dataSyncs, run.read.syncs).reduce((n, s) => n + s.received, 0);
      expect(run.read.dataSyncs).toBeLessThanOrEqual(Math.ceil(dataBytes / SYNC_BUDGET_BYTES) + 1);
      expect(run.writeSyncs).toBe(1);
    }
    // the first Beregn reads the proposal alone in one sync (under 5 MB); the repeat, with Kontrol
    // and "_beregn" of the first, is refused whole and then read in chunks:
    // sheets, refused full read, sizes + labels, 3 chunk syncs, the write. Three, not two, since
    // Kontrol is the audit report (issue 10): it lists the 3.750 KEY_MISSING infos of the input
    // and again as still holding (~1,3 MB more to read); the bound above still holds
    expect(runs[0].syncs.length).toBe(3);
    expect(runs[1].read).toEqual({ syncs: 6, dataSyncs: 3, refused: 0 });
    expect(runs[1].syncs.map((s) => s.refused)).toEqual([false, true, false, false, false, false, false]);
    // the chunks put together are the workbook: the repeat changes nothing, and undo is allowed
    // (it needs Kontrol and Kvantum whole: their hashes are in "_beregn")
    expect(runs[1].cellsWritten).toBe(0);
    expect(norm(runs[1].grids)).toEqual(norm(fake.toGrids()));
    const undo = planUndo(runs[1].grids);
    expect("refused" in undo ? undo.refused : "").toBe("");
  });
});

describe("readGrids in chunks", () => {
  async function readWith(fake: FakeWorkbook, options: Parameters<typeof readGrids>[1]) {
    fake.resetStats();
    return fake.run(async (ctx) => {
      const syncs = meter(fake, ctx);
      const report: ReadReport = { syncs: 0, dataSyncs: 0, refused: 0 };
      const grids = await readGrids(asExcelContext(ctx), options, report);
      return { grids, syncs, report };
    });
  }

  test("a budget smaller than the sheets: consecutive chunks, several sheets per sync, the same Grids", async () => {
    const many: Grid[] = [tabel1Grid({ permanentRows: 1000 })];
    for (let i = 0; i < 3; i++) many.push(tabel1Grid({ sheet: `Forslag ${i + 2}`, permanentRows: 20 }));
    const fake = FakeWorkbook.fromGrids(many);
    const whole = await readWith(fake, { strategy: "probe" });
    expect(whole.report).toEqual({ syncs: 3, dataSyncs: 1, refused: 0 });
    const total = whole.syncs[2].received;
    const budget = 30_000;
    const chunked = await readWith(fake, { strategy: "probe", maxSyncBytes: budget });
    expect(norm(chunked.grids)).toEqual(norm(whole.grids));
    expect(chunked.grids[0].values[0]).toEqual(whole.grids[0].values[0]); // still anchored at A1
    const data = chunked.syncs.slice(2);
    expect(chunked.report.refused).toBe(0);
    // the same cells: only the brackets of each chunk's arrays are more
    expect(Math.abs(data.reduce((n, s) => n + s.received, 0) - total)).toBeLessThan(100);
    // planned from an estimate, corrected by what each chunk measured
    expect(Math.max(...data.map((s) => s.received))).toBeLessThanOrEqual(budget * 1.5);
    expect(data.length).toBeGreaterThanOrEqual(Math.ceil(total / budget));
    expect(data.length).toBeLessThanOrEqual(Math.ceil(total / budget) + 1);
    // the last sync carries the small sheets whole, several of them
    expect(chunked.report.dataSyncs).toBe(data.length);
  });

  test("a sheet far denser than estimated: the refused sync is asked again in smaller chunks", async () => {
    const text = "Tabel over posteringer: ".padEnd(400, "x");
    const rows = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 8 }, (_, c) => `${text} ${r}-${c}`));
    const fake = FakeWorkbook.fromGrids([tabel1Grid(), { name: "Tekst", visibility: "visible", values: rows, formulas: [] }]);
    const { grids, syncs, report } = await readWith(fake, { strategy: "probe" });
    expect(grids[1].values).toHaveLength(3000);
    expect(grids[1].values[2999][7]).toBe(`${text} 2999-7`);
    expect(report.refused).toBeGreaterThan(0);
    expect(report.refused).toBeLessThanOrEqual(3);
    expect(syncs.filter((s) => s.refused)).toHaveLength(report.refused);
    expect(Math.max(...syncs.map((s) => s.received))).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // about 19 MB of text: as few syncs as the limit allows, plus the refused ones
    const received = syncs.reduce((n, s) => n + s.received, 0);
    expect(report.dataSyncs - report.refused).toBeLessThanOrEqual(Math.ceil(received / SYNC_BUDGET_BYTES) + 1);
  });

  test("one row over the limit cannot be read: a Danish message, not a loop", async () => {
    const huge = "Tabel ".padEnd(30_000, "y");
    const fake = FakeWorkbook.fromGrids([
      { name: "Bred", visibility: "visible", values: [Array.from({ length: 100 }, () => huge)], formulas: [] },
    ]);
    const err = (await readWith(fake, { strategy: "probe" }).catch((e: unknown) => e)) as { kind?: string };
    expect(err.kind).toBe("tooLarge");
  });
});

describe("applyPlan over the budget", () => {
  test("one block larger than a request is cut into bands of rows, each sync under the limit", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid()]);
    const text = "x".repeat(1000);
    // one rectangle of about 7 MB: more than one request may carry
    const cells = Array.from({ length: 7000 }, (_, r) => [{ value: `${r} ${text}` }]);
    const plan: WritePlan = { sheets: [], writes: [{ sheet: "Forslag", topLeft: "Z1", cells }] };
    fake.resetStats();
    const report = await fake.run((ctx) => applyPlan(asExcelContext(ctx), plan, fake.toGrids()));
    expect(report.syncs).toBe(Math.ceil(report.bytes / SYNC_BUDGET_BYTES));
    expect(report.cells).toBe(7000);
    expect(fake.stats.syncs).toBe(report.syncs);
    expect(fake.stats.batches.every((b) => b <= SYNC_BUDGET_BYTES)).toBe(true);
    expect(fake.cell("Forslag", "Z1")?.value).toBe(`0 ${text}`);
    expect(fake.cell("Forslag", "Z7000")?.value).toBe(`6999 ${text}`);
  });

  test("a later sync of a split write refused: the message says something may be written", async () => {
    const fake = FakeWorkbook.fromGrids([tabel1Grid()]);
    const block = (col: string, rows: number) => ({
      sheet: "Forslag",
      topLeft: `${col}1`,
      cells: Array.from({ length: rows }, () => [{ value: "x".repeat(1000) }]),
    });
    // syncs of 3 MB (Z), 3 MB (AA–AC) and 1 MB (AD): the second is refused
    const plan: WritePlan = {
      sheets: [],
      writes: [block("Z", 3000), block("AA", 1000), block("AB", 1000), block("AC", 1000), block("AD", 1000)],
    };
    fake.injectFailure({ atOp: 1, code: "RequestPayloadSizeLimitExceeded", message: "too large" });
    const err = (await fake.run((ctx) => applyPlan(asExcelContext(ctx), plan, fake.toGrids())).catch((e: unknown) => e)) as {
      kind?: string;
      message: string;
    };
    expect(err.kind).toBe("tooLarge");
    expect(err.message).toMatch(/Noget kan allerede være skrevet/);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.cell("Forslag", "Z3000")?.value).toBe("x".repeat(1000));
  });
});
