/**
 * Summary roll-up (SPEC §7): the catalogue tables in front of each annex. Per proposal,
 * investment = Σ implementation over all years, effect = Samlet varig ændring in the
 * full-effect year (the last column), in mio. kr. rounded half up to one decimal; per udvalg and
 * in total from unrounded values.
 */
import Decimal from "decimal.js";
import type { Result } from "./result";
import { sum } from "./series";

export interface RollupLine {
  id: string;
  title: string;
  /** mio. kr., exact */
  investment: Decimal;
  effect: Decimal;
  /** mio. kr., shown (one decimal) */
  investmentShown: Decimal;
  effectShown: Decimal;
}

const toMio = (tkr: Decimal) => tkr.div(1000);
const oneDecimal = (d: Decimal) => d.toDecimalPlaces(1, Decimal.ROUND_HALF_UP);

export function rollupLine(result: Result): RollupLine {
  const investment = toMio(sum(result.totals.implementation));
  const effect = toMio(result.totals.permanent[result.totals.permanent.length - 1]);
  return {
    id: result.proposal.id,
    title: result.proposal.title,
    investment,
    effect,
    investmentShown: oneDecimal(investment),
    effectShown: oneDecimal(effect),
  };
}

/** Totals from unrounded values, shown to one decimal. */
export function rollupTotal(lines: RollupLine[]): { investmentShown: Decimal; effectShown: Decimal } {
  return {
    investmentShown: oneDecimal(sum(lines.map((l) => l.investment))),
    effectShown: oneDecimal(sum(lines.map((l) => l.effect))),
  };
}
