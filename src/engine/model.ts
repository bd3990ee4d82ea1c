/**
 * The proposal model: the engine's one input shape (SPEC §10, cases/README.md), after
 * validation. Amounts are Decimal from here on; a proposal's year columns are an ordered
 * list and every series is an array aligned with it.
 */
import Decimal from "decimal.js";

/** One value per year column, aligned with Proposal.years. */
export type Series = Decimal[];

/** Styringsområde (SPEC §2). */
export type Area = "Service" | "Anlæg" | "Overførsler" | "EI" | "EO";
export const AREAS: readonly Area[] = ["Service", "Anlæg", "Overførsler", "EI", "EO"];

export type Block = "permanent" | "implementation";
/** Row types of the permanent block (SPEC §2). */
export type RowType = "effect" | "loss" | "drift";

export type ProfileName = "kk-2025" | "kk-2018" | "kk-2016";

export interface Row {
  label: string;
  block: Block;
  /** Permanent rows only. */
  type?: RowType;
  /** Missing area counts as Service, with an AREA_MISSING finding (SPEC §2). */
  area: Area;
  areaGiven: boolean;
  values: Series;
  /** Where the money sits: a bevilling/udvalg/forvaltning code or a key name. */
  unit?: string;
  /** Effect/loss: who is credited the måltal; drift: who finances it (SPEC §5). */
  key?: string;
  administrative: boolean;
  excluded: boolean;
  /** Index in the input's rows (for locations `rows[i]…`). */
  index: number;
}

export type KeyKind = "weights" | "percent";

export interface Key {
  name: string;
  kind: KeyKind;
  note?: string;
  /** Raw weights by the unit code as written (several codes may name one unit). */
  weights: { unit: string; weight: Decimal }[];
}

export interface Transfer {
  label: string;
  from: string;
  to: string;
  area: Area;
  values: Series;
  index: number;
}

/** A stated table: unit (or "Total") → one value per year; a missing cell is undefined. */
export type StatedTable = Record<string, (Decimal | undefined)[]>;

export interface StatedTotals {
  permanent?: (Decimal | undefined)[];
  permanentByArea?: Partial<Record<Area, (Decimal | undefined)[]>>;
  implementation?: (Decimal | undefined)[];
  implementationByArea?: Partial<Record<Area, (Decimal | undefined)[]>>;
  net?: (Decimal | undefined)[];
  /** Per-unit subtotals ("Samlet varig ændring, service SOF"): together they are the block's total. */
  permanentByUnit?: Record<string, (Decimal | undefined)[]>;
  implementationByUnit?: Record<string, (Decimal | undefined)[]>;
  /** Running sum of net ("Aggregeret", some 2018 proposals). */
  aggregated?: (Decimal | undefined)[];
}

export type KvantumTableName = "A" | "B" | "C" | "D" | "E";

export interface Stated {
  totals?: StatedTotals;
  /** As written: "4 år (2028)", "5", "1 år". */
  payback?: { service?: string; total?: string };
  kvantum?: Partial<Record<KvantumTableName, StatedTable>>;
  /** The document's caption where it numbers a Kvantum table otherwise (2018: "Tabel 5. Måltalseffekt" is A). */
  kvantumCaptions?: Partial<Record<KvantumTableName, string>>;
  committees?: StatedTable;
  /**
   * Stated allocations of the permanent change on udvalg (2018 "Fordeling af varige ændringer
   * mellem udvalg", 2025 "Tabel 3. Fordeling af indkøbseffektiviseringer på udvalg"): their rows
   * against their Total, the Total against Samlet varig ændring (of the område in the caption).
   * rowsOnly: only the rows against the Total (a block table's component such as "Omkostning",
   * whose Total is no Tabel 1 row, or a table the proposal prints twice). group: the caption of a
   * block table whose sub-rows together are the permanent change (2016's Effektivisering +
   * Omkostning, 003:415-452): their Totals are added before the comparison with Tabel 1.
   */
  allocations?: { title: string; area?: Area; rowsOnly?: boolean; group?: string; table: StatedTable }[];
  /**
   * Detail tables breaking Tabel 1 down (2018 "Tabel 2. Varige ændringer, service", "Tabel 3.
   * Serviceinvesteringer i forslaget"; issue 8): their rows against their Total, the Total against
   * Tabel 1's block over `areas` (all områder when absent). The row "Total" is the table's total.
   */
  details?: { title: string; block: Block; areas?: Area[]; totalLabel?: string; table: StatedTable }[];
  admin?: (Decimal | undefined)[];
}

export interface Settings {
  /** SPEC §3: fitted, unverified; 0 gives the plain rule. */
  discountRate: Decimal;
  /**
   * SPEC §3: investment pool limit on the service payback (unverified); null where the profile's
   * template has no such pool rule.
   */
  paybackLimitYears: number | null;
  /** SPEC §5: "standard" (credit/finance model) or 2018's "net" savers policy. */
  maaltalPolicy: "standard" | "net";
  /** SPEC §5: basis of Tabel 2.1.1. */
  tabel211Basis: "A" | "C";
  /** SPEC §2: tolerance for a stated total against its n shown addends, ⌊(n+1)/2⌋ by default. */
  roundingTolerance: "half-n" | number;
  /** SPEC §7. */
  hoursPerYear: Decimal;
  /** Følsomhed (issue 12): the present value's horizon, years from year 1. */
  sensitivityHorizonYears: number;
  /** Følsomhed: how many years the effect and loss rows come late. */
  sensitivityDelayYears: number;
  /** Følsomhed: the fraction the effect and loss rows fall short (0,2 = −20 %). */
  sensitivityEffectDown: Decimal;
  /** Følsomhed: the fraction the implementation costs run over (0,2 = +20 %). */
  sensitivityInvestmentUp: Decimal;
  /** Følsomhed: the fraction the varig drift runs over. */
  sensitivityDriftUp: Decimal;
  /** Følsomhed: the low and the high discount rate, for the payback and the present value. */
  sensitivityRateLow: Decimal;
  sensitivityRateHigh: Decimal;
  /** Beregn marks each advarsel and fejl at its cell with a note (issue 10); off for a clean copy. */
  cellNotes: boolean;
}

/**
 * Where a number came from. The engine never interprets it: for JSON input it is the path
 * (`rows[2].values.2025`), for a workbook the reader maps paths to "Ark!C12".
 */
export type Locator = (path: string) => string;

/**
 * Bilag 7's kinds: an investment proposal, an innovation proposal or a preliminary analysis
 * (Foranalyse) for the innovation pool, or a pure efficiency proposal (no investment).
 */
export const PROPOSAL_KINDS = ["investment", "innovation", "preliminary", "efficiency"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export interface Proposal {
  id: string;
  title: string;
  source?: string;
  priceLevel?: string;
  profile: ProfileName;
  presenting?: string;
  /** innovation / preliminary: the innovation pool, no payback limit (Bilag 7 Tabel 3). */
  kind?: ProposalKind;
  years: number[];
  settings: Settings;
  defaultKey?: string;
  /** false: no placement known, so no Kvantum tables (cases/README.md). */
  kvantum: boolean;
  rows: Row[];
  keys: Record<string, Key>;
  transfers: Transfer[];
  stated: Stated;
  locate: Locator;
}

export type Severity = "error" | "warning" | "info";

export type FindingCode =
  | "TOTAL_MISMATCH"
  | "PAYBACK_MISMATCH"
  | "PAYBACK_OVER_LIMIT"
  | "PAYBACK_NOT_APPLICABLE"
  | "KEY_NOT_100"
  | "KEY_INVALID"
  | "KEY_MISSING"
  | "UNIT_OUTSIDE_TEMPLATE"
  | "ROWS_NOT_SUMMING"
  | "KVANTUM_MISMATCH"
  | "KVANTUM_IDENTITY"
  | "KVANTUM_MISSING"
  | "ALLOCATION_MISMATCH"
  | "DETAIL_MISMATCH"
  | "ADMIN_MISMATCH"
  | "SIGN"
  | "AREA_MISSING"
  | "PRICE_LEVEL"
  | "UNREADABLE"
  | "PLACEHOLDER"
  | "TYPE_INFERRED"
  | "STRUCTURE"
  | "STALE"
  | "CATALOGUE_MISMATCH";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Danish, with the numbers. */
  message: string;
  /** Sheet and cell(s) for workbook input, a JSON path otherwise. */
  location: string;
}
