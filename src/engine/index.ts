/**
 * The engine's front door: validate a proposal, compute everything, check what was stated.
 * Pure: no I/O, no Office, no DOM.
 */
export * from "./model";
export type * from "./result";
export { parseProposal, InputError, type ProposalInput, type ParseOptions } from "./input";
export { calculate } from "./calculate";
export { resultToJson, type ResultJson } from "./resultJson";
export { DEFAULT_SETTINGS, PROFILES, resolveSettings, type SettingsInput } from "./settings";
export { computeSensitivity, type Scenario, type ScenarioName, type Sensitivity } from "./sensitivity";
