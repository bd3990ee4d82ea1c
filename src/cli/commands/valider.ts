/**
 * beregn valider <filer eller mapper…>: check without writing. One line per finding,
 * "fil:ark!celle: alvorlighed KODE besked", so editors and CI can jump to the cell.
 * Exit 2 when a file cannot be read, else 1 when any finding is an error, else 0.
 */
import { resultToJson } from "../../engine";
import type { Finding } from "../../engine/model";
import { validateWorkbook } from "../../workbook";
import { FileRefusal, loadWorkbook } from "../../xlsx";
import type { Options } from "../args";
import { EXIT } from "../errors";
import { collectWorkbooks } from "../files";
import type { Output } from "../io";
import { type FileReport, writeReport } from "../report";
import { SEVERITY_DA, countText } from "../summary";

export function validationLine(file: string, f: Finding): string {
  return `${file}${f.location ? ":" + f.location : ""}: ${SEVERITY_DA[f.severity]} ${f.code} ${f.message}`;
}

/**
 * A finding for a terminal `width` columns wide: the location line, then the message wrapped
 * under it, indented. Without a width (piped), the one line of validationLine.
 */
export function validationLines(file: string, f: Finding, width?: number): string[] {
  if (!width) return [validationLine(file, f)];
  const lines = [`${file}${f.location ? ":" + f.location : ""}: ${SEVERITY_DA[f.severity]} ${f.code}`];
  const indent = "    ";
  let line = indent;
  for (const word of f.message.split(/\s+/).filter(Boolean)) {
    if (line.length > indent.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
    }
    line += (line.length > indent.length ? " " : "") + word;
  }
  if (line.length > indent.length) lines.push(line);
  return lines;
}

export async function runValider(paths: string[], options: Options, io: Output): Promise<number> {
  const files = collectWorkbooks(paths);
  const reports: FileReport[] = [];
  const all: Finding[] = [];
  let unreadable = 0;
  for (const file of files) {
    const report: FileReport = { file, template: null, proposals: [] };
    reports.push(report);
    let loaded;
    try {
      loaded = await loadWorkbook(file);
    } catch (e) {
      if (!(e instanceof FileRefusal)) throw e;
      io.out(`${file}: fejl ${e.code} ${e.message}`);
      report.error = e.message;
      unreadable++;
      continue;
    }
    const { reading, results, findings } = validateWorkbook(loaded.grids);
    report.template = reading.proposals[0]?.template ?? null;
    report.findings = reading.findings;
    // the JSON report only when asked for: resultToJson is a fair share of Valider's time
    if (options.json)
      reading.proposals.forEach((found, i) => {
        const r = results[i];
        if (r) report.proposals.push({ sheet: found.sheet, title: r.proposal.title, result: resultToJson(r) });
      });
    for (const f of findings) for (const line of validationLines(file, f, io.width)) io.out(line);
    all.push(...findings);
  }
  if (files.length === 0) io.err("ingen .xlsx- eller .xlsm-filer fundet");
  const read = files.length - unreadable;
  io.err(`${read} ${read === 1 ? "fil" : "filer"} kontrolleret${unreadable ? `, ${unreadable} kunne ikke læses` : ""}: ${countText(all)}`);
  if (options.json) writeReport(options.json, reports);
  if (unreadable > 0 || files.length === 0) return EXIT.input;
  return all.some((f) => f.severity === "error") ? EXIT.findings : EXIT.ok;
}
