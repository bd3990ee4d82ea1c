/**
 * Excel's limits in words (issue 13): an amount beyond Excel's range (±9,99999999999999E+307,
 * "Excel specifications and limits") is "uden for Excels talområde" at its cell, never written as
 * a number; a finding quotes a cell's text short, cut with "…"; no text Beregn writes exceeds a
 * cell's 32.767 characters.
 */
import { applyPlanToGrids, computeFound, planBeregn, readWorkbook } from "../../src/workbook";
import { buildCaseWorkbook } from "../helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import { quoteText } from "../../src/engine/quote";
import { at, edit, loadCase } from "./helpers";

const NOW = new Date("2026-03-01T12:00:00Z");
const original = buildCaseWorkbook(loadCase("2025-F4"), "standard").grids;

function beregn(grids: Grid[]) {
  const reading = readWorkbook(grids);
  const result = computeFound(reading.proposals[0]);
  const outcome = planBeregn(grids, reading, 0, result, { mode: "beregn", now: NOW });
  const findings = [...reading.findings, ...reading.proposals[0].findings, ...result.findings];
  return { findings, outcome, after: applyPlanToGrids(grids, outcome.plan) };
}

/** Every value the plan writes. */
const planned = (o: ReturnType<typeof beregn>) => o.outcome.plan.writes.flatMap((w) => w.cells.flat().map((c) => c?.value));

test("an input of 1E+308 is UNREADABLE at its cell: outside Excel's range, not 'ikke et tal'", () => {
  // Forslag!H6: the first effect row's 2025 (2025-F4 standard layout)
  const run = beregn(edit(original, "Forslag", "H6", 1e308));
  const f = run.findings.find((x) => x.code === "UNREADABLE" && x.location === "Forslag!H6");
  expect(f?.message).toBe('"1E+308" er uden for Excels talområde; regnet som 0, ret cellen');
  expect(run.findings.some((x) => /ikke et tal/.test(x.message))).toBe(false);
});

test("two inputs of 6E+307 sum past Excel's range: the total cell says so in words, nothing beyond the range is written", () => {
  const run = beregn(edit(edit(original, "Forslag", "H6", 6e307), "Forslag", "H7", 6e307));
  // Tabel A's total 2025 on the proposal's Kvantum sheet (stated −565; seed F4)
  expect(at(run.after, "Kvantum", "D14")).toBe("uden for Excels talområde");
  for (const v of planned(run)) if (typeof v === "number") expect(Math.abs(v)).toBeLessThanOrEqual(9.99999999999999e307);
});

test("a 32.767-character label: the finding quoting it is short and ends its quote with '…'; no written text exceeds a cell", () => {
  const label = `Effektivisering ${"x".repeat(32767 - 16)}`;
  expect(label).toHaveLength(32767);
  // positive 2025 in an effect row: SIGN quotes the row's label
  const run = beregn(edit(edit(original, "Forslag", "A6", label), "Forslag", "H6", 455));
  const f = run.findings.find((x) => x.code === "SIGN" && x.location === "Forslag!H6")!;
  expect(f.message).toBe(
    `"${"Effektivisering " + "x".repeat(103)}…" er en effekt, men er positiv i 2025; besparelser og merindtægter skrives negativt`,
  );
  for (const v of planned(run)) if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(32767);
  expect(Math.max(...planned(run).map((v) => (typeof v === "string" ? v.length : 0)))).toBeLessThan(32767);
});

test("quoteText: at most 120 characters, the last one '…'; short texts and the documents' longest label unchanged", () => {
  expect(quoteText("Kort tekst")).toBe("Kort tekst");
  expect(quoteText("a".repeat(120))).toBe("a".repeat(120));
  expect(quoteText("a".repeat(121))).toBe(`${"a".repeat(119)}…`);
  // a 70-character label of 2025-F4 (seed F4) is quoted whole
  expect(quoteText("Effektivisering TMF (grundlæggende potentiale 50 % + 1.545 fra 2026)")).toBe(
    "Effektivisering TMF (grundlæggende potentiale 50 % + 1.545 fra 2026)",
  );
  // an emoji is never split in half
  expect(quoteText(`${"a".repeat(118)}😀b`)).toBe(`${"a".repeat(118)}…`);
});
