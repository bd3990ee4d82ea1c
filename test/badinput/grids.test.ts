/**
 * The broken-workbook corpus on Grids (issue 5): every item gives the finding it must, at the
 * cell it must, quoting the bad text; nothing throws; and Beregn changes no input cell. The
 * same corpus goes through the .xlsx host and the CLI in files.test.ts.
 */
import type { Finding } from "../../src/engine/model";
import { CORPUS, type CorpusItem, type Expectation } from "./corpus";
import { beregnGrids, changedInputs, describe_, getCell, inputRowKeys, statedCells, validate } from "./helpers";

function matches(f: Finding, e: Expectation): boolean {
  if (f.code !== e.code) return false;
  if (e.severity && f.severity !== e.severity) return false;
  if (typeof e.location === "string" ? f.location !== e.location : !e.location.test(f.location)) return false;
  return e.quote === undefined || f.message.includes(e.quote);
}

/** Sheets Beregn may rewrite whole: its own names, and any sheet it created (not in the input). */
function ownSheetCells(item: CorpusItem, inputSheets: string[]): (loc: string) => boolean {
  void item;
  const own = new Set(["_beregn"]);
  return (loc) => {
    const sheet = loc.slice(0, loc.lastIndexOf("!"));
    return own.has(sheet) || !inputSheets.includes(sheet);
  };
}

describe("broken workbooks on Grids: the finding, its cell, the quoted text", () => {
  test("the corpus has at least 30 items, each with its own id", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
  });

  test.each(CORPUS.map((c) => [c.id, c] as const))("%s", (_id, item) => {
    const { grids } = item.make();
    // validateWorkbook must answer with findings, never throw, whatever the sheet holds
    const findings = validate(grids);
    for (const e of item.expect) {
      const hit = findings.find((f) => matches(f, e));
      if (!hit)
        throw new Error(
          `${item.what}: expected ${e.severity ?? ""} ${e.code} at ${String(e.location)}${e.quote ? ` quoting "${e.quote}"` : ""}\n` +
            (item.bug ? `known bug: ${item.bug}\n` : "") +
            `got:\n${describe_(findings)}`,
        );
    }
    if (item.noErrors) expect(describe_(findings.filter((f) => f.severity === "error"))).toBe("");
    for (const code of item.absent ?? []) expect(describe_(findings.filter((f) => f.code === code))).toBe("");
  });
});

describe("Beregn on a broken workbook changes no input cell", () => {
  test.each(CORPUS.map((c) => [c.id, c] as const))("%s", (_id, item) => {
    const { grids, wb } = item.make();
    const before = JSON.stringify(grids);
    const run = beregnGrids(grids);
    // the plan is applied to copies: the Grids the host read are not mutated in place
    expect(JSON.stringify(grids)).toBe(before);
    const allowed = statedCells(wb);
    const own = ownSheetCells(
      item,
      grids.map((g) => g.name),
    );
    const changed = changedInputs(grids, run.after, allowed, inputRowKeys(wb)).filter((line) => {
      const loc = line.split(": ")[0];
      return !(loc.includes("!") && own(loc));
    });
    expect(changed).toEqual([]);
    for (const l of item.numbersAfter ?? []) {
      const v = getCell(run.after, l);
      if (typeof v !== "number")
        throw new Error(`${l} holds ${JSON.stringify(v)} after Beregn${item.bug ? `\nknown bug: ${item.bug}` : ""}`);
    }
  });
});

describe("the comparison itself", () => {
  // a check that never fails proves nothing: it must see an input cell changed, a blank input
  // cell filled, and a merge undone
  test("changedInputs reports an edited input cell, a filled blank on an input row, and a lost merge", () => {
    const { grids, wb } = CORPUS[0].make();
    const after = JSON.parse(JSON.stringify(grids)) as typeof grids;
    after[0].values[5][6] = 999; // Forslag!G6, an input value
    after[0].values[6][4] = "x"; // Forslag!E7, blank on an input row
    grids[0].merges = ["A1:B1"];
    after[0].merges = [];
    expect(changedInputs(grids, after, statedCells(wb), inputRowKeys(wb))).toEqual([
      "Forslag!G6: v:number:0 → v:number:999",
      "Forslag!E7: tom → v:string:x",
      "Forslag: flettede celler ændret",
    ]);
  });
});

describe("every finding from a workbook points at a cell or a sheet, never at a JSON path", () => {
  // SPEC §6: "location names the sheet and cell(s) when the input came from a workbook"
  const jsonPath = /^(rows|keys|transfers|stated|years|profile|settings)\b|^\(rod\)$/;
  // the 10.000-row item only repeats its 10.000 UNREADABLE-free rows here: checked above
  test.each(CORPUS.filter((c) => c.id !== "ti-tusind-raekker").map((c) => [c.id, c] as const))("%s", (_id, item) => {
    const { grids } = item.make();
    const offenders = validate(grids).filter((f) => jsonPath.test(f.location));
    expect(describe_(offenders)).toBe("");
  });
});
