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

/**
 * Locations that never answer with a JSON path: a path the reader did not map falls back to its
 * nearest mapped parent ("rows[2].values.2025" → "rows[2]" → the row's label cell), else to the
 * proposal's sheet (docs/CONTRACTS.md: every finding from a workbook points at a cell or sheet).
 */
export function withFallback(locations: Record<string, string>, sheet: string): Record<string, string> {
  return new Proxy(locations, {
    get(target, prop) {
      if (typeof prop !== "string") return undefined;
      let p = prop;
      for (;;) {
        if (Object.prototype.hasOwnProperty.call(target, p)) return target[p];
        const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
        if (cut <= 0) return sheet;
        p = p.slice(0, cut);
      }
    },
  });
}

/** parseProposal with the reader's locations, then calculate with the reader's findings. */
export function computeFound(found: FoundProposal, settings?: SettingsInput): Result {
  const input = settings ? { ...found.input, settings: { ...(found.input.settings ?? {}), ...settings } } : found.input;
  const { proposal, findings } = parseProposal(input, { locations: withFallback(found.locations, found.sheet) });
  return calculate(proposal, [...findings, ...found.findings]);
}

/**
 * Valider: read, compute every proposal (with `settings` over the workbook's own), add STALE.
 * `results[i]` belongs to `reading.proposals[i]`; undefined where that proposal cannot be
 * computed (its STRUCTURE finding says why).
 */
export function validateWorkbook(
  grids: Grid[],
  settings?: SettingsInput,
): { reading: WorkbookReading; results: (Result | undefined)[]; findings: Finding[] } {
  const reading = readWorkbook(grids);
  const results: (Result | undefined)[] = [];
  const findings: Finding[] = [...reading.findings];
  for (const found of reading.proposals) {
    try {
      const result = computeFound(found, settings);
      const stale = staleFinding(reading, found);
      if (stale) result.findings.push(stale);
      results.push(result);
      findings.push(...result.findings);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      results.push(undefined);
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
