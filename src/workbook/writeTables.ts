/**
 * Tabel 2.1.1 and the Kvantum tables A–E (SPEC §5): written into the tables the workbook already
 * has (found by title: unit rows × year columns and the Total row), else generated on a sheet
 * "Kvantum" in the template's row order (SPEC §1) with the template's footnotes.
 */
import type { Area, Finding } from "../engine/model";
import type { Result, RoundedTable } from "../engine/result";
import { BEVILLINGER, OEU_GROUP_UNITS, templateOrder, UDVALG, UNIT_NAMES } from "../engine/units";
import { amountCell, CellBlock, textCell } from "./blocks";
import { neighbourFormat } from "./neighbourFormat";
import { cellAt, formulaAt, isBlank, loc, rowCount, textAt } from "./grid";
import type { TableLayout } from "./layout";
import type { OwnsFormula } from "./writeTabel1";
import type { Grid, WriteCell } from "./types";

export interface TableSpec {
  id: string;
  table: RoundedTable;
  title: string;
  footnote: string;
}

const TITLES: Record<string, string> = {
  "2.1.1": "Tabel 2.1.1. Fordeling på udvalg, inkl. implementeringsudgifter",
  A: "Tabel A. Måltalseffekt (nettoeffektivisering)",
  B: "Tabel B. Bevillingsmæssig effekt – varig drift",
  C: "Tabel C. Bevillingsmæssig effekt – hvis forslaget indarbejdes (bruttoeffektivisering)",
  D: "Tabel D. Fordeling af anlægsinvesteringer mellem udvalg",
  E: "Tabel E. Fordeling af serviceinvesteringer mellem udvalg",
};

// SPEC §5, the 2025 template's definitions in its own words
const FOOTNOTES: Record<string, string> = {
  A: "Måltalseffekt: den effekt, udvalget kan medregne i sit effektiviseringsmåltal, dvs. udvalgets samlede effekt af forslaget fratrukket udvalgets bidrag til forslagets varige driftsudgifter.",
  B: "Bevillingsmæssig effekt – varig drift: ændringen af udvalgets budgetramme, uanset om måltalseffekten anvendes. Varige driftsudgifter finansieres af alle deltagende forvaltninger, uanset om effekten medregnes i måltallet.",
  C: "Bevillingsmæssig effekt, hvis forslaget indarbejdes: den samlede ændring af udvalgets budgetramme, når forslaget indarbejdes (Tabel B + Tabel A).",
  D: "Implementeringsomkostninger til anlæg fordelt på bevillinger.",
  E: "Implementeringsomkostninger til service fordelt på bevillinger.",
};

/** The tables a result has, by id ("2.1.1", "A".."E", "A:Overførsler", "D:EI"). */
export function resultTables(result: Result): TableSpec[] {
  const out: TableSpec[] = [];
  const basis = result.proposal.settings.tabel211Basis;
  if (result.committees)
    out.push({
      id: "2.1.1",
      table: result.committees,
      title: TITLES["2.1.1"],
      footnote: `Summen af Tabel ${basis}, D og E pr. udvalg; Økonomiudvalget inkl. koncernenheder.`,
    });
  const k = result.kvantum;
  if (!k) return out;
  const service = k.sets.find((s) => s.area === "Service");
  for (const name of ["A", "B", "C"] as const) {
    if (service) out.push({ id: name, table: service[name], title: TITLES[name], footnote: FOOTNOTES[name] });
  }
  out.push({ id: "D", table: k.D, title: TITLES.D, footnote: FOOTNOTES.D });
  out.push({ id: "E", table: k.E, title: TITLES.E, footnote: FOOTNOTES.E });
  for (const set of k.sets.filter((s) => s.area !== "Service"))
    for (const name of ["A", "B", "C"] as const)
      out.push({
        id: `${name}:${set.area}`,
        table: set[name],
        title: `${TITLES[name]} – ${set.area}`,
        footnote: `${FOOTNOTES[name]} Varige ændringer med styringsområde ${set.area}.`,
      });
  for (const inv of k.otherInvestments)
    out.push({
      id: `D:${inv.area}`,
      table: inv.table,
      title: `Tabel D. Fordeling af investeringer mellem udvalg – ${inv.area}`,
      footnote: `Implementeringsomkostninger med styringsområde ${areaName(inv.area)} fordelt på bevillinger.`,
    });
  return out;
}

function areaName(a: Area): string {
  return a === "EI" ? "efterspørgselsstyret indsats" : a === "EO" ? "efterspørgselsstyrede overførsler" : a;
}

const shownAt = (t: RoundedTable, unit: string, yi: number): number => {
  if (unit === "Total") return Number((t.total[yi] ?? 0).toString());
  const s = t.shown[unit];
  return s ? Number(s[yi].toString()) : 0;
};

/**
 * Write a result table into a table the workbook has. Units the result has but the table lacks
 * get rows of their own above the Total row when the rows below the table are blank (as a user
 * would insert them); when there is no room, the rows it has are written and `relocate` asks for
 * the complete table on the generated sheet, with a warning that the table here does not add up.
 */
export function writeInPlace(
  grid: Grid,
  spec: TableSpec,
  layout: TableLayout,
  years: number[],
  owns: OwnsFormula,
  notes: Finding[],
  /** Rows added (for the plan's summary; not a finding, so a second Beregn's Kontrol is the same). */
  added: string[] = [],
): { block: CellBlock; relocate: boolean } {
  const block = new CellBlock(grid.name);
  const name = spec.title.split(".")[0];
  const rowsHere = new Set(layout.unitRows.map((u) => u.unit));
  const missing = spec.table.units.filter((u) => !rowsHere.has(u) && (spec.table.shown[u] ?? []).some((v) => !v.isZero()));
  let unitRows = layout.unitRows;
  let relocate = false;
  if (missing.length) {
    const total = layout.unitRows.find((u) => u.unit === "Total");
    const body = layout.unitRows.filter((u) => u.unit !== "Total");
    const start = total ? total.row : Math.max(...layout.unitRows.map((u) => u.row)) + 1;
    const needed = missing.length + (total ? 1 : 0);
    const lastCol = layout.yearCols[layout.yearCols.length - 1];
    const blankRow = (r: number) => {
      for (let c = Math.min(layout.labelCol, layout.titleCol); c <= lastCol; c++)
        if (!isBlank(cellAt(grid, r, c)) || formulaAt(grid, r, c) !== null) return false;
      return true;
    };
    let room = true;
    for (let r = start; r < start + needed; r++) if (!(total && r === total.row) && !blankRow(r)) room = false;
    // and the blank row that separates it from what follows (Tabel C under Tabel B) stays blank
    if (start + needed < rowCount(grid) && !blankRow(start + needed)) room = false;
    if (!room) {
      // no room to add the rows: write what fits, and the complete table on the generated sheet
      notes.push({
        code: "STRUCTURE",
        severity: "warning",
        message: `${name} mangler rækker for ${missing.map((u) => UNIT_NAMES[u] ?? u).join(", ")}, og der er ikke plads under tabellen, så den går ikke op; Beregn har skrevet hele tabellen på Kvantum-arket. Indsæt rækkerne over Total`,
        location: loc(layout.sheet, layout.titleRow, layout.titleCol),
      });
      relocate = true;
    } else {
      unitRows = [...body, ...missing.map((unit, k) => ({ unit, row: start + k }))];
      if (total) unitRows.push({ unit: "Total", row: start + missing.length });
      const totalLabel = total ? textAt(grid, total.row, layout.labelCol) || "Total" : "";
      // one naming per table: the codes where the sheet names units by code (KFU), else full names
      const label = (unit: string) => (namesByCode(grid, layout) ? unit : (UNIT_NAMES[unit] ?? unit));
      for (const [k, unit] of missing.entries()) block.set(start + k, layout.labelCol, textCell(label(unit)));
      if (total) block.set(start + missing.length, layout.labelCol, textCell(totalLabel, true));
      added.push(`${name}: ${missing.map((u) => UNIT_NAMES[u] ?? u).join(", ")}`);
    }
  }
  // every amount, added rows too, in the format of the table's own amounts (issue 10)
  const format = neighbourFormat(
    grid,
    layout.unitRows.map((u) => u.row),
    layout.yearCols,
  );
  for (const { unit, row } of unitRows)
    layout.yearCols.forEach((c, k) => {
      const yi = years.indexOf(layout.years[k]);
      if (yi < 0) return;
      if (formulaAt(grid, row, c) !== null && !owns(grid.name, row, c)) return; // the user's formula: checked, not overwritten
      block.set(row, c, amountCell(shownAt(spec.table, unit, yi), unit === "Total", format));
    });
  // the Total row bold throughout, as an added one is (Tabel A's Total kept its plain label while
  // its amounts turned bold): the label's own text, so its content is unchanged
  const totalRow = unitRows.find((u) => u.unit === "Total");
  if (totalRow && !block.cells.has(`${totalRow.row},${layout.labelCol}`)) {
    const label = cellAt(grid, totalRow.row, layout.labelCol);
    if (typeof label === "string" && label.trim() !== "" && formulaAt(grid, totalRow.row, layout.labelCol) === null)
      block.set(totalRow.row, layout.labelCol, textCell(label, true));
  }
  return { block, relocate };
}

/** Whether the table's rows (or, when it has none, the sheet's other tables) name units by code ("KFU"). */
function namesByCode(grid: Grid, layout: TableLayout): boolean {
  const own = layout.unitRows.filter((u) => u.unit !== "Total").map((u) => textAt(grid, u.row, layout.labelCol).trim());
  const codes = new Set(Object.keys(UNIT_NAMES));
  if (own.length) return own.some((t) => codes.has(t));
  for (let r = 0; r < rowCount(grid); r++) if (codes.has(textAt(grid, r, layout.labelCol).trim())) return true;
  return false;
}

/** The unit rows of a generated table: the template's rows, then units outside it (SPEC §1, §4). */
export function generatedUnits(spec: TableSpec): string[] {
  const template: readonly string[] = spec.id === "2.1.1" ? UDVALG : BEVILLINGER;
  const extra = spec.table.units.filter((u) => !template.includes(u)).sort(templateOrder);
  return [...template, ...extra];
}

/** "Tabel A, B og C" of the ids written in place ("A", "B", "C"), in the template's order. */
function tableNames(ids: string[]): string {
  const names = ids.map((id) => id.replace(":", " – ")); // "A:Overførsler" → "A – Overførsler"
  return names.length === 1 ? `Tabel ${names[0]}` : `Tabel ${names.slice(0, -1).join(", ")} og ${names[names.length - 1]}`;
}

/**
 * The generated sheet's content: for each table its title, header ("Bevilling", "Bevilling,
 * profitcenter mv." left for the administrations, years), unit rows, Total and footnote, in the
 * template's order (resultTables: 2.1.1, A–C, D, E; other områder after). `inPlace`: the tables
 * Beregn wrote where the workbook has them, named under the title so D and E here are read with
 * the A–C they follow in the template.
 */
export function generateSheet(
  sheet: string,
  specs: TableSpec[],
  years: number[],
  unitLabel: string,
  inPlace: { sheet: string; ids: string[] }[] = [],
): CellBlock {
  const block = new CellBlock(sheet);
  let r = 0;
  block.set(r, 0, textCell(`Tekniske tabeller til korrektioner i Kvantum (t.kr., ${unitLabel}) – dannet af Beregn`, true));
  // in the row under the title, one line for all ("Note:" first, as the footnotes: a line
  // starting "Tabel A" would be read as a table's title)
  const where = inPlace.filter((x) => x.ids.length).map((x) => `${tableNames(x.ids)} står i arket »${x.sheet}«`);
  if (where.length) block.set(1, 0, textCell(`Note: ${where.join("; ")}.`));
  r += 2;
  for (const spec of specs) {
    block.set(r, 0, textCell(spec.title, true));
    r++;
    block.set(r, 0, textCell(spec.id === "2.1.1" ? "Udvalg" : "Bevilling", true));
    block.set(r, 1, textCell(spec.id === "2.1.1" ? "" : "Bevilling, profitcenter mv.", true));
    if (spec.id === "2.1.1") block.cells.delete(`${r},1`);
    // the years over their numbers: right-aligned as the amounts below
    years.forEach((y, k) => block.set(r, 2 + k, { value: y, bold: true, numberFormat: "0", align: "right" }));
    r++;
    for (const unit of [...generatedUnits(spec), "Total"]) {
      const bold = unit === "Total";
      const label = textCell(unit === "Total" ? "Total" : (UNIT_NAMES[unit] ?? unit), bold);
      // koncernenhederne (KS, KIT, KEJD, BYKBH) are part of ØU: indented under it, as in the template
      if ((OEU_GROUP_UNITS as readonly string[]).includes(unit)) label.indent = 1;
      block.set(r, 0, label);
      years.forEach((_, yi) => block.set(r, 2 + yi, amountCell(shownAt(spec.table, unit, yi), bold)));
      r++;
    }
    // "Note:" first, so the footnote is never read as a table title ("Måltalseffekt…" is 2018's)
    block.set(r, 0, textCell(`Note: ${spec.footnote}`));
    r += 2;
  }
  return block;
}

export type { WriteCell };
