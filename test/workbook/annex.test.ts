/**
 * The annex corpus (test/fixtures/annex, issue 8): every published proposal with a Tabel 1, as
 * pasted from Word into a sheet, in four variants (plain, placed behind a cover sheet, numbers as
 * text, merged and wrapped cells), loaded through the xlsx host and read by the reader. The
 * reader is under test; the engine is trusted: the totals and payback must equal the engine's on
 * the hand transcription (calculate(parseProposal(json))), and the input rows must equal it.
 * One test per proposal × variant, named by id; a failing test lists everything that is off.
 */
import * as path from "node:path";
import { calculate, parseProposal, resultToJson, type ProposalInput } from "../../src/engine";
import { readArea, type RowInput } from "../../src/engine/input";
import { loadWorkbook } from "../../src/xlsx";
import { validateWorkbook } from "../../src/workbook";
import {
  annexIds,
  excelPasteValue,
  makeAnnexWorkbooks,
  PROPOSALS_DIR,
  readPasteFile,
  VARIANTS,
  type Variant,
} from "../fixtures/annex/make-annex";
import { cellAt, parseA1 } from "../../src/workbook/grid";
import type { Grid } from "../../src/workbook/types";
import { series } from "./helpers";
import * as fs from "node:fs";

interface AnnexCase extends Omit<ProposalInput, "source"> {
  kind: "investment" | "innovation" | "preliminary" | "efficiency";
  source: { seed: string; lines: string };
  expect: { sheet: string; inputRows: number; findings: { code: string; about: string }[] };
}

const OUT = path.join(__dirname, "..", "..", "test-output", "annex");
const IDS = annexIds();

function loadAnnexCase(id: string): AnnexCase {
  return JSON.parse(fs.readFileSync(path.join(PROPOSALS_DIR, `${id}.json`), "utf8")) as AnnexCase;
}

const space = (s: string | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();

/** What must match between the reader's row and the transcription's (issue 8: label, block, area, values). */
function rowShape(r: RowInput, years: (number | string)[]) {
  return {
    label: space(r.label),
    block: r.block,
    area: r.area === undefined ? undefined : (readArea(r.area) ?? r.area),
    values: series(r.values, years),
  };
}

type RowShape = ReturnType<typeof rowShape>;

/** Rows matched by label (and area, for repeated labels), so one missing row is one problem, not a shifted list. */
function compareRows(got: RowShape[], want: RowShape[]): string[] {
  const problems: string[] = [];
  const used = new Set<number>();
  const order: number[] = [];
  for (const w of want) {
    const same = (g: RowShape, i: number): boolean => !used.has(i) && g.label === w.label;
    let i = got.findIndex((g, k) => same(g, k) && g.area === w.area);
    if (i < 0) i = got.findIndex(same);
    if (i < 0) {
      problems.push(`not read: ${JSON.stringify(w)}`);
      continue;
    }
    used.add(i);
    order.push(i);
    if (JSON.stringify(got[i]) !== JSON.stringify(w))
      problems.push(`row "${w.label}": read ${JSON.stringify(got[i])}\n      expected ${JSON.stringify(w)}`);
  }
  got.forEach((g, i) => {
    if (!used.has(i)) problems.push(`read as an input row but not one in the document: ${JSON.stringify(g)}`);
  });
  if (order.some((x, k) => k > 0 && x < order[k - 1])) problems.push("input rows read in another order than the document's");
  return problems;
}

const workbooks = new Map<string, Promise<Record<Variant, string>>>();
function workbooksOf(id: string): Promise<Record<Variant, string>> {
  let w = workbooks.get(id);
  if (!w) {
    w = makeAnnexWorkbooks(readPasteFile(path.join(PROPOSALS_DIR, `${id}.paste.txt`)), OUT);
    workbooks.set(id, w);
  }
  return w;
}

test("the corpus holds the 2025 proposals, each paste file with its transcription", () => {
  expect(IDS.length).toBeGreaterThanOrEqual(1);
  for (const id of IDS) {
    const paste = readPasteFile(path.join(PROPOSALS_DIR, `${id}.paste.txt`));
    const c = loadAnnexCase(id);
    expect({ id, seed: c.source.seed, lines: c.source.lines, sheet: c.expect.sheet, inputRows: c.rows.length }).toEqual({
      id,
      seed: paste.seed,
      lines: paste.lines,
      sheet: paste.sheet,
      inputRows: c.expect.inputRows,
    });
  }
});

test("the summary tables parse as paste files naming their seed lines", () => {
  const dir = path.join(PROPOSALS_DIR, "..", "summaries");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".paste.txt"));
  expect(files.sort()).toEqual(["2025-B7-summary.paste.txt", "2025-B8-catalogue.paste.txt"]);
  for (const f of files) {
    const p = readPasteFile(path.join(dir, f));
    expect(p.lines).toMatch(/^\d+(-\d+)?(, \d+(-\d+)?)*$/);
    expect(p.rows.some((r) => r.some((c) => c.text.startsWith("Tabel 1.")))).toBe(true);
  }
});

describe("the generator makes what the README says (Bilag 7 BC01)", () => {
  test("Danish Excel's paste: numbers where Excel reads one, text where it does not", () => {
    expect(excelPasteValue("1.144")).toEqual({ value: 1144, percent: false });
    expect(excelPasteValue("-1.474")).toEqual({ value: -1474, percent: false });
    expect(excelPasteValue("\u22121.474")).toEqual({ value: -1474, percent: false });
    expect(excelPasteValue("(1.474)")).toEqual({ value: -1474, percent: false });
    expect(excelPasteValue("0,5")).toEqual({ value: 0.5, percent: false });
    expect(excelPasteValue("17 %")).toEqual({ value: 0.17, percent: true });
    expect(excelPasteValue("-")).toBeUndefined();
    expect(excelPasteValue("- 1.200")).toBeUndefined();
    expect(excelPasteValue("4 år (2028)")).toBeUndefined();
    expect(excelPasteValue("3190, KS anlæg")).toBeUndefined();
  });

  const sheet = (grids: Grid[], name: string): Grid => {
    const g = grids.find((x) => x.name === name);
    if (!g) throw new Error(`no sheet ${name}`);
    return g;
  };
  const at = (g: Grid, address: string) => {
    const { row, col } = parseA1(address);
    return cellAt(g, row, col);
  };

  test("plain, text, placed and merged hold the paste where the README says", async () => {
    const files = await workbooksOf("2025-B7-BC01");
    const plain = (await loadWorkbook(files.plain)).grids;
    expect(plain.map((g) => g.name)).toEqual(["BC01"]);
    // paste line 7 is the year header, line 12 "Samlet varig ændring, service": 0 -297 -1.144 …, line 20 the service payback
    expect(at(sheet(plain, "BC01"), "A1")).toBe("BC01 Samlet ferieløsning i Serviceportalen");
    expect(at(sheet(plain, "BC01"), "E7")).toBe(2026);
    expect(at(sheet(plain, "BC01"), "A12")).toBe("Samlet varig ændring, service");
    expect(at(sheet(plain, "BC01"), "E12")).toBe(-1144);
    expect(at(sheet(plain, "BC01"), "B20")).toBe("4 år (2028)");
    const text = (await loadWorkbook(files.text)).grids;
    expect(at(sheet(text, "BC01"), "E12")).toBe("-1.144");
    const placed = (await loadWorkbook(files.placed)).grids;
    expect(placed.map((g) => g.name)).toEqual(["Forside", "BC01"]);
    expect(at(sheet(placed, "Forside"), "A1")).toBe("BC01 Samlet ferieløsning i Serviceportalen");
    expect(at(sheet(placed, "Forside"), "A3")).toBe("Fremstillende forvaltning: Økonomiforvaltningen");
    expect(at(sheet(placed, "BC01"), "C5")).toBe("Tabel 1. Forslagets samlede økonomiske konsekvenser");
    expect(at(sheet(placed, "BC01"), "G12")).toBe(-1144);
    const merged = (await loadWorkbook(files.merged)).grids;
    // the Styringsområde runs of Tabel 1: Service on lines 9-13, Anlæg on lines 15-16
    expect(sheet(merged, "BC01").merges).toEqual(expect.arrayContaining(["B9:B13", "B15:B16"]));
  });
});

/**
 * Proposals the reader does not read yet, each with what is missing (issue 8's note). They run as
 * `test.failing`: when the reader learns one, its test turns red here and the entry must go.
 */
const KNOWN_GAPS: Record<string, string> = {};

describe.each(IDS)("%s", (id) => {
  const run = KNOWN_GAPS[id] ? test.failing.each(VARIANTS) : test.each(VARIANTS);
  run(`${id} %s${KNOWN_GAPS[id] ? ` (known gap: ${KNOWN_GAPS[id]})` : ""}`, async (variant) => {
    const c = loadAnnexCase(id);
    // the engine is trusted: a transcription it cannot read is the transcription's error
    const engine = resultToJson(calculate(parseProposal({ ...c, source: undefined } as ProposalInput).proposal));
    const file = (await workbooksOf(id))[variant];
    const { grids } = await loadWorkbook(file);
    const { reading, results, findings } = validateWorkbook(grids);
    const problems: string[] = [];
    const on = reading.proposals.filter((p) => p.sheet === c.expect.sheet);
    if (reading.proposals.length !== 1 || on.length !== 1)
      problems.push(
        `expected one proposal on "${c.expect.sheet}", read ${reading.proposals.length}: ${reading.proposals.map((p) => `${p.sheet} "${p.input.title}"`).join(", ")}`,
      );
    // an inferred block heading may be said in an info finding; a STRUCTURE error means the table was not understood
    const structure = findings.filter((f) => f.code === "STRUCTURE" && f.severity === "error");
    for (const f of structure) problems.push(`STRUCTURE at ${f.location}: ${f.message}`);
    for (const f of reading.findings.filter((x) => x.severity === "error" && x.code !== "STRUCTURE"))
      problems.push(`workbook ${f.code} at ${f.location}: ${f.message}`);
    const found = on[0];
    if (found) {
      const input = found.input;
      if (JSON.stringify(input.years.map(Number)) !== JSON.stringify(c.years.map(Number)))
        problems.push(`years ${JSON.stringify(input.years)}, expected ${JSON.stringify(c.years)}`);
      const got = input.rows.map((r) => rowShape(r, c.years));
      const want = c.rows.map((r) => rowShape(r, c.years));
      problems.push(...compareRows(got, want));
      // kind (HELPERS.md contract): an innovation-pool proposal's Tabel 1 alone cannot tell an
      // Innovationsforslag from a Foranalyse, so either is accepted for both
      const pool = ["innovation", "preliminary"];
      const kind = (input as { kind?: string }).kind;
      if (kind !== undefined && kind !== c.kind && !(pool.includes(c.kind) && pool.includes(kind)))
        problems.push(`kind "${kind}", expected "${c.kind}"`);
      if (c.presenting && space(input.presenting) !== space(c.presenting))
        problems.push(`presenting "${input.presenting ?? ""}", expected "${c.presenting}"`);
      if (c.title && !space(input.title).includes(space(c.title))) problems.push(`title "${input.title ?? ""}", expected "${c.title}"`);
      const result = results[reading.proposals.indexOf(found)];
      if (!result) problems.push("the proposal read cannot be computed");
      else {
        const r = resultToJson(result);
        if (JSON.stringify(r.totals) !== JSON.stringify(engine.totals))
          problems.push(`totals ${JSON.stringify(r.totals)}\n      engine ${JSON.stringify(engine.totals)}`);
        if (JSON.stringify(r.payback) !== JSON.stringify(engine.payback))
          problems.push(`payback ${JSON.stringify(r.payback)}, engine ${JSON.stringify(engine.payback)}`);
        for (const e of c.expect.findings) if (!result.findings.some((f) => f.code === e.code)) problems.push(`no ${e.code}: ${e.about}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
