/**
 * The producers corpus (issue 13): a valid proposal plus one feature or one hostile trait each,
 * written by openpyxl (op-*) and LibreOffice (lo-*), made by
 * test/fixtures/producers/make-producers.py. For each file: the exit code (one Danish line on a
 * refusal); every input cell unchanged; every part Beregn did not write byte-identical; the
 * written cells as planned; and, for a sample, LibreOffice opening the output and recalculating
 * Tabel 1 to the engine's totals.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { resultToJson } from "../../src/engine";
import { computeFound, planBeregn, readWorkbook } from "../../src/workbook";
import { a1, cellAt, formulaAt, parseA1 } from "../../src/workbook/grid";
import type { Grid, WriteCell } from "../../src/workbook/types";
import { loadWorkbook } from "../../src/xlsx";
import { packageVersion } from "../../src/cli/version";
import { beregn, ensureBuilt, removeDir, tmpDir } from "../cli/cliHelpers";
import { recalcWithLibreOffice, sofficePath } from "../cli/libreoffice";
import { unzip } from "./zipHelpers";

const DIR = path.join(__dirname, "..", "fixtures", "producers");
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
const PROPOSAL = "Ark1";

/** Files Beregn must refuse, with the line it must give. */
const REFUSED: Record<string, RegExp> = {
  "op-protect-proposal.xlsx":
    /^fejl: .*: Arket »Ark1« er beskyttet, så Beregn kan ikke skrive i det\. Fjern beskyttelsen \(Gennemse › Fjern arkbeskyttelse\), og prøv igen\. Intet er ændret\.$/,
  "lo-protect-proposal.xlsx":
    /^fejl: .*: Arket »Ark1« er beskyttet, så Beregn kan ikke skrive i det\. Fjern beskyttelsen \(Gennemse › Fjern arkbeskyttelse\), og prøv igen\. Intet er ændret\.$/,
};

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tmpDir("beregn-producers-");
});
afterAll(() => removeDir(dir));

/** What the CLI plans for the file's first proposal: sheet → "r,c" → the cell. */
async function planned(
  file: string,
): Promise<{ grids: Grid[]; cells: Map<string, Map<string, WriteCell>>; totals: Record<string, Record<string, number>> }> {
  const { grids } = await loadWorkbook(file);
  const reading = readWorkbook(grids);
  const result = computeFound(reading.proposals[0], reading.settings);
  // the version the CLI stamps, so Kontrol's head line is the same text
  const { plan } = planBeregn(grids, reading, 0, result, { mode: "beregn", version: packageVersion() });
  const cells = new Map<string, Map<string, WriteCell>>();
  for (const b of plan.writes) {
    const m = cells.get(b.sheet) ?? new Map<string, WriteCell>();
    cells.set(b.sheet, m);
    const { row, col } = parseA1(b.topLeft);
    b.cells.forEach((line, i) => line.forEach((w, j) => w && m.set(`${row + i},${col + j}`, w)));
  }
  const json = resultToJson(result) as unknown as { totals: Record<string, Record<string, number>> };
  return { grids, cells, totals: json.totals };
}

/** The parts of `a` whose bytes differ in `b` (or are gone). */
function differing(a: string, b: string): string[] {
  const y = new Map(unzip(fs.readFileSync(b)).map((e) => [e.name, e.data]));
  return unzip(fs.readFileSync(a))
    .filter((e) => !y.get(e.name)?.equals(e.data))
    .map((e) => e.name)
    .sort();
}

/** The worksheet part of each sheet, from workbook.xml and its rels. */
function sheetParts(file: string): Map<string, string> {
  const parts = new Map(unzip(fs.readFileSync(file)).map((e) => [e.name, e.data.toString("utf8")]));
  const wb = parts.get("xl/workbook.xml")!;
  const rels = parts.get("xl/_rels/workbook.xml.rels")!;
  const target = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1]]),
  );
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, "&");
    const id = /r:id="([^"]+)"/.exec(m[0])![1];
    out.set(name, "xl/" + target.get(id)!.replace(/^\/?xl\//, ""));
  }
  return out;
}

const norm = (f: string | null | undefined): string | null => (f ? f.replace(/^=/, "").replace(/\s+/g, "") : null);

describe.each(FILES)("%s", (name) => {
  const file = path.join(DIR, name);

  test("beregn -o: exit code; input cells unchanged; unwritten parts byte-identical; written cells as planned", async () => {
    const out = path.join(dir, name.replace(/\.xlsx$/, "-ud.xlsx"));
    const t0 = Date.now();
    const r = beregn([file, "-o", out]);
    const seconds = (Date.now() - t0) / 1000;
    if (REFUSED[name]) {
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(REFUSED[name]);
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    // the far cell (XFD1048576) costs its one row, not the sheet's bounding box
    expect(seconds).toBeLessThan(20);

    const { grids: before, cells } = await planned(file);
    const { grids: after } = await loadWorkbook(out);
    for (const g of before) {
      const h = after.find((x) => x.name === g.name)!;
      expect(h).toBeDefined();
      const mine = cells.get(g.name) ?? new Map<string, WriteCell>();
      g.values.forEach((row, r0) =>
        row.forEach((_, c) => {
          if (mine.has(`${r0},${c}`)) return;
          const at = `${g.name}!${a1(r0, c)}`;
          expect({ at, v: cellAt(h, r0, c), f: formulaAt(h, r0, c) }).toEqual({ at, v: cellAt(g, r0, c), f: formulaAt(g, r0, c) });
        }),
      );
    }
    for (const [sheet, m] of cells) {
      if (sheet === "_beregn") continue; // its stamp carries the version and time
      const h = after.find((x) => x.name === sheet)!;
      for (const [k, w] of m) {
        const [r0, c] = k.split(",").map(Number);
        const at = `${sheet}!${a1(r0, c)}`;
        if (w.formula !== undefined) expect({ at, f: norm(formulaAt(h, r0, c)) }).toEqual({ at, f: norm(w.formula) });
        else if (w.value !== undefined) {
          // the CLI's run and this plan are seconds apart: the time Kontrol states is the one thing that differs
          const stamp = (v: unknown) =>
            typeof v === "string"
              ? v.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<tid>").replace(/\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d\d\.\d\d/g, "<dansk tid>")
              : v;
          const want = typeof w.value === "string" ? w.value.slice(0, 32767) : w.value;
          expect({ at, v: stamp(cellAt(h, r0, c)) }).toEqual({ at, v: stamp(want === "" ? null : want) });
        }
      }
    }

    // only the workbook's structure, its styles and the sheets written into may differ
    const parts = sheetParts(file);
    const written = new Set([...cells.keys()].map((s) => parts.get(s)).filter((p): p is string => !!p));
    const allowed = new Set([
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/calcChain.xml",
      ...written,
    ]);
    expect(differing(file, out).filter((p) => !allowed.has(p))).toEqual([]);
  }, 120_000);
});

const soffice = sofficePath();
const RECALC = ["op-defined-names.xlsx", "op-chart.xlsx", "op-table.xlsx", "lo-chart.xlsx", "lo-conditional.xlsx", "op-date1904.xlsx"];
(soffice ? describe : describe.skip)("the output opens in LibreOffice and recalculates to the engine's totals", () => {
  test.each(RECALC)(
    "%s",
    async (name) => {
      const file = path.join(DIR, name);
      const out = path.join(dir, name.replace(/\.xlsx$/, "-lo-ud.xlsx"));
      expect(beregn([file, "-o", out]).code).toBe(0);
      const { totals } = await planned(file);
      const sub = path.join(dir, `lo-${name}`);
      fs.mkdirSync(sub);
      const { grids } = await loadWorkbook(recalcWithLibreOffice(soffice!, out, sub));
      const reading = readWorkbook(grids);
      const stated = reading.proposals[0].input.stated?.totals as Record<string, Record<string, unknown>> | undefined;
      for (const k of ["permanent", "implementation", "net"] as const) {
        const got = Object.fromEntries(Object.keys(totals[k]).map((y) => [y, Number(stated?.[k]?.[y] ?? NaN)]));
        expect({ [k]: got }).toEqual({ [k]: totals[k] });
      }
      expect(reading.proposals[0].sheet).toBe(PROPOSAL);
    },
    240_000,
  );
});

describe("what single files of the corpus pin", () => {
  test("op-far-cell: one value in XFD1048576 is one row of the Grid, not the sheet's bounding box", async () => {
    const { grids } = await loadWorkbook(path.join(DIR, "op-far-cell.xlsx"));
    const g = grids.find((x) => x.name === PROPOSAL)!;
    expect(cellAt(g, 1_048_575, 16_383)).toBe("x");
    expect(Object.keys(g.values).length).toBeLessThan(100);
    expect(readWorkbook(grids).proposals).toHaveLength(1);
  });

  test("lo-float-residue: =0,1+0,2-0,3 in K11; as Excel caches it (5,55e-17) it counts as 0, payback as without it", async () => {
    const { grids } = await loadWorkbook(path.join(DIR, "lo-float-residue.xlsx"));
    const g = grids.find((x) => x.name === PROPOSAL)!;
    expect(formulaAt(g, 10, 10)).toBe("=0.1+0.2-0.3");
    // LibreOffice rounds its own result to 0; Excel caches the residue: put that in the cell
    expect(cellAt(g, 10, 10)).toBe(0);
    g.values[10][10] = 0.1 + 0.2 - 0.3;
    const reading = readWorkbook(grids);
    const result = computeFound(reading.proposals[0], reading.settings);
    expect(resultToJson(result).payback.service?.years).toBe(7);
    expect(result.findings.filter((f) => f.location === "Ark1!K11")).toEqual([]);
  });

  test("op-date1904: a date under the 1904 system is the serial number the cell holds", async () => {
    const { grids } = await loadWorkbook(path.join(DIR, "op-date1904.xlsx"));
    // 1 March 2025 is day 44.255 counted from 1 January 1904
    expect(
      cellAt(
        grids.find((x) => x.name === PROPOSAL)!,
        3,
        3,
      ),
    ).toBe(44255);
  });
});
