/**
 * The .xlsx host (DESIGN.md): ExcelJS on Node. Files in, Grids out; a WritePlan in, a file out.
 * Judges a file before unpacking it and never saves over parts it cannot write back.
 */
export { FileRefusal, type FileRefusalCode } from "./errors";
export { DEFAULT_LIMITS, resolveLimits, type FileLimits } from "./limits";
export { inspectFile, type Inspection } from "./inspect";
export { loadWorkbook, type LoadedWorkbook } from "./load";
export { applyPlan, type ApplyOutcome } from "./apply";
export { saveWorkbook } from "./save";
export { fittedWidths, gridsToWorkbook } from "./fromGrids";
export { worksheetToGrid } from "./toGrid";
export { columnLetters, parseAddress } from "./address";
