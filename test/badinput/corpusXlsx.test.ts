/**
 * The Grid corpus (corpus.ts) as real .xlsx files, through the CLI's own functions in-process
 * (src/cli/main.ts main(argv, io): the same code bin/beregn.js runs, without a node start-up per
 * file): `beregn valider` must print each expected finding as "fil:Ark!C12: alvorlighed KODE …"
 * quoting the bad text, and `beregn <fil> -o <kopi>` must leave every input cell as it was —
 * compared by loading the written file and the original with the host's loadWorkbook.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { Output } from "../../src/cli/io";
import { SEVERITY_DA } from "../../src/cli/summary";
import { gridsToWorkbook } from "../../src/xlsx/fromGrids";
import { loadWorkbook } from "../../src/xlsx";
import { removeDir, tmpDir } from "../cli/cliHelpers";
import { CORPUS, type Expectation } from "./corpus";
import { changedInputs, inputRowKeys, splitLoc, statedCells } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = tmpDir("badinput-xlsx-");
});
afterAll(() => removeDir(dir));

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out, err };
}

function lineMatches(line: string, file: string, e: Expectation): boolean {
  const prefix = `${file}:`;
  if (!line.startsWith(prefix)) return false;
  const rest = line.slice(prefix.length);
  const m = /^(.*?): (fejl|advarsel|info) ([A-Z_0-9]+) (.*)$/.exec(rest);
  if (!m) return false;
  const [, location, sev, code, message] = m;
  if (code !== e.code) return false;
  if (e.severity && sev !== SEVERITY_DA[e.severity]) return false;
  if (typeof e.location === "string" ? location !== e.location : !e.location.test(location)) return false;
  return e.quote === undefined || message.includes(e.quote);
}

// the 10.000-row item is covered on Grids; as a file it costs ExcelJS seconds and adds nothing here
const ITEMS = CORPUS.filter((c) => c.id !== "ti-tusind-raekker");

describe("the corpus as .xlsx: beregn valider prints the finding at its cell", () => {
  test.each(ITEMS.map((c) => [c.id, c] as const))("%s", async (id, item) => {
    const { grids } = item.make();
    const file = path.join(dir, `${id}.xlsx`);
    await gridsToWorkbook(grids).xlsx.writeFile(file);
    const r = await run(["valider", file]);
    // exit 1 when an error finding, 0 otherwise; 2 only for a file that cannot be read
    expect([0, 1]).toContain(r.code);
    expect(r.code).toBe(r.out.some((l) => l.includes(": fejl ")) ? 1 : 0);
    for (const e of item.expect) {
      if (!r.out.some((l) => lineMatches(l, file, e)))
        throw new Error(
          `${item.what}: no line "${file}:${String(e.location)}: ${e.severity ? SEVERITY_DA[e.severity] : "…"} ${e.code} …${e.quote ? ` "${e.quote}"` : ""}"\n` +
            (item.bug ? `known bug: ${item.bug}\n` : "") +
            r.out.join("\n"),
        );
    }
    expect(r.err.join("\n")).not.toMatch(/^\s+at /m);
  });
});

describe("the corpus as .xlsx: beregn -o writes a copy whose input cells are the original's", () => {
  test.each(ITEMS.map((c) => [c.id, c] as const))("%s", async (id, item) => {
    const { grids, wb } = item.make();
    const file = path.join(dir, `${id}-ind.xlsx`);
    const out = path.join(dir, `${id}-ud.xlsx`);
    await gridsToWorkbook(grids).xlsx.writeFile(file);
    const bytes = fs.readFileSync(file);
    const r = await run([file, "-o", out]);
    expect(r.err.join("\n")).not.toMatch(/^\s+at /m);
    // the input file is never touched
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    if (r.code === 2) {
      // no proposal found, or a refusal the item names: one Danish line, nothing written
      expect(r.err[r.err.length - 1]).toMatch(item.cliRefusal ?? /^fejl: .*ingen forslag fundet .*intet er skrevet$/);
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    expect(r.code).toBe(0);
    const before = (await loadWorkbook(file)).grids;
    const after = (await loadWorkbook(out)).grids;
    const inputSheets = new Set(before.map((g) => g.name));
    const changed = changedInputs(before, after, statedCells(wb), inputRowKeys(wb)).filter((line) => {
      const loc = line.split(": ")[0];
      const sheet = loc.includes("!") ? loc.slice(0, loc.lastIndexOf("!")) : loc;
      // Beregn's own sheet may be rewritten whole; any other sheet it did not create is the user's
      return sheet !== "_beregn" && inputSheets.has(sheet);
    });
    expect(changed).toEqual([]);
    for (const l of item.numbersAfter ?? []) {
      const { sheet, row, col } = splitLoc(l);
      const v = after.find((g) => g.name === sheet)?.values[row]?.[col] ?? null;
      if (typeof v !== "number")
        throw new Error(`${l} holds ${JSON.stringify(v)} in the written file${item.bug ? `\nknown bug: ${item.bug}` : ""}`);
    }
  });
});
