/**
 * The .xlsx host (DESIGN.md, issue 13): files in, Grids out, read by a streaming XML parser; a
 * WritePlan in, the same package out with only the parts it touches patched. ExcelJS only writes
 * brand-new workbooks (the template, the examples).
 */
export { FileRefusal, type FileRefusalCode } from "./errors";
export { DEFAULT_LIMITS, resolveLimits, type FileLimits } from "./limits";
export { inspectFile, type Inspection } from "./inspect";
export { loadWorkbook, type LoadedWorkbook, type XlsxWorkbook } from "./load";
export { applyPlan, type ApplyOutcome } from "./apply";
export { saveWorkbook } from "./save";
export { fittedWidths, gridsToWorkbook } from "./fromGrids";
export { columnLetters, parseAddress } from "./address";
