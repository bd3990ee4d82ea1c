/**
 * beregn følsomhed <fil.xlsx | forslag.json>: the sensitivity table of each proposal (or
 * --forslag N) on stdout. Writes nothing but the --json report. Exit 0 when printed, 2 when the
 * file cannot be read or holds no proposal.
 */
import { resultToJson } from "../../engine";
import type { Options } from "../args";
import { EXIT, UsageError } from "../errors";
import type { Output } from "../io";
import { readProposalFile } from "../proposalFile";
import { type FileReport, writeReport } from "../report";
import { formatSensitivity } from "../sensitivityText";
import { findingLine } from "../summary";

export async function runFolsomhed(file: string, options: Options, io: Output): Promise<number> {
  const read = await readProposalFile(file);
  if (read.proposals.length === 0) {
    for (const f of read.findings) io.err("  " + findingLine(f));
    throw new UsageError(`${file}: ingen forslag fundet (ingen Tabel 1 med årstal)`);
  }
  let chosen = read.proposals;
  if (options.forslag !== undefined) {
    if (options.forslag > chosen.length) throw new UsageError(`--forslag ${options.forslag}: ${file} har kun ${chosen.length} forslag`);
    chosen = [chosen[options.forslag - 1]];
  }
  chosen.forEach((x, i) => {
    if (i > 0) io.out("");
    for (const l of formatSensitivity(x.result, x.sheet)) io.out(l);
  });
  if (options.json) {
    const report: FileReport = {
      file,
      template: read.template,
      findings: read.findings,
      proposals: chosen.map((x) => ({ sheet: x.sheet, title: x.result.proposal.title, result: resultToJson(x.result) })),
    };
    writeReport(options.json, [report]);
  }
  return EXIT.ok;
}
