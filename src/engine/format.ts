/**
 * Danish presentation of numbers and locations in messages: "-1.474", "1.474,5", "2025–2029".
 */
import Decimal from "decimal.js";

/** Danish number text: thousands ".", decimals ","; at most `decimals` places, trailing zeros cut. */
export function formatAmount(d: Decimal, decimals = 2): string {
  const rounded = d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const negative = rounded.isNeg() && !rounded.isZero();
  // toString, not toFixed: rounded to `decimals` places it never takes exponent notation
  const [int, frac] = rounded.abs().toString().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const fracTrim = (frac ?? "").replace(/0+$/, "");
  return `${negative ? "-" : ""}${grouped}${fracTrim ? "," + fracTrim : ""}`;
}

/** "2025", "2025–2029" or "2025, 2027" for a list of years. */
export function formatYears(years: number[]): string {
  if (years.length === 0) return "";
  const sorted = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (const y of [...sorted.slice(1), NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    runs.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = prev = y;
  }
  return runs.join(", ");
}

/**
 * One location for several cells: "Ark!C12:H12" when they are on one sheet and row or column,
 * else the first. JSON paths are kept as the first path.
 */
export function mergeLocations(locations: string[]): string {
  if (locations.length <= 1) return locations[0] ?? "";
  const parse = (l: string) => /^(.*)!\$?([A-Z]{1,3})\$?(\d+)$/.exec(l);
  const first = parse(locations[0]);
  const last = parse(locations[locations.length - 1]);
  if (first && last && first[1] === last[1] && (first[2] === last[2] || first[3] === last[3]))
    return `${first[1]}!${first[2]}${first[3]}:${last[2]}${last[3]}`;
  return locations[0];
}
