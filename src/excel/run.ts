/**
 * Excel.run with the options this Excel supports (Microsoft's Excel.RunOptions):
 *  - `delayForCellEdit: true` (ExcelApi 1.11): a batch sent while the user is typing in a cell
 *    waits until the cell is left, instead of failing with InvalidOperationInCellEditMode;
 *  - `mergeUndoGroup: true` (ExcelApi 1.20, "Undo capabilities in Excel add-ins"): everything a
 *    write does is one step of Excel's own undo (Ctrl+Z). A grouped batch that calls an API
 *    without undo support throws UndoNotSupported, and Beregn's plans may set a sheet's
 *    visibility or delete a sheet (both without undo support). Whether a plan does is known only
 *    once it is made, inside the run, after the read: so the action's run is not grouped, and
 *    applyPlan sends a plan that neither hides nor deletes a sheet in a grouped run of its own
 *    (runInfoOf). The write is the same one sync either way; only its undo differs.
 */

/** The RunOptions Beregn sets; the rest of Excel.RunOptions is left at its default. */
export interface BeregnRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** What the runner needs of Office.js: Excel.run(options, batch) and the requirement sets. */
export interface ExcelApi {
  run<T>(options: BeregnRunOptions, batch: Batch<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** How the run a context belongs to was made, for applyPlan's grouped write. */
export interface RunInfo {
  api: ExcelApi;
  options: BeregnRunOptions;
  /** ExcelApi 1.20: a write may be grouped into one undo step. */
  undoGroup: boolean;
}

const runs = new WeakMap<object, RunInfo>();

/** The run a context belongs to, when makeExcelRun made it (not in tests that use a bare context). */
export function runInfoOf(context: Excel.RequestContext): RunInfo | undefined {
  return runs.get(context);
}

/** Office.js as the task pane has it (window.Excel, window.Office). */
export function officeExcelApi(): ExcelApi {
  return {
    run: (options, batch) => Excel.run(options as Excel.RunOptions, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** An Excel.run for the controller, with the options this Excel supports. */
export function makeExcelRun(api: ExcelApi): <T>(batch: Batch<T>) => Promise<T> {
  const info: RunInfo = {
    api,
    options: api.isSetSupported("ExcelApi", "1.11") ? { delayForCellEdit: true } : {},
    undoGroup: api.isSetSupported("ExcelApi", "1.20"),
  };
  return <T>(batch: Batch<T>): Promise<T> =>
    api.run(info.options, (context) => {
      runs.set(context, info);
      return batch(context);
    });
}
