/**
 * One proposal file in, computed results out, for the commands that only read (følsomhed): a
 * JSON proposal (cases/README.md's shape) or a workbook through the xlsx host. The one place
 * these commands touch the host's API, so only this changes when it does.
 */
import * as fs from "node:fs";
import { calculate, parseProposal } from "../engine";
import type { Finding } from "../engine/model";
import type { Result } from "../engine/result";
import { validateWorkbook } from "../workbook";
import { UsageError } from "./errors";

export interface ProposalFile {
  /** Profile of the recognised template; null when nothing was read. */
  template: string | null;
  proposals: { sheet: string | null; result: Result }[];
  /** Findings about the workbook as a whole (no Tabel 1 found …). */
  findings: Finding[];
}

function readJson(file: string): ProposalFile {
  let text: string;
  try {
    if (!fs.statSync(file).isFile()) throw new UsageError(`${file}: er ikke en fil`);
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: filen findes ikke`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`${file}: ikke gyldig JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = parseProposal(input); // InputError names the field; main prints it
  return {
    template: parsed.proposal.profile,
    proposals: [{ sheet: null, result: calculate(parsed.proposal, parsed.findings) }],
    findings: [],
  };
}

export async function readProposalFile(file: string): Promise<ProposalFile> {
  if (/\.json$/i.test(file)) return readJson(file);
  const { loadWorkbook } = await import("../xlsx"); // ExcelJS only when a workbook is read
  const loaded = await loadWorkbook(file); // FileRefusal for what is no readable workbook
  const { reading, results } = validateWorkbook(loaded.grids);
  return {
    template: reading.proposals[0]?.template ?? null,
    proposals: reading.proposals.flatMap((found, i) => (results[i] ? [{ sheet: found.sheet, result: results[i] }] : [])),
    findings: reading.findings,
  };
}
