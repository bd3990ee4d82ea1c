/**
 * A stated catalogue: a sheet holding one of the annexes' summary tables, typed by the finance
 * department (or written by `beregn katalog`), read back into lines and sums with the cell of
 * every number (issue 11). Tables are found by their titles ("Tabel 2. …"), columns by their
 * header words (one or two header rows; a header over several columns, like "Investeringer" over
 * Service and Anlæg, covers the blank cells to its right), rows by what they hold: "I alt" /
 * "Total", a group (an udvalg or forvaltning with no numbers, or with a subtotal), else a line.
 */
import Decimal from "decimal.js";
import { readAmount, readPaybackText } from "../engine/amountText";
import { canonicalUnit, foldText } from "../engine/units";
import { cellAt, colCount, formatAt, loc, rowCount, textAt } from "../workbook/grid";
import type { Grid } from "../workbook/types";
import { type CatalogueFormat, proposalNumber } from "./catalogue";

export interface StatedCell {
  value: Decimal;
  /** As written, for messages. */
  text: string;
  location: string;
  /** A payback stated as "ikke tilbagebetalt". */
  never?: boolean;
}

export interface StatedLine {
  table: string;
  /** "BC05", "Forslag 4"; null when the line has only a running number or a title. */
  number: string | null;
  /** Bilag 8 Tabel 1's and Bilag 6's running number ("1"). */
  running: string | null;
  title: string;
  group: string;
  marker: string;
  approvedWith: string;
  /** Bilag 7 Tabel 3's Forslagstype as written ("Innovationsforslag", "Foranalyse"). */
  proposalType: string;
  /** Field → stated number ("investering.Anlæg", "effekt.2026", "tilbagebetalingstid" …). */
  cells: Record<string, StatedCell>;
  /** Where the line is (its first cell), for a line with no proposal. */
  location: string;
}

export interface StatedSum {
  table: string;
  /** A total row ("I alt", "Total") or a group's row (Bilag 7 Tabel 1 per udvalg, Bilag 6's subtotal). */
  kind: "total" | "group";
  group: string;
  cells: Record<string, StatedCell>;
  location: string;
}

export interface StatedCatalogue {
  sheet: string;
  lines: StatedLine[];
  sums: StatedSum[];
}

const HEADER_CELL =
  /^(udvalg|nr\.?|forslag|investering(er)?( i alt)?|effektiviseringsbidrag|varige effektiviseringer|service|anlæg|overførsler( mv\.?)?|tilbagebetalingstid.*|samlet investering|godkendt med|antal.*|innovationspulje.*|forslagstype|indgår.*|effekt i|mio\. ?kr\..*|1\.000 kr\..*|\d{4}|effektiviseringer ved fuld indfasning.*|titel|fejl|advarsler|fil og ark)$/;

const isHeaderRow = (texts: string[]) => texts.length > 0 && texts.every((t) => HEADER_CELL.test(foldText(t)));

/** A column's role from its header text (folded, parents first). */
function roleOf(header: string, table: string): string | undefined {
  const h = header;
  if (/tilbagebetalingstid/.test(h)) return "tilbagebetalingstid";
  if (/investeringer.*service|innovationspulje/.test(h)) return table === "Tabel 3" ? "innovationspulje" : "investering.Service";
  if (/investeringer.*anlæg/.test(h)) return "investering.Anlæg";
  if (/overførsler/.test(h) && !/^\d/.test(h)) return "effekt.Overførsler mv.";
  if (/effektiviseringer.*service/.test(h)) return "effekt.Service";
  if (/investering i alt|samlet investering/.test(h)) return "investering";
  if (/antal/.test(h)) return "antal";
  if (/forslagstype/.test(h)) return "forslagstype";
  if (/godkendt med|indgår/.test(h)) return "godkendt";
  const y = /(?:^| )(\d{4})$/.exec(h);
  if (y) return `år.${y[1]}`;
  if (/^(mio\. ?kr\.[^ ]* ?)?.*\budvalg$/.test(h) || /^mio\. ?kr\./.test(h)) return "udvalg";
  if (/\bnr\.?$/.test(h)) return "nr";
  if (/\bforslag$/.test(h)) return "forslag";
  if (/^titel$/.test(h)) return "titel";
  if (/^(fejl|advarsler|fil og ark)$/.test(h)) return "beregn";
  return undefined;
}

function amountCell(grid: Grid, r: number, c: number): StatedCell | undefined {
  const v = cellAt(grid, r, c);
  if (v === null || v === "" || typeof v === "boolean") return undefined;
  const read = readAmount(v);
  if (!read.ok || read.empty) return undefined;
  // a stated number is what the sheet shows: Beregn's own catalogue holds exact values shown to
  // the annex's precision, so a number is taken as its format shows it (one decimal or whole)
  const fmt = formatAt(grid, r, c);
  const decimals = typeof v === "number" && fmt ? shownDecimals(fmt) : undefined;
  const value = decimals === undefined ? read.value : read.value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return { value, text: String(v), location: loc(grid.name, r, c) };
}

/** Decimals a number format shows ("#,##0.0" → 1, '#,##0;-#,##0;"-"' → 0); undefined for General. */
function shownDecimals(format: string): number | undefined {
  const first = format.split(";")[0];
  if (!/[0#]/.test(first)) return undefined;
  const m = /\.([0#]+)/.exec(first);
  return m ? m[1].length : 0;
}

const AREA_WORDS: [RegExp, string][] = [
  [/^overførsler/, "Overførsler"],
  [/^(indsats|efterspørgselsstyret indsats|ei)$/, "EI"],
  [/^efterspørgselsstyrede overførsler|^eo$/, "EO"],
];

/** Read the first sheet holding one of the summary tables of `format`; undefined when none does. */
export function readStatedCatalogue(grids: Grid[], format: CatalogueFormat): StatedCatalogue | undefined {
  for (const grid of grids) {
    const read = readSheet(grid, format);
    if (read && read.lines.length) return read;
  }
  return undefined;
}

function readSheet(grid: Grid, format: CatalogueFormat): StatedCatalogue | undefined {
  const height = rowCount(grid);
  const width = colCount(grid);
  const out: StatedCatalogue = { sheet: grid.name, lines: [], sums: [] };
  const rowTexts = (r: number) => {
    const t: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = cellAt(grid, r, c);
      if (v !== null && v !== "") t.push(String(v));
    }
    return t;
  };
  let r = 0;
  while (r < height) {
    const first = rowTexts(r)[0] ?? "";
    const title = /^tabel\s*(\d+)\b/i.exec(first.trim());
    if (!title) {
      r++;
      continue;
    }
    const table = `Tabel ${title[1]}`;
    r++;
    // header rows
    const headerRows: number[] = [];
    while (r < height && (rowTexts(r).length === 0 ? headerRows.length === 0 : isHeaderRow(rowTexts(r)))) {
      if (rowTexts(r).length) headerRows.push(r);
      r++;
    }
    if (!headerRows.length) continue;
    const roles: (string | undefined)[] = [];
    for (let c = 0; c < width; c++) {
      const parts: string[] = [];
      headerRows.forEach((hr, k) => {
        let t = textAt(grid, hr, c);
        // a parent header covers the blank cells to its right (not the last header row's)
        if (!t && k < headerRows.length - 1)
          for (let cc = c - 1; cc >= 0; cc--) {
            const left = textAt(grid, hr, cc);
            if (left) {
              if (textAt(grid, headerRows[headerRows.length - 1], c)) t = left;
              break;
            }
          }
        if (!t && typeof cellAt(grid, hr, c) === "number") t = String(cellAt(grid, hr, c));
        if (t) parts.push(foldText(t));
      });
      roles[c] = parts.length ? roleOf(parts.join(" "), table) : undefined;
    }
    if (roles[0] === undefined) roles[0] = "udvalg";
    readRows(grid, format, table, roles, r, out, (rr) => rowTexts(rr));
    // continue after this table: readRows stops at the next title
    while (r < height && !/^tabel\s*\d+\b/i.test((rowTexts(r)[0] ?? "").trim())) r++;
  }
  return out;
}

function readRows(
  grid: Grid,
  format: CatalogueFormat,
  table: string,
  roles: (string | undefined)[],
  start: number,
  out: StatedCatalogue,
  rowTexts: (r: number) => string[],
): void {
  const height = rowCount(grid);
  let group = "";
  let previous: StatedLine | undefined;
  for (let r = start; r < height; r++) {
    const texts = rowTexts(r);
    if (texts.length === 0) continue;
    if (/^tabel\s*\d+\b/i.test(texts[0].trim())) return;
    if (/^(\*|note\b|1\.000 kr|mio\. kr)/i.test(texts[0].trim()) && texts.length === 1) continue;
    const cells: Record<string, StatedCell> = {};
    let areaWord: string | undefined;
    const textBy: Record<string, string> = {};
    for (let c = 0; c < roles.length; c++) {
      const role = roles[c];
      const t = textAt(grid, r, c);
      if (
        role &&
        (role.startsWith("år.") ||
          role.startsWith("investering") ||
          role.startsWith("effekt") ||
          role === "innovationspulje" ||
          role === "antal")
      ) {
        const a = role === "antal" ? undefined : amountCell(grid, r, c);
        if (a) cells[role] = a;
        if (role === "antal" && t) textBy.antal = t;
      } else if (role === "tilbagebetalingstid") {
        const v = cellAt(grid, r, c);
        const p = v === null || v === "" || typeof v === "boolean" ? undefined : readPaybackText(v);
        if (p) cells[role] = { value: new Decimal(p.years ?? -1), never: p.never, text: String(v), location: loc(grid.name, r, c) };
      } else if (t && role && role !== "beregn") textBy[role] = t;
      else if (t && !role) {
        // Bilag 6 Tabel 2's område and Bilag 8's title stand in columns with no header
        const a = AREA_WORDS.find(([re]) => re.test(foldText(t)));
        if (a) areaWord = a[1];
        else textBy.untitled ??= t;
      }
    }
    // years → fields of the format
    for (const key of Object.keys(cells))
      if (key.startsWith("år.")) {
        const y = key.slice(3);
        const field =
          format === "2018" ? (table === "Tabel 2" ? `effekt.${areaWord ?? "Øvrige"}.${y}` : `effekt.Service.${y}`) : `effekt.${y}`;
        cells[field] = cells[key];
        delete cells[key];
      }
    const head = (textBy.udvalg ?? "").trim();
    const location = loc(grid.name, r, 0);
    if (/^(i alt|total)$/i.test(head) || /^(i alt|total)$/i.test((textBy.forslag ?? textBy.nr ?? "").trim())) {
      out.sums.push({ table, kind: "total", group: "", cells, location });
      previous = undefined;
      continue;
    }
    const hasNumbers = Object.keys(cells).length > 0;
    const named = [textBy.nr, textBy.forslag, textBy.titel, textBy.untitled].filter((t): t is string => !!t && !/^\*+$/.test(t.trim()));
    // Bilag 7 Tabel 1: one row per udvalg
    if (format === "investering-2025" && table === "Tabel 1") {
      const g = (textBy.udvalg ?? "").trim() || (named[0] ?? "");
      if (g) {
        const antal = /^(\d+)\s*(?:\((\d+)\))?/.exec(textBy.antal ?? "");
        if (antal) {
          cells.antal = { value: new Decimal(antal[1]), text: textBy.antal ?? "", location: loc(grid.name, r, roles.indexOf("antal")) };
          if (antal[2]) cells.innovation = { value: new Decimal(antal[2]), text: textBy.antal ?? "", location: cells.antal.location };
        }
        out.sums.push({ table, kind: "group", group: g.replace(/\s*\(tværgående\)\s*$/i, ""), cells, location });
      }
      continue;
    }
    if (!hasNumbers) {
      // a group heading (Bilag 8: an udvalg or joint group), or a 2018 Tabel 2 title whose numbers follow
      if (format !== "2018") group = texts.join(" ").trim();
      continue;
    }
    // a subtotal (Bilag 6: the forvaltning's row above its lines)
    if (format === "2018" && table === "Tabel 1" && named.length === 0 && canonicalUnit(head)) {
      group = head;
      out.sums.push({ table, kind: "group", group, cells, location });
      continue;
    }
    // 2018 Tabel 2: a second område of the line above
    if (format === "2018" && table === "Tabel 2" && previous && !head && named.length === 0) {
      Object.assign(previous.cells, cells);
      continue;
    }
    let titleText = (textBy.titel ?? textBy.forslag ?? textBy.untitled ?? (format === "2018" ? textBy.udvalg : undefined) ?? "").trim();
    let running: string | null = null;
    const nrText = (textBy.nr ?? (format !== "investering-2025" ? textBy.udvalg : undefined) ?? "").trim();
    if (/^\d+$/.test(nrText)) running = nrText;
    const lead = /^(\d+)\s+(.+)$/s.exec(titleText);
    if (lead && format !== "investering-2025") {
      running = lead[1];
      titleText = lead[2];
    }
    const number = proposalNumber(textBy.forslag ?? "", textBy.nr ?? "", format === "tvaergaaende-2025" ? head : "");
    if (number && titleText) titleText = titleText.replace(/^(BC\s?\d+|forslag\s*\d+)\s*/i, "");
    const marker = format === "investering-2025" ? (/^\*+$/.test((textBy.nr ?? "").trim()) ? (textBy.nr ?? "").trim() : "") : "";
    const line: StatedLine = {
      table,
      number,
      running,
      title: titleText,
      group: format === "investering-2025" ? head : group,
      marker,
      approvedWith: (textBy.godkendt ?? "").replace(/\s+/g, " ").trim(),
      proposalType: (textBy.forslagstype ?? "").trim(),
      cells,
      location,
    };
    out.lines.push(line);
    previous = line;
  }
}
