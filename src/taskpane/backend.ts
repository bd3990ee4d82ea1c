/**
 * The workbook layer's functions the task pane calls (docs/CONTRACTS.md), as one object so the
 * controller can be tested with stand-ins and the pane never imports Office and the layer in
 * the same place.
 */
import type { Finding, Result } from "../engine";
import type { SettingsInput } from "../engine/settings";
import * as workbook from "../workbook";
import type { Explanation, FoundProposal, PlanOptions, PlanOutcome, WorkbookReading } from "../workbook/api";
import type { Grid, WritePlan } from "../workbook/types";
import type { TextNumber } from "../workbook/fixTextNumbers";

export interface WorkbookBackend {
  readWorkbook(grids: Grid[]): WorkbookReading;
  computeFound(found: FoundProposal, settings?: SettingsInput): Result;
  validateWorkbook(
    grids: Grid[],
    settings?: SettingsInput,
  ): { reading: WorkbookReading; results: (Result | undefined)[]; findings: Finding[] };
  planBeregn(grids: Grid[], reading: WorkbookReading, proposalIndex: number, result: Result, options: PlanOptions): PlanOutcome;
  planUndo(grids: Grid[]): { plan: WritePlan; cellsRestored?: number; notice?: string } | { refused: string };
  templateGrids(): Grid[];
  explainCell(reading: WorkbookReading, result: Result, sheet: string, address: string): Explanation | undefined;
  /** What a plan does, on Grids (the pane's view of the workbook after Beregn or Fortryd). */
  applyPlanToGrids?(grids: Grid[], plan: WritePlan): Grid[];
  /** Settings written into "_beregn", where the layer offers it. */
  planSettings?(grids: Grid[], settings: SettingsInput): WritePlan;
  /** The optional Tabel 1 columns (Type, Bevilling, Nøgle, Adm.), where the layer offers it. */
  planOptionalColumns?(grids: Grid[], reading: WorkbookReading, proposalIndex: number): PlanOutcome;
  /** The sheet "Følsomhed" (issue 12), recorded in "_beregn" so Fortryd removes it. */
  planSensitivitySheet?(
    grids: Grid[],
    result: Result,
    sourceSheet: string | null,
    now?: Date,
  ): { plan: WritePlan; sheet: string; summary: string };
  /** One value into an empty cell (Hjælpeberegning), recorded in "_beregn" for Fortryd. */
  planInsertValue?(
    grids: Grid[],
    sheet: string,
    address: string,
    cell: { value: number },
  ): { plan: WritePlan; summary: string } | { refused: string };
  /** Tabel 1's input numbers typed as text ("Ret tal skrevet som tekst", issue 10). */
  textNumbersOf?(reading: WorkbookReading, grids: Grid[]): TextNumber[];
  /** The question the pane asks before converting them. */
  fixTextNumbersQuestion?(cells: TextNumber[]): string;
  /** Those cells as numbers, recorded in "_beregn" for Fortryd. */
  planFixTextNumbers?(grids: Grid[], reading?: WorkbookReading): { plan: WritePlan; summary: string } | { refused: string };
}

const REQUIRED = ["readWorkbook", "computeFound", "validateWorkbook", "planBeregn", "planUndo", "templateGrids", "explainCell"] as const;

/**
 * The layer as built into the bundle. Looked up by name, so the pane compiles while the layer is
 * still being written; a missing function is an error the pane shows, not a crash at load.
 */
export function workbookBackend(): WorkbookBackend {
  const api = workbook as unknown as Record<string, unknown>;
  const missing = REQUIRED.filter((name) => typeof api[name] !== "function");
  if (missing.length > 0) {
    const fail = (): never => {
      throw new Error(`Beregn er bygget uden arbejdsbogslaget (mangler ${missing.join(", ")}).`);
    };
    return {
      readWorkbook: fail,
      computeFound: fail,
      validateWorkbook: fail,
      planBeregn: fail,
      planUndo: fail,
      templateGrids: fail,
      explainCell: fail,
    };
  }
  return api as unknown as WorkbookBackend;
}
