/**
 * readWorkbook (docs/CONTRACTS.md): every Tabel 1 in the workbook becomes one FoundProposal, with
 * the keys, transfers and stated tables that belong to it, a location per number, and the
 * reader's findings. Sheets Beregn made ("Kontrol", "_beregn", its "Kvantum") are not read as
 * input; their tables are remembered for "Forklar" and for rewriting.
 */
import type { Finding, ProfileName } from "../engine/model";
import type { KeyInput, ProposalInput, TransferInput, YearValuesInput } from "../engine/input";
import { readArea } from "../engine/input";
import { BEVILLINGER, FORVALTNING_TO_UDVALG, OUTSIDE_TEMPLATE_UNITS, UDVALG } from "../engine/units";
import { canonicalUnit } from "../engine/units";
import type { FoundProposal, WorkbookReading } from "./api";
import { BEREGN_SHEET, readBeregnSheet, type BeregnData } from "./beregnSheet";
import { fingerprint } from "./hash";
import { colCount, loc, rowCount, textAt, rowIndices, rowWidth } from "./grid";
import { classifyTabel1Label, isPlaceholder, parsePriceLevel, squeeze, yearRun } from "./labels";
import type { ProposalLayout, TableLayout } from "./layout";
import { ReadContext } from "./readContext";
import { kvantumBaseName } from "./sheetNames";
import { findDetailTables, readDetailTable } from "./readDetailTables";
import { findKeyTables, type KeyTableFound } from "./readKeys";
import { findStatedTables, readStatedTable } from "./readStatedTables";
import { classifyCaption, findTabel1Headers, readTabel1, type Tabel1Reading } from "./readTabel1";
import { findTransferBlocks, type TransferBlockFound } from "./readTransfers";
import type { Grid } from "./types";
import { quoteText } from "../engine/quote";

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
    if (grid.mergesUnread)
      findings.push({
        code: "STRUCTURE",
        severity: "warning",
        message: `Beregn kunne ikke læse de flettede celler på arket »${grid.name}« (Excel giver højst 512 flettede områder ad gangen). En celle, der er flettet over flere rækker (fx Styringsområde), læses kun i sin øverste række; ophæv unødvendige fletninger, eller skriv værdien i hver række.`,
        location: grid.name,
      });
    const isOwn = own.has(name);
    const isKontrol = name === KONTROL_SHEET.toLowerCase() || (isOwn && name.startsWith(KONTROL_SHEET.toLowerCase()));
    if (isKontrol) continue; // findings text ("Tabel A … ") is not a table
    tables.push(...findStatedTables(grid, isOwn));
    if (isOwn) continue;
    // a candidate with a Tabel 1 caption or a block heading beats one recognised only by its
    // computed rows: those are the tables that follow a Tabel 1 (2016's "Tabel 2.
    // Driftseffektiviseringer …", "Tabel 4. Implementeringsomkostninger"), never a second proposal
    const all = findTabel1Headers(grid);
    const strong = (h: (typeof all)[number]) => !h.headingMissing || h.caption?.kind === "tabel1";
    const headers = all.some(strong) ? all.filter(strong) : all.slice(0, 1);
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
    // else the nearest candidate: the first row with a run of years, and what it lacks
    const yearRow = marker ? undefined : firstYearRow(grids, own);
    if (yearRow) where = loc(yearRow.sheet, yearRow.row, yearRow.col);
    findings.push({
      code: "STRUCTURE",
      severity: "error",
      message: yearRow
        ? `Ingen Tabel 1 fundet: årsrækken i ${where} (${yearRow.years}) har hverken en blokoverskrift ("Varige ændringer" eller "Implementeringsomkostninger") lige under sig eller Tabel 1's beregnede rækker (Samlet varig ændring, Samlede implementeringsomkostninger, Samlet økonomisk påvirkning) længere nede; tilføj dem, så Beregn kan læse tabellen`
        : marker
          ? `Ingen Tabel 1 fundet: "${quoteText(marker)}" står i ${where}, men der er ingen række med årstal (fx 2025–2030) lige over den`
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

  const withTabel1 = new Set([BEREGN_SHEET, ...own, ...candidates.map((c) => c.grid.name.toLowerCase())]);
  const proposals: FoundProposal[] = candidates.map((cand, index) => {
    const { grid, t1 } = cand;
    const ctx = t1.ctx;
    const years = t1.layout.years;
    const input: ProposalInput = { id: grid.name, years, rows: t1.rows };
    const sameSheet = candidates.filter((c) => c.grid === grid);
    if (sameSheet.length > 1) input.id = `${grid.name} (${sameSheet.indexOf(cand) + 1})`;
    // the title: the proposal's name above Tabel 1, else a cover sheet's, else a bare "Forslag 7", else the first line of text
    const rest = readHeading(grid, cand.regionStart, t1.layout.headerRow, ctx, input);
    if (input.title === undefined || input.presenting === undefined) readCover(grids, withTabel1, ctx, input, grid.name);
    const second = rest.weak ?? rest.fallback;
    if (input.title === undefined && second) {
      input.title = second.text;
      ctx.at("title", grid, second.row, second.col);
    }
    if (t1.priceLevel) input.priceLevel = t1.priceLevel;
    input.kind = kindOf(grid, cand.regionStart, t1.layout.headerRow, input);

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
      // a repeated table (2018 Forslag 2 prints the måltal as Tabel 1.5.3 and again in Bilag 1, 000:1220, 000:1436)
      // and a block table's other sub-rows are checked against their own Total
      const repeated = t.id !== "alloc" && t.id !== "admin" && seen.has(t.id);
      if (t.id === "alloc" || repeated) {
        const tGrid = grids.find((g) => g.name === t.sheet) as Grid;
        const caption = textAt(tGrid, t.titleRow, t.titleCol)
          .replace(/[\s\u00a0]+/g, " ")
          .trim();
        const title = t.part ? `${caption} (${t.part})` : caption;
        const k = (stated.allocations ??= []).length;
        const scratch = new ReadContext();
        const rows = readStatedTable(tGrid, { ...t, id: `allocations[${k}]` }, scratch, years);
        // readStatedTable names paths stated.kvantum.<id>; an allocation's are stated.allocations[k]
        for (const [path, where] of Object.entries(scratch.locations))
          ctx.locations[path.replace(`stated.kvantum.allocations[${k}]`, `stated.allocations[${k}]`)] = where;
        for (const f of scratch.findings)
          if (!ctx.findings.some((x) => x.code === f.code && x.location === f.location)) ctx.findings.push(f);
        const rowsOnly = t.rowsOnly || repeated;
        const suffix = rowsOnly ? null : /,\s*([^,]+)$/.exec(caption);
        const area = suffix ? readArea(suffix[1].trim()) : undefined;
        const group = t.grouped ? caption : undefined;
        stated.allocations.push({ title, rows, ...(area ? { area } : {}), ...(rowsOnly ? { rowsOnly } : {}), ...(group ? { group } : {}) });
        continue;
      }
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
        // findings name the table as the document does when it is not titled "Tabel A–E" (2018)
        const caption = textAt(tGrid, t.titleRow, t.titleCol)
          .replace(/[\s\u00a0]+/g, " ")
          .trim();
        if (!/^tabel\s*[a-e]\b/i.test(caption)) (stated.kvantumCaptions ??= {})[t.id] = t.part ? `${caption} (${t.part})` : caption;
      }
    }
    // detail tables: after this Tabel 1, before the next one on its sheet (issue 8)
    const next = sameSheet[sameSheet.indexOf(cand) + 1];
    const details = findDetailTables(grid, t1.layout.lastRow + 1, next ? next.t1.layout.headerRow : rowCount(grid));
    if (details.length) stated.details = details.map((d, k) => readDetailTable(grid, d, k, ctx, years));
    if (Object.keys(stated).length) input.stated = stated;
    statedPriceLevels(grids, mine, input.priceLevel, ctx);

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
      textNumbers: [...ctx.textNumbers],
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

/**
 * PRICE_LEVEL (SPEC §6): a stated table whose unit line names another p/l than Tabel 1's (2025
 * Forslag 3: Tabel 1 in 2024 p/l, Tabel A–E in 2025 p/l). One warning per p/l, at its first cell.
 */
function statedPriceLevels(grids: Grid[], tables: TableLayout[], tabel1: string | undefined, ctx: ReadContext): void {
  if (!tabel1) return;
  const seen = new Set<string>();
  for (const t of tables) {
    if (t.generated) continue;
    const g = grids.find((x) => x.name === t.sheet);
    if (!g) continue;
    // each row by its own width: colCount walks every row, so inside the loop it cost rows² (issue 13's far cell)
    search: for (let r = t.titleRow; r <= t.headerRow; r++)
      for (let c = 0, width = rowWidth(g, r); c < width; c++) {
        const pl = parsePriceLevel(textAt(g, r, c));
        if (!pl) continue;
        if (pl !== tabel1 && !seen.has(pl)) {
          seen.add(pl);
          ctx.add(
            "PRICE_LEVEL",
            "warning",
            `Tabellen er i ${pl}, men Tabel 1 er i ${tabel1} ("${quoteText(textAt(g, r, c))}"); tallene kan ikke sammenlignes uden omregning`,
            loc(g.name, r, c),
          );
        }
        break search;
      }
  }
}

/** The first row on a (non-Beregn) sheet with a run of at least four years, for "Ingen Tabel 1 fundet". */
function firstYearRow(grids: Grid[], own: Set<string>): { sheet: string; row: number; col: number; years: string } | undefined {
  for (const g of grids) {
    if (g.name.toLowerCase() === BEREGN_SHEET || own.has(g.name.toLowerCase())) continue;
    for (const r of rowIndices(g)) {
      const run = yearRun(g.values[r] ?? []);
      if (run) return { sheet: g.name, row: r, col: run.cols[0], years: `${run.years[0]}–${run.years[run.years.length - 1]}` };
    }
  }
  return undefined;
}

/** SPEC §8: 2016 by its labels; 2018 by "Aggregeret", its annex wording, or years before 2020. */
function profileOf(t1: Tabel1Reading, tables: TableLayout[]): ProfileName {
  if (t1.looks2016) return "kk-2016";
  if (t1.looks2018 || tables.some((t) => t.wording2018 && !t.generated)) return "kk-2018";
  if (t1.layout.years[0] < 2020) return t1.layout.years[0] <= 2016 ? "kk-2016" : "kk-2018";

  return "kk-2025";
}

const PRESENTING = /^(?:fremstillende|indstillende|ansvarlig|præsenterende)?\s*forvaltning\b\s*:?\s*/i;
const NUMBERED_TITLE = /^(forslag\s*\d+|bc\s?\d+)\b/;

/**
 * Title, presenting administration and template text in the rows above Tabel 1 (issue 8): the
 * title is the proposal's name ("BC01 Samlet ferieløsning …"; after a bare "Forslag 3" label the
 * name beside or below it); "Fremstillende forvaltning: Økonomiforvaltningen" in one cell, or
 * with the name in the next cell or row, is read verbatim into `presenting`.
 */
function readHeading(grid: Grid, from: number, headerRow: number, ctx: ReadContext, input: ProposalInput): HeadingRest {
  const width = colCount(grid);
  const next = (r: number, c: number, to: number): { text: string; row: number; col: number } | undefined => {
    for (let k = c + 1; k < width; k++) {
      const t = textAt(grid, r, k);
      if (t) return { text: t, row: r, col: k };
    }
    for (let q = r + 1; q < Math.min(to, r + 3); q++)
      for (let k = 0; k < width; k++) {
        const t = textAt(grid, q, k);
        if (t) return { text: t, row: q, col: k };
      }
    return undefined;
  };
  const oneLine = (t: string) => t.replace(/[\s\u00a0]+/g, " ").trim();
  let fallback: { text: string; row: number; col: number } | undefined;
  let weak: { text: string; row: number; col: number } | undefined;
  const used = new Set<string>();
  for (let r = from; r < headerRow; r++)
    for (let c = 0; c < width; c++) {
      const t = textAt(grid, r, c);
      if (!t || used.has(`${r}:${c}`)) continue;
      if (ctx.checkPlaceholder(grid, r, c)) continue;
      const s = squeeze(t);
      if (/^(titel|forslagets titel|forslagets navn|overskrift)$/.test(s) && input.title === undefined) {
        const v = next(r, c, headerRow);
        if (v && !isPlaceholder(v.text)) {
          input.title = oneLine(v.text);
          ctx.at("title", grid, v.row, v.col);
          ctx.useInput(grid, v.row, v.col);
          used.add(`${v.row}:${v.col}`);
        }
      } else if (PRESENTING.test(oneLine(t)) && input.presenting === undefined) {
        const rest = oneLine(t).replace(PRESENTING, "");
        const v = rest ? { text: rest, row: r, col: c } : next(r, c, headerRow);
        if (v && !isPlaceholder(v.text)) {
          input.presenting = oneLine(v.text);
          used.add(`${v.row}:${v.col}`);
        }
      } else if (NUMBERED_TITLE.test(s) && input.title === undefined) {
        // a bare "Forslag 3" label: the name stands beside or below it
        const bare = s.replace(NUMBERED_TITLE, "").trim() === "";
        const v = bare ? next(r, c, headerRow) : undefined;
        const isName = (x: { text: string }) => !classifyCaption(x.text) && !PRESENTING.test(x.text) && !/^(\*|note\b)/i.test(x.text);
        if (bare && !(v && isName(v))) {
          weak ??= { text: oneLine(t), row: r, col: c }; // "Forslag 7" alone: the name may be on a cover sheet
          continue;
        }
        const name = v ?? { text: t, row: r, col: c };
        input.title = oneLine(name.text);
        ctx.at("title", grid, name.row, name.col);
        used.add(`${name.row}:${name.col}`);
      } else if (!fallback && t.length >= 8 && !classifyCaption(t) && !classifyTabel1Label(t) && !parsePriceLevel(t)) {
        fallback = { text: t, row: r, col: c };
      }
    }
  return { weak, fallback: fallback && fallback.row < headerRow - 1 ? { ...fallback, text: oneLine(fallback.text) } : undefined };
}

/** Title candidates readHeading did not take: a bare "Forslag 7", the first line of text. */
interface HeadingRest {
  weak?: { text: string; row: number; col: number };
  fallback?: { text: string; row: number; col: number };
}

/**
 * What the proposal is (HELPERS contract; Bilag 7 Tabel 3): "Innovationsforslag" / "Foranalyse"
 * in its title or the text above Tabel 1; else by its rows: only implementation rows is an
 * innovation-pool proposal (no effect to pay it back), only permanent rows an efficiency.
 */
function kindOf(grid: Grid, from: number, headerRow: number, input: ProposalInput): NonNullable<ProposalInput["kind"]> {
  const texts = [input.title ?? ""];
  const width = colCount(grid);
  for (let r = from; r < headerRow; r++) for (let c = 0; c < width; c++) texts.push(textAt(grid, r, c));
  const all = squeeze(texts.join(" "));
  if (/\bforanalyse\b/.test(all) || /^(bc\s?\d+\s+)?analyse af\b/.test(squeeze(input.title ?? ""))) return "preliminary";
  if (/\binnovationsforslag/.test(all)) return "innovation";
  const blocks = new Set(input.rows.map((r) => r.block));
  if (!blocks.has("permanent") && blocks.has("implementation")) return "innovation";
  if (!blocks.has("implementation")) return "efficiency";
  return "investment";
}

/** Title and presenting administration from a cover sheet (one without a Tabel 1, before the proposal's sheet), when the proposal's sheet lacks them. */
function readCover(grids: Grid[], skip: Set<string>, ctx: ReadContext, input: ProposalInput, sheet: string): void {
  // a cover comes before the proposal's sheet
  for (const g of grids.slice(
    0,
    grids.findIndex((x) => x.name === sheet),
  )) {
    if (skip.has(g.name.toLowerCase())) continue;
    if (input.title !== undefined && input.presenting !== undefined) return;
    const probe: ProposalInput = { years: [], rows: [] };
    const rest = readHeading(g, 0, Math.min(rowCount(g) + 2, 40), new ReadContext(), probe);
    const title = probe.title ?? rest.weak?.text ?? rest.fallback?.text;
    if (input.title === undefined && title !== undefined) {
      input.title = title;
      ctx.locations.title ??= g.name;
    }
    if (input.presenting === undefined && probe.presenting !== undefined) input.presenting = probe.presenting;
  }
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
