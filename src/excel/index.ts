/**
 * The Office.js host (DESIGN.md): reads the open workbook into Grids and applies WritePlans.
 * Thin on purpose: it translates, the workbook layer decides.
 */
export { readGrids, toGrid, DEFAULT_PROBE_WORDS, type RangeData, type ReadOptions, type ReadReport, type ReadStrategy } from "./readGrids";
export { PAYLOAD_LIMIT_BYTES, SYNC_BUDGET_BYTES } from "./payload";
export { applyPlan, selectCell, getSelectedCell, deleteSheet, type ApplyOptions, type ApplyReport, type SheetState } from "./applyPlan";
export { HostError, toHostError, protectedSheetError, type HostErrorKind } from "./errors";
export * from "./address";
