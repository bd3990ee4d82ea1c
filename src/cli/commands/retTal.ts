/**
 * beregn ret-tal <fil.xlsx>: "Ret tal skrevet som tekst" (issue 10 item 4) on the command line.
 * Tabel 1's input numbers typed as text become numbers (planFixTextNumbers, the pane's action),
 * recorded for Fortryd in "_beregn"; written beside the input like beregn <fil> (-o, --in-place).
 * Refused, with nothing written, when there is nothing to convert.
 */
import { planFixTextNumbers } from "../../workbook";
import { applyPlan, loadWorkbook, saveWorkbook } from "../../xlsx";
import type { Options } from "../args";
import { EXIT } from "../errors";
import { outputTarget } from "../files";
import type { Output } from "../io";
import { type FileReport, writeReport } from "../report";

export async function runRetTal(file: string, options: Options, io: Output): Promise<number> {
  const report: FileReport = { file, template: null, proposals: [] };
  const finish = (code: number): number => {
    if (options.json) writeReport(options.json, [report]);
    return code;
  };
  const { target } = outputTarget(file, { ...options, suffix: "rettet" });
  const loaded = await loadWorkbook(file);
  const fix = planFixTextNumbers(loaded.grids);
  if ("refused" in fix) {
    report.error = `${file}: ${fix.refused} Intet er skrevet.`;
    io.err(`fejl: ${report.error}`);
    return finish(EXIT.input);
  }
  applyPlan(loaded.workbook, fix.plan);
  await saveWorkbook(loaded.workbook, target);
  report.written = target;
  io.out(`${file}: ${fix.summary}.`);
  // each cell, so the user can see what changed (the text as typed → the number)
  for (const c of fix.cells) io.out(`  ${c.sheet}!${c.address}: "${c.text}" → ${c.value}`);
  io.out(`Skrevet: ${target}`);
  return finish(EXIT.ok);
}
