/**
 * The workbook layer (DESIGN.md): Grid[] → proposals (readWorkbook), results → WritePlan
 * (planBeregn), undo (planUndo), the blank template (templateGrids). Plain data only.
 *
 * API contract used by both hosts (src/xlsx, src/excel) and the CLI / task pane
 * (docs/CONTRACTS.md):
 *   readWorkbook(grids: Grid[]): WorkbookReading
 *   computeFound(found, settings?): Result
 *   validateWorkbook(grids): { reading, results, findings }
 *   planBeregn(grids, reading, proposalIndex, result, options): PlanOutcome
 *   planUndo(grids): { plan: WritePlan; cellsRestored } | { refused: string }
 *   applyPlanToGrids(grids, plan): Grid[]
 *   templateGrids(): Grid[]
 *   planSettings(grids, settings, profile?): WritePlan   (the pane's Indstillinger into "_beregn")
 *   explainCell(reading, result, sheet, address): Explanation | undefined
 *   planFixTextNumbers(grids, reading?): { plan; cells; summary } | { refused }   ("Ret tal skrevet som tekst")
 */
export * from "./types";
export * from "./api";
export { readWorkbook, KONTROL_SHEET } from "./readWorkbook";
export { computeFound, validateWorkbook } from "./compute";
export { planBeregn, BEREGN_VERSION } from "./writePlan";
export { planUndo } from "./undo";
export { applyPlanToGrids } from "./applyPlan";
export { templateGrids } from "./template";
export { planSettings } from "./settingsPlan";
export { explainCell } from "./explain";
export { BEREGN_SHEET } from "./beregnSheet";
export { SheetBuilder } from "./sheetBuilder";
export { a1, parseA1, splitLocation } from "./grid";
export { planSensitivitySheet, SENSITIVITY_SHEET } from "./sensitivitySheet";
export { planInsertValue } from "./insertValue";
export { planFixTextNumbers, findTextNumbers, textNumbersOf, fixTextNumbersQuestion, type TextNumber } from "./fixTextNumbers";
