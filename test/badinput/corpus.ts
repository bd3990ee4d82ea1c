/**
 * The corpus of broken workbooks (issue 5), as Grids: each item is a document case laid out by
 * the workbook layer's builder and then broken in one way, as staff break them. Each says which
 * finding it must raise, at which cell, quoting which text. The same items are written to .xlsx
 * by files.test.ts, so the file host and the CLI are held to the same expectations.
 *
 * Where an expectation fails today, `bug` says so in one line (the report lists them); the test
 * still asserts the right behaviour, so it turns green when the reader is fixed.
 */
import type { ProposalInput } from "../../src/engine/input";
import type { FindingCode, Severity } from "../../src/engine/model";
import { a1 } from "../../src/workbook/grid";
import { buildCaseWorkbook, type CaseLayout, type CaseWorkbook } from "../helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import { cloneGrids, findText, gridOf, loadCase, setCell, splitLoc } from "./helpers";

export interface Expectation {
  code: FindingCode;
  /** Exact "Ark!C12", or a pattern when any cell of a region is a fair answer. */
  location: string | RegExp;
  /** Text of the bad cell the message must quote. */
  quote?: string;
  severity?: Severity;
}

export interface Broken {
  grids: Grid[];
  /** The builder's map, for what counts as an input cell (helpers.changedInputs). */
  wb: CaseWorkbook;
}

export interface CorpusItem {
  /** File-safe name, also the .xlsx file name in files.test.ts. */
  id: string;
  what: string;
  make(): Broken;
  expect: Expectation[];
  /** Codes that must NOT appear (a tolerated irregularity must not raise an error). */
  absent?: FindingCode[];
  /** `beregn -o` may refuse this file with exit 2 and a line matching this (else it must write). */
  cliRefusal?: RegExp;
  /** Cells ("Ark!C12") that must hold a number after Beregn: a stated table must not be blanked. */
  numbersAfter?: string[];
  /** No finding of severity error at all (tolerated layouts). */
  noErrors?: boolean;
  /** Open bug this item exposes (file and what goes wrong); the test asserts the right behaviour. */
  bug?: string;
}

/** A case laid out and then changed by `edit`, which gets the builder's map to find its cells. */
function broken(id: string, layout: CaseLayout, edit: (g: Grid[], wb: CaseWorkbook) => void, change?: (c: ProposalInput) => void): Broken {
  const c = loadCase(id);
  change?.(c);
  const wb = buildCaseWorkbook(c, layout);
  const grids = cloneGrids(wb.grids);
  edit(grids, wb);
  return { grids, wb };
}

/** Where the builder put a JSON path. */
export function cellOf(wb: CaseWorkbook, path: string): string {
  const l = wb.cells[path];
  if (!l) throw new Error(`builder placed no ${path}`);
  return l;
}

/** The Tabel 1 header cell of a year (the header row is the row with "t.kr."). */
export function headerCell(wb: CaseWorkbook, grids: Grid[], year: number): string {
  const { sheet, col } = splitLoc(cellOf(wb, `rows[0].values.${year}`));
  const { row } = splitLoc(findText(grids, sheet, /^t\.kr\./));
  return `${sheet}!${a1(row, col)}`;
}

/** A cell in the same row as `location`, another column. */
export function sameRow(location: string, col: number): string {
  const { sheet, row } = splitLoc(location);
  return `${sheet}!${a1(row, col)}`;
}

/** A location on a given row of a sheet (1-based, as Excel shows it), any column, or a range starting there. */
export function onRow(sheet: string, row1: number): RegExp {
  const s = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${s}![A-Z]{1,3}${row1}(:[A-Z]{1,3}\\d+)?$`);
}

/** A cell inside rows r1..r2 (1-based) of a sheet, or a range starting there. */
export function inRows(sheet: string, r1: number, r2: number): RegExp {
  const rows = Array.from({ length: r2 - r1 + 1 }, (_, i) => String(r1 + i)).join("|");
  const s = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${s}![A-Z]{1,3}(${rows})(:[A-Z]{1,3}\\d+)?$`);
}

const rowOf = (l: string) => splitLoc(l).row + 1;

/** Key table rows of F4 (title "Fordelingsnøgle: systemdrift", header, ØU 25, TMU 75). */
function keyRows(g: Grid[]): { title: string; header: string; first: string; second: string } {
  const title = findText(g, "Forslag", /^Fordelingsnøgle/);
  const { row, col } = splitLoc(title);
  return {
    title,
    header: `Forslag!${a1(row + 1, col + 1)}`,
    first: `Forslag!${a1(row + 2, col)}`,
    second: `Forslag!${a1(row + 3, col)}`,
  };
}
const weightOf = (unitCell: string) => {
  const { sheet, row, col } = splitLoc(unitCell);
  return `${sheet}!${a1(row, col + 1)}`;
};

export const CORPUS: CorpusItem[] = [
  {
    id: "tekst-i-talcelle",
    what: 'text in a number cell ("ca. 455")',
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "rows[0].values.2025"), "ca. 455")),
    expect: [{ code: "UNREADABLE", severity: "error", location: "Forslag!H6", quote: "ca. 455" }],
  },
  {
    id: "ref-fejl",
    what: "#REF! in an input cell",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "rows[1].values.2025"), "#REF!")),
    expect: [{ code: "UNREADABLE", severity: "error", location: "Forslag!H7", quote: "#REF!" }],
  },
  {
    id: "div0-i-sum",
    what: "#DIV/0! in a stated computed row",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "stated.totals.permanent.2025"), "#DIV/0!")),
    expect: [{ code: "UNREADABLE", severity: "error", location: "Forslag!H11", quote: "#DIV/0!" }],
  },
  {
    id: "formel-med-fejlvaerdi",
    what: "an input cell holding a formula whose cached value is #DIV/0!",
    make: () =>
      broken("2025-F4", "standard", (g, wb) => {
        const l = cellOf(wb, "rows[0].values.2026");
        setCell(g, l, "#DIV/0!");
        const { row, col } = splitLoc(l);
        g[0].formulas[row][col] = "=1/0";
      }),
    expect: [{ code: "UNREADABLE", severity: "error", location: "Forslag!I6", quote: "#DIV/0!" }],
  },
  {
    id: "flettet-aarsoverskrift",
    what: "merged cells across the year header (2024 merged over 2025's column)",
    make: () =>
      broken("2025-F4", "standard", (g, wb) => {
        const y24 = headerCell(wb, g, 2024);
        const y25 = headerCell(wb, g, 2025);
        setCell(g, y25, null); // a merged area's other cells are empty (Excel and toGrid agree)
        gridOf(g, "Forslag").merges = [`${y24.split("!")[1]}:${y25.split("!")[1]}`];
      }),
    // two year columns full of numbers may not vanish without a word
    expect: [{ code: "STRUCTURE", location: onRow("Forslag", 4) }],
  },
  {
    id: "dobbelt-aarskolonne",
    what: "a duplicated year column (2025, 2025)",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, headerCell(wb, g, 2026), 2025)),
    expect: [{ code: "STRUCTURE", severity: "error", location: onRow("Forslag", 4), quote: "2025" }],
  },
  {
    id: "manglende-aarskolonne",
    what: "a missing year in the header (2027 blank, its numbers still there)",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, headerCell(wb, g, 2027), null)),
    expect: [{ code: "STRUCTURE", severity: "error", location: onRow("Forslag", 4) }],
  },
  {
    id: "aarstal-i-forkert-orden",
    what: "year header 2025, 2024, 2026 … (two years swapped)",
    make: () =>
      broken("2025-F4", "standard", (g, wb) => {
        setCell(g, headerCell(wb, g, 2024), 2025);
        setCell(g, headerCell(wb, g, 2025), 2024);
      }),
    expect: [{ code: "STRUCTURE", location: onRow("Forslag", 4) }],
  },
  {
    id: "aarstal-med-tekst",
    what: 'a year header cell with text after the year ("2024 (budget)")',
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, headerCell(wb, g, 2024), "2024 (budget)")),
    expect: [{ code: "STRUCTURE", location: "Forslag!G4", quote: "2024 (budget)" }],
  },
  {
    id: "aar-og-frem",
    what: 'year header as text "2029 og frem" (tolerated)',
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, headerCell(wb, g, 2029), "2029 og frem")),
    expect: [],
    noErrors: true,
  },
  {
    id: "ingen-aarstal",
    what: "a proposal with no years in its header",
    make: () =>
      broken("2025-F4", "standard", (g, wb) => {
        for (const y of [2024, 2025, 2026, 2027, 2028, 2029]) setCell(g, headerCell(wb, g, y), null);
      }),
    expect: [{ code: "STRUCTURE", severity: "error", location: /^Forslag(!|$)/, quote: "Varige ændringer" }],
  },
  {
    id: "mangler-varige-maerke",
    what: 'the block marker "Varige ændringer …" missing',
    make: () => broken("2025-F4", "standard", (g) => setCell(g, findText(g, "Forslag", /^Varige ændringer/), null)),
    // issue 8: the block is inferred from "Samlet varig ændring" beneath the rows, and said so
    expect: [{ code: "TYPE_INFERRED", severity: "info", location: "Forslag!A6", quote: 'mangler overskriften "Varige ændringer"' }],
    noErrors: true,
  },
  {
    id: "mangler-impl-maerke",
    what: 'the block marker "Implementeringsomkostninger …" missing (stated totals still there)',
    make: () => broken("2025-F4", "standard", (g) => setCell(g, findText(g, "Forslag", /^Implementeringsomkostninger/), null)),
    // issue 8: the rows are implementation rows by the computed row beneath them, so the stated
    // totals agree; the missing heading is said at the first of them
    expect: [
      { code: "TYPE_INFERRED", severity: "info", location: "Forslag!A13", quote: 'mangler overskriften "Implementeringsomkostninger"' },
    ],
    noErrors: true,
  },
  {
    id: "mangler-impl-maerke-uden-summer",
    what: "the implementation marker and the computed rows below it missing: seven rows of investment with no block",
    make: () =>
      broken(
        "2025-F4",
        "standard",
        (g) => setCell(g, findText(g, "Forslag", /^Implementeringsomkostninger/), null),
        (c) => {
          delete c.stated!.totals;
          delete c.stated!.kvantum;
        },
      ),
    // the first orphaned row holds 345 in 2024: it must not vanish without a word (issue 8: the
    // blank "Samlede implementeringsomkostninger" row beneath still places them, with a note)
    expect: [{ code: "TYPE_INFERRED", severity: "info", location: inRows("Forslag", 12, 19), quote: "Implementeringsomkostninger" }],
  },
  {
    id: "noegle-sum-nul",
    what: "a key whose weights sum to 0",
    make: () =>
      broken("2025-F4", "standard", (g) => {
        const k = keyRows(g);
        setCell(g, weightOf(k.first), 0);
        setCell(g, weightOf(k.second), 0);
      }),
    expect: [{ code: "KEY_INVALID", severity: "error", location: inRows("Forslag", 34, 37), quote: "systemdrift" }],
  },
  {
    id: "noegle-negativ-vaegt",
    what: "a key with a negative weight",
    make: () => broken("2025-F4", "standard", (g) => setCell(g, weightOf(keyRows(g).first), -25)),
    expect: [{ code: "KEY_INVALID", severity: "error", location: "Forslag!B36", quote: "-25" }],
  },
  {
    id: "noegle-ukendt-enhed",
    what: 'a key naming a unit that is not known ("Frederiksberg")',
    make: () => broken("2025-F4", "standard", (g) => setCell(g, keyRows(g).second, "Frederiksberg")),
    expect: [{ code: "KEY_INVALID", severity: "error", location: /^Forslag!(A37|B37)$/, quote: "Frederiksberg" }],
  },
  {
    id: "noegle-tekst-vaegt",
    what: 'a key weight typed as text ("ca. 75")',
    make: () => broken("2025-F4", "standard", (g) => setCell(g, weightOf(keyRows(g).second), "ca. 75")),
    expect: [{ code: "UNREADABLE", severity: "error", location: "Forslag!B37", quote: "ca. 75" }],
  },
  {
    id: "procentnoegle-99-99",
    what: "a percent key summing to 99,99",
    make: () =>
      broken("2025-F4", "standard", (g) => {
        const k = keyRows(g);
        setCell(g, k.header, "Andel i %");
        setCell(g, weightOf(k.first), 24.99);
      }),
    expect: [{ code: "KEY_NOT_100", severity: "warning", location: inRows("Forslag", 34, 37), quote: "99,99" }],
  },
  {
    id: "flyt-ukendt-enhed",
    what: "a Bevillingsflyt to an unknown unit",
    make: () =>
      broken("2025-F4", "standard", (g) => {
        const l = findText(g, "Forslag", /^Bevillingsflyt fra/);
        setCell(g, sameRow(l, 4), "Frederiksberg");
      }),
    expect: [{ code: "KEY_INVALID", severity: "error", location: "Forslag!E31", quote: "Frederiksberg" }],
  },
  {
    id: "flyt-uden-til",
    what: "a Bevillingsflyt row with no 'to' unit and a label that does not name one",
    make: () =>
      broken("2025-F4", "standard", (g) => {
        const l = findText(g, "Forslag", /^Bevillingsflyt fra/);
        setCell(g, l, "Flyt af eksisterende driftsbudget");
        setCell(g, sameRow(l, 4), null);
      }),
    expect: [{ code: "STRUCTURE", severity: "warning", location: /^Forslag![A-Z]31$/, quote: "Flyt af eksisterende driftsbudget" }],
  },
  {
    id: "bevilling-ukendt-enhed",
    what: 'a Tabel 1 row placed at an unknown unit ("Frederiksberg" in Bevilling)',
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, sameRow(cellOf(wb, "rows[0].label"), 3), "Frederiksberg")),
    expect: [{ code: "KEY_INVALID", severity: "error", location: "Forslag!D6", quote: "Frederiksberg" }],
  },
  {
    id: "ukendt-styringsomraade",
    what: 'an unknown styringsområde ("Servise")',
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, sameRow(cellOf(wb, "rows[0].label"), 2), "Servise")),
    expect: [
      { code: "STRUCTURE", severity: "warning", location: "Forslag!C6", quote: "Servise" },
      { code: "AREA_MISSING", severity: "warning", location: "Forslag!C6" },
    ],
  },
  {
    id: "overfoersel-ukendt-noegle",
    what: 'a permanent row under Overførsler whose Nøgle names no key ("ukendt nøgle")',
    make: () =>
      broken("2025-F4", "standard", (g, wb) => {
        const label = cellOf(wb, "rows[0].label");
        setCell(g, sameRow(label, 2), "Overførsler");
        setCell(g, sameRow(label, 4), "ukendt nøgle");
      }),
    // regression: this crashed calculate (TypeError in kvantum.ts) until the row was placed in A and C together
    expect: [{ code: "KEY_INVALID", severity: "error", location: "Forslag!E6", quote: "ukendt nøgle" }],
  },
  {
    id: "tilbagebetaling-ca",
    what: 'a payback cell with text like "ca. 4 år"',
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "stated.payback.service"), "ca. 4 år")),
    expect: [{ code: "UNREADABLE", location: "Forslag!G24", quote: "ca. 4 år" }],
  },
  {
    id: "skabelontekst-titel",
    what: "placeholder text left in the title",
    make: () => broken("2025-F4", "standard", (g) => setCell(g, "Forslag!C1", "[Angiv titel på forslaget]")),
    expect: [{ code: "PLACEHOLDER", severity: "warning", location: "Forslag!C1", quote: "[Angiv titel på forslaget]" }],
  },
  {
    id: "skabelontekst-raekke",
    what: "placeholder text left as a row label",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "rows[1].label"), "Angiv effekt her")),
    expect: [{ code: "PLACEHOLDER", severity: "warning", location: "Forslag!A7", quote: "Angiv effekt her" }],
  },
  {
    id: "skjulte-raekker",
    what: "hidden input rows (tolerated: they count)",
    make: () =>
      broken("2025-F4", "standard", (g, wb) => {
        gridOf(g, "Forslag").hiddenRows = [splitLoc(cellOf(wb, "rows[1].label")).row, splitLoc(cellOf(wb, "rows[5].label")).row];
      }),
    expect: [],
    noErrors: true,
    absent: ["TOTAL_MISMATCH", "KVANTUM_MISMATCH"],
  },
  {
    id: "tal-som-tekst",
    what: 'a Danish number typed as text ("-2.000"): read, with a note',
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "rows[1].values.2026"), "-2.000")),
    expect: [{ code: "UNREADABLE", severity: "info", location: "Forslag!I7", quote: "-2.000" }],
    noErrors: true,
  },
  {
    id: "dobbelt-minus",
    what: 'an obvious typo "--2.000": read as -2000 with a warning, never silently',
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "rows[1].values.2026"), "--2.000")),
    expect: [{ code: "UNREADABLE", severity: "warning", location: "Forslag!I7", quote: "--2.000" }],
    noErrors: true,
  },
  {
    id: "sandhedsvaerdi",
    what: "a TRUE in a number cell",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "rows[0].values.2026"), true)),
    expect: [{ code: "UNREADABLE", severity: "error", location: "Forslag!I6", quote: "TRUE" }],
  },
  {
    id: "dato-i-talcelle",
    what: "a date in a number cell (ExcelJS gives it as ISO text)",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "rows[0].values.2026"), "2025-01-01")),
    expect: [{ code: "UNREADABLE", severity: "error", location: "Forslag!I6", quote: "2025-01-01" }],
  },
  {
    id: "forkert-fortegn",
    what: "an effect row typed positive",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "rows[0].values.2026"), 455)),
    expect: [{ code: "SIGN", severity: "warning", location: "Forslag!I6" }],
  },
  {
    id: "forkert-sum",
    what: "a stated computed row that does not add up",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "stated.totals.permanent.2026"), -1900)),
    expect: [{ code: "TOTAL_MISMATCH", severity: "error", location: "Forslag!I11", quote: "-1.900" }],
  },
  {
    id: "kvantum-tekst",
    what: "text in a stated Kvantum cell",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "stated.kvantum.A.ØU.2025"), "ca. -369")),
    expect: [{ code: "UNREADABLE", severity: "error", location: "Kvantum!D3", quote: "ca. -369" }],
  },
  {
    id: "kvantum-forkert",
    what: "a wrong stated Tabel A cell",
    make: () => broken("2025-F4", "standard", (g, wb) => setCell(g, cellOf(wb, "stated.kvantum.A.ØU.2025"), -400)),
    expect: [
      { code: "KVANTUM_MISMATCH", severity: "error", location: "Kvantum!D3", quote: "-400" },
      { code: "ROWS_NOT_SUMMING", severity: "error", location: "Kvantum!D14", quote: "-596" },
    ],
  },
  {
    id: "noegle-enhed-uden-for-skabelon",
    what: "a key giving a share to Borgerrådgiveren (no row in the template)",
    make: () => broken("2025-F4", "standard", (g) => setCell(g, keyRows(g).first, "Borgerrådgiveren")),
    expect: [{ code: "UNIT_OUTSIDE_TEMPLATE", severity: "warning", location: inRows("Forslag", 34, 37), quote: "Borgerrådgiveren" }],
  },
  {
    id: "noegle-enhed-uden-for-skabelon-ingen-plads",
    what: "a key giving Borgerrådgiveren a share, and a note right under the user's Tabel A: no room for the extra row",
    make: () =>
      broken("2025-F4", "standard", (g) => {
        setCell(g, keyRows(g).first, "Borgerrådgiveren");
        setCell(g, "Kvantum!A15", "Note: tallene er fra budgetforslaget");
      }),
    expect: [{ code: "KVANTUM_MISMATCH", severity: "error", location: /^Kvantum!/, quote: "BR" }],
    // the user's stated Tabel A (ØU 2025, Total 2025) must hold numbers after Beregn, its own or Beregn's
    numbersAfter: ["Kvantum!D3", "Kvantum!D14", "Kvantum!D12"],
  },
  {
    id: "brugerens-kvantum-ark",
    what: 'a sheet named "Kvantum" that holds the user\'s own data (no tables)',
    make: () =>
      broken(
        "2025-F4",
        "standard",
        (g) => {
          g.push({
            name: "Kvantum",
            visibility: "visible",
            values: [
              ["Mine noter til Kvantum", null, null],
              ["Sager", 11100, 1000],
              ["Minutter", 1, 3],
            ],
            formulas: [[], [], [null, null, null]],
          });
        },
        (c) => delete c.stated!.kvantum,
      ),
    expect: [],
    noErrors: true,
  },
  {
    id: "brugerens-kontrol-ark",
    what: 'a sheet named "Kontrol" that holds the user\'s own data',
    make: () =>
      broken("2025-F4", "standard", (g) => {
        g.push({ name: "Kontrol", visibility: "visible", values: [["Min egen afstemning", 42]], formulas: [] });
      }),
    expect: [],
    noErrors: true,
  },
  {
    id: "beskyttet-kvantum",
    what: "a protected output sheet (the user's Kvantum with the stated tables)",
    make: () =>
      broken("2025-F4", "standard", (g) => {
        gridOf(g, "Kvantum").protected = true;
      }),
    expect: [],
    noErrors: true,
    cliRefusal:
      /^fejl: .*: Arket »Kvantum« er beskyttet, så Beregn kan ikke skrive i det\. Fjern beskyttelsen \(Gennemse › Fjern arkbeskyttelse\), og prøv igen\. Intet er ændret\.$/,
  },
  {
    id: "ti-tusind-raekker",
    what: "10.000 input rows, one of them unreadable near the end",
    make: () =>
      broken(
        "2025-F4",
        "standard",
        (g, wb) => setCell(g, cellOf(wb, "rows[9998].values.2027"), "#N/A"),
        (c) => {
          const base = c.rows[0];
          c.rows = [
            ...Array.from({ length: 10_000 }, (_, i) => ({ ...base, label: `Effektivisering ${i + 1}`, values: { ...base.values } })),
            ...c.rows.slice(1),
          ];
          delete c.stated;
        },
      ),
    expect: [{ code: "UNREADABLE", severity: "error", location: "Forslag!J10004", quote: "#N/A" }],
  },
  {
    id: "kompakt-parentes-og-streg",
    what: 'compact layout: numbers as text, "(455)" and "–" (en dash) for zero',
    make: () =>
      broken("2025-F4", "compact", (g, wb) => {
        setCell(g, cellOf(wb, "rows[0].values.2026"), "(455)");
        setCell(g, cellOf(wb, "rows[0].values.2024"), "–");
      }),
    expect: [{ code: "UNREADABLE", severity: "info", location: /^2025-F4![A-Z]+\d+$/ }],
    noErrors: true,
  },
  {
    id: "forskudt-layout-name-fejl",
    what: "shifted layout (merged labels, hidden row, 'og frem'), with a #NAME? in a hidden row",
    make: () => broken("2025-F4", "shifted", (g, wb) => setCell(g, cellOf(wb, "rows[1].values.2026"), "#NAME?")),
    expect: [{ code: "UNREADABLE", severity: "error", location: /^Ark1![A-Z]+\d+$/, quote: "#NAME?" }],
  },
  {
    id: "bc01-drivernoegle-tekst",
    what: "BC01 compact: a driver key (cases × minutes) with text in a count",
    make: () =>
      broken("2025-BC01", "compact", (g, wb) => {
        const l = cellOf(wb, "keys.timer.weights.BIF").split(":")[0];
        setCell(g, l, "mange");
      }),
    expect: [{ code: "UNREADABLE", severity: "error", location: /^2025-BC01![A-Z]+\d+$/, quote: "mange" }],
  },
  {
    id: "eget-beregn-ark-skrald",
    what: 'a user sheet "_beregn" holding unrelated text',
    make: () =>
      broken("2025-F4", "standard", (g) => {
        g.push({
          name: "_beregn",
          visibility: "veryHidden",
          values: [
            ["hej", 1],
            [null, "#REF!"],
            ["undo", "Forslag", "ZZ99999999"],
          ],
          formulas: [],
        });
      }),
    expect: [],
    noErrors: true,
  },
];

/** Row 1-based of a location (for messages). */
export { rowOf };
