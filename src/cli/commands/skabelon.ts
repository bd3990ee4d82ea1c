/** beregn skabelon <ud.xlsx>: a new, empty proposal workbook in the 2025 layout. */
import { templateGrids } from "../../workbook";
import { gridsToWorkbook, saveWorkbook } from "../../xlsx";
import type { Options } from "../args";
import { EXIT, UsageError } from "../errors";
import { checkWritable } from "../files";
import type { Output } from "../io";
import { writeReport } from "../report";

export async function runSkabelon(file: string, options: Options, io: Output): Promise<number> {
  if (!/\.xlsx$/i.test(file)) throw new UsageError(`uddatafilen skal hedde .xlsx: ${file}`);
  checkWritable(file, options.overskriv);
  const grids = templateGrids();
  await saveWorkbook(gridsToWorkbook(grids), file);
  io.out(`Skrevet: ${file} (ny projektmappe, ${grids.length} ark: ${grids.map((g) => g.name).join(", ")})`);
  if (options.json) writeReport(options.json, [{ file, template: "kk-2025", proposals: [], written: file }]);
  return EXIT.ok;
}
