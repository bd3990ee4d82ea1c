/**
 * The catalogue of a batch of proposals (issue 11): one line per proposal in the layout of one
 * of the annexes' summary tables (`../shared/seeds`: Bilag 7 2025 Tabel 1–3, Bilag 8 2025 Tabel
 * 1–2, Bilag 6 2018 Tabel 1–2). The numbers come from the engine's roll-up (SPEC §7,
 * src/engine/rollup.ts); this module only decides which table, group and marker a line gets.
 * What a proposal does not carry — "godkendt med", the table or joint group Bilag 8 puts it in,
 * a `*` decided elsewhere — comes from the stated catalogue when there is one.
 */
import Decimal from "decimal.js";
import type { Area, ProfileName, ProposalKind } from "../engine/model";
import type { Result } from "../engine/result";
import { type RollupLine, rollupLine } from "../engine/rollup";
import { sum, ZERO } from "../engine/series";
import { UNIT_NAMES } from "../engine/units";

export const CATALOGUE_FORMATS = ["investering-2025", "tvaergaaende-2025", "2018"] as const;
export type CatalogueFormat = (typeof CATALOGUE_FORMATS)[number];

export interface FormatSpec {
  format: CatalogueFormat;
  /** The annex it reproduces. */
  annex: string;
  profile: ProfileName;
  /** Year columns of the per-year tables (Bilag 8, Bilag 6); [] when the annex has none. */
  years: number[];
  /** mio. kr. with one decimal (Bilag 7) or whole t.kr. (Bilag 8, Bilag 6). */
  unit: "mio" | "tkr";
  /** -1: effects shown positive (Bilag 8); 1: in the proposals' sign convention. */
  effectSign: 1 | -1;
  priceLevel: string;
}

export const FORMATS: Record<CatalogueFormat, FormatSpec> = {
  "investering-2025": {
    format: "investering-2025",
    annex: "Bilag 7, budget 2025: Investerings- og innovationsforslag",
    profile: "kk-2025",
    years: [],
    unit: "mio",
    effectSign: 1,
    priceLevel: "2025 p/l",
  },
  "tvaergaaende-2025": {
    format: "tvaergaaende-2025",
    annex: "Bilag 8, budget 2025: Katalog med tværgående effektiviseringsforslag",
    profile: "kk-2025",
    years: [2025, 2026, 2027, 2028],
    unit: "tkr",
    effectSign: -1,
    priceLevel: "2025 p/l",
  },
  "2018": {
    format: "2018",
    annex: "Bilag 6, budget 2018: Tværgående effektiviseringsforslag",
    profile: "kk-2018",
    years: [2018, 2019, 2020, 2021],
    unit: "tkr",
    effectSign: 1,
    priceLevel: "2018 p/l",
  },
};

export function isCatalogueFormat(s: string): s is CatalogueFormat {
  return (CATALOGUE_FORMATS as readonly string[]).includes(s);
}

/** Without --format: the profile most proposals have (issue 11); ties go to the newer annex. */
export function formatForProfiles(profiles: ProfileName[]): CatalogueFormat {
  const n2018 = profiles.filter((p) => p === "kk-2018" || p === "kk-2016").length;
  return n2018 > profiles.length - n2018 ? "2018" : "investering-2025";
}

/** One proposal read from a workbook and computed. */
export interface CatalogueEntry {
  file: string;
  sheet: string;
  result: Result;
}

/** What a stated catalogue says about one line that the proposal itself does not carry. */
export interface StatedLineFacts {
  table?: string;
  group?: string;
  marker?: string;
  approvedWith?: string;
  /** Bilag 7 Tabel 3's Forslagstype, for a proposal that does not state its kind. */
  kind?: ProposalKind;
}

export interface CatalogueLine {
  file: string;
  sheet: string;
  /** "BC05", "Forslag 4", or null when neither the title, the sheet nor the file name has one. */
  number: string | null;
  rollup: RollupLine;
  /** "Tabel 1" … of the chosen annex. */
  table: string;
  /** Bilag 7: the udvalg code; Bilag 8: the udvalg or joint group; Bilag 6: the forvaltning. */
  group: string;
  /** Bilag 7: "*" tværgående, "**" særskilt politisk prioritering, "" neither. */
  marker: string;
  approvedWith: string;
}

export interface Catalogue {
  spec: FormatSpec;
  lines: CatalogueLine[];
}

/**
 * A proposal's number as the annexes write it: "BC05" (Bilag 7), "Forslag 4" (Bilag 8, Bilag 6),
 * from its title, else its sheet, else its file name ("2025-BC01.xlsx", "2018-P2.xlsx", "F4").
 */
export function proposalNumber(...texts: string[]): string | null {
  for (const t of texts) {
    const bc = /\bBC\s?0*(\d{1,3})\b/i.exec(t);
    if (bc) return `BC${bc[1].padStart(2, "0")}`;
    const f = /\bforslag\s*(?:nr\.?\s*)?0*(\d{1,3})\b/i.exec(t);
    if (f) return `Forslag ${f[1]}`;
    const short = /(?:^|[-_ ])[FP]0*(\d{1,3})$/i.exec(t.replace(/\.(xlsx|xlsm)$/i, ""));
    if (short) return `Forslag ${short[1]}`;
  }
  return null;
}

/** Sort key: numbered lines by number (BC01 < BC02 < … , Forslag 1 < Forslag 2), then by title. */
function numberOrder(a: CatalogueLine, b: CatalogueLine): number {
  const n = (l: CatalogueLine) => (l.number ? Number(/\d+/.exec(l.number)?.[0]) : Infinity);
  const d = n(a) - n(b);
  if (d !== 0 && !Number.isNaN(d)) return d;
  return a.rollup.title.localeCompare(b.rollup.title, "da");
}

/** Bilag 7 writes Socialudvalget as "SUD" (Tabel 1–3); every other udvalg by its code (SPEC §1). */
const BILAG7_CODE: Record<string, string> = { SU: "SUD" };

/** Bilag 6 groups by fremstillende forvaltning, by its full name (SPEC §1). */
const FORVALTNING_NAME: Record<string, string> = {
  ØU: "Økonomiforvaltningen",
  KFU: "Kultur- og Fritidsforvaltningen",
  BUU: "Børne- og Ungdomsforvaltningen",
  SUU: "Sundheds- og Omsorgsforvaltningen",
  SU: "Socialforvaltningen",
  TMU: "Teknik- og Miljøforvaltningen",
  BIU: "Beskæftigelses- og Integrationsforvaltningen",
};

/** The group of a proposal whose presenting forvaltning is not stated. */
export const UNKNOWN_GROUP = "Ukendt udvalg";

const isInnovation = (l: RollupLine) => l.kind === "innovation" || l.kind === "preliminary";

/**
 * The catalogue lines. `stated(line)` gives what a stated catalogue says about the line it matched
 * (see compare.ts), or undefined.
 */
export function buildCatalogue(
  entries: CatalogueEntry[],
  format: CatalogueFormat,
  stated: (number: string | null, title: string) => StatedLineFacts | undefined = () => undefined,
): Catalogue {
  const spec = FORMATS[format];
  const lines = entries.map((e): CatalogueLine => {
    const rollup = rollupLine(e.result, spec.years.length ? spec.years : undefined);
    const number = proposalNumber(rollup.title, e.sheet, e.file.split(/[\\/]/).pop() ?? e.file);
    const facts = stated(number, rollup.title) ?? {};
    if (e.result.proposal.kind === undefined && facts.kind) {
      // the stated catalogue's Tabel 3 says it is for the innovation pool, which has no limit
      rollup.kind = facts.kind;
      if (isInnovation(rollup)) rollup.overLimit = false;
    }
    const udvalg = rollup.udvalg;
    let table: string;
    let group: string;
    let marker = "";
    if (format === "investering-2025") {
      table = isInnovation(rollup) ? "Tabel 3" : "Tabel 2";
      group = udvalg ? (BILAG7_CODE[udvalg] ?? udvalg) : UNKNOWN_GROUP;
      // ** is the pool's rule, computed; * (tværgående, jf. Bilag 8) is decided with Bilag 8, so a
      // stated marker wins, else the proposal's own Tabel 2.1.1 on more than one udvalg says it
      if (!isInnovation(rollup))
        marker = rollup.overLimit ? "**" : facts.marker !== undefined ? facts.marker.replace(/\*\*/, "") : rollup.crossCutting ? "*" : "";
    } else if (format === "tvaergaaende-2025") {
      table = facts.table ?? "Tabel 1";
      group = facts.group ?? (udvalg ? (UNIT_NAMES[udvalg] ?? udvalg) : UNKNOWN_GROUP);
    } else {
      table = "Tabel 1";
      group = udvalg ? (FORVALTNING_NAME[udvalg] ?? udvalg) : UNKNOWN_GROUP;
    }
    return { file: e.file, sheet: e.sheet, number, rollup, table, group, marker, approvedWith: facts.approvedWith ?? "" };
  });
  lines.sort(numberOrder);
  return { spec, lines };
}

/** Lines of one table, grouped in order of their first line (Bilag 8, Bilag 6). */
export function groupsOf(lines: CatalogueLine[]): { group: string; lines: CatalogueLine[] }[] {
  const out: { group: string; lines: CatalogueLine[] }[] = [];
  for (const l of lines) {
    const g = out.find((x) => x.group === l.group);
    if (g) g.lines.push(l);
    else out.push({ group: l.group, lines: [l] });
  }
  return out;
}

const isInnovationTable = (l: CatalogueLine) => l.table === "Tabel 3";

function otherEffect(l: CatalogueLine): Decimal {
  return sum(
    Object.entries(l.rollup.effectByArea)
      .filter(([a]) => a !== "Service")
      .map(([, v]) => v as Decimal),
  );
}

/**
 * A line's number for one of the annex's fields, exact, in the annex's unit and sign: what the
 * catalogue writes and what a stated cell is compared with. "investering", "investering.Anlæg",
 * "investering.Service" (all but Anlæg, as the payback counts it, SPEC §3), "innovationspulje",
 * "effekt.Service", "effekt.Overførsler mv." (all but Service), "effekt.<år>" and
 * "effekt.<område>.<år>" ("Øvrige": all but Service). undefined: not a number field.
 */
export function lineAmount(l: CatalogueLine, field: string, spec: FormatSpec): Decimal | undefined {
  const r = l.rollup;
  const unit = (d: Decimal) => (spec.unit === "mio" ? d.div(1000) : d);
  if (field === "investering") return unit(r.investment);
  if (field === "investering.Anlæg") return unit(r.investmentByArea.Anlæg ?? ZERO);
  if (field === "investering.Service") return unit(r.investment.minus(r.investmentByArea.Anlæg ?? ZERO));
  if (field === "innovationspulje") return unit(r.investment);
  if (field === "effekt.Service") return unit(isInnovationTable(l) ? ZERO : (r.effectByArea.Service ?? ZERO)).times(spec.effectSign);
  if (field === "effekt.Overførsler mv.") return unit(otherEffect(l)).times(spec.effectSign);
  const byYear = /^effekt\.(?:([^.]+)\.)?(\d{4})$/.exec(field);
  if (byYear) {
    const y = Number(byYear[2]);
    // Bilag 6 Tabel 2's total: every område but Service
    if (byYear[1] === "Øvrige")
      return unit(sum(Object.entries(r.effectByYearByArea).map(([a, ys]) => (a === "Service" ? ZERO : (ys?.[y] ?? ZERO))))).times(
        spec.effectSign,
      );
    return unit(r.effectByYearByArea[(byYear[1] ?? "Service") as Area]?.[y] ?? ZERO).times(spec.effectSign);
  }
  return undefined;
}
