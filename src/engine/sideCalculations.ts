/**
 * The side calculations proposals make by hand (SPEC §7), with the arithmetic written out so the
 * economist can paste it into the proposal's text: hours or ÅV → t.kr. (staffCost.ts) and an
 * amount between price levels (priceLevel.ts). The pane's Hjælpeberegning and `beregn omregn`
 * both show these lines; the result is exact, the lines round for reading.
 */
import Decimal from "decimal.js";
import { formatAmount } from "./format";
import { convertPriceLevel, PL_FACTORS } from "./priceLevel";
import { costOfFte, fteFromHours } from "./staffCost";

export interface SideCalculation {
  /** Exact. */
  result: Decimal;
  /** "t.kr." or "ÅV". */
  unit: string;
  /** The arithmetic, one step a line, Danish numbers. */
  steps: string[];
}

const show = (d: Decimal, decimals = 2) => formatAmount(d, decimals);

export interface StaffCostInput {
  /** Either hours or ÅV. */
  hours?: Decimal;
  fte?: Decimal;
  /** Årstimenorm (SPEC §9 hoursPerYear). */
  hoursPerYear: Decimal;
  /** Lønsats, t.kr. per ÅV. */
  ratePerFte: Decimal;
  /** Overhead, t.kr. per ÅV (2025 BC01: 35). */
  overheadPerFte: Decimal;
}

/** Hours or ÅV → t.kr.: hours / årstimenorm × (lønsats + overhead) (SPEC §7). */
export function staffCostCalculation(input: StaffCostInput): SideCalculation {
  const steps: string[] = [];
  let fte: Decimal;
  if (input.hours !== undefined) {
    fte = fteFromHours(input.hours, input.hoursPerYear);
    steps.push(`${show(input.hours)} timer / ${show(input.hoursPerYear)} timer pr. ÅV (årstimenorm) = ${show(fte, 4)} ÅV`);
  } else if (input.fte !== undefined) fte = input.fte;
  else throw new RangeError("timer eller ÅV mangler");
  const cost = costOfFte(fte, input.ratePerFte, input.overheadPerFte);
  const perFte = input.ratePerFte.plus(input.overheadPerFte);
  steps.push(
    `${show(fte, 4)} ÅV × (${show(input.ratePerFte)} lønsats + ${show(input.overheadPerFte)} overhead) t.kr. = ${show(fte, 4)} × ${show(perFte)} = ${show(cost)} t.kr.`,
  );
  return { result: cost, unit: "t.kr.", steps };
}

/** An amount from p/l `from` to p/l `to` by chaining the index table's yearly factors (SPEC §7). */
export function priceLevelCalculation(
  amount: Decimal,
  from: number,
  to: number,
  factors: Readonly<Record<string, Decimal>> = PL_FACTORS,
): SideCalculation {
  const result = convertPriceLevel(amount, from, to, factors); // throws PriceLevelError, in Danish
  const step = to >= from ? 1 : -1;
  const parts: string[] = [];
  for (let y = from; y !== to; y += step) {
    const f = step > 0 ? factors[`${y}→${y + 1}`] : factors[`${y - 1}→${y}`];
    parts.push(`${step > 0 ? "×" : "/"} ${show(f, 6)} (${y}→${y + step})`);
  }
  const lines =
    from === to
      ? [`${show(amount)} t.kr. ${from} p/l = ${show(result)} t.kr. ${to} p/l (samme prisniveau)`]
      : [`${show(amount)} t.kr. ${from} p/l ${parts.join(" ")} = ${show(result)} t.kr. ${to} p/l`];
  return { result, unit: "t.kr.", steps: lines };
}
