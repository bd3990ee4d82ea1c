/**
 * planBeregn (docs/CONTRACTS.md, DESIGN.md "What Beregn writes"): the results of one proposal as a
 * WritePlan — Tabel 1's computed rows as formulas, the payback rows, Tabel 2.1.1 and A–E in place
 * or on a generated "Kvantum" sheet, the "Kontrol" sheet, and "_beregn" with the settings, the
 * stamp and the undo data. Never an input cell; never the user's formula.
 */
import type { Finding } from "../engine/model";
import type { Result } from "../engine/result";
import { PROFILES, profileDefaults, type SettingsInput } from "../engine/settings";
import type { PlanOptions, PlanOutcome, WorkbookReading } from "./api";
import { CellBlock } from "./blocks";
import { BEREGN_SHEET, beregnSheetCells, readBeregnSheet, settingsText, type NoteUndo, type OwnSheet, type UndoEntry } from "./beregnSheet";
import { a1, cellAt, findGrid, formatAt, formulaAt, parseA1, parseRange, splitLocation } from "./grid";
import { encodeContent, fingerprint, normaliseFormula } from "./hash";
import { changesOf, findingsBefore, originalGrids, statusText, type ProposalAudit } from "./audit";
import { planNotes } from "./cellNotes";
import { computeFound } from "./compute";
import { InputError } from "../engine/input";
import { KONTROL_COLUMNS, KONTROL_HEADER_ROW, kontrolSheet, printSetup } from "./kontrol";
import { paybackNote } from "./paybackNote";
import { claimOwnSheet, ownCellRuns, recordedCells, type OwnCellRun, type OwnSheetClaim } from "./ownCells";
import type { ProposalLayout } from "./layout";
import { KONTROL_SHEET } from "./readWorkbook";
import { kvantumBaseName, pickSheetName } from "./sheetNames";
import type { Grid, NoteWrite, RangeWrite, WriteCell, WritePlan } from "./types";
import { applyPlanToGrids } from "./applyPlan";
import { tabel1InputCells, writeTabel1, type OwnsFormula } from "./writeTabel1";
import { generateSheet, resultTables, writeInPlace, type TableSpec } from "./writeTables";

export const BEREGN_VERSION = "0.1.0";

/**
 * What "_beregn" keeps: the settings that differ from the profile's defaults (set in the sheet
 * before, or in the pane for this Beregn), so another profile's defaults are not frozen in.
 */
function settingsForSheet(result: Result, reading: WorkbookReading): { overrides: SettingsInput; defaults: Record<string, string> } {
  const effective = settingsText(result.proposal.settings);
  const defaults = settingsText(profileDefaults(result.proposal.profile));
  const overrides: Record<string, string> = {};
  for (const k of Object.keys(effective) as (keyof SettingsInput)[])
    if (effective[k] !== defaults[k] || reading.settings?.[k] !== undefined) overrides[k] = effective[k];
  return { overrides: overrides as SettingsInput, defaults };
}

/** The typed text of what a WriteCell puts in a cell. */
export function encodeWrite(cell: WriteCell): string {
  if (cell.formula !== undefined) return `f:${normaliseFormula(cell.formula)}`;
  return encodeContent(cell.value ?? null, null);
}

/** Fingerprint of a sheet's content as a grid holds it (formulas by their text). */
export function sheetHash(grid: Grid): string {
  const parts: string[] = [];
  const formulas = grid.formulas ?? [];
  const rows = Math.max(grid.values.length, formulas.length);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(grid.values[r]?.length ?? 0, formulas[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const e = encodeContent(cellAt(grid, r, c), formulaAt(grid, r, c));
      if (e !== "e:") parts.push(`${a1(r, c)}=${e}`);
    }
  }
  return fingerprint(parts.join("\n"));
}

/** The same fingerprint of what a block writes on a cleared sheet. */
export function blockHash(block: CellBlock): string {
  const cells = [...block.cells.values()].sort((x, y) => x.row - y.row || x.col - y.col);
  const parts = cells.map((x) => ({ at: a1(x.row, x.col), e: encodeWrite(x.cell) })).filter((x) => x.e !== "e:");
  return fingerprint(parts.map((x) => `${x.at}=${x.e}`).join("\n"));
}

// Findings that compare a stated cell with the computed value: once Beregn has written the
// computed value there, they describe the workbook as it was, not as it is.
const STATED_CODES = new Set<Finding["code"]>([
  "TOTAL_MISMATCH",
  "PAYBACK_MISMATCH",
  "PAYBACK_NOT_APPLICABLE",
  "KVANTUM_MISMATCH",
  "KVANTUM_IDENTITY",
  "KVANTUM_MISSING",
  "ROWS_NOT_SUMMING",
  "ALLOCATION_MISMATCH",
  "UNREADABLE",
]);

/**
 * The findings that still hold after the plan is applied: "Kontrol" describes the workbook as
 * Beregn leaves it, so a second Beregn writes the same Kontrol (idempotence). A stated-value
 * finding located at cells Beregn writes is left out; the pane and Valider show the full list.
 */
function stillTrue(findings: Finding[], blocks: CellBlock[]): Finding[] {
  const written = new Set<string>();
  for (const b of blocks) for (const x of b.cells.values()) written.add(`${b.sheet.toLowerCase()}!${x.row},${x.col}`);
  const hit = (location: string): boolean =>
    location.split(/[,;]\s*/).some((part) => {
      const at = splitLocation(part.trim());
      if (!at) return false;
      const { r1, c1, r2, c2 } = parseRange(at.address.replace(/\$/g, ""));
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (written.has(`${at.sheet.toLowerCase()}!${r},${c}`)) return true;
      return false;
    });
  return findings.filter((f) => !(STATED_CODES.has(f.code) && hit(f.location)));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.code}|${f.location}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function planBeregn(
  grids: Grid[],
  reading: WorkbookReading,
  proposalIndex: number,
  result: Result,
  options: PlanOptions,
): PlanOutcome {
  const found = reading.proposals[proposalIndex];
  if (!found) throw new Error(`intet forslag nr. ${proposalIndex}`);
  const layout = found.layout as ProposalLayout;
  const beregn = readBeregnSheet(grids);
  const exists = (name: string) => grids.some((g) => g.name.toLowerCase() === name.toLowerCase());
  const priorOwn = (beregn?.ownSheets ?? []).filter((s) => exists(s.name));
  const own = new Set(priorOwn.map((s) => s.name.toLowerCase()));
  const priorUndo = new Map((beregn?.undo ?? []).map((e) => [`${e.sheet}!${e.address}`, e]));
  const current = (sheet: string, r: number, c: number): string => {
    const g = findGrid(grids, sheet);
    return g ? encodeContent(cellAt(g, r, c), formulaAt(g, r, c)) : "e:";
  };
  // a formula is Beregn's own when the last Beregn wrote exactly it there
  const owns: OwnsFormula = (sheet, r, c) => priorUndo.get(`${sheet}!${a1(r, c)}`)?.after === current(sheet, r, c);
  const proposalGrid = findGrid(grids, found.sheet) as Grid;

  const notes: Finding[] = [];
  const userBlocks: CellBlock[] = [];
  if (options.mode === "beregn") userBlocks.push(writeTabel1(proposalGrid, found, result, owns));

  const specs =
    PROFILES[result.proposal.profile].kvantumTables || result.kvantum
      ? resultTables(result)
      : resultTables(result).filter((s) => s.id === "2.1.1");
  const toGenerate: TableSpec[] = [];
  const added: string[] = [];
  const inPlace: { sheet: string; ids: string[] }[] = [];
  for (const spec of specs) {
    const t = layout.tables.find((x) => !x.generated && x.id === spec.id);
    if (t) {
      const w = writeInPlace(findGrid(grids, t.sheet) as Grid, spec, t, result.proposal.years, owns, notes, added);
      userBlocks.push(w.block);
      if (w.relocate) toGenerate.push(spec);
      else {
        const entry = inPlace.find((x) => x.sheet === t.sheet) ?? inPlace[inPlace.push({ sheet: t.sheet, ids: [] }) - 1];
        entry.ids.push(spec.id);
      }
    } else toGenerate.push(spec);
  }

  // never an input cell (DESIGN.md): a safety net under the writers' own rules
  const inputs = new Set([...layout.inputCells, ...tabel1InputCells(layout.tabel1)]);
  for (const b of userBlocks) for (const [k, x] of b.cells) if (inputs.has(`${b.sheet}!${a1(x.row, x.col)}`)) b.cells.delete(k);

  const ownBlocks: CellBlock[] = [];
  // what Beregn may write on each of its own sheets, and which of its earlier cells it empties
  const claims = new Map<string, OwnSheetClaim>();
  const claim = (b: CellBlock): OwnSheetClaim => {
    const g = own.has(b.sheet.toLowerCase()) ? findGrid(grids, b.sheet) : undefined;
    const prior = priorOwn.find((s) => s.name.toLowerCase() === b.sheet.toLowerCase());
    const unchanged = !!g && !!prior?.hash && sheetHash(g) === prior.hash;
    return claimOwnSheet(g, b, recordedCells(beregn?.ownCells, b.sheet), unchanged);
  };
  const plan: WritePlan = { sheets: [], writes: [], columnWidths: [] };
  const created: OwnSheet[] = [];
  if (toGenerate.length) {
    const name = pickSheetName(kvantumBaseName(found.sheet, reading.proposals.length), grids, own);
    const unitLabel = result.proposal.priceLevel ?? `${result.proposal.years[0]} p/l`;
    const sheet = generateSheet(name, toGenerate, result.proposal.years, unitLabel, inPlace);
    ownBlocks.push(sheet);
    // the administrations' own text in the Kvantum sheet stays (SPEC §5); Kontrol names each cell kept
    claims.set(name.toLowerCase(), claim(sheet));
    notes.push(...claims.get(name.toLowerCase())!.kept);
    // like Kontrol: A4 landscape, one page wide, the title with the unit (t.kr., p/l) on each page
    (plan.pageSetup ??= []).push(printSetup(name, 0));
    plan.columnWidths?.push({ sheet: name, column: 0, width: 46 }, { sheet: name, column: 1, width: 28 });
    result.proposal.years.forEach((_, k) => plan.columnWidths?.push({ sheet: name, column: 2 + k, width: 10 }));
  }
  const now = options.now ?? new Date();
  const time = now.toISOString();

  // undo data: what each user cell held before; consecutive Beregns chain back to the state
  // before the first of them, so a repeated Beregn plans the same cells (idempotence)
  const undoFor = (blocks: CellBlock[]) => {
    const undo: UndoEntry[] = [];
    const handled = new Set<string>();
    let changed = 0;
    const touched = new Set<string>();
    for (const b of blocks) {
      const g = findGrid(grids, b.sheet) as Grid;
      for (const x of b.cells.values()) {
        const address = a1(x.row, x.col);
        const key = `${b.sheet}!${address}`;
        if (handled.has(key)) continue;
        handled.add(key);
        const cur = current(b.sheet, x.row, x.col);
        const after = encodeWrite(x.cell);
        const prior = priorUndo.get(key);
        if (cur !== after) {
          changed++;
          touched.add(b.sheet);
        }
        if (prior && prior.after === cur) undo.push({ ...prior, after });
        else if (cur !== after) {
          const e: UndoEntry = { sheet: b.sheet, address, before: cur, after };
          // a host that reports no formats for a sheet has only General there (src/xlsx/toGrid.ts)
          e.beforeFormat = formatAt(g, x.row, x.col) ?? "";
          undo.push(e);
        }
      }
    }
    for (const [key, prior] of priorUndo) {
      if (handled.has(key) || own.has(prior.sheet.toLowerCase()) || !exists(prior.sheet)) continue;
      const { row, col } = parseA1(prior.address);
      if (current(prior.sheet, row, col) === prior.after) undo.push(prior);
    }
    return { undo, changed, touched };
  };

  // annotations beside the results (the payback's rule, the status line): undone with the rest,
  // but not results, so not listed as changed values in Kontrol
  const annotations = new CellBlock(found.sheet);
  const free = (r: number, c: number) => {
    const cur = current(found.sheet, r, c);
    return cur === "e:" || priorUndo.get(`${found.sheet}!${a1(r, c)}`)?.after === cur;
  };
  const writable = (r: number, c: number) => free(r, c) && !inputs.has(`${found.sheet}!${a1(r, c)}`);
  if (options.mode === "beregn")
    for (const p of layout.tabel1.payback) {
      const text = paybackNote(result, p.which);
      // the rule two columns right: "5 år (2028)" is wider than a year column, and LibreOffice and
      // Excel show it whole only over an empty cell beside it (the render cut it at the rule)
      if (!text || !writable(p.row, p.col + 1) || !writable(p.row, p.col + 2)) continue;
      // the rule where an earlier Beregn put it (right beside the cell) goes
      if (current(found.sheet, p.row, p.col + 1) !== "e:") annotations.set(p.row, p.col + 1, { value: null });
      annotations.set(p.row, p.col + 2, { value: text });
    }
  const statusAt = options.mode === "beregn" ? statusCell(layout, writable) : undefined;
  const skip = new Set([...annotations.cells.values()].map((x) => `${found.sheet}!${a1(x.row, x.col)}`));
  if (statusAt) skip.add(`${found.sheet}!${a1(statusAt.row, statusAt.col)}`);

  const { overrides, defaults } = settingsForSheet(result, reading);
  const cellNotes = result.proposal.settings.cellNotes;
  const draft = undoFor([...userBlocks, annotations]);
  const priorNotes = beregn?.notes ?? [];
  let notesPlan: { writes: NoteWrite[]; undo: NoteUndo[] } = { writes: [], undo: [] };
  if (options.mode === "beregn") {
    // Kontrol (issue 10): the workbook before the first Beregn, what this Beregn changes, what still holds
    const original = originalGrids(
      grids,
      draft.undo,
      priorNotes,
      priorOwn.map((s) => s.name),
    );
    const before = findingsBefore(original, overrides);
    const afterGrids = applyPlanToGrids(grids, {
      sheets: [],
      writes: userBlocks.map((b) => b.toRangeWrite()).filter((w): w is RangeWrite => !!w),
    });
    const sheetsOf = (p: typeof found) => {
      const l = p.layout as ProposalLayout;
      return new Set([p.sheet, ...l.tables.filter((t) => !t.generated).map((t) => t.sheet)].map((x) => x.toLowerCase()));
    };
    const owner = (sheet: string): number => {
      const k = sheet.toLowerCase();
      if (sheetsOf(found).has(k)) return proposalIndex;
      const j = reading.proposals.findIndex((p) => sheetsOf(p).has(k));
      return j < 0 ? proposalIndex : j;
    };
    const audits: ProposalAudit[] = reading.proposals.map((p, j) => {
      const l = p.layout as ProposalLayout;
      const beforeJ = [...(before.bySheet.get(p.sheet.toLowerCase()) ?? []), ...(j === proposalIndex ? before.workbook : [])];
      const entries = draft.undo.filter((e) => owner(e.sheet) === j);
      const { changes, sameValue, textFixed } = changesOf(entries, original, afterGrids, dedupe(beforeJ), () => l, skip);
      let afterJ: Finding[];
      if (j === proposalIndex)
        afterJ = stillTrue(dedupe([...reading.findings, ...result.findings, ...found.findings, ...notes]), userBlocks);
      else
        try {
          afterJ = dedupe([...p.findings, ...computeFound(p, overrides).findings]);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          afterJ = [{ code: "STRUCTURE", severity: "error", message: `Forslaget kan ikke beregnes: ${e.message}`, location: p.sheet }];
        }
      const title = (j === proposalIndex ? result.proposal.title : p.input.title) ?? p.sheet;
      return {
        title: `${title} (arket ${p.sheet})`,
        sheet: p.sheet,
        before: dedupe(beforeJ),
        changes,
        sameValue: [...sameValue].map(([table, count]) => ({ table, count })),
        valuesForText: j === proposalIndex ? valuesForText(userBlocks[0], layout) : 0,
        textFixed,
        after: afterJ,
      };
    });
    const mine = audits[proposalIndex];
    const userSheets = new Set(
      grids.filter((g) => !own.has(g.name.toLowerCase()) && g.name.toLowerCase() !== BEREGN_SHEET).map((g) => g.name.toLowerCase()),
    );
    const key = (f: Finding) => `${f.code}|${f.location}|${f.message}`;
    const holds = new Set(audits.flatMap((a) => a.after.map(key)));
    const resolved = audits.flatMap((a) => a.before.filter((f) => !holds.has(key(f))));
    notesPlan = planNotes(
      grids,
      audits.flatMap((a) => a.after),
      resolved,
      userSheets,
      priorNotes,
      cellNotes,
    );
    if (statusAt) {
      const status = statusText(now, mine.changes, mine.after);
      annotations.set(statusAt.row, statusAt.col, { value: status });
    }
    const name = pickSheetName(KONTROL_SHEET, grids, own);
    const kontrolFor = (kept: Finding[]) =>
      kontrolSheet(name, {
        time: now,
        profile: result.proposal.profile,
        version: options.version ?? BEREGN_VERSION,
        settings: result.proposal.settings,
        proposals: audits.map((a, j) => (j === proposalIndex && kept.length ? { ...a, after: [...a.after, ...kept] } : a)),
      });
    // a note the user wrote on Kontrol stays; where Kontrol now needs that cell, Kontrol says so
    // (once more if saying so moves Kontrol onto another of the user's cells)
    let kontrol = kontrolFor([]);
    let kontrolClaim = claim(kontrol);
    for (let round = 0; round < 2 && kontrolClaim.kept.length; round++) {
      const kept = kontrolClaim.kept;
      kontrol = kontrolFor(kept);
      kontrolClaim = claim(kontrol);
      kontrolClaim.kept = dedupe([...kept, ...kontrolClaim.kept]);
    }
    notes.push(...kontrolClaim.kept);
    claims.set(name.toLowerCase(), kontrolClaim);
    ownBlocks.push(kontrol);
    KONTROL_COLUMNS.forEach((c, i) => plan.columnWidths?.push({ sheet: name, column: i, width: c.width }));
    (plan.pageSetup ??= []).push(printSetup(name, KONTROL_HEADER_ROW));
  }
  if (annotations.size) userBlocks.push(annotations);
  const done = undoFor(userBlocks);
  const { undo, touched } = done;
  let changed = done.changed;

  // a stable order, so the same cells give the same "_beregn" (idempotence)
  undo.sort((x, y) => {
    const p = parseA1(x.address);
    const q = parseA1(y.address);
    return x.sheet.localeCompare(y.sheet) || p.row - q.row || p.col - q.col;
  });
  const ownCells: OwnCellRun[] = [];
  for (const b of ownBlocks) {
    const c = claims.get(b.sheet.toLowerCase()) ?? claim(b);
    plan.sheets.push(
      c.clear.length
        ? { name: b.sheet, visibility: "visible", clear: false, clearCells: c.clear }
        : { name: b.sheet, visibility: "visible", clear: false },
    );
    if (!own.has(b.sheet.toLowerCase())) created.push({ name: b.sheet, hash: "" });
    ownCells.push(...ownCellRuns(b));
    // cells that differ from what the sheet holds now (all of them when it is new), and Beregn's
    // earlier cells it empties
    const g = findGrid(grids, b.sheet);
    let n = c.emptied;
    for (const x of b.cells.values())
      if (encodeWrite(x.cell) !== (g ? encodeContent(cellAt(g, x.row, x.col), formulaAt(g, x.row, x.col)) : "e:")) n++;
    changed += n;
    if (n > 0) touched.add(b.sheet);
  }
  // own sheets this Beregn does not write (Følsomhed) keep their record
  const rewritten = new Set(ownBlocks.map((b) => b.sheet.toLowerCase()));
  for (const x of beregn?.ownCells ?? []) if (!rewritten.has(x.sheet.toLowerCase()) && own.has(x.sheet.toLowerCase())) ownCells.push(x);
  const hashes = new Map(ownBlocks.map((b) => [b.sheet.toLowerCase(), blockHash(b)]));
  const ownAfter: OwnSheet[] = [...priorOwn, ...created]
    .filter((s) => s.name.toLowerCase() !== BEREGN_SHEET)
    .map((s) => ({ name: s.name, hash: hashes.get(s.name.toLowerCase()) ?? s.hash }));
  // "_beregn" is Beregn's own when Beregn made it (then undo removes it with the others)
  if (!exists(BEREGN_SHEET) || own.has(BEREGN_SHEET)) ownAfter.push({ name: BEREGN_SHEET, hash: "" });

  const beregnBlock = beregnSheetCells({
    settings: overrides,
    defaults,
    stamp: {
      version: options.version ?? BEREGN_VERSION,
      profile: result.proposal.profile,
      time,
      fingerprint: layout.fingerprint,
      proposalSheet: found.sheet,
    },
    ownSheets: ownAfter,
    undo,
    notes: notesPlan.undo,
    ownCells,
  });
  plan.sheets.push({ name: BEREGN_SHEET, visibility: "veryHidden", clear: true });

  const writes: RangeWrite[] = [];
  for (const b of [...userBlocks, ...ownBlocks]) {
    const w = b.toRangeWrite();
    if (w) writes.push(w);
  }
  writes.push({ sheet: BEREGN_SHEET, topLeft: "A1", cells: beregnBlock });
  plan.writes = writes;
  if (plan.columnWidths?.length === 0) delete plan.columnWidths;
  if (notesPlan.writes.length) plan.notes = notesPlan.writes;

  const sheetsTouched = [...touched];
  let summary =
    changed === 0 ? "Ingen celler ændret" : `${changed} ${changed === 1 ? "celle" : "celler"} skrevet i ${sheetsTouched.join(", ")}`;
  if (added.length) summary += `; rækker tilføjet i ${added.join("; ")}`;
  const kept = [...claims.values()].flatMap((c) => c.kept);
  if (kept.length) summary += `; din tekst er beholdt i ${kept.map((f) => f.location).join(", ")}, hvor Beregn skulle skrive (se Kontrol)`;
  return { plan, cellsWritten: changed, sheetsTouched, summary };
}

/**
 * The status line's cell, never in Tabel 1's header row (the reader takes every header cell as
 * input: optional columns): in the row above it (the table's title row) over the first year
 * column, so it sits beside the title; when Tabel 1 starts in row 1, or that cell is taken, in
 * the table's first row under the header, one empty column right of its last column (a cell
 * there is no part of the table). None when neither is free.
 */
function statusCell(layout: ProposalLayout, writable: (r: number, c: number) => boolean): { row: number; col: number } | undefined {
  const t = layout.tabel1;
  const first = t.yearCols[0];
  if (first === undefined) return undefined;
  if (t.headerRow > 0 && writable(t.headerRow - 1, first)) return { row: t.headerRow - 1, col: first };
  const last = Math.max(...t.yearCols, ...Object.values(t.cols).filter((c): c is number => c !== undefined));
  const row = t.headerRow + 1;
  return writable(row, last + 1) && writable(row, last + 2) ? { row, col: last + 2 } : undefined;
}

/** Tabel 1 sums written as values where the rows hold numbers typed as text (writeTabel1.ts). */
function valuesForText(tabel1: CellBlock | undefined, layout: ProposalLayout): number {
  if (!tabel1) return 0;
  const computed = new Set(layout.tabel1.computed.map((r) => r.row));
  const years = new Set(layout.tabel1.yearCols);
  let n = 0;
  for (const x of tabel1.cells.values())
    if (computed.has(x.row) && years.has(x.col) && x.cell.formula === undefined && typeof x.cell.value === "number") n++;
  return n;
}
