/**
 * Small Grid fixtures for the host tests: a Tabel 1 laid out as in the 2025 template, anchored
 * where staff put it (not at A1), optionally with many input rows. The workbook layer's own
 * builder (src/workbook/layoutBuilder.ts, buildCaseGrids) makes complete proposals; these only
 * need to look like a proposal sheet to the host and the probe.
 */
import type { CellValue, Grid } from "../../src/workbook/types";

export interface Tabel1Options {
  sheet?: string;
  /** Input rows in the permanent block (default 3). */
  permanentRows?: number;
  implementationRows?: number;
  years?: number[];
  /** Blank rows and columns above and left of the table. */
  top?: number;
  left?: number;
}

export function tabel1Grid(o: Tabel1Options = {}): Grid {
  const years = o.years ?? [2024, 2025, 2026, 2027, 2028, 2029];
  const top = o.top ?? 2;
  const left = o.left ?? 1;
  const rows: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const push = (cells: CellValue[], f: (string | null)[] = []) => {
    rows.push([...new Array<CellValue>(left).fill(null), ...cells]);
    formulas.push([...new Array<string | null>(left).fill(null), ...f]);
  };
  for (let i = 0; i < top; i++) push([]);
  push(["Tabel 1. Forslagets samlede økonomiske konsekvenser (t.kr., 2025 p/l)"]);
  push(["", "Styringsområde", ...years]);
  push(["Varige ændringer (effektiviseringer og drift)"]);
  const perm = o.permanentRows ?? 3;
  const first = rows.length;
  for (let i = 0; i < perm; i++) push([`Effektivisering ${i + 1}`, "Service", ...years.map((y, j) => (j === 0 ? 0 : -100 - i))]);
  const colL = (j: number) => String.fromCharCode(65 + left + 2 + j);
  push(
    ["Samlet varig ændring", "", ...years.map(() => null)],
    [null, null, ...years.map((_, j) => `=SUM(${colL(j)}${first + 1}:${colL(j)}${rows.length})`)],
  );
  push(["Implementeringsomkostninger (midler fra investeringspuljen)"]);
  const impl = o.implementationRows ?? 2;
  for (let i = 0; i < impl; i++) push([`Implementering ${i + 1}`, i % 2 ? "Anlæg" : "Service", ...years.map((y, j) => (j < 2 ? 500 : 0))]);
  push(["Samlede implementeringsomkostninger"]);
  push(["Samlet økonomisk påvirkning"]);
  push(["Tilbagebetalingstid baseret på serviceeffektivisering", "5 år (2028)"]);
  push(["Tilbagebetalingstid baseret på totaløkonomi", "5 år (2028)"]);
  return { name: o.sheet ?? "Forslag", visibility: "visible", values: rows, formulas, numberFormats: [] };
}

/** A sheet of raw data with no label the reader looks for (a probe must skip it). */
export function dataGrid(name: string, rows: number, cols: number): Grid {
  const values: CellValue[][] = [];
  for (let r = 0; r < rows; r++) values.push(Array.from({ length: cols }, (_, c) => (r === 0 ? `Felt ${c + 1}` : r * 10 + c)));
  return { name, visibility: "visible", values, formulas: [] };
}
