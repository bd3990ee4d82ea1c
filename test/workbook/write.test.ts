/**
 * planBeregn + applyPlanToGrids: Tabel 1's computed rows as formulas, payback rows, tables in
 * place or on a generated "Kvantum" sheet in the template's order, "Kontrol" with links, never an
 * input cell, never the user's formula, and the same cells when run twice.
 */
import { applyPlanToGrids, computeFound, planBeregn, readWorkbook, validateWorkbook } from "../../src/workbook";
import type { PlanOptions, WorkbookReading } from "../../src/workbook";
import { AMOUNT_FORMAT } from "../../src/workbook/blocks";
import { parseA1 } from "../../src/workbook/grid";
import { buildCaseWorkbook, type CaseLayout } from "../helpers/layoutBuilder";
import type { ProposalLayout } from "../../src/workbook/layout";
import type { Grid, WritePlan } from "../../src/workbook/types";
import type { ProposalInput } from "../../src/engine/input";
import { UNIT_NAMES } from "../../src/engine/units";
import { at, content, edit, formulaOf, grid, loadCase } from "./helpers";

const NOW = new Date("2026-03-01T12:00:00Z");
const OPTS: PlanOptions = { mode: "beregn", now: NOW, version: "test" };

function beregn(grids: Grid[], opts: PlanOptions = OPTS, index = 0) {
  const reading = readWorkbook(grids);
  const result = computeFound(reading.proposals[index]);
  const outcome = planBeregn(grids, reading, index, result, opts);
  return { reading, result, outcome, after: applyPlanToGrids(grids, outcome.plan) };
}

const caseGrids = (id: string, layout: CaseLayout = "standard") => buildCaseWorkbook(loadCase(id), layout).grids;

/** Every non-null cell a plan writes, as "Ark!C12". */
function writtenCells(plan: WritePlan): string[] {
  const out: string[] = [];
  for (const w of plan.writes) {
    const { row, col } = parseA1(w.topLeft);
    w.cells.forEach((line, i) => line.forEach((c, j) => c && out.push(`${w.sheet}!${String.fromCharCode(65 + col + j)}${row + i + 1}`)));
  }
  return out;
}

describe("Tabel 1 (2025 Forslag 4, standard layout)", () => {
  const { result, outcome, after } = beregn(caseGrids("2025-F4"));

  test.each([
    // permanent rows 6–9, by-area row 10, total 11; implementation rows 13–19
    ["G10", "=SUM(G6:G9)"],
    ["G11", "=SUM(G6:G9)"],
    // Service investments: rows 13, 16, 17; Anlæg: 14, 15, 18, 19 (cases/2025-F4.json)
    ["G20", "=SUM(G13,G16:G17)"],
    ["G21", "=SUM(G14:G15,G18:G19)"],
    ["G22", "=SUM(G13:G19)"],
    ["L23", "=L11+L22"],
  ])("%s holds %s", (cell, formula) => expect(formulaOf(after, "Forslag", cell)).toBe(formula));

  test("the formulas give the document's totals (cases/2025-F4.json stated)", () => {
    // net: 4.125, 3.010, −1.860 …; Anlæg 2.745 / 2.195; Service 1.380 / 1.380
    expect([at(after, "Forslag", "G23"), at(after, "Forslag", "H23"), at(after, "Forslag", "I23")]).toEqual([4125, 3010, -1860]);
    expect([at(after, "Forslag", "G21"), at(after, "Forslag", "H21")]).toEqual([2745, 2195]);
    expect([at(after, "Forslag", "G20"), at(after, "Forslag", "H20")]).toEqual([1380, 1380]);
  });

  test("payback rows hold the engine's text: 7 år (2030) by the 2 % rule (SPEC §3)", () => {
    expect(result.payback.service?.years).toBe(7);
    expect(at(after, "Forslag", "G24")).toBe("7 år (2030)");
    expect(at(after, "Forslag", "G25")).toBe("7 år (2030)");
  });

  test("every written amount has the zero-as-dash format", () => {
    for (const w of outcome.plan.writes.filter((x) => x.sheet !== "_beregn" && x.sheet !== "Kontrol"))
      for (const line of w.cells)
        for (const c of line)
          if (c && (c.formula !== undefined || typeof c.value === "number"))
            expect(c.numberFormat).toBe(c.numberFormat === "0" ? "0" : AMOUNT_FORMAT);
    expect(AMOUNT_FORMAT).toBe('#,##0;-#,##0;"-"');
  });

  test("the summary says what was written, in Danish", () => {
    expect(outcome.summary).toMatch(/^\d+ celler skrevet i Forslag, Kvantum, Kvantum \(Beregn\), Kontrol$/);
    expect(outcome.sheetsTouched).toEqual(["Forslag", "Kvantum", "Kvantum (Beregn)", "Kontrol"]);
  });
});

describe("never an input cell", () => {
  test.each(["standard", "compact", "shifted", "noarea"] as CaseLayout[])("%s layout: every input cell is unchanged", (layout) => {
    for (const id of ["2025-F4", "2025-BC01", "2016-F2"]) {
      const grids = caseGrids(id, layout);
      const { reading, outcome, after } = beregn(grids);
      const layoutInfo = reading.proposals[0].layout as ProposalLayout;
      const inputs = new Set(layoutInfo.inputCells);
      expect(inputs.size).toBeGreaterThan(20);
      for (const cell of writtenCells(outcome.plan)) expect(inputs.has(cell)).toBe(false);
      for (const cell of inputs) {
        const [sheet, address] = [cell.slice(0, cell.lastIndexOf("!")), cell.slice(cell.lastIndexOf("!") + 1)];
        expect([cell, at(after, sheet, address), formulaOf(after, sheet, address)]).toEqual([
          cell,
          at(grids, sheet, address),
          formulaOf(grids, sheet, address),
        ]);
      }
    }
  });
});

describe("a user's formula in a computed row", () => {
  // Samlet varig ændring 2026 (I11) as the user wrote it, leaving out row 9 (Tilpasning, 250)
  const grids = edit(caseGrids("2025-F4"), "Forslag", "I11", -2110, "=SUM(I6:I8)");
  const { result, outcome, after } = beregn(grids);
  test("is left alone", () => {
    expect(writtenCells(outcome.plan)).not.toContain("Forslag!I11");
    expect(formulaOf(after, "Forslag", "I11")).toBe("=SUM(I6:I8)");
    expect(at(after, "Forslag", "I11")).toBe(-2110);
    // its neighbours are Beregn's
    expect(formulaOf(after, "Forslag", "H11")).toBe("=SUM(H6:H9)");
  });
  test("and checked: its cached value is stated and off by 250", () => {
    const f = result.findings.find((x) => x.code === "TOTAL_MISMATCH" && x.location.includes("Forslag!I11"));
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain("-2.110");
  });
});

describe("numbers typed as text feed values, not SUM formulas", () => {
  test("compact BC01: Samlet varig ændring 2026 is the value −1.144", () => {
    const { after } = beregn(caseGrids("2025-BC01", "compact"));
    // compact: header row 1, marker 2, rows 3–5, "…, Service" 6, total 7; years from F (2024)
    expect(at(after, "2025-BC01", "H7")).toBe(-1144);
    expect(formulaOf(after, "2025-BC01", "H7")).toBeNull();
  });
});

describe("idempotence", () => {
  test.each([
    ["2025-F4", "standard"],
    ["2025-F4", "shifted"],
    ["2025-F4", "compact"],
    ["2018-P2", "standard"],
    ["2016-F2", "shifted"],
  ] as [string, CaseLayout][])("%s %s: Beregn on Beregn's own output writes the same cells", (id, layout) => {
    const first = beregn(caseGrids(id, layout)).after;
    const second = beregn(first).after;
    expect(content(second)).toEqual(content(first));
  });
  test("BC01: the document's errors are corrected by the first Beregn; the second changes nothing", () => {
    const first = beregn(caseGrids("2025-BC01"));
    const second = beregn(first.after);
    expect(content(second.after)).toEqual(content(first.after));
    expect(second.outcome.cellsWritten).toBe(0);
    expect(second.outcome.summary).toBe("Ingen celler ændret");
    // Kontrol's part 3 describes the workbook as Beregn leaves it: the corrected cells no longer
    // hold there, while part 1 and the result (for the pane) keep what the document stated
    const k = grid(first.after, "Kontrol");
    const part3 = k.values.findIndex((r) => String(r[0]).startsWith("3. Fund efter Beregn"));
    expect(k.values.slice(part3).some((r) => r[5] === "ALLOCATION_MISMATCH")).toBe(false);
    expect(k.values.slice(0, part3).some((r) => r[5] === "ALLOCATION_MISMATCH")).toBe(true);
    expect(first.result.findings.map((f) => f.code)).toContain("ALLOCATION_MISMATCH");
  });
});

describe("tables in place and on a generated Kvantum sheet", () => {
  test("found tables are written in their own unit rows (Forslag 4, the user's Kvantum sheet)", () => {
    const { after } = beregn(caseGrids("2025-F4"));
    // Tabel A from A1: header row 2, ØU row 3 … TMU row 12, BIU 13, Total 14; 2025 in column D
    expect(at(after, "Kvantum", "D3")).toBe(-369);
    expect(at(after, "Kvantum", "D12")).toBe(-196);
    expect(at(after, "Kvantum", "E12")).toBe(-1491);
    expect(at(after, "Kvantum", "E14")).toBe(-1860);
    expect(at(after, "Kvantum", "D4")).toBe(0); // KS: zero, shown as "-"
  });
  test("a table the workbook lacks goes on 'Kvantum (Beregn)' when the user has a 'Kvantum'", () => {
    const { after } = beregn(caseGrids("2025-F4"));
    const g = grid(after, "Kvantum (Beregn)");
    expect(g.visibility).toBe("visible");
    expect(at(after, "Kvantum (Beregn)", "A3")).toBe("Tabel 2.1.1. Fordeling på udvalg, inkl. implementeringsudgifter");
    // the seven udvalg in template order, then Total (SPEC §1)
    const names = Array.from({ length: 8 }, (_, k) => at(after, "Kvantum (Beregn)", `A${5 + k}`));
    expect(names).toEqual([
      "Økonomiudvalget",
      "Kultur- og Fritidsudvalget",
      "Børne- og Ungdomsudvalget",
      "Sundheds- og Omsorgsudvalget",
      "Socialudvalget",
      "Teknik- og Miljøudvalget",
      "Beskæftigelses- og Integrationsudvalget",
      "Total",
    ]);
    // expected committees (cases/2025-F4.json): TMU 4.125, 3.379, −1.491; ØU 0, −369
    expect([at(after, "Kvantum (Beregn)", "C10"), at(after, "Kvantum (Beregn)", "D10"), at(after, "Kvantum (Beregn)", "E10")]).toEqual([
      4125, 3379, -1491,
    ]);
    expect(at(after, "Kvantum (Beregn)", "D5")).toBe(-369);
    expect(at(after, "Kvantum (Beregn)", "D12")).toBe(3010);
  });
  test("without any table: 'Kvantum' with 2.1.1 and A–E, eleven bevillinger + Total each, footnotes", () => {
    const c = loadCase("2025-F4");
    const bare: ProposalInput = { ...c, stated: { payback: c.stated?.payback } };
    const { after } = beregn(buildCaseWorkbook(bare, "standard").grids);
    const titles: string[] = [];
    const g = grid(after, "Kvantum");
    g.values.forEach((r) => typeof r[0] === "string" && /^Tabel /.test(r[0]) && titles.push(r[0]));
    expect(titles).toEqual([
      "Tabel 2.1.1. Fordeling på udvalg, inkl. implementeringsudgifter",
      "Tabel A. Måltalseffekt (nettoeffektivisering)",
      "Tabel B. Bevillingsmæssig effekt – varig drift",
      "Tabel C. Bevillingsmæssig effekt – hvis forslaget indarbejdes (bruttoeffektivisering)",
      "Tabel D. Fordeling af anlægsinvesteringer mellem udvalg",
      "Tabel E. Fordeling af serviceinvesteringer mellem udvalg",
    ]);
    // Tabel A: title row 15 (2.1.1 takes rows 3–13), header 16, bevillinger 17–27, Total 28, note 29
    expect(at(after, "Kvantum", "A15")).toBe("Tabel A. Måltalseffekt (nettoeffektivisering)");
    expect([at(after, "Kvantum", "A16"), at(after, "Kvantum", "B16"), at(after, "Kvantum", "C16")]).toEqual([
      "Bevilling",
      "Bevilling, profitcenter mv.",
      2024,
    ]);
    const rows = Array.from({ length: 12 }, (_, k) => at(after, "Kvantum", `A${17 + k}`));
    expect(rows).toEqual(
      ["ØU", "KS", "KIT", "KEJD", "BYKBH", "KFU", "BUU", "SUU", "SU", "TMU", "BIU"].map((u) => UNIT_NAMES[u]).concat("Total"),
    );
    expect(at(after, "Kvantum", "D17")).toBe(-369); // ØU 2025
    expect(at(after, "Kvantum", "D26")).toBe(-196); // TMU 2025
    expect(at(after, "Kvantum", "B17")).toBeNull(); // profitcenter: for the administrations
    expect(String(at(after, "Kvantum", "A29"))).toMatch(/^Note: Måltalseffekt: den effekt, udvalget kan medregne/);
    // Tabel B (title 31, header 32, ØU 33, KS 34, KIT 35 … TMU 42): ØU −86, KIT −300, TMU +386
    // (SPEC §5 worked check)
    expect(at(after, "Kvantum", "A31")).toBe("Tabel B. Bevillingsmæssig effekt – varig drift");
    expect([at(after, "Kvantum", "D33"), at(after, "Kvantum", "D35"), at(after, "Kvantum", "D42")]).toEqual([-86, -300, 386]);
    // the generated sheet is read back as output, not as stated tables
    const again = readWorkbook(after).proposals[0];
    expect(again.input.stated?.kvantum).toBeUndefined();
    expect((again.layout as ProposalLayout).tables.filter((t) => t.generated).map((t) => t.id)).toEqual(["2.1.1", "A", "B", "C", "D", "E"]);
  });
  test("a unit outside the template gets its own row after BIU (SPEC §1, §4)", () => {
    const proposal: ProposalInput = {
      id: "X",
      title: "Fælles indkøb",
      profile: "kk-2025",
      priceLevel: "2025 p/l",
      years: [2025, 2026, 2027, 2028],
      rows: [
        {
          label: "Effektivisering af indkøb",
          block: "permanent",
          type: "effect",
          area: "Service",
          unit: "ØU",
          key: "indkøb",
          values: { "2025": -100, "2026": -200, "2027": -200, "2028": -200 },
        },
        { label: "Projektleder", block: "implementation", area: "Service", unit: "ØU", values: { "2025": 300 } },
      ],
      keys: { indkøb: { weights: { ØKF: 50, Borgerrådgiveren: 50 } } },
    };
    const { after } = beregn(buildCaseWorkbook(proposal, "standard").grids);
    // Tabel A starts after 2.1.1 (rows 3–13); its unit rows 17–27 are the template, 28 Borgerrådgiveren, 29 Total
    expect(at(after, "Kvantum", "A28")).toBe("Borgerrådgiveren");
    expect(at(after, "Kvantum", "A29")).toBe("Total");
    expect([at(after, "Kvantum", "D17"), at(after, "Kvantum", "D28"), at(after, "Kvantum", "D29")]).toEqual([-100, -100, -200]);
  });
  test("mode kvantum writes only the tables (and _beregn)", () => {
    const grids = caseGrids("2025-F4");
    const { outcome, after } = beregn(grids, { mode: "kvantum", now: NOW });
    expect(new Set(outcome.plan.writes.map((w) => w.sheet))).toEqual(new Set(["Kvantum", "Kvantum (Beregn)", "_beregn"]));
    expect(after.some((g) => g.name === "Kontrol")).toBe(false);
    expect(at(after, "Forslag", "H23")).toBe(3010); // the typed number stays
    expect(formulaOf(after, "Forslag", "H23")).toBeNull();
  });
});

describe("payback texts by profile", () => {
  test("2018: 'N år' without the year (PROFILES.paybackWithYear)", () => {
    const { after } = beregn(caseGrids("2018-P2"));
    // 2018-P2 standard: 9 + 4 input rows; payback rows after Aggregeret
    const g = grid(after, "Forslag");
    const row = g.values.findIndex((r) => r[0] === "Tilbagebetalingstid baseret på serviceeffektivisering");
    expect(g.values[row][6]).toBe("6 år");
    expect(g.values[row + 1][6]).toBe("6 år");
  });
  test("2016: one Break Even row, '2 år' (cases/2016-F2.json: stated 2)", () => {
    const { after } = beregn(caseGrids("2016-F2"));
    const g = grid(after, "Forslag");
    const row = g.values.findIndex((r) => r[0] === "Tilbagebetalingstid (Break Even)");
    expect(g.values[row][5]).toBe("2 år");
  });
  test("no investment: 'ikke relevant (ingen investering)'", () => {
    const c: ProposalInput = {
      id: "Y",
      profile: "kk-2025",
      years: [2025, 2026, 2027, 2028],
      rows: [
        {
          label: "Effektivisering",
          block: "permanent",
          type: "effect",
          area: "Service",
          unit: "TMU",
          values: { "2025": -100, "2026": -100, "2027": -100, "2028": -100 },
        },
      ],
    };
    const { after } = beregn(buildCaseWorkbook(c, "standard").grids);
    const g = grid(after, "Forslag");
    const row = g.values.findIndex((r) => r[0] === "Tilbagebetalingstid baseret på totaløkonomi");
    expect(g.values[row][6]).toBe("ikke relevant (ingen investering)");
  });
});

describe("Kontrol", () => {
  // Forslag 4 with #REF! in an input cell (H7) and the user's own, wrong formula in I11
  const grids = edit(edit(caseGrids("2025-F4"), "Forslag", "H7", "#REF!"), "Forslag", "I11", -2110, "=SUM(I6:I8)");
  const { result, after } = beregn(grids);
  test("lists the findings, errors first, severity in words, a link per location, the code last", () => {
    expect(grid(after, "Kontrol").values[3]).toEqual(["Alvor", "Placering", "Besked", "Før", "Efter", "Kode"]);
    const g = grid(after, "Kontrol");
    const row = g.values.findIndex((r) => r[5] === "UNREADABLE");
    // row 7: the first finding of part 1 (after the head, the header row 4, the proposal and part 1's heading)
    expect(row).toBe(6);
    expect(g.values[row][0]).toBe("Fejl");
    expect(String(g.values[row][2])).toContain('"#REF!"');
    expect(g.formulas[row][1]).toBe(`=HYPERLINK("#'Forslag'!H7","Forslag!H7")`);
    expect(g.values[row][1]).toBe("Forslag!H7");
    const total = g.values.findIndex((r) => r[5] === "TOTAL_MISMATCH" && String(r[1]).includes("I11"));
    expect(g.values[total][0]).toBe("Fejl");
  });
  test("each part's count line matches the findings listed under it", () => {
    const g = grid(after, "Kontrol");
    const heads = g.values.map((r, i) => ({ t: String(r[0] ?? ""), i })).filter((x) => /^[13]\. Fund/.test(x.t));
    expect(heads.map((h) => h.t.replace(/:.*/, ""))).toEqual(["1. Fund i projektmappen før Beregn", "3. Fund efter Beregn"]);
    for (const h of heads) {
      const next = g.values.findIndex((r, i) => i > h.i && (r[0] === null || r[0] === undefined) && !r[1]);
      const listed = g.values.slice(h.i + 1, next < 0 ? undefined : next).filter((r) => r[5]);
      const n = (s: string) => listed.filter((r) => r[0] === s).length;
      const w = n("Advarsel");
      expect(h.t.replace(/^.*: /, "")).toBe(`${n("Fejl")} fejl · ${w} ${w === 1 ? "advarsel" : "advarsler"} · ${n("Info")} info`);
    }
    const part2 = g.values.findIndex((r) => String(r[0]).startsWith("2. Ændret af Beregn"));
    const part1 = g.values.slice(heads[0].i + 1, part2).filter((r) => r[0] === "Fejl").length;
    expect(part1).toBeGreaterThanOrEqual(2);
    expect(result.findings.length).toBeGreaterThanOrEqual(part1);
  });
  test("a stated figure Beregn corrected is not listed (it no longer holds); the result keeps it", () => {
    const { result: r, after: a } = beregn(caseGrids("2025-BC01"));
    const su = r.findings.find((f) => f.code === "ALLOCATION_MISMATCH" && f.message.includes("SU 2026"));
    // Tabel 2.1.1 in the standard layout: SU is its fifth udvalg row (row 41), 2026 in column E
    expect(su?.location).toBe("Forslag!E41");
    expect(at(a, "Forslag", "E41")).toBe(-107);
    const k = grid(a, "Kontrol").values;
    const part3 = k.findIndex((row) => String(row[0]).startsWith("3. Fund efter Beregn"));
    expect(k.slice(part3).some((row) => row[5] === "ALLOCATION_MISMATCH")).toBe(false);
    // part 2 lists the corrected cell with the finding behind it: E41, før −108 (the document), efter −107
    const changed = k.find((row) => row[1] === "Forslag!E41" && typeof row[3] === "number");
    expect(changed?.[5]).toBe("ALLOCATION_MISMATCH");
    expect([changed?.[3], changed?.[4]]).toEqual([-108, -107]);
  });
});

describe("_beregn and STALE", () => {
  test("very hidden, with settings, stamp, Beregn's sheets and undo data", () => {
    const { reading, after } = beregn(caseGrids("2025-F4"));
    const g = grid(after, "_beregn");
    expect(g.visibility).toBe("veryHidden");
    const again: WorkbookReading = readWorkbook(after);
    expect(again.stamp).toEqual({
      version: "test",
      profile: "kk-2025",
      time: "2026-03-01T12:00:00.000Z",
      fingerprint: (reading.proposals[0].layout as ProposalLayout).fingerprint,
      proposalSheet: "Forslag",
    });
    expect(again.settings).toBeUndefined(); // only overrides are kept; defaults shown beside them
    const col = g.values.map((r) => r[0]);
    expect(col).toEqual(
      expect.arrayContaining([
        "[indstillinger]",
        "discountRate",
        "[stempel]",
        "[egne ark]",
        "Kvantum (Beregn)",
        "Kontrol",
        "_beregn",
        "[fortryd]",
      ]),
    );
  });
  test("a setting written in _beregn is used and kept", () => {
    const first = beregn(caseGrids("2025-F4")).after;
    const g = grid(first, "_beregn");
    const row = g.values.findIndex((r) => r[0] === "discountRate");
    const withRate = edit(first, "_beregn", `B${row + 1}`, "0");
    const { result, after } = beregn(withRate);
    // at 0 % Forslag 4 pays back in 6 years (2029) (cases/2025-F4.json documentErrors)
    expect(result.payback.service?.years).toBe(6);
    expect(at(after, "Forslag", "G24")).toBe("6 år (2029)");
    expect(readWorkbook(after).settings).toEqual({ discountRate: "0" });
  });
  test("STALE when an input changed since the stamp; not before", () => {
    const first = beregn(caseGrids("2025-F4")).after;
    expect(validateWorkbook(first).findings.some((f) => f.code === "STALE")).toBe(false);
    const changed = edit(first, "Forslag", "H6", -500);
    const v = validateWorkbook(changed);
    const stale = v.findings.find((f) => f.code === "STALE");
    expect(stale?.severity).toBe("warning");
    expect(stale?.location).toBe("Forslag");
  });
});

describe("a found table without a row for a unit the result has", () => {
  // BC02 compact: the document's Tabel B lists KEJD, KFU, BUU, SU and Total, but not ØU (−78,
  // ØKF's share as a tenant); Tabel C is empty (only its Total row)
  const c = loadCase("2025-BC02");
  const first = beregn(buildCaseWorkbook(c, "compact").grids);
  const g = grid(first.after, "2025-BC02");
  const rowOf = (label: string, from: number) => g.values.findIndex((r, i) => i >= from && r[0] === label);
  test("gets a row above Total when the rows below are blank; Total moves down", () => {
    const bTitle = rowOf("Tabel B. Bevillingsmæssig effekt – varig drift", 0);
    // the table names its units by code (KEJD, KFU …): the added row is "ØU", not the full name
    const oeu = rowOf("ØU", bTitle);
    const total = rowOf("Total", bTitle);
    expect(oeu).toBeGreaterThan(bTitle);
    expect(total).toBe(oeu + 1);
    expect(g.values.some((r) => r[0] === "Økonomiudvalget")).toBe(false);
    // the blank row between Tabel B and Tabel C stays blank
    expect((g.values[total + 1] ?? []).every((v) => v === null || v === undefined || v === "")).toBe(true);
    // 2025 is the second year column (G): ØU −78 (SPEC §5: BC02 spreads its effect over the tenants)
    expect(g.values[oeu][6]).toBe(78);
    expect(g.values[total][6]).toBe(0);
    expect(first.outcome.summary).toMatch(/; rækker tilføjet i Tabel B: Økonomiudvalget; Tabel C: /);
  });
  test("Valider on the result finds no error and the second Beregn changes nothing", () => {
    const v = validateWorkbook(first.after);
    expect(v.findings.filter((f) => f.severity === "error")).toEqual([]);
    const second = beregn(first.after);
    expect(second.outcome.cellsWritten).toBe(0);
    expect(content(second.after)).toEqual(content(first.after));
  });
  test("the blank row separating Tabel B from what follows is not taken: the table goes on Kvantum", () => {
    const wb = buildCaseWorkbook(loadCase("2025-BC02"), "compact");
    const sheet = wb.grids[0];
    const bTitle = sheet.values.findIndex((r) => r[0] === "Tabel B. Bevillingsmæssig effekt – varig drift");
    const total = sheet.values.findIndex((r, i) => i > bTitle && r[0] === "Total");
    // one blank row under Total, then text: ØU and the moved Total would need that blank row
    const grids = edit(wb.grids, "2025-BC02", `A${total + 3}`, "Note: se bilag");
    const { after } = beregn(grids);
    expect(grid(after, "2025-BC02").values[total + 1]?.[0] ?? null).toBeNull();
    expect(grid(after, "Kvantum").values.some((r) => r[0] === "Tabel B. Bevillingsmæssig effekt – varig drift")).toBe(true);
  });
  test("with no room below, the rows it has are written and the whole table goes on Kvantum", () => {
    // a note right under BC02's Tabel B leaves no room for the missing ØU row
    const wb = buildCaseWorkbook(loadCase("2025-BC02"), "compact");
    const sheet = wb.grids[0];
    const bTitle = sheet.values.findIndex((r) => r[0] === "Tabel B. Bevillingsmæssig effekt – varig drift");
    const total = sheet.values.findIndex((r, i) => i > bTitle && r[0] === "Total");
    const grids = edit(wb.grids, "2025-BC02", `A${total + 2}`, "Note: se bilag");
    const { result, outcome, after } = beregn(grids);
    const bRows = grid(after, "2025-BC02").values.slice(bTitle + 2, total + 1);
    // KEJD −562, KFU 307, BUU 101, SU 76 in 2025; Total 0 (with ØU's 78 it has no row for)
    expect(bRows.map((r) => r[6])).toEqual([-562, 307, 101, 76, 0]);
    // the generated sheet holds the complete Tabel B: ØU +78 (B = C − A: ØU has no effect of its own)
    const kv = grid(after, "Kvantum");
    const b = kv.values.findIndex((r) => r[0] === "Tabel B. Bevillingsmæssig effekt – varig drift");
    expect(kv.values[b + 2][0]).toBe("Økonomiudvalget");
    expect(kv.values[b + 2][3]).toBe(78);
    const warn = result.findings.length && readWorkbook(after).proposals.length;
    expect(warn).toBe(1);
    expect(
      grid(after, "Kontrol").values.some(
        (r) => r[5] === "STRUCTURE" && String(r[2]).startsWith("Tabel B mangler rækker for Økonomiudvalget, og der er ikke plads"),
      ),
    ).toBe(true);
    expect(outcome.summary).toContain("Kvantum");
    // and the second Beregn changes nothing
    expect(beregn(after).outcome.cellsWritten).toBe(0);
  });
});

describe("permanent rows in another styringsområde", () => {
  test("get their own A–C set on Kvantum, labelled with the område, read back as Beregn's output", () => {
    const proposal: ProposalInput = {
      id: "Z",
      profile: "kk-2025",
      priceLevel: "2025 p/l",
      years: [2025, 2026, 2027, 2028],
      rows: [
        {
          label: "Effektivisering af sagsbehandling",
          block: "permanent",
          type: "effect",
          area: "Service",
          unit: "BIU",
          values: { "2025": -100, "2026": -100, "2027": -100, "2028": -100 },
        },
        {
          label: "Færre udgifter til forsørgelse",
          block: "permanent",
          type: "effect",
          area: "Overførsler",
          unit: "BIU",
          values: { "2025": -400, "2026": -400, "2027": -400, "2028": -400 },
        },
        { label: "Projektleder", block: "implementation", area: "Service", unit: "BIU", values: { "2025": 500 } },
      ],
    };
    const { after } = beregn(buildCaseWorkbook(proposal, "standard").grids);
    const kv = grid(after, "Kvantum");
    const a = kv.values.findIndex((r) => r[0] === "Tabel A. Måltalseffekt (nettoeffektivisering) – Overførsler");
    expect(a).toBeGreaterThan(0);
    // BIU is the eleventh bevilling row: title, header, ØU … BIU
    expect(kv.values[a + 12][0]).toBe("Beskæftigelses- og Integrationsudvalget");
    expect(kv.values[a + 12][2]).toBe(-400);
    const service = kv.values.findIndex((r) => r[0] === "Tabel A. Måltalseffekt (nettoeffektivisering)");
    expect(kv.values[service + 12][2]).toBe(-100);
    const ids = (readWorkbook(after).proposals[0].layout as ProposalLayout).tables.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(["A", "A:Overførsler", "B:Overførsler", "C:Overførsler"]));
  });
});

describe("Beregn's cells look like the table's own (issue 10)", () => {
  /** The WriteCell a plan puts at "Ark!C12" (the last block writing it wins, as in the hosts). */
  const planCell = (plan: WritePlan, sheet: string, address: string) => {
    const { row, col } = parseA1(address);
    let found: WritePlan["writes"][number]["cells"][number][number] = null;
    for (const w of plan.writes) {
      if (w.sheet !== sheet) continue;
      const top = parseA1(w.topLeft);
      const c = w.cells[row - top.row]?.[col - top.col];
      if (c) found = c;
    }
    return found;
  };
  /** A copy of the grids with a number format on rows r1..r2 (1-based, inclusive) of columns F–K. */
  const formatRows = (grids: Grid[], sheet: string, r1: number, r2: number, format: string): Grid[] => {
    const out = JSON.parse(JSON.stringify(grids)) as Grid[];
    const g = grid(out, sheet);
    g.numberFormats ??= [];
    for (let r = r1 - 1; r < r2; r++) {
      while (g.numberFormats.length <= r) g.numberFormats.push([]);
      for (let c = 5; c <= 10; c++) g.numberFormats[r][c] = format;
    }
    return out;
  };
  const ONE_DECIMAL = '#,##0.0;-#,##0.0;"-"';
  // the compact BC02 (cases/2025-BC02.json as the document lays it out): Tabel A at rows 30–35
  // (ØU, KFU, BUU, SU, Total), Tabel B at 39–44 (KEJD, KFU, BUU, SU, Total; no ØU row)
  const base = buildCaseWorkbook(loadCase("2025-BC02"), "compact").grids;
  const sheet = base[0].name;
  const rowOf = (label: string, from = 0) => base[0].values.findIndex((r, i) => i >= from && r[0] === label) + 1;
  const aTitle = rowOf("Tabel A. Måltalseffekt (nettoeffektivisering)");
  const bTitle = rowOf("Tabel B. Bevillingsmæssig effekt – varig drift");
  const aTotal = rowOf("Total", aTitle);
  const bTotal = rowOf("Total", bTitle);

  test("a table's stated amounts in one decimal: its written rows, the added ØU and the moved Total, in one decimal too", () => {
    const { outcome, after } = beregn(formatRows(base, sheet, bTitle + 2, bTotal, ONE_DECIMAL));
    // Tabel B gains ØU in the old Total row, and Total one row down (the test above)
    expect(at(after, sheet, `A${bTotal}`)).toBe("ØU");
    expect(at(after, sheet, `G${bTotal}`)).toBe(78);
    for (const address of [`G${bTitle + 2}`, `G${bTotal}`, `G${bTotal + 1}`, `K${bTotal + 1}`])
      expect(planCell(outcome.plan, sheet, address)).toMatchObject({ numberFormat: ONE_DECIMAL, align: "right" });
    // Tabel A's amounts have no format of their own: Beregn's zero-as-dash one
    expect(planCell(outcome.plan, sheet, `G${aTitle + 2}`)).toMatchObject({ numberFormat: AMOUNT_FORMAT, align: "right" });
  });

  test("Tabel 1's computed rows take the input rows' format", () => {
    // BC02's Tabel 1: input rows 3–4 and 8–10, Samlet varig ændring in rows 5–6
    const grids = formatRows(formatRows(base, sheet, 3, 4, "0.0"), sheet, 8, 10, "0.0");
    expect(at(grids, sheet, "A5")).toMatch(/^Samlet varig/);
    const { outcome } = beregn(grids);
    expect(planCell(outcome.plan, sheet, "G5")).toMatchObject({ value: -562, numberFormat: "0.0", align: "right" });
    expect(planCell(outcome.plan, sheet, "F11")).toMatchObject({ value: 422, numberFormat: "0.0" });
  });

  test("Tabel A's existing Total row gets a bold label, as the Total Beregn adds to Tabel B has", () => {
    const { outcome, after } = beregn(base);
    expect(at(base, sheet, `A${aTotal}`)).toBe("Total");
    expect(planCell(outcome.plan, sheet, `A${aTotal}`)).toEqual({ value: "Total", bold: true });
    expect(planCell(outcome.plan, sheet, `A${bTotal + 1}`)).toEqual({ value: "Total", bold: true });
    // the label's text is unchanged, so it is neither a change in Kontrol nor in the undo data
    expect(at(after, sheet, `A${aTotal}`)).toBe("Total");
    expect(outcome.summary).not.toContain(`A${aTotal}`);
    const kontrol = grid(after, "Kontrol").values.flat().map(String);
    expect(kontrol.some((v) => v.includes(`!A${aTotal}`))).toBe(false);
  });
});

describe("the generated Kvantum sheet beside tables in place (2025 BC02, compact)", () => {
  // BC02's sheet has Tabel A, B and C (rows 29–50); 2.1.1, D and E go on "Kvantum"
  const { outcome, after } = beregn(buildCaseWorkbook(loadCase("2025-BC02"), "compact").grids);
  const kv = grid(after, "Kvantum");
  test("says under its title where A–C are, so D and E read after them as in the template", () => {
    expect(String(kv.values[0][0])).toMatch(/^Tekniske tabeller til korrektioner i Kvantum \(t\.kr\., 2025 p\/l\) – dannet af Beregn$/);
    expect(kv.values[1][0]).toBe("Note: Tabel A, B og C står i arket »2025-BC02«.");
    const titles = kv.values.map((r) => r[0]).filter((v): v is string => typeof v === "string" && /^Tabel /.test(v));
    expect(titles.map((t) => t.split(".")[0])).toEqual(["Tabel 2", "Tabel D", "Tabel E"]);
    // the note is not read as a table, and the sheet stays Beregn's output
    const again = readWorkbook(after).proposals[0];
    expect((again.layout as ProposalLayout).tables.filter((t) => t.generated).map((t) => t.id)).toEqual(["2.1.1", "D", "E"]);
    expect(beregn(after).outcome.cellsWritten).toBe(0);
  });
  test("koncernenhederne indented under Økonomiudvalget; D's KEJD 2024 is 422 (Tabel 1's implementation)", () => {
    const d = kv.values.findIndex((r) => r[0] === "Tabel D. Fordeling af anlægsinvesteringer mellem udvalg");
    expect(kv.values[d + 2][0]).toBe("Økonomiudvalget");
    expect(kv.values[d + 5][0]).toBe("Københavns Ejendomme & Indkøb");
    expect(kv.values[d + 5][2]).toBe(422); // 372 + 50 (seed: Skiltning og Flytning af bom, 2024)
    const w = outcome.plan.writes.find((x) => x.sheet === "Kvantum")!;
    const cell = (r: number) => w.cells[r - parseA1(w.topLeft).row][0];
    expect(cell(d + 2)?.indent).toBeUndefined();
    for (const k of [3, 4, 5, 6]) expect(cell(d + k)?.indent).toBe(1);
  });
  test("printed like Kontrol: A4 landscape, one page wide, its title row on each page", () => {
    expect(outcome.plan.pageSetup?.find((p) => p.sheet === "Kvantum")).toEqual({
      sheet: "Kvantum",
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      printTitleRows: "1:1",
    });
  });
});
