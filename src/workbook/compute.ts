/**
 * computeFound / validateWorkbook (docs/CONTRACTS.md): a found proposal through the engine, and
 * Valider's whole-workbook check with STALE findings when the inputs changed since the stamp of
 * the last Beregn (DESIGN.md: the tables the engine makes are values, and Valider says when they
 * are stale).
 */
import { calculate } from "../engine/calculate";
import { InputError, parseProposal } from "../engine/input";
import type { Finding } from "../engine/model";
import type { Result } from "../engine/result";
import type { SettingsInput } from "../engine/settings";
import type { FoundProposal, WorkbookReading } from "./api";
import type { ProposalLayout } from "./layout";
import { readWorkbook } from "./readWorkbook";
import type { Grid } from "./types";

/** parseProposal with the reader's locations, then calculate with the reader's findings. */
export function computeFound(found: FoundProposal, settings?: SettingsInput): Result {
  const input = settings ? { ...found.input, settings: { ...(found.input.settings ?? {}), ...settings } } : found.input;
  const { proposal, findings } = parseProposal(input, { locations: found.locations });
  return calculate(proposal, [...findings, ...found.findings]);
}

export function validateWorkbook(grids: Grid[]): { reading: WorkbookReading; results: Result[]; findings: Finding[] } {
  const reading = readWorkbook(grids);
  const results: Result[] = [];
  const findings: Finding[] = [...reading.findings];
  for (const found of reading.proposals) {
    try {
      const result = computeFound(found);
      const stale = staleFinding(reading, found);
      if (stale) result.findings.push(stale);
      results.push(result);
      findings.push(...result.findings);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      findings.push({
        code: "STRUCTURE",
        severity: "error",
        message: `Forslaget på arket ${found.sheet} kan ikke beregnes: ${e.message}`,
        location: found.sheet,
      });
    }
  }
  return { reading, results, findings };
}

/** STALE (warning): the stamp's fingerprint no longer matches the proposal's input cells. */
export function staleFinding(reading: WorkbookReading, found: FoundProposal): Finding | undefined {
  const stamp = reading.stamp;
  if (!stamp || stamp.proposalSheet !== found.sheet) return undefined;
  const layout = found.layout as ProposalLayout;
  if (layout.fingerprint === stamp.fingerprint) return undefined;
  return {
    code: "STALE",
    severity: "warning",
    message: `Indtastningerne er ændret siden sidste Beregn (${stamp.time}); de beregnede tabeller kan være forældede. Kør Beregn igen`,
    location: found.sheet,
  };
}
