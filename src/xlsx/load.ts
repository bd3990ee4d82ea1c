/**
 * Open a .xlsx for the CLI: inspect it (limits, legacy, encrypted), unpack and check every part
 * under our own bounds, and read the sheets with a streaming XML parser (issue 13: no loader
 * that might choke on what another producer writes). Returns the Grids the workbook layer reads
 * and the package to patch.
 */
import * as fs from "node:fs";
import type { Grid } from "../workbook/types";
import { inspectFile } from "./inspect";
import { type FileLimits, resolveLimits } from "./limits";
import { XlsxPackage, readRels, relIs, resolveTarget } from "./package";
import { readCellFormats } from "./numberFormats";
import { readComments, readSharedStrings, readSheet } from "./readSheet";
import { type WorkbookInfo, readWorkbookInfo } from "./workbookPart";
import { type ByteReader, readCentralDirectory } from "./zip";

/** A workbook as the host holds it: its package, its structure, and the path it came from. */
export interface XlsxWorkbook {
  pkg: XlsxPackage;
  info: WorkbookInfo;
  /** The input's extension kept on save decides nothing: the content types say .xlsm or .xlsx. */
  macroEnabled: boolean;
}

export interface LoadedWorkbook {
  grids: Grid[];
  workbook: XlsxWorkbook;
}

export function openPackage(buf: Buffer, limits: FileLimits): XlsxPackage {
  const read: ByteReader = (p, l) => buf.subarray(p, p + l);
  // read the directory again from the bytes we unpack: the file may have changed since inspection
  const entries = readCentralDirectory(read, buf.length, limits);
  return XlsxPackage.fromEntries(read, buf.length, entries);
}

export function gridsOf(wb: XlsxWorkbook): Grid[] {
  const { pkg, info } = wb;
  const sharedStrings = info.sharedStrings ? readSharedStrings(pkg.text(info.sharedStrings), info.sharedStrings) : [];
  const cellFormats = readCellFormats(info.styles ? pkg.text(info.styles) : undefined, info.styles ?? "styles");
  return info.sheets.map((s) => {
    const grid = readSheet(pkg.text(s.part!)!, {
      name: s.name,
      visibility: s.visibility,
      part: s.part!,
      sharedStrings,
      cellFormats,
      date1904: info.date1904,
    });
    const notes: Record<string, string> = {};
    for (const r of readRels(pkg, s.part!)) {
      if (!relIs(r, "comments") || r.external) continue;
      const part = resolveTarget(s.part!, r.target);
      const xml = pkg.text(part);
      if (xml !== undefined) Object.assign(notes, readComments(xml, part));
    }
    if (Object.keys(notes).length) grid.notes = notes;
    return grid;
  });
}

export async function loadWorkbook(path: string, limits?: Partial<FileLimits>): Promise<LoadedWorkbook> {
  const lim = resolveLimits(limits);
  inspectFile(path, lim);
  const pkg = openPackage(fs.readFileSync(path), lim);
  const info = readWorkbookInfo(pkg);
  const workbook: XlsxWorkbook = { pkg, info, macroEnabled: /macroEnabled/i.test(pkg.text("[Content_Types].xml") ?? "") };
  return Promise.resolve({ grids: gridsOf(workbook), workbook });
}
