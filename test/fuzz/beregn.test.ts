/**
 * Fuzzing Beregn's write side (issue 5): on the document cases with random edits to their input
 * and stated cells (numbers, Danish text, error values, optional columns), Beregn twice equals
 * Beregn once cell by cell, Fortryd after Beregn restores every value and formula, and no input
 * cell changes. Fixed seed; a modest number of runs, since each is three Beregns and an undo.
 */
import fc from "fast-check";
import { applyPlanToGrids, computeFound, planBeregn, planUndo, readWorkbook } from "../../src/workbook";
import { buildCaseWorkbook, type CaseLayout, type CaseWorkbook } from "../helpers/layoutBuilder";
import type { CellValue, Grid } from "../../src/workbook/types";
import { caseIds, changedInputs, inputRowKeys, loadCase, NOW, splitLoc, statedCells } from "../badinput/helpers";
import { runs, SEED } from "./settings";
import { trimTrailing } from "../helpers/grids";

const valueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5000, max: 5000 }) },
  { weight: 2, arbitrary: fc.integer({ min: -500000, max: 500000 }).map((c) => c / 100) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("-1.144", "(455)", "–", "-", "1.474,5", "--43.142", "#REF!", "#DIV/0!", "ca. 4", "4 år (2028)", ""),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("Service", "Anlæg", "Overførsler", "ØU", "TMU", "KIT", "Frederiksberg", "Effekt", "Drift", "x") },
);

/** A case in a layout, and edits to cells the builder placed (input values, keys, stated cells, their rows' columns). */
const caseArb = fc
  .record({
    id: fc.constantFrom(...caseIds()),
    layout: fc.constantFrom<CaseLayout>("standard", "compact", "shifted", "noarea"),
    edits: fc.array(fc.record({ pick: fc.nat(), dc: fc.integer({ min: -3, max: 0 }), v: valueArb }), { maxLength: 6 }),
  })
  .map(({ id, layout, edits }) => {
    const wb = buildCaseWorkbook(loadCase(id), layout);
    const grids = JSON.parse(JSON.stringify(wb.grids)) as Grid[];
    const places = Object.values(wb.cells).filter((l) => !l.includes(":"));
    for (const e of edits) {
      if (places.length === 0) break;
      const { sheet, row, col } = splitLoc(places[e.pick % places.length]);
      const g = grids.find((x) => x.name === sheet)!;
      const c = Math.max(0, col + e.dc);
      while (g.values[row].length <= c) g.values[row].push(null);
      g.values[row][c] = e.v;
    }
    return { wb, grids };
  });

function beregn(grids: Grid[]): Grid[] {
  const reading = readWorkbook(grids);
  if (reading.proposals.length === 0) return grids;
  const result = computeFound(reading.proposals[0], reading.settings);
  return applyPlanToGrids(grids, planBeregn(grids, reading, 0, result, { mode: "beregn", now: NOW, version: "fuzz" }).plan);
}

/** Values and formulas per sheet, trailing blanks trimmed, "" as blank. */
function content(grids: Grid[]): string {
  const tidy = <T>(m: (T | null | undefined)[][] | undefined) => trimTrailing(m, (v) => v === null || v === undefined || v === "");
  const sorted = [...grids].sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify(sorted.map((g) => [g.name, g.visibility, tidy(g.values), tidy(g.formulas)]));
}

/** The first differing cell, for the counterexample's message. */
function diff(a: Grid[], b: Grid[]): string {
  for (const g of a) {
    const h = b.find((x) => x.name === g.name);
    if (!h) return `sheet ${g.name} missing`;
    const rows = Math.max(g.values.length, h.values.length);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < Math.max(g.values[r]?.length ?? 0, h.values[r]?.length ?? 0); c++) {
        const x = JSON.stringify([g.values[r]?.[c] ?? null, g.formulas[r]?.[c] ?? null]);
        const y = JSON.stringify([h.values[r]?.[c] ?? null, h.formulas[r]?.[c] ?? null]);
        if (x !== y) return `${g.name} R${r + 1}C${c + 1}: ${x} vs ${y}`;
      }
  }
  return b.length !== a.length ? `sheets ${a.map((g) => g.name)} vs ${b.map((g) => g.name)}` : "(sheet order or visibility)";
}

describe("Beregn fuzz: idempotent, undoable, never an input cell", () => {
  test("edited document cases", () => {
    fc.assert(
      fc.property(caseArb, ({ wb, grids }: { wb: CaseWorkbook; grids: Grid[] }) => {
        const once = beregn(grids);
        const twice = beregn(once);
        if (content(once) !== content(twice)) throw new Error(`Beregn twice ≠ once: ${diff(once, twice)}`);
        const undo = planUndo(once);
        if ("refused" in undo) {
          // only when there was nothing to undo: no proposal found
          expect(readWorkbook(grids).proposals).toHaveLength(0);
        } else {
          const back = applyPlanToGrids(once, undo.plan);
          if (content(back) !== content(grids)) throw new Error(`Fortryd did not restore: ${diff(grids, back)}`);
        }
        const changed = changedInputs(grids, once, statedCells(wb), inputRowKeys(wb)).filter(
          (l) => !l.startsWith("_beregn") && grids.some((g) => l.startsWith(`${g.name}!`) || l.startsWith(`${g.name}:`)),
        );
        expect(changed).toEqual([]);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});
