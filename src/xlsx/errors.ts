/**
 * A file the .xlsx host refuses to open or write, with one Danish line for the user. The CLI
 * prints the message and exits 2; nothing is written.
 */
export type FileRefusalCode =
  | "NOT_FOUND"
  | "NOT_A_FILE"
  | "EMPTY"
  | "TOO_LARGE"
  | "LEGACY_XLS"
  | "ENCRYPTED"
  | "NOT_XLSX"
  | "CORRUPT"
  | "ZIP_LIMIT"
  | "EXISTS"
  | "PROTECTED";

export class FileRefusal extends Error {
  constructor(
    public readonly code: FileRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "FileRefusal";
  }
}
