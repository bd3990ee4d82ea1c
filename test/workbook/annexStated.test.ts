/**
 * The stated tables of three annex proposals (issue 8 item 7), read from the corpus workbooks in
 * all four variants: every stated-table finding, and no other, by hand from the paste files'
 * seed lines (test/fixtures/annex/proposals/<id>.paste.txt names them). annex.test.ts checks
 * only that each expected code is there; this pins the whole list and, in the plain variant,
 * the cells of the documents' own errors.
 */
import * as path from "node:path";
import { loadWorkbook } from "../../src/xlsx";
import { validateWorkbook } from "../../src/workbook";
import { makeAnnexWorkbooks, PROPOSALS_DIR, readPasteFile, VARIANTS, type Variant } from "../fixtures/annex/make-annex";

const OUT = path.join(__dirname, "..", "..", "test-output", "annex-stated");
const CODES = new Set([
  "ROWS_NOT_SUMMING",
  "KVANTUM_MISMATCH",
  "KVANTUM_IDENTITY",
  "KVANTUM_MISSING",
  "ALLOCATION_MISMATCH",
  "PRICE_LEVEL",
]);

const rows = (title: string, years: string, sum: string, total: string) =>
  `ROWS_NOT_SUMMING info ${title} ${years}: rækkerne summerer til ${sum}, men Total er ${total}`;
const sumA = (table: string, year: number, stated: string, computed: string) =>
  `KVANTUM_MISMATCH info ${table} ${year}: i alt ${stated}, men Samlet varig ændring, Service er ${computed}`;

// 2018 numbers its Kvantum tables otherwise: findings name them as the document does, with the table they are
const A = "Tabel 1.5.3 – Måltalseffekt (teknisk bilag 1 (Afsnit 2.11)) (Tabel A)";
const B = "Tabel 1.5.2 Bevillingsmæssig effekt (teknisk bilag 1 (Afsnit 2.11)) (Bevillingsmæssig effekt i alt) (Tabel B)";
const C = "Tabel 1 - Bevillingsmæssige ændringer (Netto) (Tabel C)";
const T152 = "Tabel 1.5.2 Bevillingsmæssig effekt (teknisk bilag 1 (Afsnit 2.11))";
const BILAG1 = "Tabel 1 - Bevillingsmæssige ændringer";

/** By hand: each sum is the paste file's rows added, each total the row the document prints. */
const EXPECTED: Record<string, { findings: string[]; cells: [string, string][] }> = {
  // Tabel 3 (003:415-452): six udvalg at −56,33 / −168,83 / −281,33 / −393,83 against "I alt" −338,00 … (003:445)
  "2016-F1": {
    findings: [
      rows("Tabel 3. Fordeling af forslagets potentiale mellem udvalg (Effektivisering)", "2016", "-337,98", "-338"),
      rows("Tabel 3. Fordeling af forslagets potentiale mellem udvalg (Effektivisering)", "2017", "-1.012,98", "-1.013"),
      rows("Tabel 3. Fordeling af forslagets potentiale mellem udvalg (Effektivisering)", "2018", "-1.687,98", "-1.688"),
      rows("Tabel 3. Fordeling af forslagets potentiale mellem udvalg (Effektivisering)", "2019", "-2.362,98", "-2.363"),
    ],
    cells: [["-337,98", "Forslag 1!D52"]],
  },
  "2018-P2": {
    findings: [
      // Tabel 1.5.3 (000:1220-1238) and again Bilag 1's Tabel 2 (000:1436-1453): the seven udvalg against "Sum af besparelser" / "Total"
      rows(A, "2017", "-1.129", "-1.130"),
      rows(A, "2019", "-632", "-633"),
      rows(A, "2021", "-1.575", "-1.574"),
      rows("Tabel 2 - Fordeling af effektiviseirngsmåltal pr. år", "2017", "-1.129", "-1.130"),
      rows("Tabel 2 - Fordeling af effektiviseirngsmåltal pr. år", "2019", "-632", "-633"),
      rows("Tabel 2 - Fordeling af effektiviseirngsmåltal pr. år", "2021", "-1.575", "-1.574"),
      // ΣA against Tabel 1's service rows, which give −4.383 / −631 / −59 where Subtotal says −4.382 / −633 / −60 (000:770)
      sumA(A, 2018, "-4.382", "-4.383"),
      sumA(A, 2019, "-633", "-631"),
      sumA(A, 2020, "-60", "-59"),
      // Tabel 1.5.2 (000:1122-1211): "Bevillingsmæssig effekt i alt" (B) 56 − 47 − 3 + 47 − 95 + 71 − 28 = 1 against −0 (2018), and the other sub-rows
      `ROWS_NOT_SUMMING info ${B} 2018, 2020, 2022: rækkerne summerer til 1, men Total er 0`,
      rows(`${T152} (Samlet besparelse)`, "2017", "-1.129", "-1.130"),
      rows(`${T152} (Samlet besparelse)`, "2018", "-5.207", "-5.208"),
      rows(`${T152} (Samlet besparelse)`, "2019", "-12.814", "-12.815"),
      rows(`${T152} (Samlet besparelse)`, "2020–2022", "-16.852", "-16.853"),
      rows(`${T152} (Omkostning - bevillingsmæssig effekt)`, "2018", "827", "825"),
      rows(`${T152} (Omkostning - bevillingsmæssig effekt)`, "2021", "15.278", "15.279"),
      rows(`${T152} (Bevillingsmæssig effekt af fordeling af effektivisering)`, "2020", "-16.792", "-16.793"),
      rows(`${T152} (Bevillingsmæssig effekt af fordeling af effektivisering)`, "2022", "-14.924", "-14.925"),
      // Bilag 1 Tabel 1 (000:1390-1432): Netto (C) against Total, Besparelse and Omkostning against theirs
      rows(C, "2017", "-1.129", "-1.130"),
      rows(C, "2018", "-4.381", "-4.382"),
      rows(C, "2020", "-59", "-60"),
      rows(C, "2021", "-1.575", "-1.574"),
      rows(C, "2022", "-1.927", "-1.928"),
      sumA(C, 2018, "-4.382", "-4.383"),
      sumA(C, 2019, "-633", "-631"),
      sumA(C, 2020, "-60", "-59"),
      rows(`${BILAG1} (Besparelse)`, "2017", "-1.129", "-1.130"),
      rows(`${BILAG1} (Besparelse)`, "2018", "-5.207", "-5.208"),
      rows(`${BILAG1} (Besparelse)`, "2019", "-12.814", "-12.815"),
      rows(`${BILAG1} (Besparelse)`, "2020–2022", "-16.852", "-16.853"),
      rows(`${BILAG1} (Omkostning)`, "2018", "827", "825"),
      rows(`${BILAG1} (Omkostning)`, "2021", "15.278", "15.279"),
      // Socialudvalget 2019: Netto −54 (000:1417), måltal −18 (000:1232), Bevillingsmæssig effekt i alt −35 (000:1161)
      "KVANTUM_IDENTITY error Tabel C ≠ Tabel A + Tabel B for SU 2019: -54 ≠ -18 + -35",
    ],
    cells: [
      ["Tabel C ≠ Tabel A + Tabel B", "Forslag 2!E142"],
      [`${A} 2017`, "Forslag 2!B123"],
      [`${T152} (Samlet besparelse) 2020–2022`, "Forslag 2!F108:H108"],
    ],
  },
  // Tabel 5 (000:2815-2837): −517 − 260 − 771 − 408 − 723 − 427 − 106 = −3.212 against "I alt" −3214
  "2018-P5": {
    findings: [rows("Tabel 5. Måltalseffekt (Tabel A)", "2019–2021", "-3.212", "-3.214")],
    cells: [["Tabel 5. Måltalseffekt (Tabel A)", "Forslag 5!D72:F72"]],
  },
};

describe.each(Object.keys(EXPECTED))("%s's stated tables", (id) => {
  const files = makeAnnexWorkbooks(readPasteFile(path.join(PROPOSALS_DIR, `${id}.paste.txt`)), OUT);
  test.each([...VARIANTS])("%s: every stated-table finding, and no other", async (variant: Variant) => {
    const { grids } = await loadWorkbook((await files)[variant]);
    const found = validateWorkbook(grids).findings.filter((f) => CODES.has(f.code));
    const got = found.map((f) => `${f.code} ${f.severity} ${f.message}`);
    expect([...got].sort()).toEqual([...EXPECTED[id].findings].sort());
    if (variant === "plain")
      for (const [text, cell] of EXPECTED[id].cells) expect(found.find((f) => f.message.includes(text))?.location).toBe(cell);
  });
});
