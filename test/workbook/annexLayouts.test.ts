/**
 * Issue 8's classes, each on a small sheet laid out as the annexes print it (labels verbatim from
 * the seeds: 004 = Bilag 7, 001 = Bilag 8, 000 = 2018 Bilag 6). The corpus test
 * (annex.test.ts) holds whole proposals; these pin one rule each.
 */
import { computeFound, readWorkbook } from "../../src/workbook";
import { classifyTabel1Label, LABEL_FORMS, squeeze } from "../../src/workbook/labels";
import type { CellValue, Grid } from "../../src/workbook/types";

function sheet(name: string, rows: CellValue[][]): Grid {
  return { name, visibility: "visible", values: rows.map((r) => [...r]), formulas: rows.map(() => []) };
}
const Y6 = ["1.000 kr. 2025 p/l", "Styringsområde", 2024, 2025, 2026, 2027, 2028, 2029];

describe("label forms (class 2): one seed line each", () => {
  test.each(LABEL_FORMS.map((f) => [f.seed, f]))("%j has its form's meaning", (seed, form) => {
    const m = form.pattern.exec(squeeze(seed));
    expect(m).not.toBeNull();
    expect(classifyTabel1Label(seed)).toEqual(form.meaning(m as RegExpExecArray));
  });
  test.each([
    ["Implementeringsomkostninger, som skal sikre en god overgang (FAC)", undefined],
    ["Varige ændringer totalt, service", { kind: "detailTotal", area: "service" }],
    ["Varige ændringer, 1.000 kr. 2025 p/l", { kind: "permanentMarker", y2016: false }],
    ["Samlet varig ændring, service SOF", { kind: "subtotal", block: "permanent", area: "Service", unit: "SOF" }],
    ["Samlede implementeringsomkostnin-\nger, service (BUF)", { kind: "subtotal", block: "implementation", area: "Service", unit: "BUF" }],
    ["Samlet varig ændring af \ninvesteringscasen*", { kind: "computed", total: "permanent", area: undefined, y2016: false }],
    ["Samlet varig ændring, finansposter", { kind: "computedOther", block: "permanent" }],
    ["Tilbagebetalingsplan på internt lån", undefined],
    ["Subtotal", { kind: "blockTotal" }],
  ])("%j → %j", (text, meaning) => expect(classifyTabel1Label(text)).toEqual(meaning));
});

describe("an input row that starts like a heading (class 2; Bilag 7 BC10, 004:1168-1175)", () => {
  const g = sheet("BC10", [
    ["Tabel 1. Forslagets samlede økonomiske konsekvenser"],
    Y6,
    ["Varige ændringer (effektiviseringer og drift)"],
    ["Effektivisering", "Service", null, null, -410, -410, -410, -410],
    ["Samlet varig ændring", null, null, null, -410, -410, -410, -410],
    ["Implementeringsomkostninger (midler fra investeringspuljen)"],
    ["Projektleder", "Service", null, 930, null, null, null, null],
    ["Implementeringsomkostninger, som skal sikre en god overgang (FAC)", "Service", null, 525, null, null, null, null],
    ["Samlede implementeringsomkostninger", null, null, 1455, null, null, null, null],
  ]);
  const found = readWorkbook([g]).proposals;
  test("is read with its 525, so the stated 1.455 agrees", () => {
    expect(found).toHaveLength(1);
    expect(found[0].input.rows.map((r) => r.label)).toContain("Implementeringsomkostninger, som skal sikre en god overgang (FAC)");
    const r = computeFound(found[0]);
    expect(r.totals.implementation[1].toString()).toBe("1455");
    expect(r.findings.filter((f) => f.code === "TOTAL_MISMATCH")).toEqual([]);
  });
});

describe("Tabel 1 without a block heading (class 1; Bilag 8 Forslag 7 Tabel 2, 001:4815-4824)", () => {
  const g = sheet("Forslag 7", [
    ["Tabel 2. Forslagets samlede økonomiske konsekvenser"],
    ["1.000 kr. 2025 p/l", "Styringsområde", 2025, 2026, 2027, 2028],
    ["Effektivisering på indkøbsområdet", "Service", -43142, -43142, -43142, -43142],
    ["Effektivisering på indkøbsområdet", "Efterspørgselsstyret indsats", -422, -422, -422, -422],
    ["Samlet økonomisk påvirkning", null, -43565, -43565, -43565, -43565],
    [],
    ["Tabel 4 viser de samlede indkøbseffektiviseringer fra 2025 til 2029"],
    [null, "Styringsområde", 2025, 2026, 2027, 2028, 2029],
    ["Effektivisering på indkøbsområdet", "Service", -43142],
    ["Samlet varig ændring, årets priser", null, -43565],
  ]);
  const reading = readWorkbook([g]);
  test("is one proposal; the rows are permanent, inferred from the computed row, with an info note", () => {
    expect(reading.proposals).toHaveLength(1);
    const p = reading.proposals[0];
    expect(p.input.rows.map((r) => [r.block, r.area])).toEqual([
      ["permanent", "Service"],
      ["permanent", "EI"],
    ]);
    const note = p.findings.find((f) => f.code === "TYPE_INFERRED" && /mangler overskriften "Varige ændringer"/.test(f.message));
    expect(note?.severity).toBe("info");
    expect(note?.location).toBe("Forslag 7!A3");
  });
  test("the net total agrees (−43.142 − 422 = −43.564, within rounding of 2 rows)", () => {
    const r = computeFound(reading.proposals[0]);
    expect(r.totals.net[0].toString()).toBe("-43564");
    expect(r.findings.filter((f) => f.code === "TOTAL_MISMATCH" && f.severity === "error")).toEqual([]);
  });
});

describe("an innovation-pool proposal (classes 1, 5, 6; Bilag 7 BC04, 004:788-802)", () => {
  const g = sheet("BC04", [
    ["BC04 Analyse af mulighederne i AI-baseret tolkning ifm. sagsbehandling"],
    ["Fremstillende forvaltning: Beskæftigelses- og Integrationsforvaltningen"],
    ["Tabel 1. Forslagets samlede økonomiske konsekvenser"],
    Y6,
    ["Implementeringsomkostninger"],
    ["Foranalyse", "Service", null, 1000, null, null, null, null],
    ["Tilbagebetalingsplan på internt lån", null, null, null, -258, -258, -258, -258],
    ["Samlede implementeringsomkostninger, service", null, null, 1000, null, null, null, null],
    ["Samlede implementeringsomkostninger", null, null, null, null, null, null, null],
  ]);
  const p = readWorkbook([g]).proposals[0];
  const r = computeFound(p);
  test("kind, title and presenting are read", () => {
    expect(p.input.kind).toBe("preliminary");
    expect(p.input.title).toBe("BC04 Analyse af mulighederne i AI-baseret tolkning ifm. sagsbehandling");
    expect(p.input.presenting).toBe("Beskæftigelses- og Integrationsforvaltningen");
  });
  test("the repayment row is an implementation row without område: AREA_MISSING at its label", () => {
    expect(p.input.rows[1]).toMatchObject({ label: "Tilbagebetalingsplan på internt lån", block: "implementation" });
    expect(p.input.rows[1].area).toBeUndefined();
    expect(r.findings.some((f) => f.code === "AREA_MISSING")).toBe(true);
    expect(r.totals.implementation.map((d) => d.toString())).toEqual(["0", "1000", "-258", "-258", "-258", "-258"]);
  });
  test("blank cells in a partly filled computed row are 0: 2026 stated 0 against −258", () => {
    const f = r.findings.filter((x) => x.code === "TOTAL_MISMATCH");
    expect(f.some((x) => x.location === "BC04!E8" && x.severity === "error")).toBe(true);
    // the wholly blank "Samlede implementeringsomkostninger" is not stated
    expect(f.some((x) => x.location.startsWith("BC04!") && x.location.endsWith("9"))).toBe(false);
  });
  test("no payback limit for the innovation pool", () => {
    expect(r.findings.some((f) => f.code === "PAYBACK_OVER_LIMIT")).toBe(false);
  });
});

describe("per-unit subtotals (class 2; Bilag 8 Forslag 3, 001:2543-2566)", () => {
  const rows: CellValue[][] = [
    ["Tabel 1. Forslagets samlede økonomiske konsekvenser"],
    ["1.000 kr. 2024 p/l", "Styringsområde", 2024, 2025, 2026, 2027, 2028, 2029],
    ["Varige ændringer"],
    ["SOF sparer på forebyggelse", "Service", null, -1000, -1850, -2600, -4450, -4450],
    ["BUF sparer på forebyggelse", "Service", null, -900, -1700, -2400, -3950, -3950],
    ["5 daginstitutionssocialrådgivere", "Service", null, null, 550, 1100, 2750, 2750],
    ["5 til tværfaglige support", "Service", null, null, 550, 1100, 2750, 2750],
    ["Samlet varig ændring, service SOF", "Service", null, -1000, -1300, -1500, -1700, -1700],
    ["Samlet varig ændring, service BUF", "Service", null, -900, -1150, -1300, -1200, -1200],
    ["Samlet varig ændring", null, null, -1900, -2450, -2800, -2900, -2900],
  ];
  test("are not the proposal's total: no TOTAL_MISMATCH when they add up", () => {
    const p = readWorkbook([sheet("Forslag 3", rows)]).proposals[0];
    expect(p.input.rows).toHaveLength(4);
    expect(computeFound(p).findings.filter((f) => f.code === "TOTAL_MISMATCH")).toEqual([]);
  });
  test("together they are checked against the block: SOF 2025 typed −1.100 is a mismatch at its cell", () => {
    const bad = rows.map((r) => [...r]);
    bad[7][3] = -1100;
    const r = computeFound(readWorkbook([sheet("Forslag 3", bad)]).proposals[0]);
    const f = r.findings.filter((x) => x.code === "TOTAL_MISMATCH");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("(SOF + BUF) 2025: angivet -2.000, men rækkerne giver -1.900");
    expect(f[0].location).toBe("Forslag 3!D8");
  });
});

describe("a footnoted row below its block's total (class 2; Bilag 8 Forslag 5, 001:3679-3699)", () => {
  const g = sheet("Forslag 5", [
    ["Tabel 2. Forslagets samlede økonomiske konsekvenser"],
    Y6,
    ["Varige ændringer (effektiviseringer og drift)"],
    ["Bortfaldne opgaver", null, null, -6356, -12711, -12711, -12711, -12711],
    ["Drift af ny ordning", null, null, 3960, 7920, 7920, 7920, 7920],
    ["Samlet varig ændring af \ninvesteringscasen*", null, null, -2396, -4791, -4791, -4791, -4791],
    ["Indkøbseffektiviseringer**", null, null, null, -449, -897, -1346, -1795],
    ["Implementeringsomkostninger (midler fra investeringspuljen)"],
    ["Spor 1", "Service", 1000, 700, 200, null, null, null],
    ["Samlede implementeringsomkostninger", null, 1000, 700, 200, null, null, null],
  ]);
  test("belongs to the block, shown but not counted", () => {
    const p = readWorkbook([g]).proposals[0];
    expect(p.input.rows.map((r) => [r.block, r.excluded === true])).toEqual([
      ["permanent", false],
      ["permanent", false],
      ["permanent", true],
      ["implementation", false],
    ]);
    expect(p.findings.some((f) => f.code === "STRUCTURE")).toBe(false);
  });
});

describe("tables after Tabel 1 are not proposals (classes 1, 3)", () => {
  test("2018's detail table and numbered technical table under a Tabel 1", () => {
    const g = sheet("Forslag 4", [
      ["Tabel 1. Samlet økonomi"],
      ["1.000 kr. 2018 p/l", "Styringsområde", 2018, 2019, 2020, 2021],
      ["Varige ændringer"],
      ["Mainframe samlet vederlag", "Service", -283, -5816, -5816, -5816],
      ["Samlet varig ændring", null, -283, -5816, -5816, -5816],
      [],
      ["Tabel 2. Varige ændringer, Service"],
      [null, null, 2018, 2019, 2020, 2021],
      ["Mainframe samlet vederlag", null, -283, -5816, -5816, -5816],
      ["Varige ændringer totalt, service", null, -283, -5816, -5816, -5816],
      [],
      ["Tabel 1.4.6. Bevillingsmæssig effekt på udvalg service, hvis forslaget indarbejdes"],
      [null, null, 2018, 2019, 2020, 2021],
      ["Samlet varig ændring", null, -283, -5816, -5816, -5816],
    ]);
    const reading = readWorkbook([g]);
    expect(reading.proposals.map((p) => p.input.id)).toEqual(["Forslag 4"]);
    expect(reading.proposals[0].input.rows).toHaveLength(1);
  });
});

describe("Ingen Tabel 1 fundet (class 4)", () => {
  test("points at the nearest candidate, the year header row, and says what is missing", () => {
    const cover = sheet("Forside", [["BC01 Samlet ferieløsning"]]);
    const g = sheet("BC01", [[], [], ["Udgifter", 2025, 2026, 2027, 2028], ["Noget", 1, 2, 3, 4]]);
    const f = readWorkbook([cover, g]).findings;
    expect(f).toHaveLength(1);
    expect(f[0].location).toBe("BC01!B3");
    expect(f[0].message).toMatch(/^Ingen Tabel 1 fundet: årsrækken i BC01!B3 \(2025–2028\) har hverken en blokoverskrift/);
  });
});

describe("title and presenting (class 9)", () => {
  test('the name under a bare "Forslag 3", and "Fremstillende forvaltning:" with the name in the next cell', () => {
    const g = sheet("Forslag 3", [
      ["Forslag 3"],
      ["Styrket fælles indsats for børn og unge"],
      ["Fremstillende forvaltning:", "Socialforvaltningen"],
      ["Tabel 1. Forslagets samlede økonomiske konsekvenser"],
      Y6,
      ["Varige ændringer"],
      ["Effekt", "Service", null, -100, -100, -100, -100, -100],
      ["Samlet varig ændring", null, null, -100, -100, -100, -100, -100],
    ]);
    const p = readWorkbook([g]).proposals[0];
    expect(p.input.title).toBe("Styrket fælles indsats for børn og unge");
    expect(p.input.presenting).toBe("Socialforvaltningen");
    expect(p.input.kind).toBe("efficiency");
  });
});

describe("stated tables without keys or a Bevilling column are still checked (classes 7, 8)", () => {
  const tabel1: CellValue[][] = [
    ["Tabel 2. Forslagets samlede økonomiske konsekvenser"],
    ["1.000 kr. 2025 p/l", "Styringsområde", 2025, 2026, 2027, 2028],
    ["Effektivisering på indkøbsområdet", "Service", -43142, -43142, -43142, -43142],
    ["Effektivisering på indkøbsområdet", "Efterspørgselsstyret indsats", -422, -422, -422, -422],
    ["Samlet økonomisk påvirkning", null, -43565, -43565, -43565, -43565],
    [],
  ];
  test("2025 Forslag 7's Tabel 3 (001:4832-4858): amounts are read, the % column is not; its rows miss the Total by 1", () => {
    const g = sheet("Forslag 7", [
      ...tabel1,
      ["Tabel 3. Fordeling af indkøbseffektiviseringer på udvalg"],
      ["Udvalg", "Fordelingsnøgle", 2025, 2026, 2027, 2028],
      ["Økonomiudvalget", 0.08, -3368, -3368, -3368, -3368],
      ["Børne- og Ungdomsudvalget", 0.35, -15422, -15422, -15422, -15422],
      ["Sundheds- og Omsorgsudvalget", 0.57, -24774, -24774, -24774, -24774],
      ["Total", 1, -43565, -43565, -43565, -43565],
    ]);
    const p = readWorkbook([g]).proposals[0];
    expect(p.input.stated?.allocations?.[0].rows["ØU"]).toEqual({ 2025: -3368, 2026: -3368, 2027: -3368, 2028: -3368 });
    const f = computeFound(p).findings.filter((x) => x.code === "ROWS_NOT_SUMMING");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("info");
    expect(f[0].message).toContain("rækkerne summerer til -43.564, men Total er -43.565");
    expect(f[0].location).toBe("Forslag 7!C12:F12");
  });
  test("a Tabel A whose Total is wrong, and whose sum is not Samlet varig ændring, Service", () => {
    const g = sheet("Forslag 7", [
      ...tabel1,
      ["Tabel A. Måltalseffekt – hvis forslaget indarbejdes (nettoeffektivisering)"],
      ["Udvalg", "Bevilling", 2025, 2026, 2027, 2028],
      ["Økonomiudvalget", "Service", -20000, -20000, -20000, -20000],
      ["Børne- og Ungdomsudvalget", "Service", -20000, -20000, -20000, -20000],
      ["Total", null, -43142, -43142, -43142, -43142],
    ]);
    const r = computeFound(readWorkbook([g]).proposals[0]);
    const rows = r.findings.filter((x) => x.code === "ROWS_NOT_SUMMING");
    expect(rows.map((x) => [x.severity, x.location])).toEqual([["error", "Forslag 7!C11:F11"]]);
    // the Total itself agrees with Samlet varig ændring, Service (−43.142): no KVANTUM_MISMATCH
    expect(r.findings.filter((x) => x.code === "KVANTUM_MISMATCH")).toEqual([]);
  });
});
