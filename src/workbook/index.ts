/**
 * The workbook layer (DESIGN.md): Grid[] → proposals (readWorkbook), results → WritePlan
 * (planBeregn), undo (planUndo), the blank template (templateGrids). Plain data only.
 *
 * API contract used by both hosts (src/xlsx, src/excel) and the CLI / task pane:
 *   readWorkbook(grids: Grid[]): WorkbookReading
 *   planBeregn(grids, reading, proposalIndex, result, options): PlanOutcome
 *   planUndo(grids): { plan: WritePlan } | { refused: string }
 *   templateGrids(): Grid[]
 */
export * from "./types";
