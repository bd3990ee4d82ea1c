/**
 * readWorkbook (docs/CONTRACTS.md): every Tabel 1 in the workbook becomes one FoundProposal, with
 * the keys, transfers and stated tables that belong to it, a location per number, and the
 * reader's findings. Sheets Beregn made ("Kontrol", "_beregn", its "Kvantum") are not read as
 * input; their tables are remembered for "Forklar" and for rewriting.
 */
import type { Finding, ProfileName } from "../engine/model";
import type { KeyInput, ProposalInput, TransferInput, YearValuesInput } from "../engine/input";
import { BEVILLINGER, FORVALTNING_TO_UDVALG, OUTSIDE_TEMPLATE_UNITS, UDVALG } from "../engine/units";
import { canonicalUnit } from "../engine/units";
import type { FoundProposal, WorkbookReading } from "./api";
import { BEREGN_SHEET, readBeregnSheet, type BeregnData } from "./beregnSheet";
import { fingerprint } from "./hash";
import { colCount, loc, rowCount, textAt, rowIndices, rowWidth } from "./grid";
import { classifyTabel1Label, isPlaceholder, squeeze } from "./labels";
import type { ProposalLayout, TableLayout } from "./layout";
import { ReadContext } from "./readContext";
import { kvantumBaseName } from "./sheetNames";
import { findKeyTables, type KeyTableFound } from "./readKeys";
import { findStatedTables, readStatedTable } from "./readStatedTables";
import { findTabel1Headers, readTabel1, type Tabel1Reading } from "./readTabel1";
import { findTransferBlocks, type TransferBlockFound } from "./readTransfers";
import type { Grid } from "./types";

export const KONTROL_SHEET = "Kontrol";

/** Sheets Beregn made (listed in "_beregn"), lower case. */
export function ownSheetNames(beregn: BeregnData | undefined): Set<string> {
  return new Set((beregn?.ownSheets ?? []).map((s) => s.name.toLowerCase()));
}

interface Candidate {
  grid: Grid;
  t1: Tabel1Reading;
  regionStart: number;
}

export function readWorkbook(grids: Grid[]): WorkbookReading {
  const beregn = readBeregnSheet(grids);
  const own = ownSheetNames(beregn);
  const findings: Finding[] = [];
  const candidates: Candidate[] = [];
  const keyTables: KeyTableFound[] = [];
  const transferBlocks: TransferBlockFound[] = [];
  const tables: TableLayout[] = [];

  for (const grid of grids) {
    const name = grid.name.toLowerCase();
    if (name === BEREGN_SHEET) continue;
    const isOwn = own.has(name);
    const isKontrol = name === KONTROL_SHEET.toLowerCase() || (isOwn && name.startsWith(KONTROL_SHEET.toLowerCase()));
    if (isKontrol) continue; // findings text ("Tabel A … ") is not a table
    tables.push(...findStatedTables(grid, isOwn));
    if (isOwn) continue;
    const headers = findTabel1Headers(grid);
    headers.forEach((h, i) => {
      const stop = i + 1 < headers.length ? headers[i + 1].row : rowCount(grid);
      const prev =
        candidates.length && candidates[candidates.length - 1].grid === grid ? candidates[candidates.length - 1].t1.layout.lastRow + 1 : 0;
      candidates.push({ grid, t1: readTabel1(grid, h, stop), regionStart: prev });
    });
    keyTables.push(...findKeyTables(grid));
    transferBlocks.push(...findTransferBlocks(grid));
  }

  if (candidates.length === 0) {
    // point at a "Varige ændringer" marker without a year header when there is one
    let where = grids.find((g) => g.name !== BEREGN_SHEET)?.name ?? "";
    let marker = "";
    search: for (const g of grids) {
      if (g.name.toLowerCase() === BEREGN_SHEET || own.has(g.name.toLowerCase())) continue;
      for (const r of rowIndices(g))
        for (let c = 0; c < rowWidth(g, r); c++) {
          const t = textAt(g, r, c);
          if (t && classifyTabel1Label(t)?.kind === "permanentMarker") {
            where = loc(g.name, r, c);
            marker = t;
            break search;
          }
        }
    }
    findings.push({
      code: "STRUCTURE",
      severity: "error",
      message: marker
        ? `Ingen Tabel 1 fundet: "${marker}" står i ${where}, men der er ingen række med årstal (fx 2025–2030) lige over den`
        : 'Ingen Tabel 1 fundet: Beregn leder efter en række med årstal (fx 2025–2030) og mærket "Varige ændringer" lige under; tjek at tabellen har begge',
      location: where,
    });
  }

  /** The proposal an element on (sheet, row) belongs to: the last Tabel 1 above it on its sheet. */
  const owner = (sheet: string, row: number): number | undefined => {
    const onSheet = candidates.map((c, i) => ({ c, i })).filter(({ c }) => c.grid.name === sheet);
    if (onSheet.length) {
      const above = onSheet.filter(({ c }) => c.t1.layout.headerRow <= row);
      return (above.length ? above[above.length - 1] : onSheet[0]).i;
    }
    return candidates.length === 1 ? 0 : undefined;
  };

  const proposals: FoundProposal[] = candidates.map((cand, index) => {
    const { grid, t1 } = cand;
    const ctx = t1.ctx;
    const years = t1.layout.years;
    const input: ProposalInput = { id: grid.name, years, rows: t1.rows };
    const sameSheet = candidates.filter((c) => c.grid === grid);
    if (sameSheet.length > 1) input.id = `${grid.name} (${sameSheet.indexOf(cand) + 1})`;
    readHeading(grid, cand.regionStart, t1.layout.headerRow, ctx, input);
    if (t1.priceLevel) input.priceLevel = t1.priceLevel;

    // keys: referenced by name from the Bevilling/Nøgle columns, else by position
    const refs = new Set<string>();
    for (const r of t1.rows) for (const v of [r.unit, r.key]) if (v && !canonicalUnit(v)) refs.add(v);
    const keys: Record<string, KeyInput> = {};
    keyTables.forEach((kt, k) => {
      const named = [...refs].find((ref) => squeeze(ref) === squeeze(kt.rest) || squeeze(kt.title).includes(squeeze(ref)));
      if (!named && owner(kt.sheet, kt.titleRow) !== index) return;
      let name = named ?? (kt.rest || `nøgle ${k + 1}`);
      if (keys[name]) name = `${name} (${k + 1})`;
      const key = kt.read(ctx, name);
      key.note = kt.title;
      keys[name] = key;
    });
    if (Object.keys(keys).length) input.keys = keys;

    const transfers: TransferInput[] = [];
    for (const tb of transferBlocks) {
      if (owner(tb.sheet, tb.titleRow) !== index) continue;
      transfers.push(...tb.read(ctx, transfers.length, years, { cols: t1.layout.yearCols, years }));
    }
    if (transfers.length) input.transfers = transfers;

    // stated tables (not Beregn's own output)
    // Beregn's generated tables belong to the proposal they were made for (sheetNames.ts)
    const kvantumName = kvantumBaseName(grid.name, candidates.length).toLowerCase();
    const mine = tables.filter((t) =>
      t.generated ? candidates.length === 1 || t.sheet.toLowerCase().startsWith(kvantumName) : owner(t.sheet, t.titleRow) === index,
    );
    const stated: NonNullable<ProposalInput["stated"]> = {};
    if (Object.keys(t1.statedTotals).length) stated.totals = t1.statedTotals;
    if (t1.statedPayback.service !== undefined || t1.statedPayback.total !== undefined) stated.payback = t1.statedPayback;
    const seen = new Set<string>();
    for (const t of mine) {
      if (t.generated) continue;
      if (seen.has(t.id)) {
        ctx.add(
          "STRUCTURE",
          "info",
          `Tabel ${t.id} findes flere gange; kun den første er kontrolleret`,
          loc(t.sheet, t.titleRow, t.titleCol),
        );
        continue;
      }
      seen.add(t.id);
      const tGrid = grids.find((g) => g.name === t.sheet) as Grid;
      if (t.id === "admin") {
        const total = t.unitRows.find((u) => u.unit === "Total") ?? (t.unitRows.length === 1 ? t.unitRows[0] : undefined);
        if (!total) continue;
        const series = readStatedTable(tGrid, { ...t, unitRows: [total] }, ctx, years);
        const s = Object.values(series)[0];
        if (s) stated.admin = s;
      } else if (t.id === "2.1.1") stated.committees = readStatedTable(tGrid, t, ctx, years);
      else if (/^[A-E]$/.test(t.id)) {
        stated.kvantum ??= {};
        stated.kvantum[t.id] = readStatedTable(tGrid, t, ctx, years) as Record<string, YearValuesInput>;
      }
    }
    if (Object.keys(stated).length) input.stated = stated;

    fillTableFallbacks(ctx.locations, input, grid.name);
    input.profile = profileOf(t1, mine);
    if (beregn?.settings) input.settings = { ...beregn.settings };

    const findingsOut = [...ctx.findings];
    if (t1.inferred.length) {
      const firstInferred = t1.layout.inputRows.find((r) => r.block === "permanent" && t1.rows[r.index].type !== undefined);
      const n = t1.inferred.length;
      findingsOut.push({
        code: "TYPE_INFERRED",
        severity: "info",
        message: `${n} ${n === 1 ? "rækketype gættet" : "rækketyper gættet"} ud fra tekst eller fortegn: ${t1.inferred.join("; ")}`,
        location: firstInferred ? (ctx.locations[`rows[${firstInferred.index}].label`] ?? grid.name) : grid.name,
      });
    }
    const inputCells = [...ctx.inputCells.keys()].sort();
    const layout: ProposalLayout = {
      tabel1: t1.layout,
      tables: mine,
      fingerprint: fingerprint(inputCells.map((k) => `${k}=${ctx.inputCells.get(k)}`).join("\n")),
      inputCells,
    };
    return {
      sheet: grid.name,
      template: input.profile as ProfileName,
      input,
      locations: ctx.locations,
      inferred: t1.inferred,
      findings: findingsOut,
      layout,
    };
  });

  const reading: WorkbookReading = { proposals, findings };
  if (beregn?.settings) reading.settings = beregn.settings;
  if (beregn?.stamp) reading.stamp = beregn.stamp;
  return reading;
}

/** SPEC §8: 2016 by its labels; 2018 by "Aggregeret", its annex wording, or years before 2020. */
function profileOf(t1: Tabel1Reading, tables: TableLayout[]): ProfileName {
  if (t1.looks2016) return "kk-2016";
  if (t1.looks2018 || tables.some((t) => t.wording2018 && !t.generated)) return "kk-2018";
  if (t1.layout.years[0] < 2020) return t1.layout.years[0] <= 2016 ? "kk-2016" : "kk-2018";

  return "kk-2025";
}

/** Title, presenting administration and template text in the rows above Tabel 1. */
function readHeading(grid: Grid, from: number, headerRow: number, ctx: ReadContext, input: ProposalInput): void {
  const width = colCount(grid);
  const right = (r: number, c: number): { text: string; col: number } | undefined => {
    for (let k = c + 1; k < width; k++) {
      const t = textAt(grid, r, k);
      if (t) return { text: t, col: k };
    }
    return undefined;
  };
  for (let r = from; r < headerRow; r++)
    for (let c = 0; c < width; c++) {
      const t = textAt(grid, r, c);
      if (!t) continue;
      if (ctx.checkPlaceholder(grid, r, c)) continue;
      const s = squeeze(t);
      if (/^(titel|forslagets titel|forslagets navn|overskrift)$/.test(s) && input.title === undefined) {
        const v = right(r, c);
        if (v && !isPlaceholder(v.text)) {
          input.title = v.text.replace(/[\s\u00a0]+/g, " ");
          ctx.at("title", grid, r, v.col);
          ctx.useInput(grid, r, v.col);
        }
      } else if (/^(indstillende |ansvarlig |præsenterende )?forvaltning$/.test(s) && input.presenting === undefined) {
        const v = right(r, c);
        if (v && !isPlaceholder(v.text)) input.presenting = forvaltningCode(v.text);
      } else if (/^(forslag\s*\d+|bc\s?\d+)\b/.test(s) && input.title === undefined) {
        input.title = t.replace(/[\s\u00a0]+/g, " ");
        ctx.at("title", grid, r, c);
      }
    }
}

/** "TMF" stays; "Teknik- og Miljøforvaltningen" → "TMF". */
function forvaltningCode(text: string): string {
  const t = text.trim();
  if (/^[A-ZÆØÅ]{2,6}$/.test(t)) return t;
  const udvalg = canonicalUnit(t);
  const f = Object.entries(FORVALTNING_TO_UDVALG).find(([, u]) => u === udvalg);
  return f ? f[0] : t;
}

const UNIT_CODES = [...BEVILLINGER, ...UDVALG, ...Object.keys(OUTSIDE_TEMPLATE_UNITS), ...Object.keys(FORVALTNING_TO_UDVALG), "Total"];

/**
 * A finding about a unit with no row in a stated table (the engine's new row for
 * Borgerrådgiveren, say) points at the table; a finding about a table the workbook lacks points
 * at the sheet the other tables are on. So no finding from a workbook carries a JSON path.
 */
function fillTableFallbacks(locations: Record<string, string>, input: ProposalInput, sheet: string): void {
  const units = new Set<string>(UNIT_CODES);
  for (const k of Object.values(input.keys ?? {})) for (const u of Object.keys(k.weights)) units.add(u);
  for (const r of input.rows) for (const u of [r.unit, r.key]) if (u) units.add(u);
  for (const t of input.transfers ?? []) for (const u of [t.from, t.to]) units.add(u);
  const bases = ["stated.committees", ...["A", "B", "C", "D", "E"].map((t) => `stated.kvantum.${t}`)];
  const found = bases.find((b) => locations[b]);
  const tablesSheet = found ? locations[found].slice(0, locations[found].lastIndexOf("!")) : sheet;
  for (const base of bases) {
    const range = locations[base];
    if (!range) {
      locations[base] = tablesSheet;
      continue;
    }
    for (const u of units) {
      locations[`${base}.${u}`] ??= range;
      for (const y of input.years) locations[`${base}.${u}.${y}`] ??= range;
    }
  }
}
