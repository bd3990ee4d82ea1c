/**
 * The producers corpus (issue 13) through the .xlsx host against ExcelJS's load of the same
 * files: `valider` (load + check) and `beregn` (load, compute, plan, patch, write the package
 * bytes), in this process, CPU time, median of 3 after a warm-up. The far-cell workbook (one
 * value in XFD1048576) is among them. `npm run bench -- producers`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { computeFound, planBeregn, readWorkbook, validateWorkbook } from "../src/workbook";
import { applyPlan, loadWorkbook } from "../src/xlsx";
import { packageBytes } from "../src/xlsx/save";
import { casesDir } from "./cli";
import type { Table } from "./timing";

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function cpu(fn: () => Promise<unknown>): Promise<{ ms: number; error?: string }> {
  const c0 = process.cpuUsage();
  try {
    await fn();
  } catch (e) {
    const c = process.cpuUsage(c0);
    return { ms: (c.user + c.system) / 1000, error: e instanceof Error ? e.message.slice(0, 60) : String(e) };
  }
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000 };
}

async function beregnInProcess(file: string): Promise<void> {
  const loaded = await loadWorkbook(file);
  const reading = readWorkbook(loaded.grids);
  if (!reading.proposals.length) return;
  const result = computeFound(reading.proposals[0], reading.settings);
  const { plan } = planBeregn(loaded.grids, reading, 0, result, { mode: "beregn", version: "bench" });
  applyPlan(loaded.workbook, plan);
  packageBytes(loaded.workbook);
}

export async function benchProducers(rounds = 3): Promise<Table> {
  const dir = path.join(path.dirname(casesDir()), "producers");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  const rows: string[][] = [];
  const fmt = (x: number) => x.toFixed(0);
  let sums = [0, 0, 0];
  for (const f of files) {
    const p = path.join(dir, f);
    const exceljs = () => new ExcelJS.Workbook().xlsx.readFile(p);
    const valider = async () => validateWorkbook((await loadWorkbook(p)).grids);
    const beregn = () => beregnInProcess(p);
    const samples: { ms: number; error?: string }[][] = [[], [], []];
    const far = f.includes("far-cell");
    // ExcelJS on the far cell takes minutes (the issue measured 244 s for beregn): once is enough
    for (let r = 0; r <= (far ? 1 : rounds); r++) {
      samples[0].push(await cpu(exceljs));
      samples[1].push(await cpu(valider));
      samples[2].push(await cpu(beregn));
      if (far) break;
    }
    const med = samples.map((s) => (s.length > 1 ? median(s.slice(1).map((x) => x.ms)) : s[0].ms));
    sums = sums.map((x, i) => x + med[i]);
    const err = (i: number) => samples[i][0].error;
    rows.push([
      f,
      err(0) ? `${fmt(med[0])} (fejl: ${err(0)})` : fmt(med[0]),
      err(1) ? `fejl: ${err(1)}` : fmt(med[1]),
      err(2) ? `afvist: ${err(2)}` : fmt(med[2]),
    ]);
  }
  rows.push(["i alt", fmt(sums[0]), fmt(sums[1]), fmt(sums[2])]);
  return {
    title: `CLI: producentkorpusset (${files.length} filer fra openpyxl og LibreOffice) mod ExcelJS' indlæsning`,
    header: [
      "fil",
      "ExcelJS readFile CPU ms",
      "valider CPU ms (indlæs + kontrol)",
      "beregn CPU ms (indlæs, beregn, ret pakken, skriv bytes)",
    ],
    rows,
    note:
      "Samme proces, CPU-tid (process.cpuUsage), median af 3 runder efter én opvarmning; far-cell (én værdi i XFD1048576) måles én gang. " +
      "valider og beregn læser arkene med en strømmende XML-læser og retter kun de dele, Beregn skriver (issue 13); ExcelJS indlæser hele modellen.",
  };
}
