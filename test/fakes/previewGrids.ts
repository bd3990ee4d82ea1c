/**
 * Puts an example proposal where officeFakeBrowser.ts looks for it (window.__BEREGN_GRIDS__).
 * The case and layout come from the page's URL: taskpane.html?case=2025-F4&layout=standard.
 */
import type { ProposalInput } from "../../src/engine/input";
import { buildCaseGrids, type CaseLayout } from "../helpers/layoutBuilder";

declare const require: { context(dir: string, deep: boolean, re: RegExp): { keys(): string[]; (k: string): unknown } };

const cases = require.context("../fixtures/cases", false, /\.json$/);
const params = new URLSearchParams(location.search);
const name = params.get("case") ?? "2025-F4";
const layout = (params.get("layout") ?? "standard") as CaseLayout;
const key = cases.keys().find((k) => k.endsWith(`/${name}.json`)) ?? cases.keys()[0];
(window as unknown as { __BEREGN_GRIDS__: unknown }).__BEREGN_GRIDS__ = buildCaseGrids(cases(key) as ProposalInput, layout);
