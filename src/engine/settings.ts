/**
 * Settings and profiles (SPEC §9): every rule the documents leave uncertain is named here, once.
 * Profiles kk-2025, kk-2018 and kk-2016 share these defaults and differ in labels and tables
 * (SPEC §8); the workbook ("_beregn" sheet) or a case's `settings` may override them.
 */
import Decimal from "decimal.js";
import type { ProfileName, Settings } from "./model";
import { quoteValue } from "./amountText";

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  // SPEC §3: 2 % reproduces 41 of 48 stated paybacks; fitted, unverified.
  discountRate: new Decimal("0.02"),
  // SPEC §3: 2025 BC13 with 6 years passes, BC08 with 11 goes to særskilt politisk prioritering.
  paybackLimitYears: 6,
  // SPEC §5: the credit/finance model; 2018's "net savers" policy is the alternative.
  maaltalPolicy: "standard",
  // SPEC §5: the documents show A (2025 BC01 "Σ Tabel A + D + E").
  tabel211Basis: "A",
  // SPEC §2: a stated total may miss its n shown addends by ⌊(n+1)/2⌋.
  roundingTolerance: "half-n",
  // SPEC §7: årstimenorm from the 2025 guidance (BC01).
  hoursPerYear: new Decimal("1262.6"),
  // Følsomhed (issue 12): what an assumption failing looks like. No document states these; they
  // are the sizes the issue asks for, and the economist writing section 4 may set others.
  sensitivityHorizonYears: 10,
  sensitivityDelayYears: 1,
  sensitivityEffectDown: new Decimal("0.2"),
  sensitivityInvestmentUp: new Decimal("0.2"),
  sensitivityDriftUp: new Decimal("0.2"),
  sensitivityRateLow: new Decimal(0),
  sensitivityRateHigh: new Decimal("0.04"),
  // not a rule of the documents: whether Beregn annotates the findings' cells with notes
  cellNotes: true,
});

export interface Profile {
  name: ProfileName;
  /** Label of the total net row in Tabel 1. */
  netLabel: string;
  /** Whether the template shows the payback with its break-even year ("4 år (2028)"). */
  paybackWithYear: boolean;
  /** Whether the template has Kvantum tables A–E. */
  kvantumTables: boolean;
}

export const PROFILES: Record<ProfileName, Profile> = {
  "kk-2025": { name: "kk-2025", netLabel: "Samlet økonomisk påvirkning", paybackWithYear: true, kvantumTables: true },
  "kk-2018": { name: "kk-2018", netLabel: "Samlet økonomisk påvirkning", paybackWithYear: false, kvantumTables: true },
  "kk-2016": { name: "kk-2016", netLabel: "Samlet pengestrøm i forslaget", paybackWithYear: false, kvantumTables: false },
};

/**
 * The defaults of a profile. The investment pool limit is evidenced only in 2025 (BC13 with 6
 * years passes, BC08 with 11 goes to særskilt politisk prioritering); 2018 proposal 11 states 22
 * years service payback with no such rule in its annex, so kk-2018 and kk-2016 have no limit.
 */
export function profileDefaults(profile: ProfileName): Settings {
  return profile === "kk-2025" ? { ...DEFAULT_SETTINGS } : { ...DEFAULT_SETTINGS, paybackLimitYears: null };
}

export function isProfileName(s: unknown): s is ProfileName {
  return s === "kk-2025" || s === "kk-2018" || s === "kk-2016";
}

/** Settings as the user can write them (JSON, the _beregn sheet): plain values. */
export interface SettingsInput {
  discountRate?: number | string;
  paybackLimitYears?: number | string | null;
  maaltalPolicy?: string;
  tabel211Basis?: string;
  roundingTolerance?: number | string;
  hoursPerYear?: number | string;
  sensitivityHorizonYears?: number | string;
  sensitivityDelayYears?: number | string;
  sensitivityEffectDown?: number | string;
  sensitivityInvestmentUp?: number | string;
  sensitivityDriftUp?: number | string;
  sensitivityRateLow?: number | string;
  sensitivityRateHigh?: number | string;
  /** true/false, or "ja"/"nej" as "_beregn" keeps it. */
  cellNotes?: boolean | string;
}

/** The discount rate's range (SPEC §3 fits 2 %; a rate above 20 % is a typing error, not a policy). */
export const MAX_DISCOUNT_RATE = new Decimal("0.2");

export class SettingsError extends Error {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Merge overrides into the defaults; a value of the wrong kind is a SettingsError naming the field. */
export function resolveSettings(input: SettingsInput | undefined, base: Settings = DEFAULT_SETTINGS): Settings {
  const s: Settings = { ...base };
  if (!input) return s;
  const dec = (field: string, v: unknown): Decimal => {
    try {
      const d = new Decimal(typeof v === "string" ? v.trim().replace(",", ".").replace(/\s*%$/, "") : (v as number));
      if (!d.isFinite()) throw new Error();
      return d;
    } catch {
      throw new SettingsError(`settings.${field}`, `settings.${field}: "${quoteValue(v)}" er ikke et tal`);
    }
  };
  // "2 %" or 2 means 2 %: a rate or fraction above 1 is a percentage
  const fraction = (field: keyof SettingsInput, v: number | string): Decimal => {
    let r = dec(field, v);
    if (typeof v === "string" && v.trim().endsWith("%")) r = r.div(100);
    else if (r.gt(1)) r = r.div(100);
    if (r.lt(0)) throw new SettingsError(`settings.${field}`, `settings.${field}: kan ikke være negativ`);
    return r;
  };
  const wholeYears = (field: keyof SettingsInput, v: number | string, min: number): number => {
    const n = dec(field, v);
    if (!n.isInteger() || n.lt(min) || n.gt(100))
      throw new SettingsError(`settings.${field}`, `settings.${field}: skal være et helt antal år fra ${min} til 100`);
    return n.toNumber();
  };
  if (input.discountRate !== undefined) {
    s.discountRate = parseDiscountRate(input.discountRate);
  }
  if (input.paybackLimitYears === null || input.paybackLimitYears === "") s.paybackLimitYears = null;
  else if (input.paybackLimitYears !== undefined) {
    const n = dec("paybackLimitYears", input.paybackLimitYears);
    if (!n.isInteger() || n.lt(0))
      throw new SettingsError("settings.paybackLimitYears", "settings.paybackLimitYears: skal være et helt antal år");
    s.paybackLimitYears = n.toNumber();
  }
  if (input.maaltalPolicy !== undefined) {
    if (input.maaltalPolicy !== "standard" && input.maaltalPolicy !== "net")
      throw new SettingsError("settings.maaltalPolicy", 'settings.maaltalPolicy: skal være "standard" eller "net"');
    s.maaltalPolicy = input.maaltalPolicy;
  }
  if (input.tabel211Basis !== undefined) {
    if (input.tabel211Basis !== "A" && input.tabel211Basis !== "C")
      throw new SettingsError("settings.tabel211Basis", 'settings.tabel211Basis: skal være "A" eller "C"');
    s.tabel211Basis = input.tabel211Basis;
  }
  if (input.roundingTolerance !== undefined) {
    if (input.roundingTolerance === "half-n") s.roundingTolerance = "half-n";
    else {
      const n = dec("roundingTolerance", input.roundingTolerance);
      if (n.lt(0)) throw new SettingsError("settings.roundingTolerance", "settings.roundingTolerance: kan ikke være negativ");
      s.roundingTolerance = n.toNumber();
    }
  }
  if (input.hoursPerYear !== undefined) {
    const h = dec("hoursPerYear", input.hoursPerYear);
    if (h.lte(0)) throw new SettingsError("settings.hoursPerYear", "settings.hoursPerYear: skal være positiv");
    s.hoursPerYear = h;
  }
  if (input.sensitivityHorizonYears !== undefined)
    s.sensitivityHorizonYears = wholeYears("sensitivityHorizonYears", input.sensitivityHorizonYears, 1);
  if (input.sensitivityDelayYears !== undefined)
    s.sensitivityDelayYears = wholeYears("sensitivityDelayYears", input.sensitivityDelayYears, 0);
  if (input.sensitivityEffectDown !== undefined) {
    s.sensitivityEffectDown = fraction("sensitivityEffectDown", input.sensitivityEffectDown);
    // more than all of the effect gone would turn savings into costs: not a shortfall any more
    if (s.sensitivityEffectDown.gt(1))
      throw new SettingsError("settings.sensitivityEffectDown", "settings.sensitivityEffectDown: kan højst være 100 %");
  }
  if (input.sensitivityInvestmentUp !== undefined)
    s.sensitivityInvestmentUp = fraction("sensitivityInvestmentUp", input.sensitivityInvestmentUp);
  if (input.sensitivityDriftUp !== undefined) s.sensitivityDriftUp = fraction("sensitivityDriftUp", input.sensitivityDriftUp);
  if (input.sensitivityRateLow !== undefined) s.sensitivityRateLow = fraction("sensitivityRateLow", input.sensitivityRateLow);
  if (input.sensitivityRateHigh !== undefined) s.sensitivityRateHigh = fraction("sensitivityRateHigh", input.sensitivityRateHigh);
  if (input.cellNotes !== undefined) {
    const v = typeof input.cellNotes === "string" ? input.cellNotes.trim().toLowerCase() : input.cellNotes;
    if (v === true || v === "ja" || v === "true") s.cellNotes = true;
    else if (v === false || v === "nej" || v === "false") s.cellNotes = false;
    else throw new SettingsError("settings.cellNotes", 'settings.cellNotes: skal være "ja" eller "nej"');
  }
  return s;
}

/**
 * The discount rate as staff write it: "2", "2 %", "2,5 %" are percent; a fraction below 1
 * ("0.02", as "_beregn" and the JSON keep it) is the rate itself. 0–20 % (MAX_DISCOUNT_RATE).
 */
export function parseDiscountRate(v: number | string): Decimal {
  const text = typeof v === "string" ? v.trim() : String(v);
  const percent = text.endsWith("%");
  const bare = text.replace(/%$/, "").trim().replace(/\s/g, "").replace(",", ".");
  let r: Decimal;
  try {
    r = new Decimal(bare);
    if (!r.isFinite() || bare === "") throw new Error();
  } catch {
    throw new SettingsError(
      "settings.discountRate",
      `settings.discountRate: Diskonteringsrenten "${quoteValue(v)}" er ikke et tal; skriv den i procent, fx 2 eller 2,5 %`,
    );
  }
  if (percent || r.gte(1)) r = r.div(100);
  if (r.lt(0) || r.gt(MAX_DISCOUNT_RATE))
    throw new SettingsError(
      "settings.discountRate",
      `settings.discountRate: Diskonteringsrenten skal ligge mellem 0 og 20 %; "${quoteValue(v)}" er uden for (skriv fx 2 for 2 %)`,
    );
  return r;
}
