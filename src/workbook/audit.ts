/**
 * The run's audit (issue 10): what the workbook held before the first Beregn, what Beregn
 * changed, and what still holds. The data behind the "Kontrol" sheet, the notes at the findings'
 * cells and the status line beside Tabel 1. Pure. The workbook before the first Beregn is
 * rebuilt from the undo data in "_beregn" (beregnSheet.ts), which chains back to it, so a second
 * Beregn on an unchanged workbook reports the same.
 */
import Decimal from "decimal.js";
import { readAmount } from "../engine/amountText";
import type { Finding, ProfileName, Settings } from "../engine/model";
import type { SettingsInput } from "../engine/settings";
import { applyPlanToGrids } from "./applyPlan";
import { BEREGN_SHEET, type NoteUndo, type UndoEntry } from "./beregnSheet";
import { validateWorkbook } from "./compute";
import { a1, cellAt, findGrid, isBlank, parseA1, parseRange, rangeA1, rowCount, rowWidth, splitLocation } from "./grid";
import { decodeContent } from "./hash";
import type { ProposalLayout } from "./layout";
import type { CellValue, Grid, NoteWrite, RangeWrite } from "./types";
import { OUTSIDE_EXCEL, withinExcel } from "../engine/amountText";

/** One run of cells in a row whose shown value Beregn changed, with the finding behind it. */
export interface ChangeLine {
  sheet: string;
  row: number;
  c1: number;
  c2: number;
  before: CellValue[];
  after: CellValue[];
  /** corrected: a stated value replaced; filled: a blank cell of a table filled; added: a blank row made a table row. */
  kind: "corrected" | "filled" | "added";
  finding?: Finding;
}

export interface ProposalAudit {
  /** "2025-BC02 (arket 2025-BC02)". */
  title: string;
  sheet: string;
  /** (a) findings of the workbook before the first Beregn. */
  before: Finding[];
  /** (b) cells whose shown value Beregn changed, and rows it added. */
  changes: ChangeLine[];
  /** (b) typed values that became formulas with the same value, per table ("Tabel 1" → 24). */
  sameValue: { table: string; count: number }[];
  /** Tabel 1 sums written as values because inputs are numbers typed as text (not formulas). */
  valuesForText: number;
  /** Input numbers typed as text that "Ret tal skrevet som tekst" made numbers (fixTextNumbers.ts). */
  textFixed: number;
  /** (c) findings that still hold after the write. */
  after: Finding[];
}

export interface AuditReport {
  time: Date;
  profile: ProfileName;
  version: string;
  settings: Settings;
  proposals: ProposalAudit[];
}

const lower = (s: string) => s.toLowerCase();

/**
 * The workbook as it was before the first Beregn: Beregn's own sheets and "_beregn" left out,
 * every cell of the undo data back to what it held, and Beregn's notes back to the user's.
 */
export function originalGrids(grids: Grid[], undo: UndoEntry[], notes: NoteUndo[], ownSheets: string[]): Grid[] {
  const drop = new Set([...ownSheets, BEREGN_SHEET].map(lower));
  const kept = grids.filter((g) => !drop.has(lower(g.name)));
  const writes: RangeWrite[] = [];
  for (const e of undo) {
    if (!findGrid(kept, e.sheet)) continue;
    const d = decodeContent(e.before);
    writes.push({ sheet: e.sheet, topLeft: e.address, cells: [[d.formula !== undefined ? { formula: d.formula } : { value: d.value }]] });
  }
  const noteWrites: NoteWrite[] = notes
    .filter((n) => findGrid(kept, n.sheet))
    .map((n) => ({ sheet: n.sheet, address: n.address, text: n.before }));
  return applyPlanToGrids(kept, { sheets: [], writes, notes: noteWrites });
}

/** Valider on the workbook before the first Beregn: the findings per proposal sheet, and the workbook's own. */
export function findingsBefore(original: Grid[], settings: SettingsInput): { bySheet: Map<string, Finding[]>; workbook: Finding[] } {
  const { reading, results } = validateWorkbook(original, settings);
  const bySheet = new Map<string, Finding[]>();
  reading.proposals.forEach((p, i) => {
    const own = results[i]?.findings ?? p.findings;
    bySheet.set(lower(p.sheet), [...(bySheet.get(lower(p.sheet)) ?? []), ...own]);
  });
  return { bySheet, workbook: reading.findings };
}

/** The value a reader sees: numbers and number text compare as numbers, blank as "". */
function shown(v: CellValue): string {
  if (isBlank(v)) return "";
  // a blank and a 0 (shown "-" by the amount format) read the same in a table
  if (typeof v === "number") return v === 0 ? "" : new Decimal(v).toString();
  const r = readAmount(v);
  if (r.ok) return r.value.isZero() ? "" : r.value.toString();
  return String(v).trim();
}

/** Every cell of a location ("Ark!G32:K32", several separated by ","), as "ark!r,c". */
export function locationCells(location: string): Set<string> {
  const out = new Set<string>();
  for (const part of location.split(/[,;]\s*/)) {
    const at = splitLocation(part.trim());
    if (!at) continue;
    const { r1, c1, r2, c2 } = parseRange(at.address.replace(/\$/g, ""));
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > 100000) continue;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.add(`${lower(at.sheet)}!${r},${c}`);
  }
  return out;
}

/** The table a cell belongs to, by the layout ("Tabel 1", "Tabel A", "Tabel 2.1.1"). */
export function tableOf(layout: ProposalLayout, sheet: string, row: number): string {
  const t1 = layout.tabel1;
  if (lower(t1.sheet) === lower(sheet) && row >= t1.headerRow && row <= t1.lastRow + 3) return "Tabel 1";
  const above = layout.tables
    .filter((t) => !t.generated && lower(t.sheet) === lower(sheet) && t.titleRow <= row)
    .sort((x, y) => y.titleRow - x.titleRow)[0];
  if (!above) return sheet;
  const [id, area] = above.id.split(":");
  const name = id === "admin" ? "Tabel 2 (administration)" : `Tabel ${id}`;
  return area ? `${name} (${area})` : name;
}

/**
 * (b): the cells of the undo data whose shown value differs between the workbook before the
 * first Beregn and after this one, in runs along a row that share the finding behind them.
 * `skip` are cells that annotate (the status line, the payback explanation), not results.
 */
export function changesOf(
  undo: UndoEntry[],
  original: Grid[],
  after: Grid[],
  before: Finding[],
  layout: (sheet: string) => ProposalLayout | undefined,
  skip: Set<string>,
): { changes: ChangeLine[]; sameValue: Map<string, number>; textFixed: number } {
  // cell → the findings located there, built once (a 15.000-row proposal has thousands of each)
  const byCell = new Map<string, { f: Finding; size: number }[]>();
  for (const f of before) {
    const cells = locationCells(f.location);
    for (const k of cells) {
      const list = byCell.get(k) ?? [];
      list.push({ f, size: cells.size });
      byCell.set(k, list);
    }
  }
  // a stated-value finding explains a changed cell better than a general one
  const rank = (f: Finding) => (f.severity === "error" ? 0 : f.severity === "warning" ? 1 : 2) + (f.code === "UNREADABLE" ? 5 : 0);
  const findingAt = (sheet: string, r: number, c: number): Finding | undefined =>
    [...(byCell.get(`${lower(sheet)}!${r},${c}`) ?? [])].sort((x, y) => rank(x.f) - rank(y.f) || x.size - y.size)[0]?.f;
  const rowBlank = (g: Grid, r: number) => {
    for (let c = 0, width = rowWidth(g, r); c < width; c++) if (!isBlank(cellAt(g, r, c))) return false;
    return true;
  };
  const changes: ChangeLine[] = [];
  const sameValue = new Map<string, number>();
  let textFixed = 0;
  // input cells by sheet (a stated table typed as text that Beregn rewrote is not one of them)
  const inputs = new Map<string, Set<string>>();
  const inputCell = (e: UndoEntry): boolean => {
    let set = inputs.get(e.sheet);
    if (!set) inputs.set(e.sheet, (set = new Set(layout(e.sheet)?.inputCells ?? [])));
    return set.has(`${e.sheet}!${e.address}`);
  };
  // in sheet, row, column order, whatever order the undo data was built in (idempotence)
  const at = (e: UndoEntry) => parseA1(e.address);
  const ordered = [...undo].sort((x, y) => x.sheet.localeCompare(y.sheet) || at(x).row - at(y).row || at(x).col - at(y).col);
  for (const e of ordered) {
    if (skip.has(`${e.sheet}!${e.address}`)) continue;
    const og = findGrid(original, e.sheet);
    const ag = findGrid(after, e.sheet);
    if (!og || !ag) continue;
    const { row, col } = parseA1(e.address);
    const b = cellAt(og, row, col);
    const a = cellAt(ag, row, col);
    if (shown(b) === shown(a)) {
      // "1.144" typed as text made the number 1144 at the user's request: the same amount, no formula
      if (typeof b === "string" && typeof a === "number" && inputCell(e)) {
        textFixed++;
        continue;
      }
      const l = layout(e.sheet);
      const table = l ? tableOf(l, e.sheet, row) : e.sheet;
      if (!isBlank(a)) sameValue.set(table, (sameValue.get(table) ?? 0) + 1);
      continue;
    }
    const finding = findingAt(e.sheet, row, col);
    const kind = row >= rowCount(og) || rowBlank(og, row) ? "added" : isBlank(b) ? "filled" : "corrected";
    const last = changes[changes.length - 1];
    if (last && last.sheet === e.sheet && last.row === row && last.c2 + 1 === col && last.finding === finding && last.kind === kind) {
      last.c2 = col;
      last.before.push(b);
      last.after.push(a);
    } else changes.push({ sheet: e.sheet, row, c1: col, c2: col, before: [b], after: [a], kind, finding });
  }
  return { changes, sameValue, textFixed };
}

/** "Ark!G32:K32" of a change line. */
export function changeLocation(c: ChangeLine): string {
  return `${c.sheet}!${c.c1 === c.c2 ? a1(c.row, c.c1) : rangeA1(c.row, c.c1, c.row, c.c2)}`;
}

const MONTHS_SHORT = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];
const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

/** The date and time in Copenhagen, by Intl with the time zone (daylight saving included). */
function copenhagen(time: Date): { day: number; month: number; year: number; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Copenhagen",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(time);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return { day: Number(get("day")), month: Number(get("month")), year: Number(get("year")), hour: get("hour"), minute: get("minute") };
}

/** "2. december 2026 kl. 18.14" (Danish, Copenhagen time). */
export function danishTime(time: Date): string {
  const t = copenhagen(time);
  return `${t.day}. ${MONTHS[t.month - 1]} ${t.year} kl. ${t.hour}.${t.minute}`;
}

/** "2. dec. 2026". */
export function danishShortDate(time: Date): string {
  const t = copenhagen(time);
  return `${t.day}. ${MONTHS_SHORT[t.month - 1]} ${t.year}`;
}

/** A cell value as Danish text for Kontrol: "-1.144", "tom". */
export function danishValue(v: CellValue): string {
  if (isBlank(v)) return "tom";
  if (typeof v === "number") return withinExcel(v) ? new Intl.NumberFormat("da-DK", { maximumFractionDigits: 6 }).format(v) : OUTSIDE_EXCEL;
  return String(v);
}

/** "3 værdier rettet, 1 advarsel – se Kontrol": the status line beside Tabel 1. */
export function changeCounts(changes: ChangeLine[]): { corrected: number; filled: number; added: number } {
  const cells = (k: ChangeLine["kind"]) => changes.filter((c) => c.kind === k).reduce((n, c) => n + c.c2 - c.c1 + 1, 0);
  return { corrected: cells("corrected"), filled: cells("filled"), added: changes.filter((c) => c.kind === "added").length };
}

/** "3 værdier rettet, 5 udfyldt, 1 række tilføjet" (no part that is 0, except the first). */
export function changeWords(changes: ChangeLine[]): string {
  const { corrected, filled, added } = changeCounts(changes);
  const parts = [`${corrected} ${corrected === 1 ? "værdi" : "værdier"} rettet`];
  if (filled) parts.push(`${filled} udfyldt`);
  if (added) parts.push(`${added} ${added === 1 ? "række" : "rækker"} tilføjet`);
  return parts.join(", ");
}

export function statusText(time: Date, changes: ChangeLine[], findings: Finding[]): string {
  const n = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  const parts = [changeWords(changes)];
  const errors = n("error");
  const warnings = n("warning");
  if (errors) parts.push(`${errors} fejl`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}`);
  if (!errors && !warnings) parts.push("ingen advarsler");
  return `Beregn ${danishShortDate(time)}: ${parts.join(", ")} – se Kontrol`;
}
