/**
 * beregn omregn: the side calculations of SPEC §7 with the arithmetic shown (sideCalculations.ts).
 *   timer <antal> --sats <t.kr. pr. ÅV> [--overhead <t.kr.>] [--timenorm <timer>]
 *   åv <antal>    --sats <t.kr. pr. ÅV> [--overhead <t.kr.>]
 *   pl <beløb>    --fra <år> --til <år> [--indeks 2025-2026=1,03 …]
 * Numbers as the documents write them ("1.262,6", "1,048"). Exit 0 computed, 2 bad arguments.
 */
import Decimal from "decimal.js";
import { readAmountText } from "../../engine/amountText";
import { formatAmount } from "../../engine/format";
import { PL_FACTORS, PriceLevelError } from "../../engine/priceLevel";
import { DEFAULT_SETTINGS } from "../../engine/settings";
import { priceLevelCalculation, staffCostCalculation, type SideCalculation } from "../../engine/sideCalculations";
import { RATES_PER_FTE } from "../../engine/staffCost";
import type { Options } from "../args";
import { EXIT, UsageError } from "../errors";
import type { Output } from "../io";

function number(what: string, text: string | undefined): Decimal {
  const r = text === undefined ? undefined : readAmountText(text);
  if (!r || !r.ok || r.empty) throw new UsageError(`${what}: "${text ?? ""}" er ikke et tal (skriv fx 1.262,6 eller 1,048)`);
  return r.value;
}

function year(what: string, text: string | undefined): number {
  if (text === undefined) throw new UsageError(`beregn omregn pl skal have ${what} <år>`);
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`${what}: "${text}" er ikke et årstal`);
  return Number(text);
}

/** "2024-2025=1,048" or "2024→2025=1,048": one yearly factor of the index table. */
function indexFactors(list: string[] | undefined): Record<string, Decimal> {
  const factors: Record<string, Decimal> = { ...PL_FACTORS };
  for (const item of list ?? []) {
    const m = /^\s*(\d{4})\s*(?:-|→|->)\s*(\d{4})\s*=\s*(.+)$/.exec(item);
    if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new UsageError(`--indeks "${item}": skriv ét års faktor som 2024-2025=1,048`);
    const f = number(`--indeks ${m[1]}-${m[2]}`, m[3]);
    if (f.lte(0)) throw new UsageError(`--indeks "${item}": faktoren skal være positiv`);
    factors[`${m[1]}→${m[2]}`] = f;
  }
  return factors;
}

function rateText(): string {
  return Object.values(RATES_PER_FTE)
    .map((d) => formatAmount(d))
    .join(", ");
}

export function runOmregn(what: "timer" | "åv" | "pl", amountText: string, options: Options, io: Output): number {
  const amount = number(what === "pl" ? "beløbet" : "antallet", amountText);
  let calc: SideCalculation;
  if (what === "pl") {
    const factors = indexFactors(options.indeks);
    try {
      calc = priceLevelCalculation(amount, year("--fra", options.fra), year("--til", options.til), factors);
    } catch (e) {
      if (e instanceof PriceLevelError) throw new UsageError(`${e.message}; angiv det med --indeks ÅÅÅÅ-ÅÅÅÅ=faktor`);
      throw e;
    }
  } else {
    if (options.sats === undefined)
      throw new UsageError(`beregn omregn ${what} skal have --sats <t.kr. pr. ÅV> (dokumenternes satser: ${rateText()})`);
    const ratePerFte = number("--sats", options.sats);
    const overheadPerFte = options.overhead === undefined ? new Decimal(0) : number("--overhead", options.overhead);
    const hoursPerYear = options.timenorm === undefined ? DEFAULT_SETTINGS.hoursPerYear : number("--timenorm", options.timenorm);
    if (hoursPerYear.lte(0)) throw new UsageError("--timenorm skal være positiv");
    calc = staffCostCalculation({
      ...(what === "timer" ? { hours: amount } : { fte: amount }),
      hoursPerYear,
      ratePerFte,
      overheadPerFte,
    });
  }
  for (const s of calc.steps) io.out(s);
  io.out(`Resultat: ${formatAmount(calc.result)} ${calc.unit}`);
  return EXIT.ok;
}
