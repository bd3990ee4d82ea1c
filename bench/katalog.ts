/**
 * Catalogue benchmark (issue 11; DESIGN.md: "the catalogue of a folder costs no more than checking
 * it"): 300 workbooks from the document cases (bench/cli.ts's folder), then alternately in this
 * process `beregn valider <mappe>` (runValider) and `beregn katalog <mappe> -o …` (runKatalog),
 * output discarded. CPU time (process.cpuUsage), medians of the rounds after one warm-up.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runKatalog } from "../src/cli/commands/katalog";
import { runValider } from "../src/cli/commands/valider";
import { generateFolder } from "./cli";
import type { Table } from "./timing";

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function cpu(fn: () => Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export async function benchKatalog(files = 300, rounds = 3): Promise<Table> {
  const { dir } = await generateFolder(files);
  const out = path.join(dir, "..", `${path.basename(dir)}-katalog.xlsx`);
  const silent = { out: () => undefined, err: () => undefined };
  const base = { inPlace: false, tabDele: false, overskriv: true };
  let lines = 0;
  const valider = () => runValider([dir], base, silent);
  const katalog = () =>
    runKatalog([dir], { ...base, output: out, format: "investering-2025" }, { out: () => lines++, err: () => undefined }, false);
  try {
    await valider();
    await katalog();
    const v: number[] = [];
    const k: number[] = [];
    for (let r = 0; r < rounds; r++) {
      v.push(await cpu(valider));
      lines = 0;
      k.push(await cpu(katalog));
    }
    const vm = median(v);
    const km = median(k);
    const f = (x: number) => x.toFixed(0);
    return {
      title: `CLI: beregn katalog over ${files} projektmapper mod beregn valider`,
      header: ["måling", "CPU ms i alt", "CPU ms pr. fil", "forhold (CPU)"],
      rows: [
        ["beregn valider (runValider)", f(vm), (vm / files).toFixed(1).replace(".", ","), "1,00"],
        ["beregn katalog -o … (runKatalog)", f(km), (km / files).toFixed(1).replace(".", ","), (km / vm).toFixed(2).replace(".", ",")],
      ],
      note:
        `${files} filer fra bench/cli.ts' sager × 4 layouts; kataloget fik ${lines} linjer på stdout. Mål: forhold ≤ 1,1 (rul-op og katalogets skrivning koster næsten intet ved siden af læsningen). ` +
        `Samme proces, skiftevis; CPU-tid (process.cpuUsage); median af ${rounds} runder efter én opvarmning.`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(out, { force: true });
  }
}
