/**
 * Excel's errors in words an economist can act on. Office.js rejects a batch with an
 * OfficeExtension.Error whose `code` names the cause; the task pane shows `message` of the
 * HostError it becomes, never Excel's English text alone.
 */
import { protectedSheetsMessage } from "../workbook/protection";

export type HostErrorKind = "protected" | "editMode" | "accessDenied" | "notFound" | "tooLarge" | "busy" | "unsupported" | "general";

export class HostError extends Error {
  constructor(
    public readonly kind: HostErrorKind,
    message: string,
    /** Excel's own code and text, for the details line and the log. */
    public readonly excelCode?: string,
    public readonly excelMessage?: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

/** The fields of an OfficeExtension.Error this module reads (the fake throws the same shape). */
interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

export function protectedSheetError(sheet: string): HostError {
  return new HostError("protected", protectedSheetsMessage([sheet]));
}

/**
 * Maps any error thrown by Excel.run / context.sync to a HostError with a Danish message.
 * `partial` says whether writes may already have been applied (a failing batch keeps the
 * operations before the failing one), so the message can say so honestly. `earlierApplied` says
 * that an earlier sync of the same write already went through (a huge plan sent in several,
 * applyPlan.ts): then even a batch Excel refuses whole leaves the workbook changed.
 */
export function toHostError(err: unknown, partial = false, earlierApplied = false): HostError {
  if (err instanceof HostError) return err;
  const e = (err ?? {}) as OfficeErrorLike;
  const code = typeof e.code === "string" ? e.code : typeof e.debugInfo?.code === "string" ? e.debugInfo.code : "";
  const text = typeof e.message === "string" ? e.message : String(err);
  const where = typeof e.debugInfo?.errorLocation === "string" && e.debugInfo.errorLocation ? ` (${e.debugInfo.errorLocation})` : "";
  const after = partial
    ? " Noget kan allerede være skrevet: brug Fortryd eller Excels versionshistorik, hvis tabellerne ser halve ud."
    : " Intet er ændret.";
  // Excel refuses these batches whole: nothing of them was applied
  const whole = (kind: HostErrorKind) => kind === "editMode" || kind === "tooLarge";
  const mk = (kind: HostErrorKind, msg: string) =>
    new HostError(kind, msg + (whole(kind) && !earlierApplied ? " Intet er ændret." : after), code || undefined, text);

  // Excel refuses every API call while a cell is being edited: InvalidOperationInCellEditMode
  // ("Error handling with the application-specific JavaScript APIs"), or on older builds an
  // InvalidOperation whose text says so. Only the text decides for InvalidOperation: the same
  // code also means "not allowed for this object" (deleting a very hidden sheet, Worksheet.delete).
  const editText = /cell edit mode|edit cell mode|edit mode|redigeringstilstand/i.test(text);
  if (code === "InvalidOperationInCellEditMode" || ((code === "InvalidOperation" || code === "") && editText)) {
    return mk("editMode", "Excel er i gang med at redigere en celle. Tryk Enter eller Esc i cellen, og prøv igen.");
  }
  const operation = typeof e.debugInfo?.errorLocation === "string" ? e.debugInfo.errorLocation : "";
  if (code === "InvalidOperation" || code === "AccessDenied") {
    // the failing operation says what went wrong better than the code does
    const byOperation = operationMessage(operation, text);
    if (byOperation) return mk("general", byOperation);
  }
  switch (code) {
    case "AccessDenied":
      return mk(
        "accessDenied",
        `Excel nægtede adgang${where}: arket eller projektmappen er måske beskyttet, delt med begrænsninger eller skrivebeskyttet.`,
      );
    case "ItemNotFound":
      return mk(
        "notFound",
        `Et ark eller område findes ikke længere${where}. Er et ark omdøbt eller slettet, mens ruden var åben? Prøv igen.`,
      );
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return mk("tooLarge", "Projektmappen er for stor til én forespørgsel til Excel (grænsen er 5 MB i Excel på nettet).");
    case "InvalidOperation":
      return mk("general", `Excel afviste handlingen${where}: ${text}`);
    case "Conflict":
    case "InsertDeleteConflict":
    case "MergedRangeConflict":
    case "FilteredRangeConflict":
    case "PivotTableRangeConflict":
      return mk("general", `Excel kunne ikke skrive, fordi området er flettet, filtreret eller overlapper en pivottabel${where}.`);
    case "ActivityLimitReached":
    case "RequestAborted":
      return mk("busy", "Excel var optaget eller afbrød forespørgslen. Vent et øjeblik, og prøv igen.");
    case "RangeExceedsLimit":
      return mk("tooLarge", "Et område er for stort til at læse på én gang (Excel læser højst 5.000.000 celler ad gangen).");
    case "UndoNotSupported":
      return mk("unsupported", "Excel kunne ikke samle Beregns ændringer i ét fortryd-trin i Excel.");
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedOperation":
    case "UnsupportedFeature":
      return mk(
        "unsupported",
        "Denne version af Excel understøtter ikke en funktion, Beregn bruger. Opdatér Excel, eller brug Excel på nettet.",
      );
    case "GeneralException":
      return mk("general", `Excel meldte en generel fejl${where}. Gem projektmappen, og prøv igen.`);
    default:
      return mk("general", `Der opstod en fejl i Excel${code ? ` (${code})` : ""}: ${text}`);
  }
}

/**
 * An InvalidOperation or AccessDenied in words for the operation that failed (debugInfo's
 * errorLocation, e.g. "Worksheet.delete"), or undefined when the operation says nothing more.
 */
function operationMessage(operation: string, text: string): string | undefined {
  if (/Worksheet\.delete/i.test(operation))
    return `Excel kunne ikke slette et ark (${text}). Er projektmappens struktur beskyttet, eller er det projektmappens eneste synlige ark?`;
  if (/Worksheet\.visibility/i.test(operation))
    return `Excel kunne ikke skjule eller vise et ark (${text}). Er projektmappens struktur beskyttet (Gennemse › Beskyt projektmappe)?`;
  if (/Worksheets\.add/i.test(operation))
    return `Excel kunne ikke oprette et ark (${text}). Er projektmappens struktur beskyttet (Gennemse › Beskyt projektmappe)?`;
  if (/Range\.select|Worksheet\.activate/i.test(operation)) return `Excel kunne ikke vise cellen (${text}). Ligger den på et skjult ark?`;
  return undefined;
}
