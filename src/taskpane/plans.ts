/**
 * Small write plans the pane makes itself, for actions the workbook layer has no planner for:
 * a new sheet from the template, the optional Tabel 1 columns, and the inverse of a plan (undo of
 * those two, which the "_beregn" undo record does not cover). Plain data, like the layer's plans.
 */
import type { FoundProposal } from "../workbook/api";
import type { CellValue, Grid, RangeWrite, WriteCell, WritePlan } from "../workbook/types";
import { cellAddress, parseCell } from "../excel/address";

/** "Forslag" → "Forslag (2)" when taken (Excel compares sheet names case-insensitively). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** A Grid as one RangeWrite at A1 (null where the template has nothing). */
export function gridWrite(grid: Grid, sheet: string): RangeWrite | undefined {
  const rows = Math.max(grid.values.length, grid.formulas.length);
  const cells: (WriteCell | null)[][] = [];
  let any = false;
  for (let r = 0; r < rows; r++) {
    const width = Math.max(grid.values[r]?.length ?? 0, grid.formulas[r]?.length ?? 0, grid.numberFormats?.[r]?.length ?? 0);
    const row: (WriteCell | null)[] = [];
    for (let c = 0; c < width; c++) {
      const value = grid.values[r]?.[c] ?? null;
      const formula = grid.formulas[r]?.[c] ?? null;
      const numberFormat = grid.numberFormats?.[r]?.[c] ?? null;
      if (value === null && formula === null && numberFormat === null) {
        row.push(null);
        continue;
      }
      const cell: WriteCell = {};
      if (formula) cell.formula = formula;
      else if (value !== null) cell.value = value;
      if (numberFormat) cell.numberFormat = numberFormat;
      row.push(cell);
      any = true;
    }
    cells.push(row);
  }
  return any ? { sheet, topLeft: "A1", cells } : undefined;
}

/**
 * "Indsæt skabelon": every template sheet as a new sheet (renamed if the name is taken). The
 * template's own very hidden sheet is left out when the workbook already has one.
 */
export function templatePlan(templates: readonly Grid[], existing: readonly string[]): { plan: WritePlan; sheets: string[] } {
  const taken = [...existing];
  const plan: WritePlan = { sheets: [], writes: [] };
  const sheets: string[] = [];
  for (const g of templates) {
    if (g.visibility === "veryHidden" && existing.some((e) => e.toLowerCase() === g.name.toLowerCase())) continue;
    const name = uniqueSheetName(g.name, taken);
    taken.push(name);
    sheets.push(name);
    plan.sheets.push({ name, visibility: g.visibility, clear: false });
    const w = gridWrite(g, name);
    if (w) plan.writes.push(w);
  }
  return { plan, sheets };
}

export const OPTIONAL_HEADERS = ["Type", "Bevilling", "Nøgle", "Adm."] as const;

const HEADER_PATTERNS: Record<(typeof OPTIONAL_HEADERS)[number], RegExp> = {
  Type: /^(række)?type$/i,
  Bevilling: /^(bevilling|enhed|placering)$/i,
  Nøgle: /^(fordelings)?nøgle$/i,
  "Adm.": /^(adm\.?|administrativ|administrativt)$/i,
};

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).replace(/\s+/g, " ").trim());

/** Where Tabel 1 is: from the layer's layout when it says, else from the reader's locations. */
function tabel1Rows(found: FoundProposal, grid: Grid): { header: number; first: number; last: number } | undefined {
  const t = (found.layout as { tabel1?: { headerRow?: unknown; firstRow?: unknown; lastRow?: unknown } } | undefined)?.tabel1;
  if (t && typeof t.headerRow === "number" && typeof t.lastRow === "number")
    return { header: t.headerRow, first: typeof t.firstRow === "number" ? t.firstRow : t.headerRow + 1, last: t.lastRow };
  // the rows' value cells: their rows span the table, the header is the year row above them
  const rows = Object.entries(found.locations)
    .filter(([path, loc]) => /^rows\[\d+\]/.test(path) && loc.startsWith(found.sheet + "!"))
    .map(([, loc]) => parseCell(loc.slice(found.sheet.length + 1).split(":")[0]))
    .filter((c): c is NonNullable<typeof c> => !!c)
    .map((c) => c.row);
  if (rows.length === 0) return undefined;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const years = found.input.years.map(String);
  for (let r = first - 1; r >= 0; r--) if (grid.values[r]?.some((v) => years.includes(text(v)))) return { header: r, first, last };
  return undefined;
}

/**
 * "Indsæt kolonner": the optional headers Type, Bevilling, Nøgle and Adm. that Tabel 1 lacks, in
 * the first columns right of its header row that are empty over the whole table. Only headers
 * are written: the rows are the economist's to fill.
 */
export function optionalColumnsPlan(
  grids: readonly Grid[],
  found: FoundProposal,
): { plan: WritePlan; headers: string[]; summary: string } | { refused: string } {
  const grid = grids.find((g) => g.name === found.sheet);
  if (!grid) return { refused: `Arket »${found.sheet}« findes ikke længere.` };
  const rows = tabel1Rows(found, grid);
  if (!rows) return { refused: "Tabel 1's kolonneoverskrifter blev ikke fundet." };
  const header = grid.values[rows.header] ?? [];
  const present = new Set(header.map(text));
  const missing = OPTIONAL_HEADERS.filter((h) => ![...present].some((p) => HEADER_PATTERNS[h].test(p)));
  if (missing.length === 0) return { refused: "Tabel 1 har allerede kolonnerne Type, Bevilling, Nøgle og Adm." };
  let last = -1;
  header.forEach((v, c) => {
    if (text(v) !== "") last = c;
  });
  const emptyColumn = (c: number) => {
    for (let r = rows.header; r <= rows.last; r++) if (text(grid.values[r]?.[c]) !== "" || grid.formulas[r]?.[c]) return false;
    return true;
  };
  let start = last + 1;
  for (;;) {
    let ok = true;
    for (let i = 0; i < missing.length; i++) if (!emptyColumn(start + i)) ok = false;
    if (ok) break;
    start++;
  }
  const plan: WritePlan = {
    sheets: [],
    writes: [{ sheet: grid.name, topLeft: cellAddress(rows.header, start), cells: [missing.map((h) => ({ value: h, bold: true }))] }],
  };
  return {
    plan,
    headers: [...missing],
    // plain words (issue 10): how many and which, not the cell they start in
    summary: `${missing.length} ${missing.length === 1 ? "kolonne" : "kolonner"} indsat i arket ${grid.name}: ${missing.join(", ")}`,
  };
}

/** The plan that puts back what `plan` overwrites, from the Grids read just before it. */
export function inversePlan(grids: readonly Grid[], plan: WritePlan): WritePlan {
  const writes: RangeWrite[] = [];
  for (const w of plan.writes) {
    const grid = grids.find((g) => g.name.toLowerCase() === w.sheet.toLowerCase());
    if (!grid) continue; // a sheet the plan creates: undone by deleting it
    const origin = parseCell(w.topLeft)!;
    const cells = w.cells.map((row, r) =>
      row.map((cell, c): WriteCell | null => {
        if (!cell) return null;
        const R = origin.row + r,
          C = origin.col + c;
        const old: WriteCell = {};
        const formula = grid.formulas[R]?.[C] ?? null;
        if (cell.value !== undefined || cell.formula !== undefined) {
          if (formula) old.formula = formula;
          else old.value = grid.values[R]?.[C] ?? null;
        }
        if (cell.numberFormat !== undefined) old.numberFormat = grid.numberFormats?.[R]?.[C] ?? "General";
        if (cell.bold !== undefined) old.bold = false; // bold is not read back; the add-in only bolds its own headers
        return old;
      }),
    );
    writes.push({ sheet: grid.name, topLeft: w.topLeft, cells });
  }
  return { sheets: [], writes };
}
