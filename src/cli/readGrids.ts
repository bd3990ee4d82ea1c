/**
 * The one place the catalogue command reads a workbook file into Grids, so a change of the xlsx
 * host's entry points (issue 13) touches one call site. Throws FileRefusal for a file it cannot
 * read.
 */
import type { Grid } from "../workbook/types";
import { loadWorkbook } from "../xlsx";

export async function readGridsFromFile(file: string): Promise<Grid[]> {
  return (await loadWorkbook(file)).grids;
}
