/**
 * The very hidden sheet "_beregn" (DESIGN.md): what both hosts must see, since Office document
 * settings are invisible to ExcelJS. It holds the settings (SPEC §9), the stamp of the last
 * Beregn, the sheets Beregn made, and the undo data: every cell Beregn changed with its old and
 * new content as typed text ("n:12", "s:…", "f:SUM(…)", "e:"), so planUndo can restore exactly
 * those cells and refuse when one was edited since.
 */
import type { SettingsInput } from "../engine/settings";
import type { Settings } from "../engine/model";
import type { Stamp } from "./api";
import { findGrid, rowCount, textAt, cellAt } from "./grid";
import type { Grid, WriteCell } from "./types";
import type { OwnCellRun } from "./ownCells";
import { cellText } from "../engine/quote";

export const BEREGN_SHEET = "_beregn";

export interface UndoEntry {
  sheet: string;
  address: string;
  /** Content before Beregn (typed text, hash.ts encodeContent). */
  before: string;
  /** What Beregn wrote. */
  after: string;
  /** Number format before, when the host reported it. */
  beforeFormat?: string;
}

/** A note Beregn set: the note before (null: none) and the text Beregn wrote, so Fortryd can restore it. */
export interface NoteUndo {
  sheet: string;
  address: string;
  before: string | null;
  after: string;
}

export interface OwnSheet {
  name: string;
  /** Fingerprint of the content Beregn wrote (to refuse undo when the sheet was edited). */
  hash: string;
}

export interface BeregnData {
  /** Overrides of the profile's defaults (only these are read back as settings). */
  settings?: SettingsInput;
  /** The profile's defaults, shown beside the overrides for reference (not read back). */
  defaults?: Record<string, string>;
  stamp?: Stamp;
  ownSheets: OwnSheet[];
  undo: UndoEntry[];
  /** Notes Beregn set in the user's sheets (optional: none before this was kept). */
  notes?: NoteUndo[];
  /** The cells Beregn wrote on its own sheets (ownCells.ts; none before issue 13 kept them). */
  ownCells?: OwnCellRun[];
}

export const SETTING_KEYS: (keyof SettingsInput)[] = [
  "discountRate",
  "paybackLimitYears",
  "maaltalPolicy",
  "tabel211Basis",
  "roundingTolerance",
  "hoursPerYear",
  "sensitivityHorizonYears",
  "sensitivityDelayYears",
  "sensitivityEffectDown",
  "sensitivityInvestmentUp",
  "sensitivityDriftUp",
  "sensitivityRateLow",
  "sensitivityRateHigh",
  "cellNotes",
];
const STAMP_KEYS: (keyof Stamp)[] = ["version", "profile", "time", "fingerprint", "proposalSheet"];

/** Settings as text for the sheet (SPEC §9); null (no payback limit) as "". */
export function settingsText(s: Settings): Record<keyof SettingsInput, string> {
  return {
    discountRate: s.discountRate.toString(),
    paybackLimitYears: s.paybackLimitYears === null ? "" : String(s.paybackLimitYears),
    maaltalPolicy: s.maaltalPolicy,
    tabel211Basis: s.tabel211Basis,
    roundingTolerance: String(s.roundingTolerance),
    hoursPerYear: s.hoursPerYear.toString(),
    sensitivityHorizonYears: String(s.sensitivityHorizonYears),
    sensitivityDelayYears: String(s.sensitivityDelayYears),
    sensitivityEffectDown: s.sensitivityEffectDown.toString(),
    sensitivityInvestmentUp: s.sensitivityInvestmentUp.toString(),
    sensitivityDriftUp: s.sensitivityDriftUp.toString(),
    sensitivityRateLow: s.sensitivityRateLow.toString(),
    sensitivityRateHigh: s.sensitivityRateHigh.toString(),
    cellNotes: s.cellNotes ? "ja" : "nej",
  };
}

/** A cell as text, whatever type the host gave it (Excel may turn "0.02" into a number). */
function str(grid: Grid, r: number, c: number): string {
  const v = cellAt(grid, r, c);
  return v === null ? "" : String(v);
}

export function readBeregnSheet(grids: Grid[]): BeregnData | undefined {
  const grid = findGrid(grids, BEREGN_SHEET);
  if (!grid) return undefined;
  const data: BeregnData = { ownSheets: [], undo: [] };
  let section = "";
  const settings: Record<string, string> = {};
  const stamp: Record<string, string> = {};
  for (let r = 0; r < rowCount(grid); r++) {
    const a = textAt(grid, r, 0);
    if (/^\[.*\]$/.test(a)) {
      section = a.slice(1, -1).toLowerCase();
      continue;
    }
    if (!a) continue;
    if (section === "indstillinger" && (SETTING_KEYS as string[]).includes(a)) {
      const v = str(grid, r, 1).trim();
      if (v !== "") settings[a] = v;
    } else if (section === "stempel" && (STAMP_KEYS as string[]).includes(a)) stamp[a] = str(grid, r, 1);
    else if (section === "egne ark") data.ownSheets.push({ name: a, hash: str(grid, r, 1) });
    else if (section === "egne celler" && a !== "ark")
      // "m:" + one mark per cell, space-separated (the prefix keeps Excel from reading digits as a number)
      (data.ownCells ??= []).push({ sheet: a, range: str(grid, r, 1), marks: str(grid, r, 2).replace(/^m:/, "").split(" ") });
    else if (section === "fortryd" && a !== "ark") {
      const e: UndoEntry = { sheet: a, address: str(grid, r, 1), before: str(grid, r, 2), after: str(grid, r, 3) };
      const f = str(grid, r, 4);
      if (f !== "") e.beforeFormat = f.replace(/^s:/, "");
      data.undo.push(e);
    } else if (section === "noter" && a !== "ark") {
      const before = str(grid, r, 2);
      // "s:" + the text, "e:" none (the same typed text as the cells' undo data)
      const after = str(grid, r, 3);
      (data.notes ??= []).push({
        sheet: a,
        address: str(grid, r, 1),
        before: before.startsWith("s:") ? before.slice(2) : null,
        after: after.startsWith("s:") ? after.slice(2) : after,
      });
    }
  }
  if (Object.keys(settings).length) data.settings = settings as SettingsInput;
  if (stamp.fingerprint) data.stamp = { version: "", profile: "", time: "", fingerprint: "", proposalSheet: "", ...stamp } as Stamp;
  return data;
}

/** The sheet's content as one block from A1 (every cell text, format "@" so Excel keeps it as text). */
export function beregnSheetCells(data: BeregnData): (WriteCell | null)[][] {
  const rows: string[][] = [];
  rows.push([
    "Beregn: interne data (indstillinger, stempel, fortryd). Ret kun indstillingerne: en værdi i kolonne B erstatter profilens standard.",
  ]);
  rows.push(["[indstillinger]"]);
  for (const k of SETTING_KEYS) {
    const v = data.settings?.[k];
    const d = data.defaults?.[k];
    rows.push([k, v === undefined || v === null ? "" : String(v), d === undefined ? "" : `standard: ${d === "" ? "ingen" : d}`]);
  }
  if (data.stamp) {
    rows.push(["[stempel]"]);
    for (const k of STAMP_KEYS) rows.push([k, data.stamp[k]]);
  }
  rows.push(["[egne ark]"]);
  for (const s of data.ownSheets) rows.push([s.name, s.hash]);
  if (data.ownCells?.length) {
    rows.push(["[egne celler]"]);
    rows.push(["ark", "område", "mærker"]);
    for (const x of data.ownCells) rows.push([x.sheet, x.range, `m:${x.marks.join(" ")}`]);
  }
  if (data.undo.length) {
    rows.push(["[fortryd]"]);
    rows.push(["ark", "celle", "før", "efter", "format før"]);
    // "s:" keeps a format text such as "0" from being read back as a number
    for (const e of data.undo)
      rows.push([e.sheet, e.address, e.before, e.after, e.beforeFormat === undefined ? "" : `s:${e.beforeFormat}`]);
  }
  if (data.notes?.length) {
    rows.push(["[noter]"]);
    rows.push(["ark", "celle", "før", "efter"]);
    for (const n of data.notes) rows.push([n.sheet, n.address, n.before === null ? "e:" : `s:${n.before}`, `s:${n.after}`]);
  }
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const v = r[c];
      // a 32.767-character text in the undo data ("s:" + the text) is cut to what the cell holds
      return v === undefined || v === "" ? null : { value: cellText(v), numberFormat: "@" };
    }),
  );
}
