/**
 * The sheet "Kontrol" (DESIGN.md): the findings, errors first, each with a link to its cell
 * (=HYPERLINK("#'Ark'!C12","Ark!C12")). Rewritten whole by each Beregn.
 */
import type { Finding, Severity } from "../engine/model";
import { CellBlock, textCell } from "./blocks";
import { quoteSheet, splitLocation } from "./grid";
import type { WriteCell } from "./types";

export const SEVERITY_DA: Record<Severity, string> = { error: "fejl", warning: "advarsel", info: "info" };
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A link formula to a location "Ark!C12"; plain text when the location is not a cell. */
export function locationCell(location: string): WriteCell {
  const first = location.split(/[,;]\s*/)[0];
  const at = splitLocation(first);
  if (!at) return { value: location };
  const target = `#${quoteSheet(at.sheet)}!${at.address}`.replace(/"/g, '""');
  const text = `${at.sheet}!${at.address}`.replace(/"/g, '""');
  return { formula: `=HYPERLINK("${target}","${text}")` };
}

export function kontrolSheet(sheet: string, heading: string, findings: Finding[]): CellBlock {
  const block = new CellBlock(sheet);
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  block.set(0, 0, textCell("Kontrol: fund fra Beregn", true));
  block.set(1, 0, textCell(heading));
  block.set(2, 0, textCell(`${count("error")} fejl · ${count("warning")} advarsler · ${count("info")} info`));
  ["Alvor", "Kode", "Besked", "Placering"].forEach((h, c) => block.set(4, c, textCell(h, true)));
  if (sorted.length === 0) block.set(5, 0, textCell("Ingen fund"));
  sorted.forEach(({ f }, k) => {
    const r = 5 + k;
    block.set(r, 0, textCell(SEVERITY_DA[f.severity]));
    block.set(r, 1, textCell(f.code));
    block.set(r, 2, textCell(f.message));
    if (f.location) block.set(r, 3, locationCell(f.location));
  });
  return block;
}
