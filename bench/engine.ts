/**
 * Engine benchmark (issue 5): proposals of 6, 12 and 30 years × 11 bevillinger × 10, 100 and
 * 1.000 rows; time per proposal and how it grows. Target (DESIGN.md): a 6-year proposal with 11
 * bevillinger well under a millisecond; linear in rows × years × units.
 */
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
