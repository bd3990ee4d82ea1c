/**
 * What the reader says about what it read (SPEC §6): UNREADABLE quoting the text and naming the
 * cell, PLACEHOLDER for template text, inferred row types, a missing styringsområde, several
 * proposals in one workbook, and the label spellings real sheets use.
 */
import { computeFound, readWorkbook, SheetBuilder } from "../../src/workbook";
import { buildCaseWorkbook } from "../helpers/layoutBuilder";
import { classifyTabel1Label, inferRowType, parseYearCell } from "../../src/workbook/labels";
import type { Grid } from "../../src/workbook/types";
import { edit, loadCase } from "./helpers";

const F4 = () => buildCaseWorkbook(loadCase("2025-F4"), "standard").grids;

describe("UNREADABLE", () => {
  // Forslag 4, standard layout: row 7 is "Effektivisering TMF", H = 2025, I = 2026
  const grids = edit(edit(F4(), "Forslag", "H7", "#REF!"), "Forslag", "I6", "45x5");
  const reading = readWorkbook(grids);
  const result = computeFound(reading.proposals[0]);

  test("an error value in an input cell is an error finding quoting it at its cell", () => {
    const f = result.findings.find((x) => x.code === "UNREADABLE" && x.location === "Forslag!H7");
    expect(f).toBeDefined();
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain('"#REF!"');
  });
  test("text that is not a number, likewise", () => {
    const f = result.findings.find((x) => x.code === "UNREADABLE" && x.location === "Forslag!I6");
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain('"45x5"');
  });
  test("the unreadable cell counts as 0: Samlet varig ændring 2025 is −565 + 455", () => {
    // 2025: −455 (ØKF) + 0 (#REF!, was −455) + 345 + 0 = −110
    expect(result.totals.permanent[1].toString()).toBe("-110");
  });
  test("a stated cell with text is not checked and is reported", () => {
    const r = computeFound(readWorkbook(edit(F4(), "Forslag", "H23", "se note")).proposals[0]);
    const f = r.findings.find((x) => x.code === "UNREADABLE" && x.location === "Forslag!H23");
    expect(f?.message).toContain('"se note"');
  });
});

describe("numbers typed as Danish text", () => {
  test("read exactly, with one info note that Excel's SUM skips them", () => {
    const reading = readWorkbook(buildCaseWorkbook(loadCase("2025-BC01"), "compact").grids);
    const p = reading.proposals[0];
    expect(p.input.rows[2].values["2027"]).toBe("-880");
    expect(p.input.rows[3].values["2025"]).toBe("750");
    const notes = p.findings.filter((f) => f.code === "UNREADABLE");
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe("info");
    expect(notes[0].message).toMatch(/^18 tal er skrevet som tekst/);
  });
});

describe("PLACEHOLDER", () => {
  test("template text left in a title or a row label is a warning at that cell", () => {
    let grids = edit(F4(), "Forslag", "C1", "[Angiv titel på forslaget]");
    grids = edit(grids, "Forslag", "A8", "[Angiv varig drift]");
    const p = readWorkbook(grids).proposals[0];
    const at = (cell: string) => p.findings.find((f) => f.code === "PLACEHOLDER" && f.location === cell);
    expect(at("Forslag!C1")?.severity).toBe("warning");
    expect(at("Forslag!C1")?.message).toContain("[Angiv titel på forslaget]");
    expect(at("Forslag!A8")?.message).toContain("[Angiv varig drift]");
    // the title is not taken from template text
    expect(p.input.title).toBeUndefined();
  });
});

describe("row types", () => {
  test("without a Type column: from the label's words, else the sign; one summary finding", () => {
    const p = readWorkbook(buildCaseWorkbook(loadCase("2025-F4"), "compact").grids).proposals[0];
    expect(p.input.rows.slice(0, 4).map((r) => r.type)).toEqual(["effect", "effect", "drift", "drift"]);
    expect(p.inferred).toEqual([
      'Række 3 "Effektivisering ØKF (grundlæggende potentiale, 50 %)": effekt (ordet "effektivisering")',
      'Række 4 "Effektivisering TMF (grundlæggende potentiale 50 % + 1.545 fra 2026)": effekt (ordet "effektivisering")',
      'Række 5 "Drift af system": drift (ordet "drift")',
      'Række 6 "Tilpasning til arbejdsgange": drift (positivt fortegn)',
    ]);
    const f = p.findings.filter((x) => x.code === "TYPE_INFERRED");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "info", location: "2025-F4!A3" });
    expect(f[0].message).toMatch(/^4 rækketyper gættet ud fra tekst eller fortegn/);
  });
  test("with a Type column nothing is inferred", () => {
    const p = readWorkbook(F4()).proposals[0];
    expect(p.inferred).toEqual([]);
    expect(p.findings.some((f) => f.code === "TYPE_INFERRED")).toBe(false);
  });
  test.each([
    ["Bortfalden indtægt", 1, "loss"],
    ["Tabt statsrefusion", 1, "loss"],
    ["Tilbageførsel til forvaltningerne", 1, "loss"],
    ["Serviceeffektiviseringer - reduktion i udgifter til arbejdsulykker", -1, "effect"],
    ["Færre udgifter til forsørgelse i BIF", -1, "effect"],
    ["Licens til nyt system", 1, "drift"],
    ["FM-udgifter", 1, "drift"],
    ["SAPA", 1, "drift"],
    ["KMD Sag Basis", -1, "effect"],
  ] as const)("%s → %s", (label, sign, type) => expect(inferRowType(label, sign).type).toBe(type));
  test("every permanent row of every case is inferred as its stated type", () => {
    for (const id of ["2016-F2", "2018-P11", "2018-P2", "2018-P6", "2025-BC01", "2025-BC02", "2025-BC13", "2025-F4"]) {
      const c = loadCase(id);
      for (const r of c.rows.filter((x) => x.block === "permanent")) {
        const sum = Object.values(r.values).reduce<number>((s, v) => s + Number(v ?? 0), 0); // sign only
        expect([id, r.label, inferRowType(r.label, Math.sign(sum)).type]).toEqual([id, r.label, r.type]);
      }
    }
  });
});

describe("styringsområde", () => {
  test("a row with no area in a table with the column is left without (the engine raises AREA_MISSING)", () => {
    // Forslag 4 standard: Styringsområde is column C; row 9 is "Tilpasning til arbejdsgange"
    const reading = readWorkbook(edit(F4(), "Forslag", "C9", null));
    const p = reading.proposals[0];
    expect(p.input.rows[3].area).toBeUndefined();
    const r = computeFound(p);
    expect(r.findings.some((f) => f.code === "AREA_MISSING")).toBe(true);
  });
  test("an unknown area text is a warning at its cell", () => {
    const p = readWorkbook(edit(F4(), "Forslag", "C9", "Drift")).proposals[0];
    expect(p.input.rows[3].area).toBeUndefined();
    expect(p.findings.find((f) => f.location === "Forslag!C9")?.message).toContain('"Drift" er ikke et styringsområde');
  });
});

describe("labels as real sheets write them", () => {
  test.each([
    ["Samlet varig æn-dring", "permanent"],
    ["Samlet varig æn\u00addring, Ser-vice", "permanentByArea"],
    ["Samlet varig\nændring", "permanent"],
    ["Samlede implementerings-\nomkostninger, Anlæg", "implementationByArea"],
    ["Samlet økonomisk påvirkning", "net"],
    ["Samlet pengestrøm i forslaget", "net"],
    ["Samlet varig driftsændring (brutto)", "permanent"],
    ["Samlet varig ændring (Overførsler)", "permanentByArea"],
    ["Samlet varig ændring – EI", "permanentByArea"],
    ["Aggregeret", "aggregated"],
  ])("%j is a computed row (%s)", (text, total) => {
    const c = classifyTabel1Label(text);
    expect(c?.kind === "computed" ? c.total : undefined).toBe(total);
  });
  test("2016's implementation markers carry their area", () => {
    expect(classifyTabel1Label("Implementeringsomkostninger – anlæg")).toEqual({ kind: "implementationMarker", area: "Anlæg" });
    expect(classifyTabel1Label("Implementeringsomkostninger – drift")).toEqual({ kind: "implementationMarker", area: "Service" });
    expect(classifyTabel1Label("Tilbagebetalingstid (Break Even)")).toEqual({ kind: "payback", which: "total", breakEven: true });
  });
  test.each([
    [2025, 2025],
    ["2025", 2025],
    ["2029 og frem", 2029],
    ["2022 og frem", 2022],
    [2015, undefined],
    ["t.kr.", undefined],
  ])("year header %j → %j", (v, y) => expect(parseYearCell(v)).toBe(y));
});

/** Two proposals stacked on one sheet, three blank rows apart. */
function stack(a: Grid, b: Grid, name: string): Grid {
  const gap = 3;
  const off = a.values.length + gap;
  const values = [...a.values, ...Array.from({ length: gap }, () => []), ...b.values];
  const formulas = [...a.formulas, ...Array.from({ length: gap }, () => []), ...b.formulas];
  void off;
  return { name, visibility: "visible", values, formulas };
}

describe("several proposals in one workbook", () => {
  test("one per sheet: each with its own rows, keys and tables", () => {
    const f4 = buildCaseWorkbook(loadCase("2025-F4"), "standard").grids; // Forslag + Kvantum
    const bc01 = buildCaseWorkbook(loadCase("2025-BC01"), "compact").grids; // sheet 2025-BC01
    const reading = readWorkbook([...f4, ...bc01]);
    expect(reading.proposals.map((p) => p.sheet)).toEqual(["Forslag", "2025-BC01"]);
    const [a, b] = reading.proposals;
    expect(a.input.rows).toHaveLength(11);
    expect(b.input.rows).toHaveLength(5);
    expect(Object.keys(a.input.keys ?? {})).toEqual(["systemdrift"]);
    expect(Object.keys(b.input.keys ?? {})).toEqual(["timer"]);
    expect(a.input.transfers).toHaveLength(1);
    expect(b.input.transfers).toBeUndefined();
    expect(Object.keys(b.input.stated?.kvantum ?? {})).toEqual(["A", "D"]);
    expect(b.locations["stated.kvantum.A.KS.2025"]).toMatch(/^2025-BC01!/);
  });
  test("two on one sheet: the second starts where the first ends", () => {
    const p2 = buildCaseWorkbook(loadCase("2018-P2"), "compact").grids[0];
    const f2 = buildCaseWorkbook(loadCase("2016-F2"), "compact").grids[0];
    const sheet = stack(p2, f2, "Forslag");
    const reading = readWorkbook([sheet]);
    expect(reading.proposals.map((p) => [p.input.id, p.template, p.input.rows.length])).toEqual([
      ["Forslag (1)", "kk-2018", 13],
      ["Forslag (2)", "kk-2016", 4],
    ]);
    const secondTop = p2.values.length + 3;
    // 2016-F2's first row sits two rows below its header (header, marker, row)
    expect(reading.proposals[1].locations["rows[0].values.2016"]).toBe(`Forslag!E${secondTop + 3}`);
    expect(reading.proposals[1].input.stated?.payback).toEqual({ total: "2" });
  });
  test("no Tabel 1 at all is a workbook-level error", () => {
    const reading = readWorkbook([new SheetBuilder("Ark1").set(0, 0, "Noter").toGrid()]);
    expect(reading.proposals).toEqual([]);
    expect(reading.findings[0]).toMatchObject({ code: "STRUCTURE", severity: "error", location: "Ark1" });
  });
});

describe("merged, hidden and spaced layouts", () => {
  test("the shifted layout's hidden row and merged labels are read", () => {
    const wb = buildCaseWorkbook(loadCase("2025-F4"), "shifted");
    const g = wb.grids.find((x) => x.name === "Ark1") as Grid;
    expect(g.hiddenRows?.length).toBe(1);
    expect(g.merges?.length).toBeGreaterThan(10);
    const p = readWorkbook(wb.grids).proposals[0];
    // Tabel 1 from B8, a spacer row, so the first input row is row 11; years from K ("2024")
    expect(p.locations["rows[0].values.2024"]).toBe("Ark1!K11");
    expect(p.locations["rows[1].label"]).toBe("Ark1!B12");
    expect(p.input.rows[1].values["2026"]).toBe(-2000);
  });
});

describe("merged cells in the optional columns and sub-rows in stated tables", () => {
  test("a Styringsområde merged down over four rows gives each row its area", () => {
    // Forslag 4 standard: C6:C9 merged, only C6 holds "Service"
    let grids = F4();
    for (const cell of ["C7", "C8", "C9"]) grids = edit(grids, "Forslag", cell, null);
    grids[0].merges = [...(grids[0].merges ?? []), "C6:C9"];
    const p = readWorkbook(grids).proposals[0];
    expect(p.input.rows.slice(0, 4).map((r) => r.area)).toEqual(["Service", "Service", "Service", "Service"]);
  });
  test("2018 annex: Besparelse / Omkostninger sub-rows do not end the table", () => {
    const s = new SheetBuilder("Teknisk")
      .set(0, 0, "Måltalseffekt – hvis forslaget indarbejdes")
      .set(1, 0, "Udvalg")
      .set(1, 2, 2018)
      .set(1, 3, 2019)
      .set(2, 0, "Socialudvalget")
      .set(2, 2, -100)
      .set(2, 3, -200)
      .set(3, 1, "Besparelse")
      .set(3, 2, -150)
      .set(4, 1, "Omkostninger")
      .set(4, 2, 50)
      .set(5, 0, "Beskæftigelses- og Integrationsudvalget")
      .set(5, 2, -10)
      .set(6, 0, "I alt")
      .set(6, 2, -110)
      .toGrid();
    const c = loadCase("2018-P6");
    const grids = [...buildCaseWorkbook(c, "standard").grids, s];
    const p = readWorkbook(grids).proposals[0];
    expect(p.input.stated?.kvantum?.A).toEqual({ SU: { "2018": -100, "2019": -200 }, BIU: { "2018": -10 }, Total: { "2018": -110 } });
  });
});

describe("a formula never calculated in an input cell", () => {
  test("is an UNREADABLE error at its cell, not a silent 0", () => {
    // Forslag 4 standard: I7 is "Effektivisering TMF" 2026 (−2.000), written as a formula without a value
    const grids = edit(F4(), "Forslag", "I7", null, "=-2000");
    const p = readWorkbook(grids).proposals[0];
    const f = p.findings.find((x) => x.code === "UNREADABLE" && x.location === "Forslag!I7");
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain("=-2000");
  });
});

describe("profile from the technical annex's wording", () => {
  test("2025 years but a 2018-worded Kvantum table: kk-2018", () => {
    const s = new SheetBuilder("Teknisk")
      .set(0, 0, "Måltalseffekt – hvis forslaget indarbejdes")
      .set(1, 0, "Udvalg")
      .set(1, 2, 2025)
      .set(2, 0, "Teknik- og Miljøudvalget")
      .set(2, 2, -100)
      .toGrid();
    const grids = [...F4().filter((g) => g.name !== "Kvantum"), s];
    expect(readWorkbook(grids).proposals[0].template).toBe("kk-2018");
    expect(readWorkbook(F4()).proposals[0].template).toBe("kk-2025");
  });
});

describe("a block heading in a merged first column (issue 8; 2018 Forslag 3, seed 000:1633-1675)", () => {
  /**
   * Forslag 4's standard layout turned into the vertical layout: a new first column, each block
   * heading moved into it beside the block's first row and merged down over the block. The
   * heading's row is then also an input row (2018 Forslag 3: "Implementeringsomkostninger" beside
   * "Udbud 611 164", seed 1663/1675).
   */
  function verticalHeadings(g: Grid): Grid {
    const shift = <T>(m: (T | null)[][]) => m.map((row) => [null, ...(row ?? [])]);
    const values = shift(g.values);
    const formulas = shift(g.formulas);
    const merges: string[] = [];
    const headings = values
      .map((row, r) => ({ r, text: row[1] }))
      .filter((x) => typeof x.text === "string" && /^(Varige ændringer|Implementeringsomkostninger)/.test(x.text));
    for (const h of headings) {
      // the block runs to its "Samlet …" / "Samlede …" row
      let end = h.r + 1;
      while (end + 1 < values.length && !/^Samle/.test(String(values[end + 1][1] ?? ""))) end++;
      values[h.r + 1][0] = h.text;
      values[h.r][1] = null;
      merges.push(`A${h.r + 2}:A${end + 1}`);
    }
    return { ...g, values, formulas, numberFormats: undefined, merges };
  }

  test("the heading's own row is read as an input row of its block; the rows are as in the plain layout", () => {
    const plain = readWorkbook(F4()).proposals[0].input.rows;
    const grids = F4();
    grids[0] = verticalHeadings(grids[0]);
    // the transform put the headings beside the first rows (A6 and A13 in Excel's terms)
    expect(grids[0].values[5][0]).toBe("Varige ændringer (effektiviseringer og drift)");
    expect(grids[0].values[5][1]).toBe("Effektivisering ØKF (grundlæggende potentiale, 50 %)");
    expect(grids[0].values[12][0]).toBe("Implementeringsomkostninger (midler fra investeringspuljen)");
    expect(grids[0].values[12][1]).toBe("Midlertidig finansiering af drift af system");
    const reading = readWorkbook(grids);
    expect(reading.proposals).toHaveLength(1);
    const rows = reading.proposals[0].input.rows;
    expect(rows.map((r) => [r.label, r.block, r.area])).toEqual(plain.map((r) => [r.label, r.block, r.area]));
    // Forslag 4 (SPEC case 2025-F4): "Midlertidig finansiering af drift af system" 345 in 2024, implementation
    expect(rows.find((r) => r.label === "Midlertidig finansiering af drift af system")).toMatchObject({
      block: "implementation",
      values: { "2024": 345 },
    });
    expect(reading.proposals[0].findings.filter((f) => f.code === "STRUCTURE")).toEqual([]);
  });
});
