/**
 * Recognising the template's Danish labels (SPEC §2, §8; DESIGN.md "The workbook the add-in
 * reads"): matching is on folded text, so wrapped, hyphenated and soft-hyphenated labels
 * ("Samlet varig æn-dring") match their plain spelling.
 */
import type { Area, Block, RowType } from "../engine/model";
import { readArea } from "../engine/input";
import { canonicalUnit, foldText } from "../engine/units";
import type { CellValue } from "./types";

/**
 * Fold for matching: foldText (lower case, soft hyphens and line-break hyphens gone, single
 * spaces) and also a hyphen inside a word ("æn-dring"), which a label wrapped by hand keeps.
 * "Beskæftigelses- og" keeps its hyphen: it is followed by a space.
 */
export function squeeze(text: string): string {
  return foldText(text)
    .replace(/(\p{L})-(\p{Ll})/gu, "$1$2")
    .replace(/[–—−]/g, "–")
    .replace(/\s*:\s*$/, "")
    .trim();
}

export type TotalKind = "permanent" | "permanentByArea" | "implementation" | "implementationByArea" | "net" | "aggregated";

export type Tabel1Label =
  | { kind: "permanentMarker"; y2016: boolean }
  | { kind: "implementationMarker"; area?: Area }
  | { kind: "computed"; total: TotalKind; area?: Area; y2016: boolean }
  /** A computed row for one unit ("Samlet varig ændring, service SOF"): Σ its own rows, not the proposal's total. */
  | { kind: "subtotal"; block: Block; area?: Area; unit: string }
  /** A computed row for something Tabel 1 does not total ("…, finansposter", "…, årets priser"): read as neither input nor total. */
  | { kind: "computedOther"; block: Block }
  /** "Varige ændringer totalt[, område]": the total row of a detail table (Tabel 2. Varige ændringer, service). */
  | { kind: "detailTotal"; area?: string }
  /** "Subtotal" (2018): the total of the block it closes. */
  | { kind: "blockTotal" }
  | { kind: "payback"; which: "service" | "total"; breakEven: boolean }
  | { kind: "transferTitle" }
  | { kind: "otherTable" };

/** Note marks after a label ("…investeringscasen*", "Spor 3 ***", "…¹"). */
function stripNoteMarks(s: string): string {
  return s.replace(/[\s*¹²³⁴⁵⁶⁷⁸⁹⁰†]+$/u, "").trim();
}

/** The area after a comma or dash: "Samlet varig ændring, Service", "Implementeringsomkostninger – anlæg". */
function areaSuffix(rest: string): Area | undefined {
  const m = /^\s*(?:,|–|-)\s*(.+)$/.exec(rest) ?? /^\s*\((.+)\)\s*$/.exec(rest);
  if (!m) return undefined;
  const t = m[1].replace(/\(.*\)\s*$/, "").trim();
  if (t === "drift") return "Service"; // 2016 "Implementeringsomkostninger – drift": running costs are Service
  return readArea(t);
}

/**
 * What follows "Samlet varig ændring" / "Samlede implementeringsomkostninger": nothing, an område
 * (", service", " Service", "(Overførsler)", "– EI"), an område and a unit ("service SOF",
 * "service (SOF)", "(SOF)"), "af investeringscasen", a qualifier in brackets ("(brutto)").
 */
function computedTail(rest: string): { area?: Area; unit?: string; other: boolean } {
  let t = rest
    .replace(/^\s*af investeringscasen\b/, "")
    .replace(/^\s*i forslaget\b/, "")
    .trim();
  if (t === "") return { other: false };
  if (/^for\b/.test(t)) return { other: false }; // "for overførsler, indsats og service": the whole block
  t = t.replace(/^[,–-]\s*/, "").trim();
  // a unit code at the end, bare or in brackets: "service SOF", "service (SOF)", "(SOF)"
  let unit: string | undefined;
  const u = /(?:^|\s)\(?([a-zæøå]{2,5})\)?$/.exec(t);
  if (u && canonicalUnit(u[1]) && !readArea(u[1])) {
    unit = u[1].toUpperCase();
    t = t.slice(0, u.index).trim();
  }
  const bracket = /^\((.*)\)$/.exec(t);
  if (bracket) t = bracket[1].trim();
  if (t === "") return { unit, other: false };
  const area = t === "drift" ? "Service" : readArea(t);
  if (area) return { area, unit, other: false };
  if (bracket && !unit) return { other: false }; // "(brutto)": a qualifier, still the block's total
  return { unit, other: true };
}

export interface LabelForm {
  /** On squeezed text (lower case, hyphenation joined), note marks stripped. */
  pattern: RegExp;
  meaning: (m: RegExpExecArray) => Tabel1Label | undefined;
  /** One label as an annex prints it (seed file: line). */
  seed: string;
}

/**
 * The label forms of Tabel 1, as the annexes print them (SPEC §2, §8). A label that matches no
 * form is an ordinary row: with numbers inside a block, an input row. Headings match the whole
 * label (so "Implementeringsomkostninger, som skal sikre en god overgang (FAC)" is an input row);
 * computed rows match their opening words and read the tail (computedTail).
 */
export const LABEL_FORMS: LabelForm[] = [
  {
    // 2025 000/001/004: "Varige ændringer (effektiviseringer og drift)"; 001:4702 "Varige ændringer, 1.000 kr. 2025 p/l"
    pattern: /^varige (ændringer|driftsændringer)(\s*\([^)]*\))?(\s*,?\s*(1\.000 kr|t\.?\s?kr|mio).*)?$/,
    meaning: (m) => ({ kind: "permanentMarker", y2016: m[1] === "driftsændringer" }),
    seed: "Varige ændringer (effektiviseringer og drift)",
  },
  {
    // 000:2383 "Varige ændringer totalt, service"; 004:241 "Varige ændringer totalt, administration"
    pattern: /^varige ændringer totalt(?:\s*[,–-]\s*(.+))?$/,
    meaning: (m) => ({ kind: "detailTotal", area: m[1] }),
    seed: "Varige ændringer totalt, service",
  },
  {
    // 004:124 "Implementeringsomkostninger (midler fra investeringspuljen)"; 003:84 "Implementeringsomkostninger - anlæg"
    pattern: /^implementeringsomkostninger(\s*\([^)]*\))?(\s*[,–-]\s*(anlæg|drift|service|overførsler))?$/,
    meaning: (m) => ({ kind: "implementationMarker", area: m[3] ? areaSuffix(` – ${m[3]}`) : undefined }),
    seed: "Implementeringsomkostninger (midler fra investeringspuljen)",
  },
  {
    // 001:2564 "Samlet varig ændring, service SOF"; 001:3699 "Samlet varig ændring af investeringscasen*"
    pattern: /^samlet varig (ændring|driftsændring)\b(.*)$/,
    meaning: (m) => computedMeaning("permanent", m[2], m[1] === "driftsændring"),
    seed: "Samlet varig ændring, service SOF",
  },
  {
    // 001:2584 "Samlede implementeringsomkostninger, service (SOF)"; 004:128 "Samlede implementeringsomkostninger"
    pattern: /^samlede? implementeringsomkostninger\b(.*)$/,
    meaning: (m) => computedMeaning("implementation", m[1], false),
    seed: "Samlede implementeringsomkostninger, service (SOF)",
  },
  {
    // 000:1078 (2018 proposal 2) "Subtotal" under each block
    pattern: /^subtotal$/,
    meaning: () => ({ kind: "blockTotal" }),
    seed: "Subtotal",
  },
  {
    // 004 BC01 "Samlet økonomisk påvirkning"
    pattern: /^samlet økonomisk påvirkning/,
    meaning: () => ({ kind: "computed", total: "net", y2016: false }),
    seed: "Samlet økonomisk påvirkning",
  },
  {
    // 003:109 "Samlet pengestrøm i forslaget"
    pattern: /^samlet pengestrøm/,
    meaning: () => ({ kind: "computed", total: "net", y2016: true }),
    seed: "Samlet pengestrøm i forslaget",
  },
  {
    // 2018 proposals: "Aggregeret"
    pattern: /^aggregeret/,
    meaning: () => ({ kind: "computed", total: "aggregated", y2016: false }),
    seed: "Aggregeret",
  },
  {
    // 004 "Tilbagebetalingstid baseret på serviceeffektivisering"; 003:113 "Tilbagebetalingstid (Break Even)"
    pattern: /^tilbagebetalingstid(.*)$/,
    meaning: (m) => ({ kind: "payback", which: /service/.test(m[1]) ? "service" : "total", breakEven: /break ?even/.test(m[1]) }),
    seed: "Tilbagebetalingstid baseret på serviceeffektivisering",
  },
  {
    pattern: /^bevillingsflyt/,
    meaning: () => ({ kind: "transferTitle" }),
    seed: "Bevillingsflyt",
  },
  {
    pattern: /^(tabel\s|fordelingsnøgle|fordeling på udvalg|personalemæssige konsekvenser)/,
    meaning: () => ({ kind: "otherTable" }),
    seed: "Tabel 2.1.1. Fordeling på udvalg, inkl. implementeringsudgifter",
  },
];

function computedMeaning(block: Block, rest: string, y2016: boolean): Tabel1Label {
  const tail = computedTail(rest);
  if (tail.other) return { kind: "computedOther", block };
  if (tail.unit) return { kind: "subtotal", block, area: tail.area, unit: tail.unit };
  if (block === "permanent") return { kind: "computed", total: tail.area ? "permanentByArea" : "permanent", area: tail.area, y2016 };
  return { kind: "computed", total: tail.area ? "implementationByArea" : "implementation", area: tail.area, y2016 };
}

/** What a Tabel 1 label is (undefined: an ordinary input row or a note). */
export function classifyTabel1Label(text: string): Tabel1Label | undefined {
  const s = stripNoteMarks(squeeze(text));
  if (s === "") return undefined;
  for (const form of LABEL_FORMS) {
    const m = form.pattern.exec(s);
    if (m) return form.meaning(m);
  }
  return undefined;
}

/**
 * A year header cell: 2016..2040 as a number or as text ("2025", "2029 og frem", "2022 og frem",
 * "2029*"). Returns the year.
 */
export function parseYearCell(v: CellValue): number | undefined {
  let y: number | undefined;
  if (typeof v === "number") y = Number.isInteger(v) ? v : undefined;
  else if (typeof v === "string") {
    const m = /^\s*(20\d\d)\s*(?:og frem|og fremefter|ff\.?|\+|\*)?\s*$/i.exec(v.replace(/[\s\u00a0]+/g, " "));
    if (m) y = Number(m[1]);
  }
  return y !== undefined && y >= 2016 && y <= 2040 ? y : undefined;
}

/** A year with text in brackets after it ("2024 (budget)"): read, but worth a finding. */
export function looseYearCell(v: CellValue): number | undefined {
  const strict = parseYearCell(v);
  if (strict !== undefined) return strict;
  if (typeof v !== "string") return undefined;
  const m = /^\s*(20\d\d)\s*\(.*\)\s*$/.exec(v.replace(/[\s\u00a0]+/g, " "));
  const y = m ? Number(m[1]) : undefined;
  return y !== undefined && y >= 2016 && y <= 2040 ? y : undefined;
}

/** Text that starts like a year but is not one ("2024 budget"): a broken year header cell. */
export function isYearish(v: CellValue): boolean {
  return typeof v === "string" && /^\s*20\d\d\b/.test(v) && looseYearCell(v) === undefined && parsePriceLevel(v) === undefined;
}

/**
 * Year columns in a row: runs of consecutive years (y, y+1, …) left to right, blank spacer cells
 * allowed between them; the longest run of at least `min` years (DESIGN.md: four to seven).
 * `loose` also takes "2024 (budget)" as 2024 (Tabel 1's header, with a finding).
 */
export function yearRun(row: CellValue[], min = 4, max = 10, loose = false): { cols: number[]; years: number[] } | undefined {
  let best: { cols: number[]; years: number[] } | undefined;
  let cur: { cols: number[]; years: number[] } | undefined;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    const y = loose ? looseYearCell(v ?? null) : parseYearCell(v ?? null);
    if (y !== undefined) {
      if (cur && y === cur.years[cur.years.length - 1] + 1) {
        cur.cols.push(c);
        cur.years.push(y);
      } else cur = { cols: [c], years: [y] };
      if (cur.years.length >= min && cur.years.length <= max && (!best || cur.years.length > best.years.length))
        best = { cols: [...cur.cols], years: [...cur.years] };
    } else if (!(v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) {
      cur = undefined;
    }
  }
  return best;
}

/** Template text left in a cell (SPEC §6 PLACEHOLDER): "[Angiv titel…]", "Angiv dato…", "[…]". */
export function isPlaceholder(text: string): boolean {
  const s = text.trim();
  if (s === "") return false;
  if (/^\[.*\]$/s.test(s)) return true;
  if (/^angiv\b/i.test(s)) return true;
  if (/^(…|\.\.\.|xx+)$/i.test(s)) return true;
  return false;
}

export type OptionalColumn = "area" | "unit" | "key" | "type" | "adm" | "excluded";

/** Header texts of Tabel 1's optional columns (DESIGN.md). */
export function headerRole(text: string): OptionalColumn | undefined {
  const s = squeeze(text).replace(/\.$/, "");
  if (s === "") return undefined;
  if (/^(styrings ?område|område)$/.test(s)) return "area"; // "Styrings\nområde": a line break without hyphen
  if (/^(bevilling|enhed|placering)$/.test(s)) return "unit";
  if (/^(fordelings)?nøgle$/.test(s)) return "key";
  if (/^(række)?type$/.test(s)) return "type";
  if (/^(adm|administrativ|administrativt)$/.test(s)) return "adm";
  if (/^(udeladt|udelades|ikke medregnet|medregnes ikke)$/.test(s)) return "excluded";
  return undefined;
}

/** "Effekt" / "Tab" / "Drift" in a Type column. */
export function parseTypeCell(text: string): RowType | undefined {
  const s = squeeze(text);
  if (/^(effekt|effektivisering|besparelse|e)$/.test(s)) return "effect";
  if (/^(tab|tabt indtægt|bortfald|t)$/.test(s)) return "loss";
  if (/^(drift|varig drift|d)$/.test(s)) return "drift";
  return undefined;
}

/** "x", "X", "ja", true, 1 mark a row (Adm., Udeladt). */
export function isMarked(v: CellValue): boolean {
  if (v === true || v === 1) return true;
  if (typeof v !== "string") return false;
  return /^(x|ja|j|yes|1|✓|✔)$/i.test(v.trim());
}

// Label words of the row types (DESIGN.md). Loss words are checked first: "Bortfalden indtægt"
// is a loss although "indtægt" is an effect word; effect words beat drift words, so
// "Serviceeffektiviseringer - reduktion i udgifter" (2018 proposal 6) is an effect.
const LOSS_WORDS = ["bortfald", "tabt", "tilbageførsel"];
const EFFECT_WORDS = ["effektivisering", "besparelse", "indtægt", "reduktion", "færre udgifter", "mindreudgift"];
const DRIFT_WORDS = ["drift", "licens", "udgift", "omkostning"];

/**
 * The row type from the label's words, else from the sign of the row's sum (positive: drift).
 * `why` is the Danish reason, for the note the reader shows.
 */
export function inferRowType(label: string, sign: number): { type: RowType; why: string } {
  const s = squeeze(label);
  const hit = (words: string[]) => words.find((w) => s.includes(w));
  const loss = hit(LOSS_WORDS);
  if (loss) return { type: "loss", why: `ordet "${loss}"` };
  const effect = hit(EFFECT_WORDS);
  if (effect) return { type: "effect", why: `ordet "${effect}"` };
  const drift = hit(DRIFT_WORDS);
  if (drift) return { type: "drift", why: `ordet "${drift}"` };
  if (sign > 0) return { type: "drift", why: "positivt fortegn" };
  if (sign < 0) return { type: "effect", why: "negativt fortegn" };
  return { type: "effect", why: "ingen tal; regnet som effekt" };
}

export const TYPE_NAMES: Record<RowType, string> = { effect: "effekt", loss: "tab", drift: "drift" };

/** "2025 p/l" from "t.kr., 2025-p/l", "2025 P/L", "(2025-priser)". */
export function parsePriceLevel(text: string): string | undefined {
  const m = /(20\d\d)\s*[-‑]?\s*(?:p\s*\/\s*l|pl\b|priser)/i.exec(text);
  return m ? `${m[1]} p/l` : undefined;
}

/** The "Total" / "I alt" row of a stated table. */
export function isTotalLabel(text: string): boolean {
  return /^(total|i alt|samlet|sum|totalt)\b/.test(squeeze(text));
}
