/**
 * Save a workbook without ever leaving a half-written file: write beside the target, then
 * rename over it (atomic on one file system). A patched package (issue 13) is written with its
 * unchanged parts copied as they were stored; a new ExcelJS workbook (beregn skabelon) as ExcelJS
 * writes it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { XlsxWorkbook } from "./load";
import { type RawEntry, rawEntryBody, writeZip } from "./zip";

export function packageBytes(wb: XlsxWorkbook): Buffer {
  const { pkg } = wb;
  const files: ({ name: string; data: Buffer; deflate: boolean } | RawEntry)[] = [];
  for (const name of pkg.order) {
    const part = pkg.parts.get(name)!;
    if (!part.changed && part.entry && pkg.read)
      files.push({
        name,
        raw: {
          body: rawEntryBody(pkg.read, part.entry),
          method: part.entry.method,
          crc32: part.entry.crc32,
          uncompressedSize: part.entry.uncompressedSize,
        },
      });
    else files.push({ name, data: part.data, deflate: true });
  }
  return writeZip(files);
}

export async function saveWorkbook(wb: XlsxWorkbook | ExcelJS.Workbook, target: string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const buf = wb instanceof ExcelJS.Workbook ? Buffer.from(await wb.xlsx.writeBuffer()) : packageBytes(wb);
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(tmp, buf);
    // replacing a file keeps its permissions (--in-place, --overskriv)
    if (fs.existsSync(target)) fs.chmodSync(tmp, fs.statSync(target).mode & 0o7777);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
