/**
 * A stable fingerprint of cell contents (DESIGN.md: the stamp's "fingerprint of the inputs").
 * FNV-1a over the UTF-16 code units, twice with different offsets, as 16 hex digits: no crypto
 * dependency, the same in Node and in Excel's JavaScript runtime.
 */
import type { CellValue } from "./types";

function fnv1a(text: string, offset: number): number {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A short mark of one cell's typed content (8 hex digits): "[egne celler]" keeps one per cell Beregn wrote. */
export function cellMark(encoded: string): string {
  return fnv1a(encoded, 0x811c9dc5).toString(16).padStart(8, "0");
}

export function fingerprint(text: string): string {
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, "0");
  const b = fnv1a(text, 0x050c5d1f).toString(16).padStart(8, "0");
  return `fnv:${a}${b}`;
}

/**
 * A cell's content as one typed text: "n:12", "s:tekst", "b:true", "f:SUM(C5:C9)" (formula without
 * its "="), "e:" for empty. Used for fingerprints and for the undo data in "_beregn", where the
 * type prefix keeps Excel from turning the text back into a number, date or formula.
 */
export function encodeContent(value: CellValue, formula: string | null | undefined): string {
  if (formula !== null && formula !== undefined && formula !== "") return `f:${normaliseFormula(formula)}`;
  if (value === null || value === undefined || value === "") return "e:";
  if (typeof value === "number") return `n:${String(value)}`;
  if (typeof value === "boolean") return `b:${String(value)}`;
  return `s:${value}`;
}

export function decodeContent(text: string): { value: CellValue; formula?: string } {
  const tag = text.slice(0, 2);
  const body = text.slice(2);
  switch (tag) {
    case "f:":
      return { value: null, formula: `=${body}` };
    case "n:":
      return { value: Number(body) };
    case "b:":
      return { value: body === "true" };
    case "s:":
      return { value: body };
    default:
      return { value: null };
  }
}

/** Hosts differ in whether a formula carries its "=" (ExcelJS does not): compare without it. */
export function normaliseFormula(formula: string): string {
  return formula.trim().replace(/^=/, "").trim();
}
