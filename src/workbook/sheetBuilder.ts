/** Building a Grid cell by cell (the template, test layouts, example files). */
import { a1 } from "./grid";
import type { CellValue, Grid, SheetVisibility } from "./types";

export class SheetBuilder {
  private readonly values: CellValue[][] = [];
  private readonly formulas: (string | null)[][] = [];
  private readonly formats: (string | null)[][] = [];
  private readonly merges: string[] = [];
  private readonly hidden: number[] = [];

  constructor(
    readonly name: string,
    readonly visibility: SheetVisibility = "visible",
  ) {}

  private put<T>(m: (T | null)[][], r: number, c: number, v: T | null): void {
    while (m.length <= r) m.push([]);
    while (m[r].length < c) m[r].push(null);
    m[r][c] = v;
  }

  /** Set a value (0-based row/column). */
  set(r: number, c: number, v: CellValue, numberFormat?: string): this {
    this.put(this.values, r, c, v);
    if (numberFormat !== undefined) this.put(this.formats, r, c, numberFormat);
    return this;
  }

  /** A formula with its cached value, as a host reads it. */
  formula(r: number, c: number, formula: string, cached: CellValue): this {
    this.put(this.formulas, r, c, formula);
    return this.set(r, c, cached);
  }

  merge(r1: number, c1: number, r2: number, c2: number): this {
    this.merges.push(`${a1(r1, c1)}:${a1(r2, c2)}`);
    return this;
  }

  hideRow(r: number): this {
    this.hidden.push(r);
    return this;
  }

  toGrid(): Grid {
    const height = this.values.length;
    const g: Grid = {
      name: this.name,
      visibility: this.visibility,
      values: Array.from({ length: height }, (_, r) => [...(this.values[r] ?? [])]),
      formulas: Array.from({ length: height }, (_, r) => [...(this.formulas[r] ?? [])]),
    };
    if (this.formats.length) g.numberFormats = this.formats.map((r) => [...(r ?? [])]);
    if (this.merges.length) g.merges = [...this.merges];
    if (this.hidden.length) g.hiddenRows = [...this.hidden];
    return g;
  }
}
