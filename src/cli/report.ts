/**
 * The --json report: one entry per file, the same on every command, so a batch run can be read
 * by a program. result is resultToJson's shape, with workbook locations in the findings.
 */
import * as fs from "node:fs";
import type { Finding } from "../engine/model";
import type { ResultJson } from "../engine/resultJson";

export interface ProposalReport {
  /** Sheet holding the proposal's Tabel 1; null for JSON input. */
  sheet: string | null;
  title: string;
  result: ResultJson;
}

export interface FileReport {
  file: string;
  /** Profile of the recognised template (kk-2025 …); null when nothing was read. */
  template: string | null;
  proposals: ProposalReport[];
  /** Findings about the workbook as a whole (no proposal found, ambiguous tables …). */
  findings?: Finding[];
  /** What was written, when something was. */
  written?: string;
  /** Why the file could not be read or written (Danish, one line). */
  error?: string;
}

export function writeReport(target: string, reports: FileReport[]): void {
  fs.writeFileSync(target, JSON.stringify(reports, null, 2) + "\n", "utf8");
}
