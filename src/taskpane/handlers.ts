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
/** One row of an editable two-column table (Hjælpeberegning's rates and index): a name and its number. */
export interface Pair {
  key: string;
  value: string;
}
/** The table's rows after an edit. */
export type EditRows = (rows: Pair[]) => void;
/** A row's Danish label for a screen reader ("Sats 2025 600"). */
export type RowLabel = (row: Pair) => string;
