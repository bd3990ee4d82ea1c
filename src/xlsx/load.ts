/**
 * Open a .xlsx for the CLI: inspect it (limits, legacy, encrypted, unsupported parts), unpack it
 * under our own bounds, and hand ExcelJS the checked parts as a stored zip so it has nothing left
 * to inflate. Returns the Grids the workbook layer reads and the ExcelJS workbook to write into.
 */
import * as fs from "node:fs";
import ExcelJS from "exceljs";
import type { Grid } from "../workbook/types";
import { FileRefusal } from "./errors";
import { inspectFile } from "./inspect";
import { type FileLimits, resolveLimits } from "./limits";
import { worksheetToGrid } from "./toGrid";
import { type ByteReader, buildStoredZip, extractEntry, readCentralDirectory } from "./zip";

export interface LoadedWorkbook {
  grids: Grid[];
  workbook: ExcelJS.Workbook;
  /** Danish names of parts saving would drop (src/xlsx/parts.ts); empty when saving is safe. */
  unsupportedParts: string[];
}

export async function loadWorkbook(path: string, limits?: Partial<FileLimits>): Promise<LoadedWorkbook> {
  const lim = resolveLimits(limits);
  const inspection = inspectFile(path, lim);
  const buf = fs.readFileSync(path);
  const read: ByteReader = (p, l) => buf.subarray(p, p + l);
  // read the directory again from the bytes we unpack: the file may have changed since inspection
  const entries = readCentralDirectory(read, buf.length, lim);
  const files = entries.filter((e) => !e.name.endsWith("/")).map((e) => ({ name: e.name, data: extractEntry(read, buf.length, e) }));
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types its input as its own Buffer interface; a Node Buffer is what it uses at run time
    await workbook.xlsx.load(buildStoredZip(files) as unknown as ExcelJS.Buffer);
  } catch {
    throw new FileRefusal("CORRUPT", "filen er beskadiget: projektmappen kan ikke læses");
  }
  const grids = workbook.worksheets.map(worksheetToGrid);
  return { grids, workbook, unsupportedParts: inspection.unsupportedParts };
}
