/**
 * Årsværk and drivers (SPEC §7): hours → ÅV → t.kr., cases × minutes → hours. The rate table is
 * editable data, not code: proposals use different rates per staff group and year.
 */
import Decimal from "decimal.js";

/** t.kr. per ÅV seen in the documents (SPEC §7), by label; callers may pass their own table. */
export const RATES_PER_FTE: Readonly<Record<string, Decimal>> = Object.freeze({
  "2016 standard": new Decimal(450),
  "2018 standard": new Decimal(500),
  "2025 550": new Decimal(550),
  "2025 590": new Decimal(590),
  "2025 594": new Decimal(594),
  "2025 600": new Decimal(600),
  "2025 660": new Decimal(660),
  "2025 690": new Decimal(690),
  "2025 700": new Decimal(700),
  "2025 750": new Decimal(750),
  "2025 790": new Decimal(790),
});

/** 2025 BC01: direct overhead of 35 t.kr. per ÅV. */
export const OVERHEAD_PER_FTE_2025 = new Decimal(35);

/** Drivers → hours: cases × minutes / 60 (BC01: 11.100 × 1 + 1.000 × 3 minutes = 235 h for BIF). */
export function hoursFromDrivers(drivers: { cases: Decimal; minutes: Decimal }[]): Decimal {
  return drivers.reduce((s, d) => s.plus(d.cases.times(d.minutes)), new Decimal(0)).div(60);
}

/** Hours → ÅV by the årstimenorm (default 1.262,6 h, SPEC §9 hoursPerYear). */
export function fteFromHours(hours: Decimal, hoursPerYear: Decimal): Decimal {
  return hours.div(hoursPerYear);
}

/** ÅV → t.kr.: ÅV × (lønsats + overhead). */
export function costOfFte(fte: Decimal, ratePerFte: Decimal, overheadPerFte: Decimal = new Decimal(0)): Decimal {
  return fte.times(ratePerFte.plus(overheadPerFte));
}
