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
import { annexIds, makeAnnexWorkbooks, PROPOSALS_DIR, readPasteFile, VARIANTS, type Variant } from "../fixtures/annex/make-annex";
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

describe.each(IDS)("%s", (id) => {
  test.each(VARIANTS)(`${id} %s`, async (variant) => {
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
    const structure = findings.filter((f) => f.code === "STRUCTURE");
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
