import type { Finding, Proposal } from "./model";
import type { Result } from "./result";
/** Placeholder until the engine lands; see issue 2. */
export function calculate(proposal: Proposal, readFindings: Finding[] = []): Result {
  void proposal;
  void readFindings;
  throw new Error("not yet");
}
