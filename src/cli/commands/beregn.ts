/**
 * beregn <fil.xlsx>: read, compute each proposal found (or --forslag N), write the tables and
 * save, then print a short summary. The host patches only the parts Beregn writes (issue 13), so
 * nothing in the workbook needs refusing for being unwritable.
 */
import { InputError, resultToJson } from "../../engine";
import { applyPlanToGrids, computeFound, planBeregn, readWorkbook } from "../../workbook";
import { FileRefusal, applyPlan, loadWorkbook, saveWorkbook } from "../../xlsx";
import type { Options } from "../args";
import { EXIT, UsageError } from "../errors";
import { outputTarget } from "../files";
import type { Output } from "../io";
import { type FileReport, writeReport } from "../report";
import { findingLine, formatSummary } from "../summary";
import { packageVersion } from "../version";

export async function runBeregn(file: string, options: Options, io: Output): Promise<number> {
  const report: FileReport = { file, template: null, proposals: [] };
  try {
    return await beregnFile(file, options, io, report);
  } catch (e) {
    // refusals are printed by main; the --json report records them too
    if (options.json && (e instanceof UsageError || e instanceof FileRefusal)) {
      report.error = e instanceof FileRefusal ? `${file}: ${e.message}` : e.message;
      writeReport(options.json, [report]);
    }
    throw e;
  }
}

async function beregnFile(file: string, options: Options, io: Output, report: FileReport): Promise<number> {
  const finish = (code: number): number => {
    if (options.json) writeReport(options.json, [report]);
    return code;
  };
  const refuse = (message: string): number => {
    io.err(`fejl: ${message}`);
    report.error = message;
    return finish(EXIT.input);
  };

  const { target } = outputTarget(file, options);
  const loaded = await loadWorkbook(file);

  const reading = readWorkbook(loaded.grids);
  report.findings = reading.findings;
  if (reading.proposals.length === 0) {
    for (const f of reading.findings) io.err("  " + findingLine(f));
    return refuse(`${file}: ingen forslag fundet (ingen Tabel 1 med årstal); intet er skrevet`);
  }
  report.template = reading.proposals[0].template;
  let indices = reading.proposals.map((_, i) => i);
  if (options.forslag !== undefined) {
    if (options.forslag > reading.proposals.length)
      throw new UsageError(`--forslag ${options.forslag}: ${file} har kun ${reading.proposals.length} forslag`);
    indices = [options.forslag - 1];
  }

  const version = packageVersion();
  let grids = loaded.grids;
  const lines: string[] = [];
  const written: string[] = [];
  for (const i of indices) {
    const found = reading.proposals[i];
    let result;
    try {
      result = computeFound(found, reading.settings);
    } catch (e) {
      // one proposal that cannot be computed does not stop the others in the workbook
      if (!(e instanceof InputError)) throw e;
      io.err(`fejl: forslaget på arket "${found.sheet}" kan ikke beregnes: ${e.message}`);
      continue;
    }
    const outcome = planBeregn(grids, reading, i, result, { mode: "beregn", version });
    applyPlan(loaded.workbook, outcome.plan);
    // the next proposal is planned on the sheets as they now stand (Kontrol, Kvantum, _beregn)
    grids = applyPlanToGrids(grids, outcome.plan);
    lines.push(...formatSummary({ template: found.template, sheet: found.sheet, result, findings: result.findings }), "");
    written.push(outcome.summary);
    report.proposals.push({ sheet: found.sheet, title: result.proposal.title, result: resultToJson(result) });
  }
  if (report.proposals.length === 0) return refuse(`${file}: intet forslag kunne beregnes; intet er skrevet`);
  await saveWorkbook(loaded.workbook, target);
  report.written = target;

  io.out(
    `${file}: ${reading.proposals.length} forslag fundet${indices.length < reading.proposals.length ? `, nr. ${indices[0] + 1} beregnet` : ""}`,
  );
  // findings about the workbook as a whole (ambiguous tables …), once, before the proposals
  for (const f of reading.findings) io.out("  " + findingLine(f));
  for (const l of lines) io.out(l);
  io.out(`Skrevet: ${target}${written.length ? ` (${written.join("; ")})` : ""}`);
  return finish(EXIT.ok);
}
