/**
 * Display of amounts and results in the pane, Danish style. Amounts stay Decimal until they
 * become text; the documents' convention shows zero as "-".
 */
import Decimal from "decimal.js";
import { formatAmount } from "../engine/format";
import type { Finding, Severity } from "../engine/model";
import type { PaybackResult } from "../engine/result";

/** Whole t.kr. with Danish thousands separators: -1.860, 4.125, "-" for zero. */
export function formatTkr(d: Decimal): string {
  const whole = d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return whole.isZero() ? "-" : formatAmount(whole, 0);
}

/** A rate as a Danish percentage: 0.02 → "2 %", 0.025 → "2,5 %". */
export function formatPercent(rate: Decimal): string {
  return `${formatAmount(rate.times(100), 2)} %`;
}

export function paybackText(p: PaybackResult | null): string {
  if (!p) return "gælder ikke (ingen investering)";
  if (p.years === null) return "ikke tilbagebetalt";
  return p.breakEvenYear === null ? `${p.years} år` : `${p.years} år (${p.breakEvenYear})`;
}

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export const SEVERITY_LABEL: Record<Severity, { one: string; many: string }> = {
  error: { one: "fejl", many: "fejl" },
  warning: { one: "advarsel", many: "advarsler" },
  info: { one: "info", many: "info" },
};

export function countLabel(n: number, s: Severity): string {
  return `${n} ${n === 1 ? SEVERITY_LABEL[s].one : SEVERITY_LABEL[s].many}`;
}

/** Findings grouped by severity, errors first, each group in the order found. */
export function groupFindings(findings: readonly Finding[]): { severity: Severity; items: Finding[] }[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, items: findings.filter((f) => f.severity === severity) }));
}

/** "Fund (3 fejl · 2 advarsler · 5 info)". */
export function findingsHeading(findings: readonly Finding[]): string {
  const parts = groupFindings(findings).map((g) => countLabel(g.items.length, g.severity));
  return `Fund (${parts.join(" · ")})`;
}

/** "2024–2029" for consecutive years, else listed. */
export function yearSpan(years: readonly number[]): string {
  if (years.length === 0) return "";
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return consecutive && years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : years.join(", ");
}

/** "kk-2025" → "Skabelon 2025". */
export function templateLabel(profile: string): string {
  const m = /(\d{4})/.exec(profile);
  return m ? `Skabelon ${m[1]}` : `Skabelon ${profile}`;
}
