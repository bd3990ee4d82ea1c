/**
 * Detail tables after a Tabel 1 (issue 8, class 3): read as stated.details, their rows against
 * their total (ROWS_NOT_SUMMING) and their total against Tabel 1 (DETAIL_MISMATCH, SPEC §6),
 * on the annex corpus (test/fixtures/annex, seed 000 = the 2018 annex) and on JSON input.
 */
import * as path from "node:path";
import { calculate, parseProposal, type ProposalInput } from "../../src/engine";
import { loadWorkbook } from "../../src/xlsx";
import { validateWorkbook } from "../../src/workbook";
import { detailCaption } from "../../src/workbook/readDetailTables";
import { makeAnnexWorkbooks, PROPOSALS_DIR, readPasteFile } from "../fixtures/annex/make-annex";
import { at } from "./helpers";

const OUT = path.join(__dirname, "..", "..", "test-output", "annex-detail");

async function annex(id: string) {
  const files = await makeAnnexWorkbooks(readPasteFile(path.join(PROPOSALS_DIR, `${id}.paste.txt`)), OUT);
  const { grids } = await loadWorkbook(files.plain);
  return { grids, ...validateWorkbook(grids) };
}

describe("detail captions (what a detail table sums to)", () => {
  test.each([
    // seed 000:4877, 4909 (Forslag 9); 1853 (Forslag 3 Tabel 2, no område: the whole block)
    ["Tabel 1.4.1. Varige ændringer, service", { block: "permanent", areas: ["Service"] }],
    ["Tabel 1.4.3. Varige ændringer, overførsler", { block: "permanent", areas: ["Overførsler", "EO"] }],
    ["Tabel 2. Varige ændringer", { block: "permanent" }],
    // seed 000:5892, 5913 (Forslag 11)
    ["Tabel 2. Besparelse på efterspørgselsstyret overførsler", { block: "permanent", areas: ["Overførsler", "EO"] }],
    ["Tabel 4. Besparelser på service", { block: "permanent", areas: ["Service"] }],
    // seed 000:4923 (Forslag 9 Tabel 1.4.4), Forslag 10 Tabel 5, Forslag 6 "Tabel 3 - serviceinvesteringer i forslaget"
    ["Tabel 1.4.4. Serviceinvesteringer i forslaget", { block: "implementation", areas: ["Service"] }],
    ["Tabel 5. Efterspørgselsstyrede indsatser investeringer i forslaget", { block: "implementation", areas: ["EI"] }],
    ["Tabel 3 - serviceinvesteringer i forslaget", { block: "implementation", areas: ["Service"] }],
  ])("%s", (caption, want) => {
    expect(detailCaption(caption)).toEqual(want);
  });
  test.each([
    "Tabel 2. Varige ændringer, administration", // 2025: the administrative Tabel 2, checked by ADMIN_MISMATCH
    "Varige ændringer", // Tabel 1's own block heading
    "Tabel 4. Fordeling af PC’ere Q1 2017",
    "Tabel 1.4.6. Bevillingsmæssig effekt på udvalg service, hvis forslaget indarbejdes",
  ])("not a detail table: %s", (caption) => {
    expect(detailCaption(caption)).toBeUndefined();
  });
});

describe("2018 Forslag 9 (seed 000:4592-4930)", () => {
  test("Tabel 1.4.3's total −504 in 2020 against Tabel 1's overførsler row printed 504 is a DETAIL_MISMATCH error at the table's cell", async () => {
    const { grids, reading, results } = await annex("2018-P9");
    expect(reading.proposals).toHaveLength(1);
    // seed 4915: "Varige ændringer totalt, overførsler 0 -215 -504 -504"
    expect(at(grids, "Forslag 9", "A50")).toBe("Varige ændringer totalt, overførsler");
    expect(at(grids, "Forslag 9", "D50")).toBe(-504);
    const detail = results[0]!.findings.filter((f) => f.code === "DETAIL_MISMATCH");
    expect(detail).toEqual([
      {
        code: "DETAIL_MISMATCH",
        severity: "error",
        location: "Forslag 9!D50",
        message:
          "Tabel 1.4.3. Varige ændringer, overførsler 2020: Varige ændringer totalt, overførsler er -504, men Tabel 1's varige ændringer (Overførsler, EO) giver 504",
      },
    ]);
  });
  test("the tables that agree give no finding: 1.4.1 (service 0/−1.002/−1.127/0, seed 4885), 1.4.2 (EI 0), 1.4.4 (1.511/87/80/0, seed 4930)", async () => {
    const { reading, results } = await annex("2018-P9");
    const details = reading.proposals[0].input.stated?.details ?? [];
    expect(details.map((d) => d.title)).toEqual([
      "Tabel 1.4.1. Varige ændringer, service",
      "Tabel 1.4.2. Varige ændringer, efterspørgselsstyret indsats",
      "Tabel 1.4.3. Varige ændringer, overførsler",
      "Tabel 1.4.4. Serviceinvesteringer i forslaget",
    ]);
    // 1.4.4's "I alt" column (seed 4924) is not a year
    expect(Object.keys(details[3].rows.Total)).toEqual(["2018", "2019", "2020", "2021"]);
    expect(
      results[0]!.findings.filter((f) => f.code === "ROWS_NOT_SUMMING" || f.code === "DETAIL_MISMATCH").map((f) => f.location),
    ).toEqual(["Forslag 9!D50"]);
  });
});

describe("2018 Forslag 10 (seed 000:5436-5495): every detail table agrees with Tabel 1", () => {
  test("overførsler holds the EO row: −2.203 + −50 = −2.253 (seed 5471-5472); no DETAIL_MISMATCH, one proposal", async () => {
    const { reading, results } = await annex("2018-P10");
    expect(reading.proposals).toHaveLength(1);
    expect(reading.proposals[0].input.stated?.details).toHaveLength(5);
    expect(results[0]!.findings.filter((f) => f.code === "DETAIL_MISMATCH")).toEqual([]);
  });
});

describe("2018 Forslag 3 (seed 000:1853-1906)", () => {
  test('Tabel 2\'s subtotals ("Subotal", "Subtotal") are not addends: its 7 rows sum to −2.267 against Hovedtotal −2.266 (seed 1894)', async () => {
    const { results } = await annex("2018-P3");
    const f = results[0]!.findings;
    expect(f).toContainEqual(
      expect.objectContaining({
        code: "ROWS_NOT_SUMMING",
        severity: "info",
        message: expect.stringMatching(/^Tabel 2\. Varige ændringer 2018: rækkerne summerer til -2\.267, men Total er -2\.266/),
      }),
    );
    // Tabel 1's eight permanent rows give −2.267 too: off by 1 within ⌊(7+1)/2⌋ is a rounding note
    expect(f).toContainEqual(
      expect.objectContaining({
        code: "DETAIL_MISMATCH",
        severity: "info",
        message: expect.stringMatching(
          /^Tabel 2\. Varige ændringer 2018: Hovedtotal er -2\.266, men Tabel 1's varige ændringer giver -2\.267/,
        ),
      }),
    );
    // Tabel 3 (Total 611/274, seed 1906) agrees with the Udbud and Transition rows now read
    expect(f.filter((x) => x.code === "DETAIL_MISMATCH")).toHaveLength(1);
  });
});

describe("2018 Forslag 5 (seed 000:2751-2775)", () => {
  test('Tabel 3 closed by "Samlede implementeringsomkostninger 5.450 380" agrees with Tabel 1\'s anlæg rows', async () => {
    const { reading, results } = await annex("2018-P5");
    const t3 = (reading.proposals[0].input.stated?.details ?? []).find((d) => d.title?.startsWith("Tabel 3"));
    expect(t3).toMatchObject({ block: "implementation", areas: ["Anlæg"], totalLabel: "Samlede implementeringsomkostninger" });
    expect(Object.keys(t3?.rows ?? {})).toHaveLength(5); // 4 rows and the total
    expect(results[0]!.findings.filter((f) => f.code === "DETAIL_MISMATCH")).toEqual([]);
  });
});

describe("stated.details in JSON input", () => {
  const base: ProposalInput = {
    years: [2025, 2026],
    rows: [
      { label: "a", block: "permanent", area: "Service", type: "effect", values: { "2025": -100, "2026": -200 } },
      { label: "b", block: "permanent", area: "Overførsler", type: "effect", values: { "2025": -50, "2026": -50 } },
    ],
  };
  const run = (details: NonNullable<ProposalInput["stated"]>["details"]) =>
    calculate(parseProposal({ ...base, stated: { details } }).proposal).findings.filter((f) => f.code === "DETAIL_MISMATCH");
  test("a service table is checked against the Service rows only; off by 1 is info (⌊(1+1)/2⌋ for its one row), off by 10 an error (errors first)", () => {
    expect(
      run([
        {
          title: "T",
          block: "permanent",
          areas: ["Service"],
          rows: { x: { "2025": -60, "2026": -100 }, y: { "2025": -40, "2026": -100 }, Total: { "2025": -100, "2026": -200 } },
        },
      ]),
    ).toEqual([]);
    const f = run([
      {
        title: "T",
        block: "permanent",
        areas: ["Service"],
        rows: { x: { "2025": -61, "2026": -110 }, Total: { "2025": -101, "2026": -210 } },
      },
    ]);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["error", "T 2026: rækkerne i alt er -210, men Tabel 1's varige ændringer (Service) giver -200"],
      ["info", "T 2025: rækkerne i alt er -101, men Tabel 1's varige ændringer (Service) giver -100 (afrundingsforskel inden for 1)"],
    ]);
  });
  test("without områder the table is the whole block", () => {
    expect(run([{ title: "T", block: "permanent", rows: { Total: { "2025": -150, "2026": -250 } } }])).toEqual([]);
  });
  test("a bad block is an input error naming the field", () => {
    expect(() => parseProposal({ ...base, stated: { details: [{ block: "x", rows: {} }] } })).toThrow(/stated\.details\[0\]\.block/);
  });
});
