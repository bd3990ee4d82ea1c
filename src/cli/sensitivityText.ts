/**
 * The Følsomhed table as text for the terminal (Danish, within 80 columns): one line per
 * scenario with both paybacks, the present value in whole t.kr. and a mark where the scenario is
 * over the investment pool's limit, then the break-even effect and what the numbers assume.
 */
import { paybackText } from "../engine/payback";
import type { Result } from "../engine/result";
import { computeSensitivity } from "../engine/sensitivity";
import { assumptionLines, breakEvenText, npvText, wrapText } from "../engine/sensitivityText";

/** Words to lines of at most 80 columns (a terminal's width). */
export function wrap(text: string, width = 80): string[] {
  return wrapText(text, width);
}

export function formatSensitivity(result: Result, sheet: string | null): string[] {
  const p = result.proposal;
  const lines = [`Følsomhed: ${p.title}${sheet ? ` (ark "${sheet}")` : ""}`];
  const s = computeSensitivity(p);
  if (!s) return [...lines, "Ikke relevant: forslaget har ingen investering, så der er ingen tilbagebetalingstid at belyse."];
  const header = ["Scenarie", "Service", "Total", "Nutidsværdi"];
  const rows = s.scenarios.map((x) => [
    x.label,
    paybackText(x.payback.service) + (x.overLimit ? " *" : ""),
    paybackText(x.payback.total),
    npvText(x.npv),
  ]);
  const width = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    `  ${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padEnd(width[2])}  ${r[3].padStart(width[3])}`.trimEnd();
  lines.push(line(header), ...rows.map(line), "", ...wrap(breakEvenText(s)), ...assumptionLines(s).flatMap((l) => wrap(l)));
  return lines;
}
