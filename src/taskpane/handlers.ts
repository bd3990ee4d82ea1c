/** The callbacks the components take (in a .ts file: eslint's base no-unused-vars misreads them in .tsx). */
import type { PaneSettings } from "./controller";

/** Selects a finding's cell ("Gå til celle"). */
export type GoTo = (location: string) => void;
/** Picks one of the workbook's proposals. */
export type SelectProposal = (index: number) => void;
/** Uses (and where possible saves) the settings. */
export type SaveSettings = (settings: PaneSettings) => void;
/** Inserts a Hjælpeberegning's result into the selected empty cell. */
export type InsertValue = (value: number) => void;
