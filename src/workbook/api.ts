/**
 * Types of the workbook layer's API (docs/CONTRACTS.md). The hosts and the task pane depend on
 * these and nothing else of src/workbook.
 */
import type { Finding, ProfileName } from "../engine/model";
import type { ProposalInput } from "../engine/input";
import type { SettingsInput } from "../engine/settings";
import type { Decimal } from "decimal.js";

/** One Tabel 1 found in the workbook, as engine input plus where every number came from. */
export interface FoundProposal {
  /** Sheet that holds the Tabel 1. */
  sheet: string;
  /** Which template layout was recognised. */
  template: ProfileName;
  input: ProposalInput;
  /** JSON path → "Ark!C12" (docs/CONTRACTS.md). */
  locations: Record<string, string>;
  /** Danish notes on row types inferred from labels or signs: one per row. */
  inferred: string[];
  /** Reader findings (UNREADABLE, PLACEHOLDER, STRUCTURE, TYPE_INFERRED …), located at cells. */
  findings: Finding[];
  /** Opaque to hosts: where the tables are, for planBeregn. */
  layout: unknown;
}

/** The last Beregn, as kept in the very hidden sheet "_beregn". */
export interface Stamp {
  version: string;
  profile: string;
  time: string;
  /** Fingerprint of the input cells the last Beregn read. */
  fingerprint: string;
  proposalSheet: string;
}

export interface WorkbookReading {
  proposals: FoundProposal[];
  /** Workbook-level findings (no proposal found, ambiguous tables …). */
  findings: Finding[];
  /** Settings saved in "_beregn" (override the profile's defaults). */
  settings?: SettingsInput;
  stamp?: Stamp;
}

export interface PlanOptions {
  /** beregn: everything; kvantum: only tables A–E and 2.1.1 (and their findings). */
  mode: "beregn" | "kvantum";
  now?: Date;
  version?: string;
}

export interface PlanOutcome {
  plan: import("./types").WritePlan;
  cellsWritten: number;
  sheetsTouched: string[];
  /** Danish: "42 celler skrevet i Kvantum, Kontrol". */
  summary: string;
}

/** What makes up one cell of a generated table ("Forklar"). */
export interface Explanation {
  table: string;
  unit: string;
  year: number;
  exact: Decimal;
  shown: Decimal;
  /** true when largest-remainder rounding moved the cell away from its own rounding. */
  movedByRounding: boolean;
  parts: { source: string; role: string; share: Decimal; amount: Decimal }[];
}
