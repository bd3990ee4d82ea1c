/**
 * planSettings: the pane's Indstillinger saved in the workbook (DESIGN.md: settings live in the
 * very hidden "_beregn", which both hosts can read). Only the [indstillinger] section changes;
 * the stamp, Beregn's own sheets and the undo data are kept as they are.
 */
import { profileDefaults, resolveSettings, type SettingsInput } from "../engine/settings";
import type { ProfileName } from "../engine/model";
import { BEREGN_SHEET, beregnSheetCells, readBeregnSheet, SETTING_KEYS, settingsText, type BeregnData } from "./beregnSheet";
import type { Grid, WritePlan } from "./types";

/**
 * A plan that rewrites "_beregn" with these settings as the workbook's overrides. A value of the
 * wrong kind throws SettingsError (naming the field) before anything is planned.
 */
export function planSettings(grids: Grid[], settings: SettingsInput, profile: ProfileName = "kk-2025"): WritePlan {
  resolveSettings(settings, profileDefaults(profile)); // validate, so a bad value is never saved
  const data: BeregnData = readBeregnSheet(grids) ?? { ownSheets: [], undo: [] };
  const overrides: SettingsInput = {};
  for (const k of SETTING_KEYS) {
    const v = settings[k];
    if (v !== undefined && v !== null && String(v).trim() !== "") (overrides as Record<string, unknown>)[k] = String(v);
  }
  data.settings = overrides;
  data.defaults ??= settingsText(profileDefaults(profile));
  return {
    sheets: [{ name: BEREGN_SHEET, visibility: "veryHidden", clear: true }],
    writes: [{ sheet: BEREGN_SHEET, topLeft: "A1", cells: beregnSheetCells(data) }],
  };
}
