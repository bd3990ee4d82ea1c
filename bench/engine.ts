/**
 * Engine benchmark (issue 5): proposals of 6, 12 and 30 years × 11 bevillinger × 10, 100 and
 * 1.000 rows; time per proposal and how it grows. Target (DESIGN.md): a 6-year proposal with 11
 * bevillinger well under a millisecond; linear in rows × years × units.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { calculate, parseProposal } from "../src/engine";
import { generateProposal } from "./generate";
import { timeIt, type Table } from "./timing";

export function benchEngine(): Table {
  const rows: string[][] = [];
  for (const nYears of [6, 12, 30]) {
    for (const nRows of [10, 100, 1000]) {
      const input = generateProposal(nYears, nRows);
      const t = timeIt(() => {
        const p = parseProposal(input);
        calculate(p.proposal, p.findings);
      });
      const perCell = t.medianMs / (nYears * nRows);
      const da = (x: number, d: number) => x.toFixed(d).replace(".", ",");
      rows.push([String(nYears), String(nRows), "11", da(t.medianMs, 3), String(t.runs), da(perCell * 1000, 2)]);
    }
  }
  return {
    title: "Motor: tid pr. forslag (parse + beregn)",
    note: "CPU-tid (process.cpuUsage) pr. forslag, median af kørsler i portioner; 11 bevillinger, hver fjerde række fordelt med en nøgle over alle 11.",
    header: ["år", "rækker", "bevillinger", "median ms (CPU)", "kørsler", "µs pr. række×år"],
    rows,
  };
}

/** The documents' own proposals (test/fixtures/cases): what a real Beregn computes. */
export function benchEngineCases(): Table {
  const dir = path.join(__dirname, "..", "..", "test", "fixtures", "cases");
  const rows: string[][] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const input = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as unknown;
    const t = timeIt(() => {
      const p = parseProposal(input);
      calculate(p.proposal, p.findings);
    });
    const p = parseProposal(input).proposal;
    rows.push([file.replace(/\.json$/, ""), String(p.years.length), String(p.rows.length), t.medianMs.toFixed(3).replace(".", ",")]);
  }
  return {
    title: "Motor: dokumenternes forslag (parse + beregn + kontrol mod de angivne tal)",
    header: ["forslag", "år", "rækker", "median ms (CPU)"],
    rows,
    note: "CPU-tid pr. forslag, som ovenfor. Kvantum-forslagene (2025) fordeler på op til 11 bevillinger og kontrollerer de angivne tabeller A–E og 2.1.1.",
  };
}
