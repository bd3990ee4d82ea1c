/**
 * The sheet "Kontrol" (issue 10): the run's audit report, rewritten whole by each Beregn. A head
 * with the time, the template and the settings used; one section per proposal in three parts:
 * (1) the findings of the workbook before the first Beregn, (2) what Beregn changed (cell, før,
 * efter, the finding behind it; rows added; same-value formulas counted per table), (3) what
 * still holds. Severity in words, the code last; each location a link to its cell.
 */
import Decimal from "decimal.js";
import type { Finding, Settings, Severity } from "../engine/model";
import { changeLocation, changeWords, danishTime, danishValue, type AuditReport, type ChangeLine, type ProposalAudit } from "./audit";
import { AMOUNT_FORMAT, CellBlock } from "./blocks";
import { quoteSheet, splitLocation } from "./grid";
import type { PageSetup, WriteCell } from "./types";
import { withinExcel } from "../engine/amountText";

export const SEVERITY_DA: Record<Severity, string> = { error: "fejl", warning: "advarsel", info: "info" };
/** Severity as Kontrol and the notes show it. */
export const SEVERITY_WORD: Record<Severity, string> = { error: "Fejl", warning: "Advarsel", info: "Info" };
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The templates by their Danish names. */
export const TEMPLATE_NAMES: Record<string, string> = {
  "kk-2025": "Skabelon 2025",
  "kk-2018": "Skabelon 2018",
  "kk-2016": "Skabelon 2016",
};

/** Kontrol's columns (0-based) and widths in characters. */
export const KONTROL_COLUMNS = [
  { title: "Alvor", width: 11 },
  { title: "Placering", width: 24 },
  { title: "Besked", width: 70 },
  { title: "Før", width: 26 },
  { title: "Efter", width: 26 },
  { title: "Kode", width: 22 },
];
/** The header row (1-based "4:4"), repeated on each printed page. */
export const KONTROL_HEADER_ROW = 3;

/** A link formula to a location "Ark!C12"; plain text when the location is not a cell. */
export function locationCell(location: string): WriteCell {
  const first = location.split(/[,;]\s*/)[0];
  const at = splitLocation(first);
  if (!at) return { value: location };
  const target = `#${quoteSheet(at.sheet)}!${at.address}`.replace(/"/g, '""');
  const text = `${at.sheet}!${at.address}`.replace(/"/g, '""');
  return { formula: `=HYPERLINK("${target}","${text}")`, link: true };
}

function percent(d: Decimal): string {
  return `${d.times(100).toString().replace(".", ",")} %`;
}

/** The settings used, in words (SPEC §9). */
export function settingsLine(s: Settings): string {
  const parts = [
    `diskonteringsrente ${percent(s.discountRate)}`,
    s.paybackLimitYears === null ? "ingen grænse for tilbagebetalingstid" : `grænse for tilbagebetalingstid ${s.paybackLimitYears} år`,
    `måltal: ${s.maaltalPolicy === "net" ? "nettobesparere (2018)" : "standard"}`,
    `Tabel 2.1.1 af Tabel ${s.tabel211Basis}`,
    `afrundingstolerance ${s.roundingTolerance === "half-n" ? "⌊(n+1)/2⌋" : String(s.roundingTolerance)}`,
    `årstimenorm ${s.hoursPerYear.toString().replace(".", ",")} timer`,
    `noter i cellerne ${s.cellNotes ? "til" : "fra"}`,
  ];
  return `Indstillinger: ${parts.join(" · ")}`;
}

function countLine(findings: Finding[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const w = n("warning");
  return `${n("error")} fejl · ${w} ${w === 1 ? "advarsel" : "advarsler"} · ${n("info")} info`;
}

const sorted = (findings: Finding[]) =>
  findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);

const text = (value: string, extra: Partial<WriteCell> = {}): WriteCell => ({ value, ...extra });

/** Før/efter of a change: the number itself for one cell, the values in order for a run. */
function valuesCell(values: (string | number | boolean | null)[]): WriteCell {
  // a sum past Excel's range (two inputs of 1e308, issue 13) is said in words, never written as a number
  if (values.length === 1 && typeof values[0] === "number" && withinExcel(values[0]))
    return { value: values[0], numberFormat: AMOUNT_FORMAT, align: "right" };
  return text(values.map(danishValue).join("; "), { wrap: true, align: values.every((v) => typeof v === "number") ? "right" : "left" });
}

class Rows {
  r: number;
  constructor(
    readonly block: CellBlock,
    start: number,
  ) {
    this.r = start;
  }
  heading(s: string): void {
    this.block.set(this.r++, 0, text(s, { bold: true }));
  }
  line(cells: (WriteCell | undefined)[]): void {
    cells.forEach((c, i) => c && this.block.set(this.r, i, c));
    this.r++;
  }
  blank(): void {
    this.r++;
  }
}

function findingRow(rows: Rows, f: Finding): void {
  rows.line([
    text(SEVERITY_WORD[f.severity]),
    f.location ? locationCell(f.location) : undefined,
    text(f.message, { wrap: true }),
    undefined,
    undefined,
    text(f.code),
  ]);
}

function changeRow(rows: Rows, c: ChangeLine): void {
  const f = c.finding;
  const label = c.after.find((v) => typeof v === "string" && readableLabel(v));
  const message =
    c.kind === "added"
      ? `Række tilføjet${typeof label === "string" ? `: ${label}` : ""}${f ? ` (${f.message})` : ""}`
      : (f?.message ?? "Beregns værdi");
  rows.line([
    f ? text(SEVERITY_WORD[f.severity]) : undefined,
    locationCell(changeLocation(c)),
    text(message, { wrap: true }),
    valuesCell(c.before),
    valuesCell(c.after),
    f ? text(f.code) : undefined,
  ]);
}

/** A text that names something (a unit), not a number typed as text. */
function readableLabel(v: string): boolean {
  return /[A-Za-zÆØÅæøå]/.test(v);
}

function section(rows: Rows, p: ProposalAudit): void {
  rows.heading(`Forslag: ${p.title}`);
  rows.heading(`1. Fund i projektmappen før Beregn: ${countLine(p.before)}`);
  if (p.before.length === 0) rows.line([undefined, undefined, text("Ingen fund")]);
  for (const f of sorted(p.before)) findingRow(rows, f);
  rows.blank();
  rows.heading(`2. Ændret af Beregn: ${changeWords(p.changes)}`);
  if (p.changes.length === 0 && p.sameValue.length === 0 && !p.textFixed) rows.line([undefined, undefined, text("Ingen celler ændret")]);
  for (const c of p.changes) changeRow(rows, c);
  for (const s of p.sameValue)
    rows.line([
      undefined,
      undefined,
      text(`${s.table}: ${s.count} ${s.count === 1 ? "celle" : "celler"} har samme værdi som før (nu skrevet af Beregn)`, {
        wrap: true,
      }),
    ]);
  if (p.textFixed)
    rows.line([
      undefined,
      undefined,
      text(
        `Tabel 1: ${p.textFixed === 1 ? "1 tal skrevet som tekst er gjort til tal" : `${p.textFixed} tal skrevet som tekst er gjort til tal`} med samme værdi (Ret tal skrevet som tekst), så Excels SUM tæller ${p.textFixed === 1 ? "det" : "dem"} med.`,
        { wrap: true },
      ),
    ]);
  if (p.valuesForText)
    rows.line([
      undefined,
      undefined,
      text(
        `Tabel 1: ${p.valuesForText} ${p.valuesForText === 1 ? "sum er skrevet" : "summer er skrevet"} som tal, ikke formler, fordi rækkerne har tal skrevet som tekst, som Excels SUM ikke tæller med. Brug "Ret tal skrevet som tekst" (i Beregn-ruden eller beregn ret-tal), og kør Beregn igen, så bliver summerne formler.`,
        { wrap: true },
      ),
    ]);
  rows.blank();
  rows.heading(`3. Fund efter Beregn: ${countLine(p.after)}`);
  if (p.after.length === 0) rows.line([undefined, undefined, text("Ingen fund")]);
  for (const f of sorted(p.after)) findingRow(rows, f);
  rows.blank();
}

export function kontrolSheet(sheet: string, report: AuditReport): CellBlock {
  const block = new CellBlock(sheet);
  block.set(0, 0, text("Kontrol: hvad Beregn fandt og ændrede", { bold: true }));
  block.set(
    1,
    0,
    text(`Beregnet ${danishTime(report.time)} · ${TEMPLATE_NAMES[report.profile] ?? report.profile} · Beregn ${report.version}`),
  );
  block.set(2, 0, text(settingsLine(report.settings)));
  KONTROL_COLUMNS.forEach((c, i) => block.set(KONTROL_HEADER_ROW, i, text(c.title, { bold: true })));
  const rows = new Rows(block, KONTROL_HEADER_ROW + 1);
  for (const p of report.proposals) section(rows, p);
  return block;
}

/** Kontrol and the generated Kvantum sheets print on A4 landscape, one page wide. */
export function printSetup(sheet: string, headerRow?: number): PageSetup {
  const s: PageSetup = { sheet, orientation: "landscape", paperSize: "A4", fitToWidth: true };
  if (headerRow !== undefined) s.printTitleRows = `${headerRow + 1}:${headerRow + 1}`;
  return s;
}
