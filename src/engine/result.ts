/**
 * What the engine computes for one proposal. Exact Decimals inside; rounded tables carry both
 * the exact and the shown (whole t.kr.) values, so a cell can be explained.
 */
import type Decimal from "decimal.js";
import type { Area, Finding, Proposal, Series } from "./model";

export interface Totals {
  permanent: Series;
  permanentByArea: Partial<Record<Area, Series>>;
  implementation: Series;
  implementationByArea: Partial<Record<Area, Series>>;
  /** Samlet økonomisk påvirkning = permanent + implementation. */
  net: Series;
  /** Running sum of net ("Aggregeret"). */
  aggregated: Series;
}

export interface PaybackOutcome {
  /** null = not paid back. */
  years: number | null;
  breakEvenYear: number | null;
}

export interface PaybackResult extends PaybackOutcome {
  /** Discount rate the rule used. */
  rate: Decimal;
  /** Discounted cumulative flow per year column (for the chart). */
  cumulative: Series;
  /** The same rule at 0 %, for the reader to judge (SPEC §3). */
  undiscounted: PaybackOutcome;
  /** "4 år (2028)" or "ikke tilbagebetalt". */
  text: string;
  /** Names the rule used: "diskonteret med 2 %". */
  rule: string;
}

/** One contribution to a Kvantum or 2.1.1 cell: which row, which share (for "Forklar"). */
export interface Contribution {
  source: string;
  /** "effekt", "drift", "flyt", "investering". */
  role: string;
  share: Decimal;
  amount: Decimal;
}

/** A table by unit rounded by SPEC §4: shown values sum to the shown total, column by column. */
export interface RoundedTable {
  /** Units in template order. */
  units: string[];
  exact: Record<string, Series>;
  shown: Record<string, Series>;
  total: Series;
  /** unit → year index → contributions (for explaining a cell). */
  contributions: Record<string, Contribution[][]>;
}

export interface KvantumSet {
  /** Styringsområde of the permanent rows the set covers; Service is the måltal set. */
  area: Area;
  A: RoundedTable;
  B: RoundedTable;
  C: RoundedTable;
}

export interface KvantumResult {
  /** Service first, then other områder with permanent rows. */
  sets: KvantumSet[];
  /** Implementation by bevilling: D = Anlæg, E = Service; others by their område. */
  D: RoundedTable;
  E: RoundedTable;
  otherInvestments: { area: Area; table: RoundedTable }[];
}

export interface Result {
  proposal: Proposal;
  totals: Totals;
  payback: { service: PaybackResult | null; total: PaybackResult | null };
  kvantum: KvantumResult | null;
  committees: RoundedTable | null;
  /** Administrative Tabel 2: Σ rows marked administrative. */
  admin: Series | null;
  findings: Finding[];
}
