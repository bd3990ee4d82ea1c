/**
 * An annex's folder built from the seeds (test/fixtures/catalogue/annexes.json): each proposal a
 * workbook laid out by the workbook layer's builder (the case with the annex's Fremstillende
 * forvaltning), and the stated catalogue as a workbook reproducing the annex's summary tables.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ProposalInput } from "../../src/engine/input";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import { SheetBuilder } from "../../src/workbook/sheetBuilder";
import type { CellValue } from "../../src/workbook/types";
import { gridsToWorkbook } from "../../src/xlsx/fromGrids";

const FIXTURES = path.join(__dirname, "..", "fixtures");

export interface AnnexFixture {
  format: string;
  seed: string;
  proposals: { case: string; file: string; presenting?: string; seed: string }[];
  stated: { sheet: string; rows: CellValue[][] };
}

export type AnnexName = "bilag7" | "bilag8" | "bilag6";

export function annexFixture(name: AnnexName): AnnexFixture {
  const all = JSON.parse(fs.readFileSync(path.join(FIXTURES, "catalogue", "annexes.json"), "utf8")) as Record<AnnexName, AnnexFixture>;
  return all[name];
}

export function proposalInput(ref: { case: string; presenting?: string }): ProposalInput {
  const c = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${ref.case}.json`), "utf8")) as ProposalInput;
  delete c.expected;
  if (ref.presenting) c.presenting = ref.presenting;
  return c;
}

export function statedGrids(fx: AnnexFixture) {
  const b = new SheetBuilder(fx.stated.sheet);
  fx.stated.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== "" && b.set(r, c, v)));
  return [b.toGrid()];
}

/** Writes <dir>/forslag/*.xlsx and <dir>/angivet.xlsx; returns the paths. */
export async function writeAnnexFolder(name: AnnexName, dir = fs.mkdtempSync(path.join(os.tmpdir(), `beregn-katalog-${name}-`))) {
  const fx = annexFixture(name);
  const folder = path.join(dir, "forslag");
  fs.mkdirSync(folder, { recursive: true });
  for (const p of fx.proposals)
    await gridsToWorkbook(buildCaseGrids(proposalInput(p), "standard")).xlsx.writeFile(path.join(folder, p.file));
  const stated = path.join(dir, "angivet.xlsx");
  await gridsToWorkbook(statedGrids(fx)).xlsx.writeFile(stated);
  return { dir, folder, stated };
}
