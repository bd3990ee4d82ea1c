/**
 * CLI benchmark (issue 5; DESIGN.md: "checking a folder of workbooks costs little more than
 * ExcelJS loading them — measure the ratio"). 200 workbooks generated from the document cases
 * in the builder's four layouts, in a temp folder; then, in this one process, alternately:
 *   - `beregn valider <mappe>`: the command's own function runValider (src/cli/commands/valider.ts),
 *     called in-process with its output discarded — file checks, unzip under limits, streaming XML,
 *     Grids, reading, computing, checking;
 *   - ExcelJS alone: `new Workbook().xlsx.readFile(f)` on the same files.
 * Both are timed as CPU time of this process (process.cpuUsage, user + system), since the machine
 * is shared; wall time is shown beside it. Medians of the rounds after one warm-up round.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runValider } from "../src/cli/commands/valider";
import type { Options } from "../src/cli/args";
import type { ProposalInput } from "../src/engine/input";
import { buildCaseGrids, type CaseLayout } from "../test/helpers/layoutBuilder";
import { validateWorkbook } from "../src/workbook";
import type { Grid } from "../src/workbook/types";
import { loadWorkbook } from "../src/xlsx";
import { gridsToWorkbook } from "../src/xlsx/fromGrids";
import type { Table } from "./timing";

const LAYOUTS: CaseLayout[] = ["standard", "compact", "shifted", "noarea"];

export function casesDir(): string {
  // bench/ in the sources, .bench-out/bench/ when compiled: look upwards for test/fixtures/cases,
  // from here and from the working directory (npm run bench runs in the project's root)
  for (const start of [__dirname, process.cwd()])
    for (let d = start; d !== path.dirname(d); d = path.dirname(d)) {
      const p = path.join(d, "test", "fixtures", "cases");
      if (fs.existsSync(p)) return p;
    }
  throw new Error("test/fixtures/cases findes ikke");
}

export function loadCases(): { id: string; input: ProposalInput }[] {
  const dir = casesDir();
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const input = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as ProposalInput;
      delete input.expected;
      return { id: f.replace(/\.json$/, ""), input };
    });
}

/** `n` workbooks: every case in every layout, round and round, each with its own title so no two files are equal. */
export async function generateFolder(n: number): Promise<{ dir: string; bytes: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beregn-bench-cli-"));
  const cases = loadCases();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const c = cases[i % cases.length];
    const layout = LAYOUTS[Math.floor(i / cases.length) % LAYOUTS.length];
    const input: ProposalInput = { ...c.input, title: `${c.input.title ?? c.id} (nr. ${i + 1})` };
    const buf = Buffer.from(await gridsToWorkbook(buildCaseGrids(input, layout)).xlsx.writeBuffer());
    bytes += buf.length;
    fs.writeFileSync(path.join(dir, `${String(i + 1).padStart(3, "0")}-${c.id}-${layout}.xlsx`), buf);
  }
  return { dir, bytes };
}

interface Sample {
  cpuMs: number;
  wallMs: number;
}

async function measure(fn: () => Promise<void>): Promise<Sample> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000, wallMs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCli(files = 200, rounds = 3): Promise<Table> {
  const { dir, bytes } = await generateFolder(files);
  const list = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f));
  const options: Options = { inPlace: false, overskriv: false };
  let lines = 0;
  let exit = -1;
  const valider = async () => {
    lines = 0;
    exit = await runValider([dir], options, { out: () => lines++, err: () => undefined });
  };
  const exceljs = async () => {
    for (const f of list) await new ExcelJS.Workbook().xlsx.readFile(f);
  };
  // the parts of valider, for the breakdown: the host's load (checks, bounded unzip, streaming XML, Grids) and the check itself
  let loaded: Grid[][] = [];
  const host = async () => {
    loaded = [];
    for (const f of list) loaded.push((await loadWorkbook(f)).grids);
  };
  const check = async () => {
    for (const g of loaded) validateWorkbook(g);
  };
  try {
    // warm-up: module loading and JIT belong to neither side
    await valider();
    await exceljs();
    await host();
    await check();
    const v: Sample[] = [];
    const e: Sample[] = [];
    const h: Sample[] = [];
    const k: Sample[] = [];
    for (let r = 0; r < rounds; r++) {
      // alternate, so drift in the machine's load falls on both sides alike
      v.push(await measure(valider));
      e.push(await measure(exceljs));
      h.push(await measure(host));
      k.push(await measure(check));
    }
    const vCpu = median(v.map((s) => s.cpuMs));
    const eCpu = median(e.map((s) => s.cpuMs));
    const vWall = median(v.map((s) => s.wallMs));
    const eWall = median(e.map((s) => s.wallMs));
    const fmt = (x: number) => x.toFixed(0);
    return {
      title: `CLI: beregn valider over ${files} projektmapper mod ExcelJS alene`,
      header: ["måling", "CPU ms i alt", "CPU ms pr. fil", "væg-ms i alt", "forhold (CPU)"],
      rows: [
        ["ExcelJS readFile alene", fmt(eCpu), (eCpu / files).toFixed(1).replace(".", ","), fmt(eWall), "1,00"],
        [
          "beregn valider (runValider)",
          fmt(vCpu),
          (vCpu / files).toFixed(1).replace(".", ","),
          fmt(vWall),
          (vCpu / eCpu).toFixed(2).replace(".", ","),
        ],
        ...[
          ["  heraf: loadWorkbook (kontrol, udpakning, strømmende XML, Grids)", h],
          ["  heraf: validateWorkbook på de indlæste Grids", k],
        ].map(([name, xs]) => {
          const cpu = median((xs as Sample[]).map((s) => s.cpuMs));
          return [
            name as string,
            fmt(cpu),
            (cpu / files).toFixed(1).replace(".", ","),
            fmt(median((xs as Sample[]).map((s) => s.wallMs))),
            (cpu / eCpu).toFixed(2).replace(".", ","),
          ];
        }),
      ],
      note:
        `${files} filer (${(bytes / 2 ** 20).toFixed(1).replace(".", ",")} MB) fra ${loadCases().length} sager × 4 layouts; valider skrev ${lines} fundlinjer, exitkode ${exit}. ` +
        `Begge i samme proces: valider kaldt som funktionen runValider (samme kode som bin/beregn.js), output kasseret; ExcelJS' readFile på de samme filer. ` +
        `CPU-tid (process.cpuUsage, bruger + system) da maskinen deles med andre processer; median af ${rounds} skiftevise runder efter én opvarmning.`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
