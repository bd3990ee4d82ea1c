/**
 * Idempotence and undo (issue 5), on every case in every layout the builder makes, and on the
 * example files through the .xlsx host: Beregn twice equals Beregn once, cell by cell (values,
 * formulas, number formats, sheets); Beregn then Fortryd (planUndo) restores every cell and
 * removes what Beregn made. Also through the Office.js fake, which must end where the Grids do.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readGrids, applyPlan as applyInExcel } from "../../src/excel";
import { applyPlanToGrids, computeFound, planBeregn, planUndo, readWorkbook } from "../../src/workbook";
import type { CaseLayout } from "../helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import { applyPlan, loadWorkbook, saveWorkbook } from "../../src/xlsx";
import { asExcelContext, FakeWorkbook } from "../fakes/officeFake";
import { ROOT, removeDir, tmpDir } from "../cli/cliHelpers";
import { build, caseIds, NOW } from "./helpers";
import { trimTrailing } from "../helpers/grids";

/** A workbook's content as compared here: per sheet, trailing blanks trimmed; sheets by name. */
function content(grids: Grid[]): Record<string, unknown> {
  // "" and Excel's "General" are what an empty cell and an unformatted cell look like to a user
  const tidy = <T>(m: (T | null | undefined)[][] | undefined) =>
    trimTrailing(m, (v) => v === null || v === undefined || v === "" || v === "General");
  const out: Record<string, unknown> = {};
  // the user's sheets first, Beregn's internal sheet last: the first difference shown is the one a user sees
  const order = (n: string) => (n === "_beregn" ? "~" : "") + n;
  for (const g of [...grids].sort((a, b) => order(a.name).localeCompare(order(b.name))))
    out[g.name] = { visibility: g.visibility, values: tidy(g.values), formulas: tidy(g.formulas), formats: tidy(g.numberFormats) };
  return out;
}

/** The first differing cell, for a readable failure. */
function firstDiff(a: Grid[], b: Grid[]): string {
  const ca = content(a) as Record<string, { values: unknown[][]; formulas: unknown[][] }>;
  const cb = content(b) as Record<string, { values: unknown[][]; formulas: unknown[][] }>;
  for (const name of new Set([...Object.keys(ca), ...Object.keys(cb)])) {
    if (!ca[name] || !cb[name]) return `sheet ${name} only in ${ca[name] ? "first" : "second"}`;
    for (const kind of ["values", "formulas", "formats"] as const) {
      const x = (ca[name] as Record<string, unknown[][]>)[kind];
      const y = (cb[name] as Record<string, unknown[][]>)[kind];
      for (let r = 0; r < Math.max(x.length, y.length); r++)
        for (let c = 0; c < Math.max(x[r]?.length ?? 0, y[r]?.length ?? 0); c++)
          if (JSON.stringify(x[r]?.[c] ?? null) !== JSON.stringify(y[r]?.[c] ?? null))
            return `${name} ${kind} R${r + 1}C${c + 1}: ${JSON.stringify(x[r]?.[c] ?? null)} vs ${JSON.stringify(y[r]?.[c] ?? null)}`;
    }
  }
  return "";
}

function beregnOnce(grids: Grid[], mode: "beregn" | "kvantum" = "beregn"): { grids: Grid[]; cellsWritten: number } {
  const reading = readWorkbook(grids);
  let cur = grids;
  let cellsWritten = 0;
  reading.proposals.forEach((found, i) => {
    // each proposal is read again from the sheets as they now stand (as the CLI does)
    const fresh = readWorkbook(cur);
    const result = computeFound(fresh.proposals[i], fresh.settings);
    const outcome = planBeregn(cur, fresh, i, result, { mode, now: NOW, version: "test" });
    cellsWritten += outcome.cellsWritten;
    cur = applyPlanToGrids(cur, outcome.plan);
    void found;
  });
  return { grids: cur, cellsWritten };
}

const LAYOUTS: CaseLayout[] = ["standard", "compact", "shifted", "noarea"];
const MATRIX = caseIds().flatMap((id) => LAYOUTS.map((l) => [id, l] as const));

describe("Beregn twice equals Beregn once, cell by cell", () => {
  test.each(MATRIX)("%s %s", (id, layout) => {
    const { grids } = build(id, layout);
    const once = beregnOnce(grids);
    expect(once.cellsWritten).toBeGreaterThan(0);
    const twice = beregnOnce(once.grids);
    expect(firstDiff(once.grids, twice.grids)).toBe("");
    // and a second Beregn says so: nothing to change
    expect(twice.cellsWritten).toBe(0);
  });

  test.each(MATRIX.filter(([, l]) => l === "standard"))("%s: Kvantum-tabeller twice equals once", (id) => {
    const { grids } = build(id, "standard");
    const once = beregnOnce(grids, "kvantum");
    const twice = beregnOnce(once.grids, "kvantum");
    expect(firstDiff(once.grids, twice.grids)).toBe("");
  });
});

describe("Beregn then Fortryd restores every cell", () => {
  test.each(MATRIX)("%s %s", (id, layout) => {
    const { grids } = build(id, layout);
    const once = beregnOnce(grids);
    const undo = planUndo(once.grids);
    if ("refused" in undo) throw new Error(`Fortryd afvist: ${undo.refused}`);
    const restored = applyPlanToGrids(once.grids, undo.plan);
    // values and formulas here; number formats on format-less sheets have their own test below
    expect(firstDiff(grids.map(withoutFormats), restored.map(withoutFormats))).toBe("");
    if (grids.every((g) => g.numberFormats)) expect(firstDiff(grids, restored)).toBe("");
  });

  test.each(MATRIX.filter(([, l]) => l === "standard"))("%s: Beregn, Beregn, Fortryd restores the state before the first", (id) => {
    const { grids } = build(id, "standard");
    const twice = beregnOnce(beregnOnce(grids).grids);
    const undo = planUndo(twice.grids);
    if ("refused" in undo) throw new Error(`Fortryd afvist: ${undo.refused}`);
    expect(firstDiff(grids, applyPlanToGrids(twice.grids, undo.plan))).toBe("");
  });

  test("Fortryd is refused, naming the cell, when a cell Beregn wrote was edited since", () => {
    // a wrong stated Tabel A cell (ØU 2025, Kvantum!D3): Beregn rewrites it to -369
    const { grids } = build("2025-F4", "standard");
    grids.find((g) => g.name === "Kvantum")!.values[2][3] = -400;
    const once = beregnOnce(grids).grids;
    const kv = once.find((g) => g.name === "Kvantum")!;
    expect(kv.values[2][3]).toBe(-369);
    kv.values[2][3] = -1; // edited by hand since
    const undo = planUndo(once);
    expect("refused" in undo ? undo.refused : "").toMatch(
      /^Fortryd er afvist: cellen Kvantum!D3 er ændret siden sidste Beregn \(nu -1, Beregn skrev -369\)/,
    );
  });

  test("undo restores the number format of a cell on a sheet that had none (the .xlsx host gives no formats then)", () => {
    // compact layout: no number formats anywhere, as src/xlsx/toGrid.ts reads a sheet whose cells are all General
    const { grids } = build("2025-F4", "compact");
    expect(grids[0].numberFormats).toBeUndefined();
    const once = beregnOnce(grids).grids;
    const undo = planUndo(once);
    if ("refused" in undo) throw new Error(undo.refused);
    const back = applyPlanToGrids(once, undo.plan).find((g) => g.name === grids[0].name)!;
    // "Samlet varig ændring" 2025 (G7) held the text "-565", unformatted, before Beregn
    const fmt = back.numberFormats?.[6]?.[6] ?? null;
    if (fmt !== null && fmt !== "General")
      throw new Error(
        `2025-F4!G7 keeps Beregn's format ${JSON.stringify(fmt)} after Fortryd: src/workbook/writePlan.ts records beforeFormat only when the Grid has numberFormats, and src/xlsx/toGrid.ts leaves numberFormats out when every cell is General`,
      );
  });

  test("Fortryd with no Beregn to undo says so", () => {
    const { grids } = build("2025-F4", "standard");
    const undo = planUndo(grids);
    expect(undo).toEqual({ refused: "Der er ingen Beregn at fortryde: projektmappen har ingen gemt Beregn." });
  });
});

describe("the Office.js fake ends where the Grids do", () => {
  test.each(MATRIX.filter(([, l]) => l === "standard" || l === "shifted"))(
    "%s %s: Beregn, Beregn, Fortryd in Excel",
    async (id, layout) => {
      const { grids } = build(id, layout);
      const fake = FakeWorkbook.fromGrids(grids);
      const beregnInExcel = () =>
        fake.run(async (ctx) => {
          const c = asExcelContext(ctx);
          const read = await readGrids(c);
          const reading = readWorkbook(read);
          const result = computeFound(reading.proposals[0], reading.settings);
          const outcome = planBeregn(read, reading, 0, result, { mode: "beregn", now: NOW, version: "test" });
          await applyInExcel(c, outcome.plan, read);
        });
      await beregnInExcel();
      const once = fake.toGrids();
      // what the pure host does with the same plan: the fake must agree cell by cell
      expect(firstDiff(beregnOnce(grids).grids.map(withoutFormats), once.map(withoutFormats))).toBe("");
      await beregnInExcel();
      expect(firstDiff(once, fake.toGrids())).toBe("");
      await fake.run(async (ctx) => {
        const c = asExcelContext(ctx);
        const read = await readGrids(c);
        const undo = planUndo(read);
        if ("refused" in undo) throw new Error(undo.refused);
        await applyInExcel(c, undo.plan, read);
      });
      expect(firstDiff(grids.map(withoutFormats), fake.toGrids().map(withoutFormats))).toBe("");
    },
  );
});

/** Number formats are compared elsewhere; "General" restored vs none is not a difference a user sees. */
function withoutFormats(g: Grid): Grid {
  return { ...g, numberFormats: undefined };
}

describe("the example files through the .xlsx host: Beregn twice equals once, and undo restores", () => {
  const EXAMPLES = path.join(ROOT, "examples");
  const files = fs.existsSync(EXAMPLES) ? fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")) : [];
  let dir: string;
  beforeAll(() => {
    dir = tmpDir("badinput-idem-");
  });
  afterAll(() => removeDir(dir));

  test("there are example files", () => expect(files.length).toBeGreaterThanOrEqual(4));

  test.each(files)("%s", async (name) => {
    const original = path.join(EXAMPLES, name);
    const step = async (from: string, to: string, plan: (g: Grid[]) => import("../../src/workbook/types").WritePlan | undefined) => {
      const loaded = await loadWorkbook(from);
      const p = plan(loaded.grids);
      if (p) applyPlan(loaded.workbook, p);
      await saveWorkbook(loaded.workbook, to);
    };
    const beregnPlan = (g: Grid[]) => {
      const reading = readWorkbook(g);
      const result = computeFound(reading.proposals[0], reading.settings);
      return planBeregn(g, reading, 0, result, { mode: "beregn", now: NOW, version: "test" }).plan;
    };
    const x1 = path.join(dir, `1-${name}`);
    const x2 = path.join(dir, `2-${name}`);
    const x3 = path.join(dir, `3-${name}`);
    await step(original, x1, beregnPlan);
    await step(x1, x2, beregnPlan);
    const g1 = (await loadWorkbook(x1)).grids;
    const g2 = (await loadWorkbook(x2)).grids;
    expect(firstDiff(g1, g2)).toBe("");
    await step(x2, x3, (g) => {
      const u = planUndo(g);
      if ("refused" in u) throw new Error(u.refused);
      return u.plan;
    });
    const g0 = (await loadWorkbook(original)).grids;
    const g3 = (await loadWorkbook(x3)).grids;
    expect(firstDiff(g0.map(withoutFormats), g3.map(withoutFormats))).toBe("");
  });
});
