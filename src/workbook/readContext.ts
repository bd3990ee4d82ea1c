/**
 * What reading one proposal collects besides the input itself: the location of every JSON path
 * (docs/CONTRACTS.md), the reader's findings, and the input cells for the stamp's fingerprint.
 */
import type { Finding, FindingCode, Severity } from "../engine/model";
import { encodeContent } from "./hash";
import { cellAt, formatAt, formulaAt, loc, shownAt } from "./grid";
import { isDateFormat, serialDateText } from "./dates";
import { isPlaceholder } from "./labels";
import type { CellValue, Grid } from "./types";
import { quoteText } from "../engine/quote";

export class ReadContext {
  readonly locations: Record<string, string> = {};
  readonly findings: Finding[] = [];
  /** "Ark!C12" → typed content, of every input cell used. */
  readonly inputCells = new Map<string, string>();
  /** Input numbers typed as text ("1.144"): Excel's SUM skips them. */
  readonly textNumbers: { text: string; location: string }[] = [];
  private readonly placeholderSeen = new Set<string>();

  /** Map a JSON path to a cell. */
  at(path: string, grid: Grid, row: number, col: number): void {
    this.locations[path] = loc(grid.name, row, col);
  }

  /**
   * Record an input cell (for the fingerprint) and return its raw value; a date (a serial number
   * with a date format, as both hosts give it) as its date text, so an amount position quotes it
   * as not a number instead of reading 45.658.
   */
  useInput(grid: Grid, row: number, col: number, merged = false): CellValue {
    const v = merged ? shownAt(grid, row, col) : cellAt(grid, row, col);
    this.inputCells.set(loc(grid.name, row, col), encodeContent(v, formulaAt(grid, row, col)));
    if (typeof v === "number" && !formulaAt(grid, row, col) && isDateFormat(formatAt(grid, row, col))) return serialDateText(v);
    return v;
  }

  add(code: FindingCode, severity: Severity, message: string, location: string): void {
    this.findings.push({ code, severity, message, location });
  }

  /** PLACEHOLDER warning (SPEC §6) when the cell holds template text; true if it did. */
  checkPlaceholder(grid: Grid, row: number, col: number): boolean {
    const v = cellAt(grid, row, col);
    if (typeof v !== "string" || !isPlaceholder(v)) return false;
    const where = loc(grid.name, row, col);
    if (!this.placeholderSeen.has(where)) {
      this.placeholderSeen.add(where);
      this.add("PLACEHOLDER", "warning", `Skabelontekst står stadig i cellen: "${quoteText(v.trim())}"; udfyld eller slet den`, where);
    }
    return true;
  }
}

/** A raw cell value for the engine's input: numbers and text pass through; readAmount judges. */
export function rawAmount(v: CellValue): number | string | null {
  if (v === null) return null;
  if (typeof v === "boolean") return String(v).toUpperCase();
  if (typeof v === "string" && v.trim() === "") return null;
  return v;
}
