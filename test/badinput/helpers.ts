/**
 * Helpers for the bad-input suite (issue 5): the document cases laid out by the workbook layer's
 * own builder, broken one way at a time, run through read → compute → plan → apply on Grids, and
 * compared cell by cell. Kept independent of the reader's idea of "input cell": what must not
 * change is decided here, from the builder's map of where it put every JSON path.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ProposalInput } from "../../src/engine/input";
import type { Finding } from "../../src/engine/model";
import { applyPlanToGrids, computeFound, planBeregn, readWorkbook, validateWorkbook } from "../../src/workbook";
import type { WorkbookReading } from "../../src/workbook/api";
import { parseA1, a1 } from "../../src/workbook/grid";
import { buildCaseWorkbook, type CaseLayout, type CaseWorkbook } from "../helpers/layoutBuilder";
import type { CellValue, Grid } from "../../src/workbook/types";

export const CASES_DIR = path.join(__dirname, "..", "fixtures", "cases");
export const NOW = new Date("2026-01-01T00:00:00Z");

/** A document case as the workbook would state it: `expected` is what a checker must find, not input. */
export function loadCase(id: string): ProposalInput {
  const c = JSON.parse(fs.readFileSync(path.join(CASES_DIR, `${id}.json`), "utf8")) as ProposalInput;
  delete c.expected;
  return c;
}

export function caseIds(): string[] {
  return fs
    .readdirSync(CASES_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}

export function build(id: string | ProposalInput, layout: CaseLayout = "standard"): CaseWorkbook {
  const c = typeof id === "string" ? loadCase(id) : id;
  return buildCaseWorkbook(c, layout);
}

export function cloneGrids(grids: Grid[]): Grid[] {
  return JSON.parse(JSON.stringify(grids)) as Grid[];
}

export function gridOf(grids: Grid[], sheet: string): Grid {
  const g = grids.find((x) => x.name === sheet);
  if (!g) throw new Error(`no sheet ${sheet}`);
  return g;
}

/** "Ark!C12" → sheet and 0-based row/col. */
export function splitLoc(location: string): { sheet: string; row: number; col: number } {
  const i = location.lastIndexOf("!");
  const { row, col } = parseA1(location.slice(i + 1).split(":")[0]);
  return { sheet: location.slice(0, i), row, col };
}

export function getCell(grids: Grid[], location: string): CellValue {
  const { sheet, row, col } = splitLoc(location);
  return gridOf(grids, sheet).values[row]?.[col] ?? null;
}

/** Set a cell's value (and clear any formula there), growing the grid as needed. */
export function setCell(grids: Grid[], location: string, value: CellValue): void {
  const { sheet, row, col } = splitLoc(location);
  const g = gridOf(grids, sheet);
  while (g.values.length <= row) g.values.push([]);
  while (g.formulas.length <= row) g.formulas.push([]);
  const r = g.values[row];
  while (r.length <= col) r.push(null);
  r[col] = value;
  const f = g.formulas[row];
  while (f.length <= col) f.push(null);
  f[col] = null;
}

/** The location of the first cell on a sheet whose text matches. */
export function findText(grids: Grid[], sheet: string, test: RegExp): string {
  const g = gridOf(grids, sheet);
  for (let r = 0; r < g.values.length; r++)
    for (let c = 0; c < (g.values[r]?.length ?? 0); c++) {
      const v = g.values[r][c];
      if (typeof v === "string" && test.test(v)) return `${sheet}!${a1(r, c)}`;
    }
  throw new Error(`no cell matching ${test} on ${sheet}`);
}

/** Every cell of a workbook as "Ark!C12" → "v:…|f:…" (blank cells left out). */
export function cellMap(grids: Grid[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of grids) {
    const rows = Math.max(g.values.length, g.formulas?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(g.values[r]?.length ?? 0, g.formulas?.[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const v = g.values[r]?.[c] ?? null;
        const f = g.formulas?.[r]?.[c] ?? null;
        if (v === null && !f) continue;
        out.set(`${g.name}!${a1(r, c)}`, f ? `f:${f}` : `v:${typeof v}:${String(v)}`);
      }
    }
  }
  return out;
}

/**
 * The cells Beregn may change: those the builder filled from `stated.*` (computed rows, payback,
 * the user's own copies of Tabel 2.1.1/A–E/admin). Everything else the user typed is input.
 */
export function statedCells(wb: CaseWorkbook): Set<string> {
  const out = new Set<string>();
  for (const [p, l] of Object.entries(wb.cells)) {
    if (!p.startsWith("stated.")) continue;
    out.add(l);
    // a stated output table's row labels belong to the table: Beregn may add a unit row (SPEC §4:
    // a unit outside the template gets a row of its own), which moves the Total row down one
    if (/^stated\.(kvantum|committees|admin)\./.test(p)) {
      const { sheet, row, col } = splitLoc(l);
      for (let c = 0; c < col; c++) out.add(`${sheet}!${a1(row, c)}`);
    }
    // Tabel 1's computed and payback rows are Beregn's right of their label: the reader takes
    // the payback from the first filled cell right of the label, wherever the user typed it
    if (/^stated\.(totals|payback)\./.test(p)) {
      const { sheet, row } = splitLoc(l);
      const cells = wb.grids.find((g) => g.name === sheet)?.values[row] ?? [];
      const label = cells.findIndex((v) => typeof v === "string" && v.trim() !== "");
      for (let c = label + 1; c < Math.max(cells.length, 40); c++) out.add(`${sheet}!${a1(row, c)}`);
    }
  }
  return out;
}

/** Rows (sheet!row) that hold an input row, transfer or key: every cell on them is the user's. */
export function inputRowKeys(wb: CaseWorkbook): Set<string> {
  const out = new Set<string>();
  for (const [p, l] of Object.entries(wb.cells)) {
    if (!/^(rows|transfers|keys)\b/.test(p)) continue;
    const { sheet, row } = splitLoc(l);
    out.add(`${sheet}!${row}`);
  }
  return out;
}

/**
 * Input cells that a Beregn changed: every non-blank cell of the original that is not a stated
 * cell, and every cell (blank too) on an input row. Returns "Ark!C12: before → after" lines.
 */
export function changedInputs(before: Grid[], after: Grid[], allowed: Set<string>, inputRows: Set<string> = new Set()): string[] {
  const a = cellMap(before);
  const b = cellMap(after);
  const out: string[] = [];
  for (const [k, v] of a) {
    if (allowed.has(k)) continue;
    // a stated table's Total row moves down one when Beregn gives a unit its own row (SPEC §4),
    // also where the user's Total row held no numbers for the builder to map
    if (/^v:string:(Total|I alt)$/.test(v)) continue;
    if (b.get(k) !== v) out.push(`${k}: ${v} → ${b.get(k) ?? "tom"}`);
  }
  for (const [k, v] of b) {
    if (a.has(k) || allowed.has(k)) continue;
    const { sheet, row } = splitLoc(k);
    if (inputRows.has(`${sheet}!${row}`)) out.push(`${k}: tom → ${v}`);
  }
  // sheet-level properties the user set
  for (const g of before) {
    const h = after.find((x) => x.name === g.name);
    if (!h) {
      out.push(`${g.name}: arket er væk`);
      continue;
    }
    if ((g.merges ?? []).join() !== (h.merges ?? []).join()) out.push(`${g.name}: flettede celler ændret`);
    if ((g.hiddenRows ?? []).join() !== (h.hiddenRows ?? []).join()) out.push(`${g.name}: skjulte rækker ændret`);
    if (g.visibility !== h.visibility) out.push(`${g.name}: synlighed ændret`);
  }
  return out;
}

export interface BeregnRun {
  reading: WorkbookReading;
  findings: Finding[];
  /** Grids after Beregn of every proposal found (empty plan when none). */
  after: Grid[];
  cellsWritten: number;
}

/** What the CLI and the pane do for every proposal, on Grids. Never throws for a proposal it cannot compute. */
export function beregnGrids(grids: Grid[]): BeregnRun {
  const reading = readWorkbook(grids);
  const findings: Finding[] = [...reading.findings];
  let cur = grids;
  let cellsWritten = 0;
  reading.proposals.forEach((found, i) => {
    const result = computeFound(found, reading.settings);
    findings.push(...result.findings);
    const outcome = planBeregn(cur, reading, i, result, { mode: "beregn", now: NOW, version: "test" });
    cellsWritten += outcome.cellsWritten;
    cur = applyPlanToGrids(cur, outcome.plan);
  });
  return { reading, findings, after: cur, cellsWritten };
}

export function validate(grids: Grid[]): Finding[] {
  return validateWorkbook(grids).findings;
}

/** Findings of one code, with a readable dump for failure messages. */
export function withCode(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

export function describe_(findings: Finding[]): string {
  return findings.map((f) => `${f.severity} ${f.code} @${f.location}: ${f.message}`).join("\n");
}

/** A proposal input row's cells (label, values) as the builder placed them, by the row's label. */
export function rowCells(wb: CaseWorkbook, labelPattern: RegExp, grids = wb.grids): { label: string; values: Record<string, string> } {
  for (const [p, l] of Object.entries(wb.cells)) {
    const m = /^rows\[(\d+)\]\.label$/.exec(p);
    if (!m) continue;
    const v = getCell(grids, l);
    if (typeof v === "string" && labelPattern.test(v)) {
      const values: Record<string, string> = {};
      for (const [q, l2] of Object.entries(wb.cells)) {
        const n = new RegExp(`^rows\\[${m[1]}\\]\\.values\\.(\\d+)$`).exec(q);
        if (n) values[n[1]] = l2;
      }
      return { label: l, values };
    }
  }
  throw new Error(`no input row labelled ${labelPattern}`);
}
