/**
 * Save an ExcelJS workbook without ever leaving a half-written file: write beside the target,
 * then rename over it (atomic on one file system).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";

export async function saveWorkbook(wb: ExcelJS.Workbook, target: string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
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
