/**
 * Units of the organisation (SPEC §1): the bevilling rows of the Kvantum tables, the udvalg of
 * Tabel 2.1.1, and every spelling the documents use for them.
 */

/** Bevilling rows of the 2025 Kvantum tables, in the template's order (SPEC §1). */
export const BEVILLINGER = ["ØU", "KS", "KIT", "KEJD", "BYKBH", "KFU", "BUU", "SUU", "SU", "TMU", "BIU"] as const;
export type Bevilling = (typeof BEVILLINGER)[number];

/** The seven udvalg of Tabel 2.1.1 (ØU includes its four group units there). */
export const UDVALG = ["ØU", "KFU", "BUU", "SUU", "SU", "TMU", "BIU"] as const;
export type Udvalg = (typeof UDVALG)[number];

/** ØU's group units (koncernenheder): own rows in Kvantum, part of ØU in Tabel 2.1.1. */
export const OEU_GROUP_UNITS = ["KS", "KIT", "KEJD", "BYKBH"] as const;

/** Forvaltning → udvalg (SPEC §1). */
export const FORVALTNING_TO_UDVALG: Record<string, Udvalg> = {
  ØKF: "ØU",
  KFF: "KFU",
  BUF: "BUU",
  SUF: "SUU",
  SOF: "SU",
  TMF: "TMU",
  BIF: "BIU",
};

/** Units seen outside the template (SPEC §1, §4): kept as rows of their own, never dropped. */
export const OUTSIDE_TEMPLATE_UNITS: Record<string, string> = {
  BR: "Borgerrådgiveren",
  IR: "Intern Revision",
  UFI: "Udenfor Forvaltningsinddeling",
};

/** Danish display names of the bevillinger (for generated tables). */
export const UNIT_NAMES: Record<string, string> = {
  ØU: "Økonomiudvalget",
  KS: "Koncernservice",
  KIT: "Koncern IT",
  KEJD: "Københavns Ejendomme & Indkøb",
  BYKBH: "Byggeri København",
  KFU: "Kultur- og Fritidsudvalget",
  BUU: "Børne- og Ungdomsudvalget",
  SUU: "Sundheds- og Omsorgsudvalget",
  SU: "Socialudvalget",
  TMU: "Teknik- og Miljøudvalget",
  BIU: "Beskæftigelses- og Integrationsudvalget",
  BR: "Borgerrådgiveren",
  IR: "Intern Revision",
  UFI: "Udenfor Forvaltningsinddeling",
};

/** Fold a label for matching: lower case, no hyphenation breaks, single spaces. */
export function foldText(s: string): string {
  return s
    .replace(/\u00ad/g, "")
    .replace(/-\s*\n\s*/g, "")
    .replace(/(\p{L})-\s+(?!og\b)(\p{Ll})/gu, "$1$2")
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Name → canonical code. Full names of udvalg and forvaltninger, with or without "inkl./ekskl.
 * koncernenheder", abbreviations, KEID for KEJD. Matching is on folded text.
 */
const NAME_PATTERNS: [RegExp, string][] = [
  [/^(økonomiudvalget|økonomiforvaltningen)\b/, "ØU"],
  [/^koncernservice\b/, "KS"],
  [/^koncern ?it\b/, "KIT"],
  [/^københavns ejendomme\b/, "KEJD"],
  [/^byggeri københavn\b/, "BYKBH"],
  [/^kultur- og fritids(udvalget|forvaltningen)\b/, "KFU"],
  [/^børne- og ungdoms(udvalget|forvaltningen)\b/, "BUU"],
  // "Sundhed- og Omsorgsudvalget" is 2018 Forslag 2's own spelling in its Bilag 1 and 2 (000:1409, 000:1445)
  [/^sundheds?- og omsorgs(udvalget|forvaltningen)\b/, "SUU"],
  [/^social(udvalget|forvaltningen)\b/, "SU"],
  [/^teknik- og miljø(udvalget|forvaltningen)\b/, "TMU"],
  [/^beskæftigelses- og integrations(udvalget|forvaltningen)\b/, "BIU"],
  [/^borgerrådgiveren\b/, "BR"],
  [/^intern revision\b/, "IR"],
  [/^udenfor forvaltningsinddeling\b/, "UFI"],
];

const CODE_ALIASES: Record<string, string> = {
  ØU: "ØU",
  OEU: "ØU",
  KS: "KS",
  KIT: "KIT",
  KEJD: "KEJD",
  KEID: "KEJD",
  BYKBH: "BYKBH",
  KFU: "KFU",
  BUU: "BUU",
  SUU: "SUU",
  SU: "SU",
  TMU: "TMU",
  BIU: "BIU",
  BR: "BR",
  IR: "IR",
  UFI: "UFI",
  ...Object.fromEntries(Object.entries(FORVALTNING_TO_UDVALG)),
  ØKF: "ØU",
};

/**
 * The canonical bevilling code of a unit as written (code or name), or undefined when it names
 * no known unit. Forvaltning codes map to their udvalg (ØKF → ØU).
 */
export function canonicalUnit(text: string): string | undefined {
  const raw = text.replace(/[\s\u00a0]+/g, " ").trim();
  if (raw === "") return undefined;
  const upper = raw.toUpperCase().replace(/\s*\(.*\)$/, "");
  if (CODE_ALIASES[upper]) return CODE_ALIASES[upper];
  // foldText joins hyphenation ("udval-get", "udval-\nget") but keeps "Kultur- og"
  const folded = foldText(raw).replace(/(\p{Ll})-(\p{Ll})/gu, "$1$2");
  for (const [re, code] of NAME_PATTERNS) if (re.test(folded)) return code;
  return undefined;
}

/** The udvalg a bevilling belongs to (ØU's group units and ØU itself → ØU). */
export function udvalgOf(code: string): string {
  if ((OEU_GROUP_UNITS as readonly string[]).includes(code)) return "ØU";
  if (code in OUTSIDE_TEMPLATE_UNITS) return "ØU";
  return code;
}

export function isTemplateBevilling(code: string): boolean {
  return (BEVILLINGER as readonly string[]).includes(code);
}

/** Sort unit codes in the template's row order; units outside it follow, alphabetically. */
export function templateOrder(a: string, b: string): number {
  const ia = (BEVILLINGER as readonly string[]).indexOf(a);
  const ib = (BEVILLINGER as readonly string[]).indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a.localeCompare(b, "da");
}
