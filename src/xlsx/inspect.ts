/**
 * Judge a workbook file before unpacking it (DESIGN.md: the CLI must never choke on, or be
 * choked by, what a user hands it): does it exist, is it a .xlsx at all, is it a legacy or
 * encrypted file, do the zip's claims stay within the limits.
 */
import * as fs from "node:fs";
import { FileRefusal } from "./errors";
import { type FileLimits, resolveLimits } from "./limits";
import { isOle2, oleHasEncryptionInfo } from "./ole";
import { type ByteReader, type ZipEntry, readCentralDirectory } from "./zip";

export interface Inspection {
  path: string;
  size: number;
  entries: ZipEntry[];
}

const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1).replace(".", ",");

export function fdReader(fd: number): ByteReader {
  return (position, length) => {
    const buf = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, buf, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done === length ? buf : buf.subarray(0, done);
  };
}

export function statChecked(path: string): fs.Stats {
  let st: fs.Stats;
  try {
    st = fs.statSync(path);
  } catch {
    throw new FileRefusal("NOT_FOUND", "filen findes ikke");
  }
  if (!st.isFile()) throw new FileRefusal("NOT_A_FILE", st.isDirectory() ? "er en mappe, ikke en fil" : "er ikke en almindelig fil");
  if (st.size === 0) throw new FileRefusal("EMPTY", "filen er tom");
  return st;
}

export function inspectFile(path: string, limits?: Partial<FileLimits>): Inspection {
  const lim = resolveLimits(limits);
  const st = statChecked(path);
  let fd: number;
  try {
    fd = fs.openSync(path, "r");
  } catch {
    throw new FileRefusal("NOT_FOUND", "filen kan ikke åbnes (adgang nægtet?)");
  }
  try {
    const read = fdReader(fd);
    const head = read(0, Math.min(8, st.size));
    if (isOle2(head)) {
      if (oleHasEncryptionInfo(fd, st.size, lim.maxFileBytes))
        throw new FileRefusal("ENCRYPTED", "filen er krypteret (adgangskode); fjern adgangskoden");
      throw new FileRefusal("LEGACY_XLS", "gammelt .xls-format; gem som .xlsx");
    }
    if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) throw new FileRefusal("NOT_XLSX", "ikke en .xlsx-fil");
    if (st.size > lim.maxFileBytes)
      throw new FileRefusal("TOO_LARGE", `afvist: filen fylder ${mb(st.size)} MB; grænsen er ${mb(lim.maxFileBytes)} MB`);
    const entries = readCentralDirectory(read, st.size, lim);
    const has = (n: string): ZipEntry | undefined => entries.find((e) => e.name.toLowerCase() === n.toLowerCase());
    if (has("xl/workbook.bin")) throw new FileRefusal("NOT_XLSX", "binært .xlsb-format; gem som .xlsx");
    if (!has("xl/workbook.xml") || !has("[Content_Types].xml"))
      throw new FileRefusal(
        "NOT_XLSX",
        has("word/document.xml") ? "ikke en .xlsx-fil (et Word-dokument)" : "ikke en .xlsx-fil (ingen projektmappe i zip-filen)",
      );

    const sheetXml = entries
      .filter((e) => /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(e.name))
      .reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (sheetXml > lim.maxSheetXmlBytes)
      throw new FileRefusal(
        "TOO_LARGE",
        `afvist: arkene fylder ${mb(sheetXml)} MB udpakket; grænsen er ${mb(lim.maxSheetXmlBytes)} MB (så mange celler kan ikke indlæses i hukommelsen)`,
      );

    return { path, size: st.size, entries };
  } finally {
    fs.closeSync(fd);
  }
}
