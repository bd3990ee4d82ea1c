/**
 * Excel.run with the options this Excel supports (Microsoft's Excel.RunOptions):
 *  - `delayForCellEdit: true` (ExcelApi 1.11): a batch sent while the user is typing in a cell
 *    waits until the cell is left, instead of failing with InvalidOperationInCellEditMode;
 *  - `mergeUndoGroup: true` (ExcelApi 1.20, "Undo capabilities in Excel add-ins"): everything a
 *    run writes is one step of Excel's own undo (Ctrl+Z). A grouped batch that calls an API
 *    without undo support throws UndoNotSupported, and Beregn's plans may set a sheet's
 *    visibility or delete a sheet (both without undo support): applyPlan refuses such a plan in
 *    a grouped run before it queues anything (UngroupedRunNeeded), and the run is made again
 *    without the group. Only reads can have happened by then, so running again is safe.
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

/** The contexts of grouped runs, so applyPlan knows not to queue what cannot be grouped. */
const grouped = new WeakSet<object>();

export function isGroupedRun(context: Excel.RequestContext): boolean {
  return grouped.has(context);
}

/** Thrown by applyPlan in a grouped run, before anything is queued: run it again ungrouped. */
export class UngroupedRunNeeded extends Error {
  constructor() {
    super("the plan hides or deletes a sheet, which Excel cannot group into one undo step");
    this.name = "UngroupedRunNeeded";
  }
}

/** Office.js as the task pane has it (window.Excel, window.Office). */
export function officeExcelApi(): ExcelApi {
  return {
    run: (options, batch) => Excel.run(options as Excel.RunOptions, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** An Excel.run for the controller: the supported options, and the ungrouped rerun. */
export function makeExcelRun(api: ExcelApi): <T>(batch: Batch<T>) => Promise<T> {
  const delay = api.isSetSupported("ExcelApi", "1.11");
  const undoGroup = api.isSetSupported("ExcelApi", "1.20");
  return async <T>(batch: Batch<T>): Promise<T> => {
    const options: BeregnRunOptions = delay ? { delayForCellEdit: true } : {};
    if (!undoGroup) return api.run(options, batch);
    try {
      return await api.run({ ...options, mergeUndoGroup: true }, (context) => {
        grouped.add(context);
        return batch(context);
      });
    } catch (err) {
      // by name too: Excel.run may hand back the batch's error as a copy
      if (!(err instanceof UngroupedRunNeeded) && (err as { name?: unknown })?.name !== "UngroupedRunNeeded") throw err;
    }
    return api.run(options, batch);
  };
}
