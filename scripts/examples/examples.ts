/**
 * The example workbooks in examples/: the documents' proposals laid out as staff lay them out,
 * with the documents' stated numbers, errors included. The layouts come from the workbook
 * layer's buildCaseGrids, so they are defined once for its tests and for these files.
 * Run by scripts/examples/make-examples.js after `npm run build:cli`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ProposalInput } from "../../src/engine/input";
import { buildCaseGrids, type CaseLayout } from "../../test/helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import { gridsToWorkbook } from "../../src/xlsx/fromGrids";
import { buildZip, extractEntry, readCentralDirectory } from "../../src/xlsx/zip";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";

export interface ExampleSpec {
  /** Case id: test/fixtures/cases/<id>.json. */
  id: string;
  layout: CaseLayout;
  /** File name in examples/. */
  file: string;
}

export const EXAMPLES: readonly ExampleSpec[] = [
  { id: "2025-BC01", layout: "standard", file: "2025-BC01.xlsx" },
  { id: "2025-BC02", layout: "compact", file: "2025-BC02.xlsx" },
  { id: "2025-F4", layout: "shifted", file: "2025-F4.xlsx" },
  { id: "2018-P2", layout: "noarea", file: "2018-P2.xlsx" },
  { id: "2018-P11", layout: "standard", file: "2018-P11.xlsx" },
  { id: "2016-F2", layout: "standard", file: "2016-F2.xlsx" },
];

/** The same date in every file, so regenerating unchanged examples changes no bytes. */
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

/**
 * Grids → .xlsx bytes that depend only on the Grids: ExcelJS stamps the time in the document
 * properties and in every zip entry, so both are replaced by fixed ones.
 */
export async function deterministicXlsx(grids: Grid[]): Promise<Buffer> {
  const wb = gridsToWorkbook(grids);
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.creator = "Beregn (eksempel)";
  wb.lastModifiedBy = "Beregn (eksempel)";
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  const read = (p: number, l: number): Buffer => raw.subarray(p, p + l);
  const files = readCentralDirectory(read, raw.length, DEFAULT_LIMITS)
    .filter((e) => !e.name.endsWith("/"))
    .map((e) => ({ name: e.name, data: extractEntry(read, raw.length, e) }));
  return buildZip(files, true);
}

export function readCase(casesDir: string, id: string): ProposalInput {
  return JSON.parse(fs.readFileSync(path.join(casesDir, `${id}.json`), "utf8")) as ProposalInput;
}

/** Write every example into `outDir`; returns the paths written. */
export async function writeExamples(outDir: string, casesDir: string, specs: readonly ExampleSpec[] = EXAMPLES): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const spec of specs) {
    const c = readCase(casesDir, spec.id);
    // the workbook carries what a document states, not what the engine should find
    delete c.expected;
    const target = path.join(outDir, spec.file);
    fs.writeFileSync(target, await deterministicXlsx(buildCaseGrids(c, spec.layout)));
    written.push(target);
  }
  return written;
}
