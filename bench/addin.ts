/**
 * Add-in benchmark (issue 5; DESIGN.md: "a fixed number of context.sync calls whatever the
 * workbook's size (target: at most 3)"; payloads well under Excel on the web's 5 MB). One Beregn
 * as the task pane does it (src/taskpane/controller.ts: readGrids, readWorkbook, computeFound,
 * planBeregn, applyPlan with the Grids read) through the in-memory Office fake
 * (test/fakes/officeFake.ts), which counts sync calls and the JSON bytes of every request and
 * response. On the example workbooks and on generated 1.000- and 10.000-row proposals; first
 * Beregn and the repeat. CPU time of this process (process.cpuUsage), median of the runs.
 */
import { applyPlan, readGrids } from "../src/excel";
import { computeFound, planBeregn, readWorkbook } from "../src/workbook";
import { buildCaseGrids } from "../test/helpers/layoutBuilder";
import type { Grid } from "../src/workbook/types";
import * as path from "node:path";
import { loadWorkbook } from "../src/xlsx";
import { EXAMPLES } from "../scripts/examples/examples";
import { asExcelContext, FakeWorkbook } from "../test/fakes/officeFake";
import { loadCases } from "./cli";
import { generateProposal } from "./generate";
import type { Table } from "./timing";

interface BeregnStats {
  readSyncs: number;
  writeSyncs: number;
  sentKB: number;
  receivedKB: number;
  largestBatchKB: number;
  /** The most cells one load asked for (the fake's stats.largestRead). */
  largestRead: number;
  cells: number;
  cpuMs: number;
}

const NOW = new Date("2026-01-01T00:00:00Z");

async function beregnOnce(fake: FakeWorkbook): Promise<BeregnStats> {
  fake.resetStats();
  let readSyncs = 0;
  let cells = 0;
  const c0 = process.cpuUsage();
  await fake.run(async (ctx) => {
    const context = asExcelContext(ctx);
    const grids = await readGrids(context);
    readSyncs = fake.stats.syncs;
    const reading = readWorkbook(grids);
    const result = computeFound(reading.proposals[0], reading.settings);
    const outcome = planBeregn(grids, reading, 0, result, { mode: "beregn", now: NOW, version: "bench" });
    cells = outcome.cellsWritten;
    await applyPlan(context, outcome.plan, grids);
  });
  const c = process.cpuUsage(c0);
  const s = fake.stats;
  return {
    readSyncs,
    writeSyncs: s.syncs - readSyncs,
    sentKB: s.bytesSent / 1024,
    receivedKB: s.bytesReceived / 1024,
    largestBatchKB: Math.max(0, ...s.batches) / 1024,
    largestRead: s.largestRead,
    cells,
    cpuMs: (c.user + c.system) / 1000,
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** First Beregn (median CPU of `runs` fresh workbooks) and the repeat on the last one. */
async function measure(grids: Grid[], runs: number): Promise<{ first: BeregnStats; repeat: BeregnStats | string }> {
  const firsts: BeregnStats[] = [];
  let fake = FakeWorkbook.fromGrids(grids);
  for (let i = 0; i < runs; i++) {
    fake = FakeWorkbook.fromGrids(grids);
    firsts.push(await beregnOnce(fake));
  }
  const first = { ...firsts[firsts.length - 1], cpuMs: median(firsts.map((f) => f.cpuMs)) };
  // the repeat also reads what the first wrote (Kontrol, the undo list): it may be the one refused
  const repeat = await beregnOnce(fake).catch((e: unknown) => (e instanceof Error ? e.message.split("\n")[0] : String(e)));
  return { first, repeat };
}

export async function benchAddin(): Promise<Table> {
  const cases = new Map(loadCases().map((c) => [c.id, c.input]));
  const workloads: { name: string; grids: Grid[]; runs: number }[] = [];
  for (const e of EXAMPLES) {
    const input = cases.get(e.id);
    if (input) workloads.push({ name: `${e.file} (${e.layout})`, grids: buildCaseGrids(input, e.layout), runs: 5 });
  }
  workloads.push({ name: "genereret, 6 år × 1.000 rækker", grids: buildCaseGrids(generateProposal(6, 1000), "standard"), runs: 3 });
  workloads.push({ name: "genereret, 6 år × 10.000 rækker", grids: buildCaseGrids(generateProposal(6, 10_000), "standard"), runs: 1 });
  workloads.push({ name: "genereret, 6 år × 12.000 rækker", grids: buildCaseGrids(generateProposal(6, 12_000), "standard"), runs: 1 });
  // issue 13: a proposal plus one value in XFD1048576 (the producers corpus, written by openpyxl), and without it
  const far = (await loadWorkbook(path.join(__dirname, "..", "..", "test", "fixtures", "producers", "op-far-cell.xlsx"))).grids;
  workloads.push({ name: "op-far-cell.xlsx (én værdi i XFD1048576)", grids: far, runs: 3 });
  const farRow = 1_048_575;
  const cut = <T>(rows: T[][] | undefined) =>
    rows && Object.assign(rows.slice(0, farRow), { length: Math.max(0, ...Object.keys(rows.slice(0, farRow)).map((r) => Number(r) + 1)) });
  workloads.push({
    name: "op-far-cell.xlsx uden den fjerne celle",
    grids: far.map((g) => ({ ...g, values: cut(g.values)!, formulas: cut(g.formulas)!, numberFormats: cut(g.numberFormats) })),
    runs: 3,
  });

  const rows: string[][] = [];
  const kb = (x: number) => x.toFixed(1).replace(".", ",");
  for (const w of workloads) {
    let m: { first: BeregnStats; repeat: BeregnStats | string };
    try {
      m = await measure(w.grids, w.runs);
    } catch (e) {
      // a Beregn the host refuses (e.g. over Excel on the web's 5 MB) is a result, not a crash
      rows.push([w.name, "fejl", "", "", "", "", "", "", "", "", e instanceof Error ? e.message.split("\n")[0] : String(e)]);
      continue;
    }
    const { first, repeat } = m;
    for (const [label, s] of [
      ["første", first],
      ["gentaget", repeat],
    ] as const) {
      if (typeof s === "string") {
        rows.push([w.name, label, "", "", "", "", "", "", "", "", `fejl: ${s}`]);
        continue;
      }
      rows.push([
        w.name,
        label,
        String(s.readSyncs),
        String(s.writeSyncs),
        String(s.readSyncs + s.writeSyncs),
        kb(s.sentKB),
        kb(s.largestBatchKB),
        kb(s.receivedKB),
        s.largestRead.toLocaleString("da-DK"),
        String(s.cells),
        s.cpuMs.toFixed(0),
      ]);
    }
  }
  return {
    title: "Tilføjelsesprogram: context.sync og bytes pr. Beregn (Office-attrap)",
    header: [
      "projektmappe",
      "Beregn",
      "sync læs",
      "sync skriv",
      "sync i alt",
      "KB sendt",
      "største batch KB",
      "KB modtaget",
      "største læsning (celler)",
      "celler ændret",
      "CPU ms",
    ],
    rows,
    note:
      "Som opgaveruden gør det: readGrids (strategi auto), readWorkbook, computeFound, planBeregn, applyPlan med de læste Grids, mod test/fakes/officeFake.ts, " +
      "der tæller sync-kald og JSON-bytes af hver forespørgsel og hvert svar og afviser begge over 5 MB, som Excel på nettet. Mål: højst 3 sync uanset størrelse. " +
      'CPU-tid for denne proces (process.cpuUsage), median af 5 (eksempler), 3 (1.000 rækker, far-cell) og 1 (10.000 og 12.000 rækker) friske projektmapper; "gentaget" er Beregn igen på samme projektmappe. ' +
      '"Største læsning" er de flest celler, én load bad om (værdier, formler, formater): indenfor A1:CV20000 det brugte område, udenfor kun cellerne med indhold (getSpecialCells), så far-cell læses som uden den fjerne celle.',
  };
}
