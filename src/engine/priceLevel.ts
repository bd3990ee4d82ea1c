/**
 * Price level (p/l) conversion (SPEC §7): an editable index table. 40 mio. kr. 2024 p/l =
 * 41,9 mio. kr. 2025 p/l in 2025 Forslag 7, factor 1,048.
 */
import Decimal from "decimal.js";

/** Factor from one year's p/l to the next; extend or replace per budget year. */
export const PL_FACTORS: Readonly<Record<string, Decimal>> = Object.freeze({
  "2024→2025": new Decimal("1.048"),
});

export class PriceLevelError extends Error {}

/** Convert an amount from p/l `from` to p/l `to` by chaining yearly factors. */
export function convertPriceLevel(
  amount: Decimal,
  from: number,
  to: number,
  factors: Readonly<Record<string, Decimal>> = PL_FACTORS,
): Decimal {
  let out = amount;
  const step = to >= from ? 1 : -1;
  for (let y = from; y !== to; y += step) {
    const key = step > 0 ? `${y}→${y + 1}` : `${y - 1}→${y}`;
    const f = factors[key];
    if (!f) throw new PriceLevelError(`Intet p/l-indeks fra ${y} til ${y + step}`);
    out = step > 0 ? out.times(f) : out.div(f);
  }
  return out;
}

/** The year of a price level text: "2025 p/l", "2025-p/l", "t.kr., 2025 p/l" → 2025. */
export function priceLevelYear(text: string): number | undefined {
  const m = /(\d{4})\s*-?\s*p\s*\/\s*l/i.exec(text) ?? /p\s*\/\s*l\s*(\d{4})/i.exec(text);
  return m ? Number(m[1]) : undefined;
}
