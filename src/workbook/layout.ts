/**
 * Where a proposal's tables are (FoundProposal.layout, opaque to hosts): what readWorkbook found
 * and planBeregn / explainCell use. Rows and columns are 0-based.
 */
import type { Area, Block } from "../engine/model";
import type { OptionalColumn, TotalKind } from "./labels";

export interface InputRowLayout {
  row: number;
  block: Block;
  /** Index in input.rows. */
  index: number;
  excluded: boolean;
}

export interface ComputedRowLayout {
  row: number;
  total: TotalKind;
  area?: Area;
}

export interface PaybackLayout {
  row: number;
  /** The cell holding (or to hold) the payback text. */
  col: number;
  which: "service" | "total";
}

export interface Tabel1Layout {
  sheet: string;
  headerRow: number;
  labelCol: number;
  years: number[];
  yearCols: number[];
  cols: Partial<Record<OptionalColumn, number>>;
  inputRows: InputRowLayout[];
  computed: ComputedRowLayout[];
  payback: PaybackLayout[];
  firstRow: number;
  lastRow: number;
}

/**
 * Output tables: "2.1.1", "A".."E" (Service), "admin", and Beregn's tables for other områder
 * ("A:Overførsler", "D:EI").
 */
export type TableId = string;

export interface TableLayout {
  id: TableId;
  sheet: string;
  titleRow: number;
  titleCol: number;
  headerRow: number;
  labelCol: number;
  years: number[];
  yearCols: number[];
  /** Canonical unit code (or "Total") → row. */
  unitRows: { unit: string; row: number }[];
  lastRow: number;
  /** On a sheet Beregn made: output, not stated. */
  generated: boolean;
  /** A block table's sub-row ("Samlet besparelse"): this table is that row of every block. */
  part?: string;
  /** One of a block table's sub-rows that together are compared with Tabel 1 (an allocation without net rows). */
  grouped?: boolean;
  /** Only the rows against the table's own Total (a component such as Omkostning, or a repeated table). */
  rowsOnly?: boolean;
  /** Titled in the 2018 annex's words ("Måltalseffekt – hvis forslaget indarbejdes"), SPEC §8. */
  wording2018?: boolean;
}

export interface ProposalLayout {
  tabel1: Tabel1Layout;
  tables: TableLayout[];
  /** Fingerprint of every input cell the reader used (the stamp's fingerprint). */
  fingerprint: string;
  /** "Ark!C12" of every input cell (labels, values, optional columns, keys, transfers). */
  inputCells: string[];
  /**
   * Tabel 1's input numbers typed as text, as the reader counted them in its UNREADABLE note:
   * what "Ret tal skrevet som tekst" converts (fixTextNumbers.ts).
   */
  textNumbers?: { text: string; location: string }[];
}
