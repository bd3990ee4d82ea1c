/**
 * A catalogue → the Grids of a new workbook, in the chosen annex's layout, units and signs
 * (issue 11): exact values with the annex's number format (mio. kr. one decimal, whole t.kr.),
 * SUM formulas with their cached results (totals from unrounded values, SPEC §7, and numbers
 * before Excel recalculates), each line linked to its file and sheet, each line with its
 * proposal's count of fejl and advarsler. The annex's own columns come first, in its order, so the
 * sheet reads like the annex; Beregn's columns (Titel, Fejl, Advarsler, Fil) follow.
 */
import type Decimal from "decimal.js";
import type { Area } from "../engine/model";
import type { PaybackOutcome } from "../engine/result";
import { rollupSum } from "../engine/rollup";
import { sum, ZERO } from "../engine/series";
import { AMOUNT_FORMAT } from "../workbook/blocks";
import { a1, cellAt, colCount, isBlank, parseA1, rowCount } from "../workbook/grid";
import { SheetBuilder } from "../workbook/sheetBuilder";
import type { Grid } from "../workbook/types";
import { type Catalogue, type CatalogueLine, type FormatSpec, groupsOf, lineAmount } from "./catalogue";

export const CATALOGUE_SHEET = "Katalog";
export const CATALOGUE_CHECK_SHEET = "Kontrol";

const MIO_FORMAT = "#,##0.0";

/** A problem to list on the Kontrol sheet: an unreadable file, a mismatch. */
export interface CatalogueNote {
  file: string;
  location: string;
  code: string;
  message: string;
}

export interface LayoutOptions {
  /** Where a line's file is, as the link should name it (relative to the catalogue). */
  linkPath: (file: string) => string;
  notes: CatalogueNote[];
  /** Files read, for the heading. */
  files: number;
}

const quote = (s: string) => s.replace(/"/g, '""');

/** =HYPERLINK("[file]'Sheet'!A1", text): Excel opens the file at the proposal's sheet. */
function link(b: SheetBuilder, r: number, c: number, path: string, sheet: string, text: string): void {
  b.formula(r, c, `=HYPERLINK("[${quote(path)}]'${quote(sheet.replace(/'/g, "''"))}'!A1","${quote(text)}")`, text);
}

const num = (d: Decimal) => d.toNumber();

function paybackCell(p: PaybackOutcome | null): string | number {
  if (!p) return "-";
  return p.years === null ? "ikke tilbagebetalt" : p.years;
}

/** Σ of a field over lines, exact, in the annex's unit and sign (SPEC §7: totals from unrounded values). */
const sumOf = (lines: CatalogueLine[], field: string, spec: FormatSpec) => sum(lines.map((l) => lineAmount(l, field, spec) ?? ZERO));

class Sheet {
  readonly b = new SheetBuilder(CATALOGUE_SHEET);
  r = 0;
  constructor(readonly opts: LayoutOptions) {}
  text(c: number, v: string, bold = false): void {
    this.b.set(this.r, c, v);
    if (bold) this.bold.push(a1(this.r, c));
  }
  readonly bold: string[] = [];
  amount(c: number, v: Decimal, mio: boolean): void {
    this.b.set(this.r, c, num(v), mio ? MIO_FORMAT : AMOUNT_FORMAT);
  }
  /** SUM over cells (A1 ranges or addresses) with the exact cached value. */
  sum(c: number, refs: string[], cached: Decimal, mio: boolean): void {
    this.b.formula(this.r, c, `=${refs.length ? `SUM(${refs.join(",")})` : "0"}`, num(cached));
    this.b.set(this.r, c, num(cached), mio ? MIO_FORMAT : AMOUNT_FORMAT);
    this.bold.push(a1(this.r, c));
  }
  extras(c: number, l: CatalogueLine, withTitle: boolean): void {
    if (withTitle) this.b.set(this.r, c++, l.rollup.title);
    this.b.set(this.r, c++, l.rollup.findings.error);
    this.b.set(this.r, c++, l.rollup.findings.warning);
    link(this.b, this.r, c, this.opts.linkPath(l.file), l.sheet, `${this.opts.linkPath(l.file)} – ${l.sheet}`);
  }
  extrasHeader(c: number, withTitle: boolean): void {
    for (const h of [...(withTitle ? ["Titel"] : []), "Fejl", "Advarsler", "Fil og ark"]) this.text(c++, h, true);
  }
  next(n = 1): void {
    this.r += n;
  }
}

const col = (r: number, c: number) => a1(r, c);
const span = (c: number, rows: number[]) => rows.map((r) => col(r, c));

function investering2025(cat: Catalogue, s: Sheet): void {
  const spec = cat.spec;
  const t2 = cat.lines.filter((l) => l.table === "Tabel 2");
  const t3 = cat.lines.filter((l) => l.table === "Tabel 3");
  const all = [...t2, ...t3];
  // Tabel 1 needs the rows of Tabel 2 and 3, so lay those out first (rows counted ahead)
  const groups = [...new Set(all.map((l) => l.group))].sort((a, b) => a.localeCompare(b, "da"));
  const t1Start = s.r;
  const t1Rows = 2 + groups.length + 1;
  const t2Title = t1Start + t1Rows + 1;
  const t2First = t2Title + 3;
  const t2Rows = t2.map((_, i) => t2First + i);
  const t2Total = t2First + t2.length;
  const t3Title = t2Total + 4;
  const t3First = t3Title + 2;
  const t3Rows = t3.map((_, i) => t3First + i);
  const t3Total = t3First + t3.length;
  const rowOf = new Map<CatalogueLine, number>([
    ...t2.map((l, i) => [l, t2Rows[i]] as const),
    ...t3.map((l, i) => [l, t3Rows[i]] as const),
  ]);

  // Tabel 1: per udvalg; antal with innovation proposals in parentheses
  s.text(0, "Tabel 1. Investerings og innovationsforslag fordelt på udvalg.", true);
  s.next();
  [
    "Mio. kr. 2025 p/l.",
    "Udvalg",
    "Antal (innovationsforslag)",
    "Investering i alt",
    "Effektiviseringer ved fuld indfasning, service",
  ].forEach((h, c) => s.text(c, h, true));
  s.next();
  const groupRows: number[] = [];
  for (const g of groups) {
    const ls = all.filter((l) => l.group === g);
    const sums = rollupSum(ls.map((l) => l.rollup));
    const crossCutting = ls.every((l) => l.marker === "*");
    s.text(1, crossCutting ? `${g} (tværgående)` : g);
    s.text(2, sums.innovation ? `${sums.count} (${sums.innovation})` : String(sums.count));
    // investment: Tabel 2's service + anlæg and Tabel 3's pool; effect: Tabel 2's service
    const rowsOf = (ts: CatalogueLine[]) => ts.filter((l) => l.group === g).map((l) => rowOf.get(l) as number);
    s.sum(3, [...span(3, rowsOf(t2)), ...span(4, rowsOf(t2)), ...span(4, rowsOf(t3))], sumOf(ls, "investering", spec), true);
    s.sum(4, span(5, rowsOf(t2)), sumOf(ls, "effekt.Service", spec), true);
    groupRows.push(s.r);
    s.next();
  }
  const total = rollupSum(all.map((l) => l.rollup));
  s.text(1, "I alt", true);
  s.text(2, String(total.count), true);
  s.sum(3, span(3, groupRows), sumOf(all, "investering", spec), true);
  s.sum(4, span(4, groupRows), sumOf(all, "effekt.Service", spec), true);
  s.next(2);

  // Tabel 2: per proposal, by number
  s.text(0, "Tabel 2. Indkomne ansøgninger til investeringspuljen", true);
  s.next();
  ["Mio. kr. 2025 p/l.", "Nr.", "Forslag", "Investeringer", "", "Varige effektiviseringer", "", "Tilbagebetalingstid, år"].forEach(
    (h, c) => h && s.text(c, h, true),
  );
  s.extrasHeader(8, true);
  s.next();
  ["Service", "Anlæg", "Service", "Overførsler mv."].forEach((h, k) => s.text(3 + k, h, true));
  s.next();
  for (const l of t2) {
    s.text(0, l.group);
    s.text(1, l.marker);
    link(s.b, s.r, 2, s.opts.linkPath(l.file), l.sheet, l.number ?? l.rollup.title);
    s.amount(3, lineAmount(l, "investering.Service", spec) ?? ZERO, true);
    s.amount(4, lineAmount(l, "investering.Anlæg", spec) ?? ZERO, true);
    s.amount(5, lineAmount(l, "effekt.Service", spec) ?? ZERO, true);
    s.amount(6, lineAmount(l, "effekt.Overførsler mv.", spec) ?? ZERO, true);
    s.b.set(s.r, 7, paybackCell(l.rollup.payback.service));
    s.extras(8, l, true);
    s.next();
  }
  s.text(0, "I alt", true);
  s.sum(3, t2.length ? [`${col(t2First, 3)}:${col(t2Total - 1, 3)}`] : [], sumOf(t2, "investering.Service", spec), true);
  s.sum(4, t2.length ? [`${col(t2First, 4)}:${col(t2Total - 1, 4)}`] : [], sumOf(t2, "investering.Anlæg", spec), true);
  s.sum(5, t2.length ? [`${col(t2First, 5)}:${col(t2Total - 1, 5)}`] : [], sumOf(t2, "effekt.Service", spec), true);
  s.sum(6, t2.length ? [`${col(t2First, 6)}:${col(t2Total - 1, 6)}`] : [], sumOf(t2, "effekt.Overførsler mv.", spec), true);
  s.next();
  s.text(0, "*Tværgående forslag til godkendelse, jf. bilag 8");
  s.next();
  s.text(0, "** Forslag til evt. særskilt politisk prioritering");
  s.next(2);

  // Tabel 3: the innovation pool
  s.text(0, "Tabel 3. Indkomne ansøgninger til innovationspuljen.", true);
  s.next();
  ["Mio. kr. 2025 p/l. Udvalg", "Nr.", "Forslag", "Forslagstype", "Innovationspulje (service)"].forEach((h, c) => s.text(c, h, true));
  s.extrasHeader(5, false);
  s.next();
  for (const l of t3) {
    s.text(0, l.group);
    link(s.b, s.r, 1, s.opts.linkPath(l.file), l.sheet, l.number ?? "");
    s.text(2, l.rollup.title);
    s.text(3, l.rollup.kind === "preliminary" ? "Foranalyse" : "Innovationsforslag");
    s.amount(4, lineAmount(l, "innovationspulje", spec) ?? ZERO, true);
    s.extras(5, l, false);
    s.next();
  }
  s.text(0, "I alt", true);
  s.sum(4, t3.length ? [`${col(t3First, 4)}:${col(t3Total - 1, 4)}`] : [], sumOf(t3, "innovationspulje", spec), true);
  s.next();
}

/** Bilag 8: per table, lines grouped under an udvalg or joint group, no subtotals; effects positive. */
function tvaergaaende2025(cat: Catalogue, s: Sheet): void {
  const years = cat.spec.years;
  const tables = [...new Set(cat.lines.map((l) => l.table))].sort();
  const titles: Record<string, string> = {
    "Tabel 1": "Tabel 1. Tværgående investeringsforslag til godkendelse mhp. behandling i budget 2025",
    "Tabel 2": "Tabel 2. Øvrige tværgående investerings- og effektiviseringsforslag i effektiviseringsstrategi 2024",
  };
  for (const table of tables) {
    const lines = cat.lines.filter((l) => l.table === table);
    s.text(0, titles[table] ?? table, true);
    s.next();
    s.text(0, "1.000 kr. 2025 p/l");
    s.text(2, "Effektiviseringsbidrag", true);
    s.text(2 + years.length, "Samlet investering", true);
    s.text(3 + years.length, "Godkendt med", true);
    s.extrasHeader(4 + years.length, false);
    s.next();
    s.text(0, "Udvalg", true);
    years.forEach((y, k) => {
      s.b.set(s.r, 2 + k, y);
      s.bold.push(a1(s.r, 2 + k));
    });
    s.next();
    const lineRows: number[] = [];
    let running = 0;
    for (const g of groupsOf(lines)) {
      s.text(0, g.group, true);
      s.next();
      for (const l of g.lines) {
        running++;
        // Tabel 1 numbers its lines 1, 2, …; Tabel 2 names them "Forslag N"
        s.text(0, l.number && l.number.startsWith("Forslag") ? l.number : String(running));
        link(s.b, s.r, 1, s.opts.linkPath(l.file), l.sheet, l.rollup.title);
        years.forEach((y, k) => s.amount(2 + k, lineAmount(l, `effekt.${y}`, cat.spec) ?? ZERO, false));
        s.amount(2 + years.length, l.rollup.investment, false);
        if (l.approvedWith) s.text(3 + years.length, l.approvedWith);
        s.extras(4 + years.length, l, false);
        lineRows.push(s.r);
        s.next();
      }
    }
    s.text(0, "I alt", true);
    years.forEach((y, k) => s.sum(2 + k, span(2 + k, lineRows), sumOf(lines, `effekt.${y}`, cat.spec), false));
    s.sum(2 + years.length, span(2 + years.length, lineRows), sum(lines.map((l) => l.rollup.investment)), false);
    s.next(3);
  }
}

/** Bilag 6's head over both tables: the unit, "Effekt i", and the years in bold under it. */
function effectYearsHeader(s: Sheet, years: readonly number[]): void {
  s.text(0, "1.000 kr. 2018 p/l");
  s.text(2, "Effekt i", true);
  s.next();
  years.forEach((y, k) => {
    s.b.set(s.r, 2 + k, y);
    s.bold.push(a1(s.r, 2 + k));
  });
}

const AREA_2018: Partial<Record<Area, string>> = { Overførsler: "Overførsler", EI: "Indsats", EO: "Efterspørgselsstyrede overførsler" };

/** Bilag 6: Tabel 1 service with subtotals per fremstillende forvaltning; Tabel 2 EI and overførsler. */
function bilag2018(cat: Catalogue, s: Sheet): void {
  const years = cat.spec.years;
  const service = (l: CatalogueLine, y: number) => lineAmount(l, `effekt.Service.${y}`, cat.spec) ?? ZERO;
  s.text(0, "Tabel 1. Tværgående effektiviseringsforslag på service", true);
  s.next();
  effectYearsHeader(s, years);
  s.text(2 + years.length, "Samlet investering", true);
  s.text(3 + years.length, "Indgår/indgik i forbindelse med forhandlingerne om:", true);
  s.extrasHeader(4 + years.length, false);
  s.next();
  const subtotalRows: number[] = [];
  for (const g of groupsOf(cat.lines)) {
    const head = s.r;
    subtotalRows.push(head);
    const rows = g.lines.map((_, i) => head + 1 + i);
    s.text(0, g.group, true);
    years.forEach((y, k) => s.sum(2 + k, span(2 + k, rows), sum(g.lines.map((l) => service(l, y))), false));
    s.sum(2 + years.length, span(2 + years.length, rows), sum(g.lines.map((l) => l.rollup.investment)), false);
    s.next();
    for (const l of g.lines) {
      s.text(0, l.number ? l.number.replace(/^Forslag /, "") : "");
      link(s.b, s.r, 1, s.opts.linkPath(l.file), l.sheet, l.rollup.title.replace(/^Forslag \d+:\s*/, ""));
      years.forEach((y, k) => s.amount(2 + k, service(l, y), false));
      s.amount(2 + years.length, l.rollup.investment, false);
      if (l.approvedWith) s.text(3 + years.length, l.approvedWith);
      s.extras(4 + years.length, l, false);
      s.next();
    }
  }
  s.text(0, "Total", true);
  years.forEach((y, k) => s.sum(2 + k, span(2 + k, subtotalRows), sum(cat.lines.map((l) => service(l, y))), false));
  s.sum(2 + years.length, span(2 + years.length, subtotalRows), sum(cat.lines.map((l) => l.rollup.investment)), false);
  s.next(3);

  s.text(0, "Tabel 2. Effektiviseringer på efterspørgselsstyret indsats og overførsler", true);
  s.next();
  effectYearsHeader(s, years);
  s.next();
  const rows: number[] = [];
  const cached: Decimal[] = years.map(() => ZERO);
  for (const l of cat.lines) {
    let first = true;
    for (const [area, name] of Object.entries(AREA_2018)) {
      const byYear = l.rollup.effectByYearByArea[area as Area];
      if (!byYear || years.every((y) => byYear[y].isZero())) continue;
      if (first) link(s.b, s.r, 0, s.opts.linkPath(l.file), l.sheet, l.rollup.title.replace(/^Forslag \d+:\s*/, ""));
      first = false;
      s.text(1, name as string);
      years.forEach((y, k) => {
        s.amount(2 + k, byYear[y], false);
        cached[k] = cached[k].plus(byYear[y]);
      });
      rows.push(s.r);
      s.next();
    }
  }
  s.text(0, "Total", true);
  years.forEach((_, k) => s.sum(2 + k, span(2 + k, rows), cached[k], false));
  s.next();
}

export interface CatalogueWorkbook {
  grids: Grid[];
  /** Cells to show bold (titles, headers, totals), per sheet. */
  bold: Record<string, string[]>;
  /** Header cells in table rows, to wrap within their column. */
  wrap: Record<string, string[]>;
  /** Lines of text a row with wrapped cells needs (1-based row → lines), per sheet. */
  rowLines: Record<string, Record<number, number>>;
  /** Column widths in characters, per sheet. */
  widths: Record<string, number[]>;
}

export function catalogueGrids(cat: Catalogue, opts: LayoutOptions): CatalogueWorkbook {
  const s = new Sheet(opts);
  s.text(0, `${cat.spec.annex} – beregnet af Beregn`, true);
  s.next();
  s.text(
    0,
    `${opts.files} ${opts.files === 1 ? "projektmappe" : "projektmapper"}, ${cat.lines.length} forslag; se arket ${CATALOGUE_CHECK_SHEET} for uoverensstemmelser og filer, der ikke kunne læses`,
  );
  s.next(2);
  if (cat.spec.format === "investering-2025") investering2025(cat, s);
  else if (cat.spec.format === "tvaergaaende-2025") tvaergaaende2025(cat, s);
  else bilag2018(cat, s);

  const k = new SheetBuilder(CATALOGUE_CHECK_SHEET);
  ["Fil", "Celle", "Kode", "Besked"].forEach((h, c) => k.set(0, c, h));
  opts.notes.forEach((n, i) => {
    k.set(i + 1, 0, n.file);
    k.set(i + 1, 1, n.location);
    k.set(i + 1, 2, n.code);
    k.set(i + 1, 3, n.message);
  });
  if (opts.notes.length === 0) k.set(1, 3, "Ingen uoverensstemmelser");
  const sheet = s.b.toGrid();
  const check = k.toGrid();
  const widths = tableWidths(sheet, 24, 18);
  // a header or group name longer than its column wraps in a taller row; a title alone on its row runs across
  const rowLines: Record<number, number> = {};
  const wrap = s.bold.filter((a) => {
    const { row, col } = parseA1(a);
    const v = cellAt(sheet, row, col);
    if (typeof v !== "string" || filledCells(sheet, row) < 2 || v.length + 2 <= widths[col]) return false;
    rowLines[row + 1] = Math.max(rowLines[row + 1] ?? 1, Math.min(3, Math.ceil(v.length / (widths[col] - 2))));
    return true;
  });
  return {
    grids: [sheet, check],
    bold: { [CATALOGUE_SHEET]: s.bold, [CATALOGUE_CHECK_SHEET]: ["A1", "B1", "C1", "D1"] },
    wrap: { [CATALOGUE_SHEET]: wrap },
    rowLines: { [CATALOGUE_SHEET]: rowLines },
    widths: { [CATALOGUE_SHEET]: widths, [CATALOGUE_CHECK_SHEET]: tableWidths(check, 60, 60) },
  };
}

function filledCells(g: Grid, row: number): number {
  let n = 0;
  for (let c = 0; c < colCount(g); c++) if (!isBlank(cellAt(g, row, c))) n++;
  return n;
}

/**
 * Column widths (characters) fitted to the tables' cells, not to the titles and notes alone on
 * their rows, which run across the sheet; headers wrap within `max`.
 */
function tableWidths(g: Grid, firstMax: number, max: number): number[] {
  const widths: number[] = [];
  for (let r = 0; r < rowCount(g); r++) {
    if (filledCells(g, r) < 2) continue;
    for (let c = 0; c < colCount(g); c++) {
      const v = cellAt(g, r, c);
      if (isBlank(v)) continue;
      const text = typeof v === "number" ? v.toLocaleString("da-DK", { maximumFractionDigits: 1 }) : String(v);
      widths[c] = Math.min(Math.max(widths[c] ?? 8, text.length + 2), c === 0 ? firstMax : max);
    }
  }
  return Array.from(widths, (w) => w ?? 8);
}
