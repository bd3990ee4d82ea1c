/**
 * beregn katalog <mapper eller filer…> -o katalog.xlsx [--format …] [--angivet katalog.xlsx]
 * [--json rapport.json] (issue 11): the annex's summary tables built from a folder of proposals,
 * and a stated catalogue checked against them. Every workbook is read and computed as Valider
 * does; a file that cannot be read is listed with its reason and the run goes on. Exit 1 when a
 * file could not be read or the stated catalogue has an error, else 0; 2 when nothing could be
 * done (no output, unknown format, no catalogue in --angivet).
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Finding } from "../../engine/model";
import type { ProfileName } from "../../engine/model";
import { rollupGroups, rollupSum } from "../../engine/rollup";
import {
  buildCatalogue,
  type Catalogue,
  type CatalogueEntry,
  type CatalogueFormat,
  formatForProfiles,
  isCatalogueFormat,
} from "../../catalogue/catalogue";
import { compareCatalogue, type Mismatch, matchLines } from "../../catalogue/compare";
import { type CatalogueNote, catalogueGrids } from "../../catalogue/layout";
import { readStatedCatalogue, type StatedCatalogue } from "../../catalogue/stated";
import { validateWorkbook } from "../../workbook";
import type { Grid } from "../../workbook/types";
import { FileRefusal, gridsToWorkbook, saveWorkbook } from "../../xlsx";
import type { Options } from "../args";
import { EXIT, UsageError } from "../errors";
import { checkWritable, collectWorkbooks } from "../files";
import type { Output } from "../io";
import { readGridsFromFile } from "../readGrids";
import { SEVERITY_DA } from "../summary";

export interface KatalogOptions extends Options {
  format?: string;
  angivet?: string;
}

/** Progress on stderr: a bar on a terminal, a line per 25 files otherwise (issue 11). */
function progress(total: number, io: Output, tty: boolean): (done: number) => void {
  if (tty)
    return (done) => {
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      process.stderr.write(
        `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} projektmapper${done === total ? "\n" : ""}`,
      );
    };
  return (done) => {
    if (done % 25 === 0 || done === total) io.err(`${done}/${total} projektmapper læst`);
  };
}

const num = (d: { toNumber(): number }) => d.toNumber();
const byArea = (m: Partial<Record<string, { toNumber(): number }>>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, num(v as { toNumber(): number })]));

/** The --json report, exactly issue 11's shape: amounts exact, in t.kr., in the proposals' sign convention. */
export function catalogueJson(cat: Catalogue, mismatches: Mismatch[]) {
  const lines = cat.lines.map((l) => ({
    file: l.file,
    sheet: l.sheet,
    id: l.number ?? l.rollup.id,
    title: l.rollup.title,
    udvalg: l.rollup.udvalg,
    kind: l.rollup.kind,
    marker: l.marker,
    investment: byArea(l.rollup.investmentByArea),
    effect: byArea(l.rollup.effectByArea),
    effectByYear: Object.fromEntries(Object.entries(l.rollup.effectByYear).map(([y, v]) => [y, num(v)])),
    payback: l.rollup.payback,
    findings: l.rollup.findings,
  }));
  const groups = rollupGroups(
    cat.lines.map((l) => l.rollup),
    (r) => r.udvalg ?? "ukendt",
  );
  const total = rollupSum(cat.lines.map((l) => l.rollup));
  return {
    format: cat.spec.format,
    lines,
    byUdvalg: Object.fromEntries(
      [...groups].map(([u, s]) => [u, { count: s.count, innovation: s.innovation, investment: num(s.investment), effect: num(s.effect) }]),
    ),
    totals: { investment: num(total.investment), effect: num(total.effect) },
    // rounding notes (info) are on the Kontrol sheet and in the output, not here
    mismatches: mismatches
      .filter((m) => m.severity !== "info")
      .map((m) => ({ id: m.id, field: m.field, stated: m.stated, computed: m.computed, location: m.location })),
  };
}

export async function runKatalog(
  paths: string[],
  options: KatalogOptions,
  io: Output,
  tty = process.stderr.isTTY === true,
): Promise<number> {
  const target = options.output;
  if (!target) throw new UsageError("beregn katalog skal have -o <katalog.xlsx>");
  if (!/\.xlsx$/i.test(target)) throw new UsageError(`uddatafilen skal hedde .xlsx: ${target}`);
  if (options.format !== undefined && !isCatalogueFormat(options.format))
    throw new UsageError(`--format skal være investering-2025, tvaergaaende-2025 eller 2018 (fik "${options.format}")`);
  checkWritable(target, options.overskriv);
  const same = (a: string, b: string) => path.resolve(a) === path.resolve(b);
  const files = collectWorkbooks(paths).filter((f) => !same(f, target) && !(options.angivet && same(f, options.angivet)));
  if (files.length === 0) throw new UsageError("ingen .xlsx- eller .xlsm-filer fundet");

  const notes: CatalogueNote[] = [];
  const entries: CatalogueEntry[] = [];
  const profiles: ProfileName[] = [];
  const catalogueSheets: { file: string; grids: Grid[] }[] = [];
  let unreadable = 0;
  const tick = progress(files.length, io, tty);
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    try {
      const grids = await readGridsFromFile(file);
      const { reading, results } = validateWorkbook(grids);
      if (reading.proposals.length === 0) {
        // a sheet in the folder holding a summary table is the stated catalogue
        catalogueSheets.push({ file, grids });
      }
      reading.proposals.forEach((found, k) => {
        const result = results[k];
        if (!result) {
          notes.push({
            file,
            location: found.sheet,
            code: "STRUCTURE",
            message: "forslaget kan ikke beregnes; kør beregn valider på filen",
          });
          return;
        }
        entries.push({ file, sheet: found.sheet, result });
        profiles.push(found.template);
      });
    } catch (e) {
      if (!(e instanceof FileRefusal)) throw e;
      unreadable++;
      notes.push({ file, location: "", code: e.code, message: e.message });
      io.out(`${file}: fejl ${e.code} ${e.message}`);
    }
    tick(i + 1);
  }
  const format: CatalogueFormat = (options.format as CatalogueFormat | undefined) ?? formatForProfiles(profiles);

  let stated: StatedCatalogue | undefined;
  let statedFile: string | undefined;
  if (options.angivet) {
    let grids: Grid[];
    try {
      grids = await readGridsFromFile(options.angivet);
    } catch (e) {
      if (e instanceof FileRefusal) throw new UsageError(`${options.angivet}: ${e.message}`);
      throw e;
    }
    stated = readStatedCatalogue(grids, format);
    if (!stated)
      throw new UsageError(
        `${options.angivet}: intet katalog i formatet ${format} fundet (en tabel med overskriften "Tabel …" og linjer pr. forslag)`,
      );
    statedFile = options.angivet;
  } else
    for (const c of catalogueSheets) {
      stated = readStatedCatalogue(c.grids, format);
      if (stated) {
        statedFile = c.file;
        break;
      }
    }
  for (const c of catalogueSheets)
    if (c.file !== statedFile)
      notes.push({
        file: c.file,
        location: "",
        code: "STRUCTURE",
        message: "ingen Tabel 1 med forslagets tal fundet; filen indgår ikke i kataloget",
      });

  const facts = stated
    ? (number: string | null, title: string) => {
        const s = matchLines(stated.lines, [{ number, title }]).get(0);
        if (!s) return undefined;
        const kind = s.proposalType ? (/foranalyse/i.test(s.proposalType) ? ("preliminary" as const) : ("innovation" as const)) : undefined;
        return { table: s.table, group: s.group || undefined, marker: s.marker, approvedWith: s.approvedWith || undefined, kind };
      }
    : undefined;
  const cat = buildCatalogue(entries, format, facts);
  const comparison = stated ? compareCatalogue(cat, stated) : { mismatches: [], findings: [] as Finding[] };
  const statedLabel = statedFile ? path.basename(statedFile) : "";
  for (const f of comparison.findings)
    notes.push({ file: statedLabel, location: f.location, code: `${f.code} (${SEVERITY_DA[f.severity]})`, message: f.message });

  // the catalogue: one line per proposal, linked relative to where the catalogue is written
  const outDir = path.dirname(path.resolve(target));
  const linkPath = (file: string) => path.relative(outDir, path.resolve(file)).split(path.sep).join("/");
  const layout = catalogueGrids(cat, { linkPath, notes, files: files.length });
  const wb = gridsToWorkbook(layout.grids, layout.widths);
  for (const ws of wb.worksheets)
    ws.pageSetup = { ...ws.pageSetup, orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  for (const [sheet, cells] of Object.entries(layout.bold)) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    for (const a of cells) ws.getCell(a).font = { bold: true };
    for (const a of layout.wrap[sheet] ?? []) ws.getCell(a).alignment = { wrapText: true, vertical: "bottom" };
    // ExcelJS fits no row height: 15 points a line
    for (const [row, lines] of Object.entries(layout.rowLines[sheet] ?? {})) ws.getRow(Number(row)).height = 15 * lines;
  }
  styleLinks(wb);
  await saveWorkbook(wb, target);

  for (const l of cat.lines)
    io.out(
      `${l.file}:${l.sheet}: ${l.number ?? l.rollup.title} ${l.group} – ${l.rollup.findings.error} fejl, ${l.rollup.findings.warning} advarsler`,
    );
  for (const f of comparison.findings)
    io.out(`${statedLabel}${f.location ? ":" + f.location : ""}: ${SEVERITY_DA[f.severity]} ${f.code} ${f.message}`);
  const errors = comparison.findings.filter((f) => f.severity === "error").length;
  io.err(
    `Katalog (${format}) skrevet: ${target} – ${cat.lines.length} forslag fra ${files.length - unreadable} projektmapper` +
      (unreadable ? `, ${unreadable} kunne ikke læses` : "") +
      (stated ? `; ${errors} uoverensstemmelser med ${statedLabel}` : ""),
  );
  if (options.json) {
    const fs = await import("node:fs");
    fs.writeFileSync(options.json, JSON.stringify(catalogueJson(cat, comparison.mismatches), null, 2) + "\n", "utf8");
  }
  return unreadable > 0 || errors > 0 ? EXIT.findings : EXIT.ok;
}

/** HYPERLINK cells look like links: blue, underlined (as Excel styles a typed link). */
function styleLinks(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === "object" && typeof v.formula === "string" && v.formula.startsWith("HYPERLINK("))
          cell.font = { ...(cell.font ?? {}), color: { argb: "FF0563C1" }, underline: true };
      }),
    ),
  );
}
