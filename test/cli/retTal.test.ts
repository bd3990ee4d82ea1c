/**
 * beregn ret-tal (issue 10 item 4): the numbers typed as text in 2025-BC02's Tabel 1 become
 * numbers in the written file (seed 004 lines 359–367: -674, 112, 372, 50, 1.400), the input is
 * untouched, and a beregn on the result writes formulas in Tabel 1's computed rows. A workbook
 * with nothing to convert is refused with exit 2 and no file.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadWorkbook } from "../../src/xlsx";
import { parseA1 } from "../../src/workbook";
import type { Grid } from "../../src/workbook/types";
import { ROOT, beregn, ensureBuilt, removeDir, tmpDir } from "./cliHelpers";

const SRC = path.join(ROOT, "examples", "2025-BC02.xlsx");
const sha = (p: string): string => createHash("sha256").update(fs.readFileSync(p)).digest("hex");
const cell = (g: Grid, address: string) => {
  const { row, col } = parseA1(address);
  return { value: g.values[row]?.[col] ?? null, formula: g.formulas[row]?.[col] ?? null };
};

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("ret-tal-");
});
afterAll(() => removeDir(dir));

test("converts the 13 numbers typed as text, lists each cell, exit 0; the input is untouched", async () => {
  const before = sha(SRC);
  const out = path.join(dir, "bc02-rettet.xlsx");
  const r = beregn(["ret-tal", path.relative(ROOT, SRC), "-o", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.out[0]).toBe(
    "examples/2025-BC02.xlsx: 13 tal skrevet som tekst er gjort til tal; kør Beregn, så bliver summerne i Tabel 1 formler. Fortryd gør dem til tekst igen.",
  );
  expect(r.out).toContain('  2025-BC02!G3: "-674" → -674');
  expect(r.out).toContain('  2025-BC02!G10: "1.400" → 1400');
  expect(r.out[r.out.length - 1]).toBe(`Skrevet: ${out}`);
  expect(sha(SRC)).toBe(before);

  const { grids } = await loadWorkbook(out);
  const g = grids.find((x) => x.name === "2025-BC02") as Grid;
  // line 359: -674 × 5 (2025–2029, G–K); line 360: 112 × 5; lines 364–366: 372 (2024), 50 (2024), 1.400 (2025)
  expect(["G3", "K3", "G4", "K4", "F8", "F9", "G10"].map((a) => cell(g, a).value)).toEqual([-674, -674, 112, 112, 372, 50, 1400]);
  // the "-" placeholders are zero either way and stay as typed; the stated sums are not inputs
  expect(cell(g, "F3").value).toBe("-");
  expect(cell(g, "G5").value).toBe("-562");

  // beregn on the converted file: Samlet varig ændring (row 6) and the implementation total (row 12) are formulas
  const out2 = path.join(dir, "bc02-beregnet.xlsx");
  expect(beregn([out, "-o", out2]).code).toBe(0);
  const g2 = (await loadWorkbook(out2)).grids.find((x) => x.name === "2025-BC02") as Grid;
  expect(cell(g2, "G6").formula).toBe("=SUM(G3:G4)");
  expect(cell(g2, "G12").formula).toBe("=SUM(G8:G10)");
});

test("nothing to convert: exit 2, a Danish refusal, no file written", () => {
  const once = path.join(dir, "once.xlsx");
  expect(beregn(["ret-tal", SRC, "-o", once]).code).toBe(0);
  const twice = path.join(dir, "twice.xlsx");
  const r = beregn(["ret-tal", once, "-o", twice]);
  expect(r.code).toBe(2);
  expect(r.err).toEqual([`fejl: ${once}: Tabel 1 har ingen tal skrevet som tekst: der er intet at rette. Intet er skrevet.`]);
  expect(fs.existsSync(twice)).toBe(false);
});

test("without -o: <fil>-rettet.xlsx beside the input; --forslag is refused", () => {
  const copy = path.join(dir, "kopi.xlsx");
  fs.copyFileSync(SRC, copy);
  expect(beregn(["ret-tal", copy]).code).toBe(0);
  expect(fs.existsSync(path.join(dir, "kopi-rettet.xlsx"))).toBe(true);
  const r = beregn(["ret-tal", copy, "--forslag", "1"]);
  expect(r.code).toBe(2);
  expect(r.err[0]).toBe("fejl: beregn ret-tal retter alle forslag i projektmappen; --forslag hører til beregn <fil>");
});
