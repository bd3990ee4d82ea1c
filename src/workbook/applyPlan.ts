/**
 * applyPlanToGrids (docs/CONTRACTS.md): what a host does with a WritePlan, on plain Grids. Pure:
 * returns new Grids. Written formulas are evaluated where they are the simple kinds Beregn writes
 * (SUM over ranges and cells, sums and differences of cells, HYPERLINK), so a plan's result can be
 * read back; any other formula's value is left null.
 */
import Decimal from "decimal.js";
import { cellAt, formulaAt, parseA1, parseRange } from "./grid";
import type { CellValue, Grid, WritePlan } from "./types";

/**
 * A copy of a Grid's rows that walks only the rows there are: a sparse Grid (issue 13) may be
 * 1.048.576 rows long for one far cell, and Array.map would visit every hole of it.
 */
function cloneRows<T>(m: (T | null)[][]): (T | null)[][] {
  const out: (T | null)[][] = [];
  for (const k of Object.keys(m)) {
    const r = m[Number(k)];
    out[Number(k)] = r ? r.slice() : [];
  }
  out.length = m.length;
  return out;
}

function cloneGrid(g: Grid): Grid {
  const out: Grid = { ...g, values: cloneRows(g.values), formulas: cloneRows(g.formulas ?? []) };
  if (g.numberFormats) out.numberFormats = cloneRows(g.numberFormats);
  if (g.merges) out.merges = [...g.merges];
  if (g.hiddenRows) out.hiddenRows = [...g.hiddenRows];
  if (g.notes) out.notes = { ...g.notes };
  return out;
}

function setAt<T>(m: (T | null)[][], r: number, c: number, v: T | null): void {
  while (m.length <= r) m.push([]);
  // a Grid may be sparse (rows missing, issue 13): a missing row inside it is made
  const row = (m[r] ??= []);
  while (row.length < c) row.push(null);
  row[c] = v;
}

/** Trim trailing nulls and empty rows, so that equal content compares equal whatever was cleared. */
function tidy<T>(m: (T | null)[][]): (T | null)[][] {
  // only the rows a sheet has are visited (Object.keys skips the holes of a sparse Grid), and the
  // length is set once to the last row with content instead of popping a million empty rows
  const rows: (T | null)[][] = [];
  let last = -1;
  for (const k of Object.keys(m)) {
    const i = Number(k);
    const row = m[i].slice();
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === undefined)) row.pop();
    rows[i] = row;
    if (row.length) last = i;
  }
  rows.length = last + 1;
  return rows;
}

export function applyPlanToGrids(grids: Grid[], plan: WritePlan): Grid[] {
  let out = grids.map(cloneGrid);
  const byName = (name: string) => out.find((g) => g.name.toLowerCase() === name.toLowerCase());
  for (const s of plan.sheets) {
    const g = byName(s.name);
    if (!g) out.push({ name: s.name, visibility: s.visibility, values: [], formulas: [] });
    else {
      g.visibility = s.visibility;
      if (s.clear) {
        g.values = [];
        g.formulas = [];
        if (g.numberFormats) g.numberFormats = [];
        g.merges = [];
        if (g.notes) g.notes = {};
      }
      for (const range of s.clearCells ?? []) {
        const { r1, c1, r2, c2 } = parseRange(range);
        for (let r = r1; r <= r2; r++)
          for (let c = c1; c <= c2; c++) {
            if (g.values[r]?.[c] !== undefined) g.values[r][c] = null;
            if (g.formulas[r]?.[c] !== undefined) g.formulas[r][c] = null;
            if (g.numberFormats?.[r]?.[c] !== undefined) g.numberFormats[r][c] = null;
          }
      }
    }
  }
  const written: { g: Grid; r: number; c: number }[] = [];
  for (const w of plan.writes) {
    const g = byName(w.sheet);
    if (!g) throw new Error(`WritePlan skriver i arket "${w.sheet}", som ikke findes`);
    const { row: r0, col: c0 } = parseA1(w.topLeft);
    w.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (!cell) return;
        const r = r0 + i;
        const c = c0 + j;
        if (cell.formula !== undefined) {
          setAt(g.formulas, r, c, cell.formula);
          setAt(g.values, r, c, null);
          written.push({ g, r, c });
        } else if ("value" in cell) {
          setAt(g.values, r, c, cell.value === undefined ? null : cell.value);
          setAt(g.formulas, r, c, null);
        }
        if (cell.numberFormat !== undefined) {
          g.numberFormats ??= [];
          setAt(g.numberFormats, r, c, cell.numberFormat);
        }
      }),
    );
  }
  // evaluate written formulas; a few passes settle formulas that refer to other written ones
  for (let pass = 0; pass < 6; pass++) {
    let changed = false;
    for (const { g, r, c } of written) {
      const f = formulaAt(g, r, c);
      if (!f) continue;
      const v = evaluate(f, g, out);
      if (cellAt(g, r, c) !== v) {
        setAt(g.values, r, c, v);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // notes annotate: set or removed without touching the cell (types.ts NoteWrite)
  for (const n of plan.notes ?? []) {
    const g = byName(n.sheet);
    if (!g) throw new Error(`WritePlan sætter en note i arket "${n.sheet}", som ikke findes`);
    const notes = { ...(g.notes ?? {}) };
    if (n.text === null) delete notes[n.address];
    else notes[n.address] = n.text;
    g.notes = notes;
  }
  if (plan.deleteSheets?.length) {
    const del = new Set(plan.deleteSheets.map((s) => s.toLowerCase()));
    out = out.filter((g) => !del.has(g.name.toLowerCase()));
  }
  for (const g of out) {
    g.values = tidy(g.values);
    g.formulas = tidy(g.formulas);
    if (g.numberFormats) g.numberFormats = tidy(g.numberFormats);
  }
  return out;
}

const REF = /^(?:'((?:[^']|'')+)'!|([A-Za-z0-9_]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/;

function numbersOf(ref: string, g: Grid, grids: Grid[]): Decimal[] | undefined {
  const m = REF.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] ? m[1].replace(/''/g, "'") : m[2];
  const grid = sheet ? grids.find((x) => x.name === sheet) : g;
  if (!grid) return undefined;
  const { r1, c1, r2, c2 } = parseRange(m[3].replace(/\$/g, ""));
  const out: Decimal[] = [];
  for (let r = r1; r <= r2; r++)
    for (let c = c1; c <= c2; c++) {
      const v = cellAt(grid, r, c);
      if (typeof v === "number") out.push(new Decimal(v));
    }
  return out;
}

/** The value of a formula of the kinds Beregn writes; null for anything else. */
export function evaluate(formula: string, g: Grid, grids: Grid[]): CellValue {
  const f = formula.trim().replace(/^=/, "");
  const link = /^HYPERLINK\(\s*"(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i.exec(f);
  if (link) return link[1].replace(/""/g, '"');
  const toNumber = (d: Decimal) => Number(d.toString());
  const sum = /^SUM\((.*)\)$/i.exec(f);
  if (sum) {
    let total = new Decimal(0);
    for (const part of sum[1].split(",")) {
      const p = part.trim();
      if (p === "") continue;
      if (/^-?\d+(\.\d+)?$/.test(p)) total = total.plus(p);
      else {
        const ns = numbersOf(p, g, grids);
        if (!ns) return null;
        for (const n of ns) total = total.plus(n);
      }
    }
    return toNumber(total);
  }
  // a sum of terms: cells, SUM(...) groups and numbers with + and -
  const terms = f.match(/[+-]?[^+-]+/g);
  if (!terms) return null;
  let total = new Decimal(0);
  for (const t of terms) {
    const neg = t.startsWith("-");
    const body = t.replace(/^[+-]/, "").trim();
    let v: Decimal;
    if (/^\d+(\.\d+)?$/.test(body)) v = new Decimal(body);
    else if (/^SUM\(/i.test(body)) {
      const inner = evaluate(`=${body}`, g, grids);
      if (typeof inner !== "number") return null;
      v = new Decimal(inner);
    } else {
      const m = REF.exec(body);
      if (!m || m[3].includes(":")) return null;
      const sheet = m[1] ? m[1].replace(/''/g, "'") : m[2];
      const grid = sheet ? grids.find((x) => x.name === sheet) : g;
      if (!grid) return null;
      const { row, col } = parseA1(m[3].replace(/\$/g, ""));
      const cell = cellAt(grid, row, col);
      if (cell === null) v = new Decimal(0);
      else if (typeof cell === "number") v = new Decimal(cell);
      else return "#VÆRDI!";
    }
    total = neg ? total.minus(v) : total.plus(v);
  }
  return toNumber(total);
}
