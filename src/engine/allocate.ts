/**
 * Allocation keys (fordelingsnøgler, SPEC §4): a unit code or a key name resolves to exact
 * shares per bevilling. Every unit a key names gets its share; nothing is dropped.
 */
import Decimal from "decimal.js";
import type { Finding, Key, Proposal } from "./model";
import { ZERO } from "./series";
import { canonicalUnit, isTemplateBevilling, OUTSIDE_TEMPLATE_UNITS, UNIT_NAMES } from "./units";
import { quoteText } from "./quote";

/**
 * A share kept as the fraction weight / total, so an amount is split as v × w / W: exact
 * whenever the result terminates (1,5 split three ways is 0,5 each, not 0,4999…).
 */
export interface Share {
  weight: Decimal;
  total: Decimal;
}

/** bevilling code → share (the shares of a key sum to 1). */
export type Shares = Map<string, Share>;

const ONE = new Decimal(1);
export const WHOLE: Share = Object.freeze({ weight: ONE, total: ONE });

const UNIT_SHARES = new Map<string, Shares>();

/**
 * The whole to one unit. One object per unit, so rows placed on the same unit share a bucket in
 * the Kvantum accumulator (kvantum.ts).
 */
export function unitShares(code: string): Shares {
  let s = UNIT_SHARES.get(code);
  if (!s) UNIT_SHARES.set(code, (s = new Map([[code, WHOLE]])));
  return s;
}

/** v × share, exact where it can be. */
export function portion(v: Decimal, s: Share): Decimal {
  if (s.total === s.weight) return v;
  return v.times(s.weight).div(s.total);
}

export function shareValue(s: Share): Decimal {
  return s.weight.div(s.total);
}

export type Resolution = { ok: true; shares: Shares; viaKey?: string } | { ok: false };

const HUNDRED = new Decimal(100);

/**
 * Resolve every key of the proposal once, with its findings (KEY_NOT_100, KEY_INVALID,
 * UNIT_OUTSIDE_TEMPLATE). Invalid keys resolve to nothing; rows that use them get KEY_MISSING.
 */
export function resolveKeys(proposal: Proposal): { keys: Map<string, Shares>; findings: Finding[] } {
  const keys = new Map<string, Shares>();
  const findings: Finding[] = [];
  for (const key of Object.values(proposal.keys)) {
    const r = resolveKey(key, proposal);
    findings.push(...r.findings);
    if (r.shares) keys.set(key.name, r.shares);
  }
  return { keys, findings };
}

function resolveKey(key: Key, proposal: Proposal): { shares?: Shares; findings: Finding[] } {
  const findings: Finding[] = [];
  const where = (unit?: string) => proposal.locate(unit === undefined ? `keys.${key.name}` : `keys.${key.name}.weights.${unit}`);
  const byUnit = new Map<string, Decimal>();
  let invalid = false;
  for (const { unit, weight } of key.weights) {
    const code = canonicalUnit(unit);
    if (!code) {
      findings.push({
        code: "KEY_INVALID",
        severity: "error",
        message: `Fordelingsnøglen "${quoteText(key.name)}" nævner "${quoteText(unit)}", som ikke er en kendt enhed`,
        location: where(unit),
      });
      invalid = true;
      continue;
    }
    if (weight.isNegative()) {
      findings.push({
        code: "KEY_INVALID",
        severity: "error",
        message: `Fordelingsnøglen "${quoteText(key.name)}" har en negativ vægt for ${unit}: ${weight.toString()}`,
        location: where(unit),
      });
      invalid = true;
      continue;
    }
    // weights of codes that name the same unit add up (SPEC §4)
    byUnit.set(code, (byUnit.get(code) ?? ZERO).plus(weight));
  }
  const total = [...byUnit.values()].reduce((s, w) => s.plus(w), ZERO);
  if (!invalid && total.isZero()) {
    findings.push({
      code: "KEY_INVALID",
      severity: "error",
      message: `Fordelingsnøglen "${quoteText(key.name)}" summerer til 0 og kan ikke fordele noget`,
      location: where(),
    });
    invalid = true;
  }
  if (invalid) return { findings };
  if (key.kind === "percent" && !total.eq(HUNDRED)) {
    findings.push({
      code: "KEY_NOT_100",
      severity: "warning",
      message: `Fordelingsnøglen "${quoteText(key.name)}" summerer til ${total.toString().replace(".", ",")} % og ikke 100 %; andelene er normeret, så de summerer til 100 %`,
      location: where(),
    });
  }
  for (const code of byUnit.keys()) {
    if (!isTemplateBevilling(code) && byUnit.get(code)!.gt(0)) {
      findings.push({
        code: "UNIT_OUTSIDE_TEMPLATE",
        severity: "warning",
        message: `Fordelingsnøglen "${quoteText(key.name)}" giver ${UNIT_NAMES[code] ?? OUTSIDE_TEMPLATE_UNITS[code] ?? code} en andel, men enheden har ingen række i Kvantum-skabelonen; den får sin egen række`,
        location: where(),
      });
    }
  }
  const shares: Shares = new Map();
  for (const [code, w] of byUnit) if (!w.isZero()) shares.set(code, { weight: w, total });
  return { shares, findings };
}

/**
 * Resolve a row's `unit` or `key` text: a key of the proposal first (its name may look like a
 * unit code, e.g. BC01's "timer"), else a unit code or name.
 */
export function resolveTarget(text: string, keys: Map<string, Shares>, proposal: Proposal): Resolution {
  if (text in proposal.keys) {
    const shares = keys.get(text);
    return shares ? { ok: true, shares, viaKey: text } : { ok: false };
  }
  const code = canonicalUnit(text);
  if (!code) return { ok: false };
  return { ok: true, shares: unitShares(code) };
}
