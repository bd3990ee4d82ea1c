/**
 * The short Danish summary `beregn <fil>` prints: template, proposal, years, payback, Samlet
 * økonomisk påvirkning per year and the findings, errors first. Pure text, no I/O.
 */
import { formatAmount } from "../engine/format";
import type { Finding, Severity } from "../engine/model";
import type { PaybackResult, Result } from "../engine/result";

export const SEVERITY_DA: Record<Severity, string> = { error: "fejl", warning: "advarsel", info: "info" };
const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/** How many findings the summary lists before "… og N flere". */
export const FINDINGS_LISTED = 5;

export function countText(findings: Finding[]): string {
  const n = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const e = n("error");
  const w = n("warning");
  const i = n("info");
  return `${e} fejl, ${w} ${w === 1 ? "advarsel" : "advarsler"}, ${i} info`;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return SEVERITY_ORDER.flatMap((s) => findings.filter((f) => f.severity === s));
}

/** "  fejl PAYBACK_MISMATCH Forslag!D20: Tilbagebetalingstid angivet …" */
export function findingLine(f: Finding): string {
  return `${SEVERITY_DA[f.severity]} ${f.code}${f.location ? " " + f.location : ""}: ${f.message}`;
}

function paybackText(p: PaybackResult | null): string {
  return p ? p.text : "ikke relevant (ingen investering)";
}

export function paybackLine(result: Result): string {
  const { service, total } = result.payback;
  const rules = [...new Set([service?.rule, total?.rule].filter((r): r is string => !!r))];
  const rule = rules.length ? ` (${rules.join("; ")})` : "";
  return `Tilbagebetalingstid: service ${paybackText(service)}, total ${paybackText(total)}${rule}`;
}

/** Years over their amounts, right-aligned: the documents' table shape, in t.kr. */
export function yearTable(years: number[], amounts: string[]): string[] {
  const width = years.map((y, i) => Math.max(String(y).length, amounts[i].length));
  const cell = (s: string, i: number): string => s.padStart(width[i]);
  return ["  " + years.map((y, i) => cell(String(y), i)).join("  "), "  " + amounts.map((a, i) => cell(a, i)).join("  ")];
}

export interface SummaryInput {
  template: string;
  sheet?: string;
  result: Result;
  /** Findings of the reader and the engine together, as presented. */
  findings: Finding[];
}

export function formatSummary(s: SummaryInput): string[] {
  const p = s.result.proposal;
  const lines: string[] = [];
  lines.push(`Forslag: ${p.title}${s.sheet ? ` (ark "${s.sheet}")` : ""}`);
  const years = p.years.length ? `${p.years[0]}–${p.years[p.years.length - 1]}` : "ingen";
  lines.push(`Skabelon: ${s.template} · år ${years}${p.priceLevel ? ` · ${p.priceLevel}` : ""}`);
  lines.push(paybackLine(s.result));
  lines.push(`Samlet økonomisk påvirkning (t.kr.):`);
  lines.push(
    ...yearTable(
      p.years,
      s.result.totals.net.map((d) => formatAmount(d)),
    ),
  );
  lines.push(`Fund: ${countText(s.findings)}`);
  const sorted = sortFindings(s.findings);
  for (const f of sorted.slice(0, FINDINGS_LISTED)) lines.push("  " + findingLine(f));
  if (sorted.length > FINDINGS_LISTED)
    lines.push(`  … og ${sorted.length - FINDINGS_LISTED} flere (se arket Kontrol, eller kør beregn valider)`);
  return lines;
}
