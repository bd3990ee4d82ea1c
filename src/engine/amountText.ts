/**
 * Reading numbers as the documents write them (SPEC §6): "1.144", "-1474", "- 1.200",
 * "−1.474" (Unicode minus), "(1.474)", "1.474,5", "-", "–", blank and "-0" as 0. An obvious typo
 * such as "--43.142" is read, with a note, never guessed silently.
 */
import Decimal from "decimal.js";

/** `outOfRange`: a number no Excel cell can hold (beyond ±9,99999999999999E+307, or not finite). */
export type AmountReading = { ok: true; value: Decimal; empty: boolean; note?: string } | { ok: false; text: string; outOfRange?: true };

/** Excel's largest number (9,99999999999999E+307): beyond it a cell cannot hold the amount. */
const EXCEL_MAX = 9.99999999999999e307;

/** A number an Excel cell can hold: finite and within ±9,99999999999999E+307. */
export function withinExcel(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= EXCEL_MAX;
}

/** What Beregn writes instead of an amount no cell can hold (issue 13: never "Infinity"). */
export const OUTSIDE_EXCEL = "uden for Excels talområde";
/** Below this (in t.kr.) a number is a floating-point residue, not an amount. */
const RESIDUE = 1e-9;

const DASHES = /[\u2212\u2013\u2014\u2012\u2010\u2011]/g;

/**
 * Any input value as text for a message, never throwing: JSON input can hold objects whose
 * toString is not a function ({"toString": 1}), and String() would throw on them.
 */
export function quoteValue(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v === null || v === undefined) return "";
  try {
    return JSON.stringify(v) ?? Object.prototype.toString.call(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/**
 * Parse a cell value or JSON value as an amount. Numbers pass through exactly as their shortest
 * decimal representation (the value Excel shows); text is read by the Danish conventions.
 */
export function readAmount(input: unknown): AmountReading {
  if (input === null || input === undefined) return { ok: true, value: new Decimal(0), empty: true };
  if (typeof input === "number") {
    // as Excel shows it ("1E+308"), so the user finds what the finding quotes
    if (!withinExcel(input)) return { ok: false, text: quoteValue(input).toUpperCase(), outOfRange: true };
    // the double as Excel shows it: 15 significant digits (0,1+0,2 is 0,3), and a float residue
    // such as the 5,55e-17 that =0,1+0,2-0,3 leaves is no amount at all (issue 13)
    const shown = Number(input.toPrecision(15));
    return { ok: true, value: new Decimal(Math.abs(shown) < RESIDUE ? 0 : shown), empty: false };
  }
  if (input instanceof Decimal) return { ok: true, value: input, empty: false };
  if (typeof input !== "string") return { ok: false, text: quoteValue(input) };
  return readAmountText(input);
}

export function readAmountText(original: string): AmountReading {
  let s = original
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .replace(DASHES, "-");
  if (s === "" || s === "-" || s === "--") return { ok: true, value: new Decimal(0), empty: true };
  let note: string | undefined;
  let negative = false;
  // the table's own unit, sometimes kept in the cell: "(1.474) t.kr.". Other units ("kr.",
  // "mio. kr.") would change the amount by a factor: those stay unreadable, never guessed.
  s = s.replace(/\s*t\.\s?kr\.?$/i, "").trim();
  // (1.474) is negative, the accountants' way
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1].trim();
  }
  const doubled = /^-\s*-\s*(?=\d)/.exec(s);
  if (doubled) {
    note = `dobbelt minus læst som ét minus`;
    s = s.slice(doubled[0].length);
    negative = !negative;
  } else if (/^[-+]\s*/.test(s)) {
    if (s[0] === "-") negative = !negative;
    s = s.replace(/^[-+]\s*/, "");
  }
  s = s.replace(/ /g, "");
  let digits: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) {
    // Danish thousands separators, optional decimal comma
    digits = s.replace(/\./g, "").replace(",", ".");
  } else if (/^\d+(,\d+)?$/.test(s)) {
    digits = s.replace(",", ".");
  } else if (/^\d+\.\d+$/.test(s) && !/^\d{1,3}\.\d{3}$/.test(s)) {
    // a decimal point, as a number typed by an English-locale Excel ("1474.5")
    digits = s;
  } else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    digits = s.replace(/,/g, "");
    note = note ?? "engelske tusindtalsseparatorer";
  } else {
    return { ok: false, text: original };
  }
  let value = new Decimal(digits);
  if (negative) value = value.negated();
  if (value.isZero()) value = new Decimal(0);
  return note ? { ok: true, value, empty: false, note } : { ok: true, value, empty: false };
}

/** A stated payback: "4", "1 år", "4 år (2028)", "22 år", "ikke tilbagebetalt". */
export interface StatedPayback {
  years: number | null;
  breakEvenYear?: number;
  /** true when the text says it does not pay back. */
  never: boolean;
}

export function readPaybackText(text: string | number): StatedPayback | undefined {
  if (typeof text === "number") return Number.isInteger(text) ? { years: text, never: false } : undefined;
  const s = text.replace(/\s+/g, " ").trim().toLowerCase();
  if (s === "" || s === "-") return undefined;
  if (/ikke|aldrig|never|n\/a/.test(s)) return { years: null, never: true };
  const m = /^(\d+)(?:[.,]\d+)?\s*(?:år)?\s*(?:\(\s*(\d{4})\s*\))?\.?$/.exec(s);
  if (!m) return undefined;
  const out: StatedPayback = { years: Number(m[1]), never: false };
  if (m[2]) out.breakEvenYear = Number(m[2]);
  return out;
}
