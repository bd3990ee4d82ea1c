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

describe("2018's numbered technical tables and 2016's decimal Fordeling (class 7)", () => {
  // 2018 Bilag 6 Forslag 5 (000:2565-2598): Tabel 1.1.1, permanent from 2019, implementation in Anlæg
  const p5: CellValue[][] = [
    ["Tabel 1.1.1 – Samlet økonomi"],
    ["1.000 kr. 2018 p/l", "Styrings-\nområde", 2018, 2019, 2020, 2021],
    ["Varige ændringer"],
    ["Bortfalden udgift til Rubin*", "Service", null, -7214, -7214, -7214],
    ["Nyt system til afrapportering", "Service", null, 4000, 4000, 4000],
    ["Samlet varig ændring", null, null, -3214, -3214, -3214],
    ["Implementeringsomkostninger"],
    ["Udvikling", "Anlæg", 2600, null, null, null],
    ["Samlede implementeringsomkostninger", null, 2600, null, null, null],
    [],
  ];
  test('"Tabel 5. Måltalseffekt" is Tabel A and "Tabel 4. Bevillingsmæssig effekt på udvalgene" Tabel C; A\'s rows miss its I alt by 2 (000:2803-2837)', () => {
    const g = sheet("Forslag 5", [
      ...p5,
      ["Tabel 4. Bevillingsmæssig effekt på udvalgene"], // row 11
      ["1.000 kr. 2018 p/l", null, 2018, 2019, 2020, 2021],
      ["Økonomiudvalget", "100 %", null, -3214, -3214, -3214],
      [],
      ["I alt", "100,00 %", null, -3214, -3214, -3214],
      [],
      ["Tabel 5. Måltalseffekt"], // row 17
      ["1.000 kr. 2018 p/l"],
      [null, "Kvantum for-\ndelingsnøgle", 2018, 2019, 2020, 2021],
      ["Økonomiudvalget", "16,10 %", null, -517, -517, -517],
      ["Kultur- og Fritidsudvalget", "8,10 %", null, -260, -260, -260],
      ["Børne- og Ungdomsudvalget", "24,00 %", null, -771, -771, -771],
      ["Sundheds- og Omsorgsudvalget", "12,70 %", null, -408, -408, -408],
      ["Socialudvalget", "22,50 %", null, -723, -723, -723],
      ["Teknik- og Miljøudvalget", "13,30 %", null, -427, -427, -427],
      ["Beskæftigelses- og Integrationsudvalget", "3,30 %", null, -106, -106, -106],
      [],
      ["I alt", "100,00 %", null, -3214, -3214, -3214], // row 28
    ]);
    const p = readWorkbook([g]).proposals[0];
    expect(p.input.stated?.kvantum?.A?.["SU"]).toEqual({ 2019: -723, 2020: -723, 2021: -723 });
    expect(p.input.stated?.kvantum?.C?.["ØU"]).toEqual({ 2019: -3214, 2020: -3214, 2021: -3214 });
    const f = computeFound(p).findings;
    const rows = f.filter((x) => x.code === "ROWS_NOT_SUMMING");
    expect(rows.map((x) => [x.severity, x.location])).toEqual([["info", "Forslag 5!D28:F28"]]);
    expect(rows[0].message).toContain("rækkerne summerer til -3.212, men Total er -3.214");
    // ΣA = ΣC = Samlet varig ændring, Service (−3.214): no mismatch
    expect(f.filter((x) => x.code === "KVANTUM_MISMATCH")).toEqual([]);
  });

  // 2018 Bilag 6 Forslag 2 (000:735-792): Tabel 1.1.1 with "2022 og frem"
  const p2: CellValue[][] = [
    ["Tabel 1.1.1 – Samlede økonomiske konsekvenser"],
    ["1.000 kr. 2018 p/l", "Styrings\nområde", 2017, 2018, 2019, 2020, 2021, "2022 og\nfrem"],
    ["Varige ændringer"],
    ["KMD Sag Basis", "Service", -1130, -4382, -633, -60, -1574, -1928],
    ["Subtotal", null, -1130, -4382, -633, -60, -1574, -1928],
    [],
  ];
  test('"Tabel 1.5.3 – Måltalseffekt (…)" is Tabel A, its "Sum af besparelser" the Total (000:1220-1238)', () => {
    const g = sheet("Forslag 2", [
      ...p2,
      ["Tabel 1.5.3 – Måltalseffekt (teknisk bilag 1 (Afsnit 2.11))"], // row 7
      ["1.000 kr. 2018 p/l", 2017, 2018, 2019, 2020, 2021, 2022],
      ["Økonomiudvalget", -5, "-", "-", "-", "-", "-"],
      ["Kultur- og Fritidsudvalget", -244, -1186, -497, -41, -960, -1086],
      ["Børne- og Ungdomsudvalget", -31, -88, "-", -2, -48, -58],
      ["Sundheds- og Omsorgsudvalget", -6, "-", "-", "-", "-", "-"],
      ["Socialudvalget", -654, -2393, -18, "-", -70, -213],
      ["Teknik- og Miljøudvalget", -2, "-", "-", "-", "-", "-"],
      ["Beskæftigelses- og Integrationsudvalget", -187, -715, -117, -17, -497, -571],
      ["Sum af besparelser", -1130, -4382, -633, -60, -1574, -1928], // row 16
    ]);
    const p = readWorkbook([g]).proposals[0];
    expect(p.input.stated?.kvantum?.A?.["KFU"]).toEqual({ 2017: -244, 2018: -1186, 2019: -497, 2020: -41, 2021: -960, 2022: -1086 });
    const rows = computeFound(p).findings.filter((x) => x.code === "ROWS_NOT_SUMMING");
    // 2017: −1.129 against −1.130; 2019: −632 against −633; 2021: −1.575 against −1.574
    expect(rows.map((x) => [x.severity, x.location])).toEqual([
      ["info", "Forslag 2!B16"],
      ["info", "Forslag 2!D16"],
      ["info", "Forslag 2!F16"],
    ]);
  });

  test('"Tabel 1.5.2 Bevillingsmæssig effekt" has a block per udvalg: "Bevillingsmæssig effekt i alt" is Tabel B, each sub-row is checked against its own Total (000:1122-1211)', () => {
    const g = sheet("Forslag 2", [
      ...p2,
      ["Tabel 1.5.2 Bevillingsmæssig effekt (teknisk bilag 1 (Afsnit 2.11))"], // row 7
      ["1.000 kr. 2018 p/l", null, 2017, 2018, 2019, 2020, 2021, 2022],
      ["Økonomiudvalget", "Samlet besparelse", -5, -27, -61, -82, -82, -82],
      [null, "Omkostning - bevillingsmæssig effekt", "-", 83, 440, 437, 426, 418],
      [null, "Bevillingsmæssig effekt af fordeling af effektivisering", "-", -27, -61, -82, -82, -82],
      [null, "Bevillingsmæssig effekt i alt", "-", 56, 379, 355, 344, 336],
      ["Kultur- og\nFritidsudvalget", "Samlet besparelse", -244, -1398, -3239, -4376, -4376, -4376],
      [null, "Omkostning - bevillingsmæssig effekt", "-", 165, 1786, 2878, 2786, 2722],
      [null, "Bevillingsmæssig effekt af fordeling af effektivisering", "-", -212, -2742, -4335, -3416, -3290],
      [null, "Bevillingsmæssig effekt i alt", "-", -47, -956, -1457, -630, -568],
      ["Børne- og\nUngdomsudvalget", "Samlet besparelse", -31, -174, -383, -536, -536, -536],
      [null, "Omkostning - bevillingsmæssig effekt", "-", 83, 463, 472, 457, 447],
      [null, "Bevillingsmæssig effekt af fordeling af effektivisering", "-", -86, -383, -534, -488, -478],
      [null, "Bevillingsmæssig effekt i alt", "-", -3, 80, -62, -31, -30],
      ["Sundheds- og\nOmsorgsudvalget", "Samlet besparelse", -6, -35, -79, -107, -107, -107],
      [null, "Omkostning - bevillingsmæssig effekt", "-", 83, 435, 430, 420, 412],
      [null, "Bevillingsmæssig effekt af fordeling af effektivisering", "-", -35, -79, -107, -107, -107],
      [null, "Bevillingsmæssig effekt i alt", "-", 47, 356, 323, 313, 305],
      ["Socialudvalget", "Samlet besparelse", -654, -2653, -6882, -8824, -8824, -8824],
      [null, "Omkostning - bevillingsmæssig effekt", "-", 165, 6829, 9887, 8709, 8500],
      [null, "Bevillingsmæssig effekt af fordeling af effektivisering", "-", -260, -6864, -8824, -8755, -8611],
      [null, "Bevillingsmæssig effekt i alt", "-", -95, -35, 1063, -46, -111],
      ["Teknik- og\nMiljøudvalget", "Samlet besparelse", -2, -12, -27, -36, -36, -36],
      [null, "Omkostning - bevillingsmæssig effekt", "-", 83, 429, 421, 412, 404],
      [null, "Bevillingsmæssig effekt af fordeling af effektivisering", "-", -12, -27, -36, -36, -36],
      [null, "Bevillingsmæssig effekt i alt", "-", 71, 402, 385, 376, 368],
      ["Beskæftigelses- og\nIntegrations-\nudvalget", "Samlet besparelse", -187, -908, -2143, -2891, -2891, -2891],
      [null, "Omkostning - bevillingsmæssig effekt", "-", 165, 1800, 2268, 2068, 2022],
      [null, "Bevillingsmæssig effekt af fordeling af effektivisering", "-", -193, -2026, -2874, -2395, -2320],
      [null, "Bevillingsmæssig effekt i alt", "-", -28, -226, -606, -326, -299],
      ["Samlet varig\nændring", "Samlet besparelse", -1130, -5208, -12815, -16853, -16853, -16853],
      [null, "Omkostning - bevillingsmæssig effekt", "-", 825, 12182, 16793, 15279, 14925],
      [null, "Bevillingsmæssig effekt af fordeling af effektivisering", "-", -825, -12182, -16793, -15279, -14925],
      [null, "Bevillingsmæssig effekt i alt", "-", "-0", "-0", 0, 0, 0],
    ]); // the Samlet varig ændring block is rows 37-40
    const p = readWorkbook([g]).proposals[0];
    // i alt = Omkostning + fordeling af effektivisering: the frame moved (SPEC §5's B), Σ = 0 on its Total row (000:1177)
    expect(p.input.stated?.kvantum?.B?.["KFU"]).toEqual({ 2017: "-", 2018: -47, 2019: -956, 2020: -1457, 2021: -630, 2022: -568 });
    expect(p.input.stated?.kvantum?.B?.["Total"]).toEqual({ 2017: "-", 2018: "-0", 2019: "-0", 2020: 0, 2021: 0, 2022: 0 });
    const f = computeFound(p).findings;
    const rows = f.filter((x) => x.code === "ROWS_NOT_SUMMING");
    // the seed's sums, by hand: Samlet besparelse −1.129/−5.207/−12.814/−16.852 against −1.130/−5.208/−12.815/−16.853;
    // Omkostning 827 (2018) and 15.278 (2021) against 825 and 15.279; fordeling −16.792 (2020), −14.924 (2022)
    // against −16.793, −14.925; i alt 1 (2018, 2020, 2022) against −0/0
    expect(rows.map((x) => [x.severity, x.location])).toEqual([
      ["info", "Forslag 2!D40:H40"],
      ["info", "Forslag 2!C37"],
      ["info", "Forslag 2!D37"],
      ["info", "Forslag 2!E37"],
      ["info", "Forslag 2!F37:H37"],
      ["info", "Forslag 2!D38"],
      ["info", "Forslag 2!G38"],
      ["info", "Forslag 2!F39"],
      ["info", "Forslag 2!H39"],
    ]);
    expect(rows[2].message).toMatch(/Samlet besparelse.* 2018: rækkerne summerer til -5.207, men Total er -5.208/);
    // ΣB is 0 on the stated Total; the rows' 1 is the rounding note above, not a broken identity
    expect(f.filter((x) => x.code === "KVANTUM_IDENTITY" || x.code === "KVANTUM_MISMATCH")).toEqual([]);
  });

  test("a table's year beyond Tabel 1's is said (PRICE_LEVEL), the rest is checked (2018 Forslag 9, 000:4595 against 000:5173)", () => {
    const g = sheet("Forslag 9", [
      ["1.000 kr. 2018 p/l", "Styringsområde", 2018, 2019, 2020, 2021],
      ["Varige ændringer"],
      ["Besparelse sfa. integrerede ydelser - SOF", "Service", 0, -1002, -1127, null],
      ["Samlet varig ændring", null, 0, -1002, -1127, null],
      [],
      ["Tabel 1.4.5. Måltalseffekt service – hvis forslaget indarbejdes."], // row 6
      [null, "1.000 kr. 2018 p/l"],
      ["Udvalg", 2018, 2019, 2020, 2021, 2022],
      ["Socialudvalget", "-", -1002, -1127, "-", -5],
      ["Total", "-", -1002, -1127, "-", -5],
    ]);
    const p = readWorkbook([g]).proposals[0];
    expect(p.input.stated?.kvantum?.A?.["SU"]).toEqual({ 2018: "-", 2019: -1002, 2020: -1127, 2021: "-" });
    const price = p.findings.filter((x) => x.code === "PRICE_LEVEL");
    // at the year's header cell: 2022 is not among Tabel 1's 2018-2021
    expect(price.map((x) => [x.severity, x.location])).toEqual([["warning", "Forslag 9!F8"]]);
  });

  test("2016's Tabel 3 with amounts to two decimals: −56,33 × 6 = −337,98 against I alt −338,00 is a rounding note at I alt (003:415-452)", () => {
    const g = sheet("Forslag 1", [
      ["Tabel 1. Forslagets samlede økonomi"],
      ["Kr. 1000 2016 p/l", 2016, 2017, 2018, 2019, "Bevilling"],
      ["Varige driftsændringer"],
      ["Effektiviseringspotentiale ved brug af\nStyrket Borgerkontakt", -338, -1013, -1688, -2363],
      ["Samlet varig driftsændring (brutto)", -338, -1013, -1688, -2363],
      [],
      ["Tabel 3. Fordeling af forslagets potentiale mellem udvalg"], // row 7
      [null, null, "Fordelings-\nnøgle", "Kr. 1000 2016 p/l"],
      ["Udvalg", null, null, 2016, 2017, 2018, 2019],
      ...[
        "Økonomiudvalget - inkl. koncernenheder",
        "Kultur- og Fritidsudvalget - inkl.\nkoncernenhed",
        "Børne- og Ungdomsudvalget",
        "Sundheds- og Omsorgsudvalget",
        "Teknik- og Miljøudvalget",
        "Beskæftigelses- og Integrationsudvalget",
      ].flatMap((u): CellValue[][] => [
        [u, "Effektivisering", "16,6667%", -56.33, -168.83, -281.33, -393.83],
        [null, "Omkostning", 0, 0, 0, 0, 0],
      ]),
      ["I alt", "Effektivisering", "100%", -338, -1013, -1688, -2363], // row 22
      [null, "Omkostning", "-", 0, 0, 0, 0],
    ]);
    const p = readWorkbook([g]).proposals[0];
    const f = computeFound(p).findings.filter((x) => x.code === "ROWS_NOT_SUMMING");
    expect(f.map((x) => [x.severity, x.location])).toEqual([
      ["info", "Forslag 1!D22"],
      ["info", "Forslag 1!E22"],
      ["info", "Forslag 1!F22"],
      ["info", "Forslag 1!G22"],
    ]);
    expect(f[0].message).toContain("rækkerne summerer til -337,98, men Total er -338");
  });
});

describe("block tables: units printed twice, sub-rows that together are the change (class 7)", () => {
  // 2016 Bilag 8 Forslag 2: Tabel 1 (003:652-690) gives Samlet varig driftsændring −1.000 / −1.450; Tabel 3 003:841-887
  const tabel1: CellValue[][] = [
    ["Tabel 1. Forslagets samlede økonomi"],
    ["Kr. 1000 2016 p/l", 2016, 2017, 2018, 2019, "Bevilling"],
    ["Varige driftsændringer"],
    ["Billigere takst for at sende digital post", -1250, -1700, -1700, -1700],
    ["Bemanding af fritagelsesenhed -\nfritagelse fra digital post", 250, 250, 250, 250],
    ["Samlet varig driftsændring (brutto)", -1000, -1450, -1450, -1450],
    [],
  ];
  const units: [string, string, number[], number[]][] = [
    ["Økonomiudvalget - ekskl.\nkoncernenheder", "0,54%", [-6.6, -8.58, -8.58, -8.58], [0, 0, 0, 0]],
    ["Koncernservice", "3,65%", [-45.7, -62.28, -62.28, -62.28], [0, 0, 0, 0]],
    ["Kultur- og Fritidsudvalget - inkl.\nkoncernenhed", "27,01%", [-337.5, -458.76, -458.76, -458.76], [250, 250, 250, 250]],
    ["Børne- og Ungdomsudvalget", "16,88%", [-211.2, -287.33, -287.33, -287.33], [0, 0, 0, 0]],
    ["Sundheds- og Omsorgsudvalget", "10,41%", [-130.1, -177, -177, -177], [0, 0, 0, 0]],
    ["Socialudvalget", "11,18%", [-139.8, -190, -190, -190], [0, 0, 0, 0]],
    ["Beskæftigelses- og Integrationsudvalget -\nEI", "8,38%", [-104.7, -142.5, -142.5, -142.5], [0, 0, 0, 0]],
    ["Teknik- og Miljøudvalget", "8,3%", [-103.7, -141, -141, -141], [0, 0, 0, 0]],
    ["Beskæftigelses- og Integrationsudvalget", "13,67%", [-170.7, -232.5, -232.5, -232.5], [0, 0, 0, 0]],
  ];
  test("BIU and 'BIU - EI' are both rows; −1.699,95 against −1.700 is a rounding note; Effektivisering + Omkostning = Samlet varig driftsændring", () => {
    const g = sheet("Forslag 2", [
      ...tabel1,
      ["Tabel 3. Fordeling af forslagets potentiale mellem udvalg"], // row 8
      [null, null, "Fordelings-\nnøgle", "Kr. 1000 2016 p/l"],
      ["Udvalg", null, null, 2016, 2017, 2018, 2019],
      ...units.flatMap(([u, key, eff, omk]): CellValue[][] => [
        [u, "Effektivisering", key, ...eff],
        [null, "Omkostning", 0, ...omk],
      ]),
      ["I alt", "Effektivisering", "100%", -1250, -1700, -1700, -1700], // row 29
      [null, "Omkostning", "100%", 250, 250, 250, 250],
    ]);
    const f = computeFound(readWorkbook([g]).proposals[0]).findings;
    // by hand: 2016 the nine rows give −1.250,00; 2017-2019 −1.699,95 (5 steps of 0,01, n = 9, tolerance 5)
    const rows = f.filter((x) => x.code === "ROWS_NOT_SUMMING");
    expect(rows.map((x) => [x.severity, x.location])).toEqual([["info", "Forslag 2!E29:G29"]]);
    expect(rows[0].message).toContain("rækkerne summerer til -1.699,95, men Total er -1.700");
    // −1.250 + 250 = −1.000 and −1.700 + 250 = −1.450: Tabel 1's Samlet varig driftsændring
    expect(f.filter((x) => x.code === "ALLOCATION_MISMATCH")).toEqual([]);
  });

  test("a wrong Omkostning total is compared with Tabel 1 together with Effektivisering, at the Effektivisering Total", () => {
    const g = sheet("Forslag 2", [
      ...tabel1,
      ["Tabel 3. Fordeling af forslagets potentiale mellem udvalg"],
      [null, null, "Fordelings-\nnøgle", "Kr. 1000 2016 p/l"],
      ["Udvalg", null, null, 2016, 2017, 2018, 2019],
      ...units.flatMap(([u, key, eff, omk]): CellValue[][] => [
        [u, "Effektivisering", key, ...eff],
        [null, "Omkostning", 0, ...omk],
      ]),
      ["I alt", "Effektivisering", "100%", -1250, -1700, -1700, -1700], // row 29
      [null, "Omkostning", "100%", 250, 250, 250, 2500], // row 30: 2019 typed 2.500
    ]);
    const f = computeFound(readWorkbook([g]).proposals[0]).findings;
    const alloc = f.filter((x) => x.code === "ALLOCATION_MISMATCH");
    expect(alloc.map((x) => [x.severity, x.location])).toEqual([["error", "Forslag 2!G29"]]);
    expect(alloc[0].message).toContain("Total (Effektivisering + Omkostning) 800, men Samlet varig ændring er -1.450");
    // the Omkostning rows give 250, its Total says 2.500 (error), and Effektivisering's rounding note
    expect(f.filter((x) => x.code === "ROWS_NOT_SUMMING").map((x) => [x.severity, x.location])).toEqual([
      ["error", "Forslag 2!G30"],
      ["info", "Forslag 2!E29:G29"],
    ]);
  });

  test("2018 Forslag 6's Tabel 8 stops at 2022 under Tabel 1's 2023: the year is not stated, no mismatch; 2018 has no Tabel B to miss (000, SPEC §8)", () => {
    const g = sheet("Forslag 6", [
      ["Tabel 1 - samlede økonomiske konsekvenser"],
      ["1.000 kr. 2018 p/l", "Styrings-\nområde", 2018, 2019, 2020, 2021, 2022, 2023],
      ["Varige ændringer"],
      ["Tværgående og særlige indsatser", "Service", 700, 1300, 1300, 1300, 1000, 1000],
      ["Serviceeffektiviseringer - reduktion i udgifter til ar-\nbejdsulykker", "Service", -700, -1900, -2900, -3500, -3500, -3500],
      ["Samlet varig ændring", "Service", 0, -600, -1600, -2200, -2500, -2500],
      [],
      ["Tabel 8 – Fordeling af måltalseffekten, nettobesparelsen"],
      [null, "1.000 kr. 2018 p/l"],
      ["Udvalg", 2018, 2019, 2020, 2021, 2022],
      ["Økonomiudvalget", "-", -200, -600, -1000, -1000],
      ["Børne- og Ungdomsudvalget", "-", -400, -1000, -1200, -1500],
      ["Total", "-", -600, -1600, -2200, -2500],
    ]);
    const p = readWorkbook([g]).proposals[0];
    expect(p.template).toBe("kk-2018");
    const f = computeFound(p).findings;
    expect(f.filter((x) => x.code === "KVANTUM_MISMATCH")).toEqual([]);
    // C is still asked for: varig drift makes it differ from A (SPEC §5)
    expect(f.filter((x) => x.code === "KVANTUM_MISSING").map((x) => x.message.slice(0, 7))).toEqual(["Tabel C"]);
  });
});

describe("a key with amounts and a % column (class 7): the amounts are the key", () => {
  test("2016 Forslag 4's licence counts and % (003:2026-2065) under a Fordelingsnøgle title: 177 of 2.517 is ØU's weight, not its rounded 7,03 %", () => {
    const g = sheet("Forslag 4", [
      ["Tabel 1. Forslagets samlede økonomi"],
      ["Kr. 1000 2016 p/l", 2016, 2017, 2018, 2019, "Bevilling"],
      ["Varige driftsændringer"],
      ["Effektivisering", -400, -1636, -3272, -3272, "licenser"],
      ["Samlet varig driftsændring (brutto)", -400, -1636, -3272, -3272],
      [],
      ["Fordelingsnøgle: licenser"],
      ["Udvalg", "Forvaltningsindmeldte\nantal licenser", "Fordelingsnøgle i %"],
      ["Økonomiudvalget\n- eksl. koncernenheder", 177, "7,03 %"],
      ["Koncernservice", 130, "5,16 %"],
      ["Kultur- og Fritidsudvalget\n- inkl. koncernenhed", 200, "7,95 %"],
      ["Børne- og Ungdomsudvalget", 600, "23,84 %"],
      ["Sundheds- og\nOmsorgsudvalget", 300, "11,92 %"],
      ["Socialudvalget", 760, "30,19 %"],
      ["Teknik- og Miljøudvalget", 250, "9,93 %"],
      ["Beskæftigelses- og\nIntegrationsudvalget", 100, "3,97 %"],
      ["I alt", "2.517 licenser", "100 %"],
    ]);
    const key = readWorkbook([g]).proposals[0].input.keys?.licenser;
    expect(key?.kind).toBeUndefined();
    expect(Object.fromEntries(Object.entries(key?.weights ?? {}).map(([u, w]) => [u, String(w)]))).toEqual({
      ØU: "177",
      KS: "130",
      KFU: "200",
      BUU: "600",
      SUU: "300",
      SU: "760",
      TMU: "250",
      BIU: "100",
    });
  });
});
