/**
 * The Office.js host (DESIGN.md): reads the open workbook into Grids and applies WritePlans.
 * Thin on purpose: it translates, the workbook layer decides.
 */
export {
  readGrids,
  toGrid,
  mergeAddresses,
  workbookStateOf,
  DEFAULT_PROBE_WORDS,
  type RangeData,
  type ReadOptions,
  type ReadReport,
  type ReadStrategy,
} from "./readGrids";
export { PAYLOAD_LIMIT_BYTES, SYNC_BUDGET_BYTES } from "./payload";
export {
  applyPlan,
  STRUCTURE_PROTECTED,
  selectCell,
  getSelectedCell,
  deleteSheet,
  type ApplyOptions,
  type ApplyReport,
  type SheetState,
} from "./applyPlan";
export { HostError, toHostError, protectedSheetError, type HostErrorKind } from "./errors";
export { makeExcelRun, officeExcelApi, runInfoOf, type ExcelApi, type BeregnRunOptions, type RunInfo } from "./run";
export * from "./address";
