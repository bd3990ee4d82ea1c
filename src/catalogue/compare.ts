/**
 * The cross-check (issue 11): every number of a stated catalogue against the proposals. A line is
 * matched by proposal number (BC05, Forslag 4), then by title, then by Bilag 6's running number;
 * a stated value matches when it equals the computed value rounded the annex's way (mio. kr. one
 * decimal half up; whole t.kr.) in the annex's sign convention (Bilag 8 shows effects positive).
 * A stated total is checked against the lines it shows (within ⌊(n+1)/2⌋ of the shown precision
 * it is a rounding note, SPEC §2) and, when every line it covers is in the folder, against the
 * proposals. Findings are CATALOGUE_MISMATCH, located at the stated cell.
 */
import Decimal from "decimal.js";
import type { Finding, Severity } from "../engine/model";
import { shownMio, shownTkr } from "../engine/rollup";
import { sum, ZERO } from "../engine/series";
import { foldText } from "../engine/units";
import { type Catalogue, type CatalogueLine, type FormatSpec, lineAmount } from "./catalogue";
import type { StatedCatalogue, StatedCell, StatedLine, StatedSum } from "./stated";

export interface Mismatch {
  id: string;
  field: string;
  /** As the annex shows it (its unit and sign); null for a line missing on that side. */
  stated: number | string | null;
  computed: number | string | null;
  location: string;
  severity: Severity;
  message: string;
}

/** Fold a title for matching: no footnote stars, no "(FORTROLIG)", no leading number. */
export function foldTitle(t: string): string {
  return foldText(t)
    .replace(/\*+\d?\)?/g, "")
    .replace(/\(fortrolig\)/g, "")
    .replace(/^(forslag\s*\d+|bc\s?\d+|\d+)\s*[:.–-]?\s*/, "")
    .replace(/[^\p{L}\p{N} ]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

export interface LineKey {
  number: string | null;
  title: string;
}

/** Stated line for each key (by index), each stated line used once. */
export function matchLines(stated: StatedLine[], keys: LineKey[]): Map<number, StatedLine> {
  const out = new Map<number, StatedLine>();
  const used = new Set<StatedLine>();
  const pass = (test: (s: StatedLine, k: LineKey) => boolean) =>
    keys.forEach((k, i) => {
      if (out.has(i)) return;
      const s = stated.find((x) => !used.has(x) && test(x, k));
      if (s) {
        out.set(i, s);
        used.add(s);
      }
    });
  pass((s, k) => s.number !== null && s.number === k.number);
  pass((s, k) => {
    const a = foldTitle(s.title);
    const b = foldTitle(k.title);
    return a.length > 3 && b.length > 3 && (a === b || a.startsWith(b) || b.startsWith(a));
  });
  pass((s, k) => s.number === null && s.running !== null && k.number === `Forslag ${s.running}`);
  return out;
}

const shown = (spec: FormatSpec, d: Decimal) => (spec.unit === "mio" ? shownMio(d.times(1000)) : shownTkr(d));
const step = (spec: FormatSpec) => new Decimal(spec.unit === "mio" ? "0.1" : "1");
const da = (d: Decimal, spec: FormatSpec) =>
  d
    .toNumber()
    .toLocaleString("da-DK", { minimumFractionDigits: spec.unit === "mio" ? 1 : 0, maximumFractionDigits: spec.unit === "mio" ? 1 : 0 });
const tolerance = (n: number) => Math.floor((n + 1) / 2);

const FIELD_DA = (field: string): string =>
  field
    .replace(/^investering\.(.*)$/, "investering, $1")
    .replace(/^effekt\.([^.]+)\.(\d{4})$/, "effekt $2, $1")
    .replace(/^effekt\.(\d{4})$/, "effektiviseringsbidrag $1")
    .replace(/^effekt\.(.*)$/, "effekt, $1");

export interface Comparison {
  mismatches: Mismatch[];
  findings: Finding[];
}

export function compareCatalogue(cat: Catalogue, stated: StatedCatalogue): Comparison {
  const spec = cat.spec;
  const mismatches: Mismatch[] = [];
  const add = (m: Omit<Mismatch, "message"> & { message: string }) => mismatches.push(m);
  // each stated table matched on its own: Bilag 6 lists a proposal in Tabel 1 and again in Tabel 2
  const matched = new Map<CatalogueLine, StatedLine[]>();
  const lineOf = new Map<StatedLine, CatalogueLine>();
  const tables = [...new Set(stated.lines.map((s) => s.table))];
  for (const table of tables) {
    const candidates = cat.lines.filter((l) => belongs(l, table, spec));
    const m = matchLines(
      stated.lines.filter((s) => s.table === table),
      candidates.map((l) => ({ number: l.number, title: l.rollup.title })),
    );
    m.forEach((s, i) => {
      matched.set(candidates[i], [...(matched.get(candidates[i]) ?? []), s]);
      lineOf.set(s, candidates[i]);
    });
    for (const l of candidates)
      if (!(matched.get(l) ?? []).some((s) => s.table === table)) {
        const id = l.number ?? l.rollup.title;
        add({
          id,
          field: "linje",
          stated: null,
          computed: l.rollup.title,
          location: `${l.file}:${l.sheet}`,
          severity: "error",
          message: `${id} (${l.rollup.title}) står ikke i ${table} i det angivne katalog ${stated.sheet}`,
        });
      }
  }

  // lines
  for (const [l, ss] of matched)
    for (const s of ss) {
      const id = l.number ?? l.rollup.title;
      for (const [field, cell] of Object.entries(s.cells)) {
        if (field === "tilbagebetalingstid") {
          const p = l.rollup.payback.service;
          const computedYears = p ? p.years : undefined;
          const agrees = cell.never ? p !== null && p.years === null : p !== null && p.years === cell.value.toNumber();
          if (!agrees)
            add({
              id,
              field,
              stated: cell.text,
              computed: computedYears === undefined ? null : computedYears === null ? "ikke tilbagebetalt" : computedYears,
              location: cell.location,
              severity: "error",
              message: `${id}: tilbagebetalingstid angivet "${cell.text}"; forslagets rækker giver ${computedYears === undefined ? "ingen (ingen investering)" : computedYears === null ? "ikke tilbagebetalt" : `${computedYears} år`} (serviceeffektivisering, SPEC §3)`,
            });
          continue;
        }
        const exact = lineAmount(l, field, spec);
        if (exact === undefined) continue;
        compareCell(id, field, cell, exact, rowsOf(l), spec, add);
      }
      // ** is the pool's rule: a stated marker must agree with it (Bilag 7)
      if (spec.format === "investering-2025" && l.table === "Tabel 2") {
        const statedOver = s.marker === "**";
        if (statedOver !== l.rollup.overLimit)
          add({
            id,
            field: "markering",
            stated: s.marker,
            computed: l.rollup.overLimit ? "**" : "",
            location: s.location,
            severity: "error",
            message: statedOver
              ? `${id} er markeret ** (særskilt politisk prioritering), men tilbagebetalingstiden baseret på serviceeffektivisering holder sig inden for puljens grænse`
              : `${id} er ikke markeret **, men tilbagebetalingstiden baseret på serviceeffektivisering er over puljens grænse (særskilt politisk prioritering)`,
          });
      }
    }
  for (const s of stated.lines)
    if (!lineOf.has(s))
      add({
        id: s.number ?? s.title,
        field: "linje",
        stated: s.title || s.number,
        computed: null,
        location: s.location,
        severity: "error",
        message: `Det angivne katalog har en linje for ${[s.number, s.title].filter(Boolean).join(" ")}, men forslaget er ikke blandt de læste projektmapper`,
      });

  // sums: against the lines they show, and against the proposals when complete
  for (const sumRow of stated.sums) {
    const scope = scopeOf(sumRow, stated, spec);
    const complete = scope.every((s) => lineOf.has(s)) && computedScope(sumRow, cat).every((l) => scope.some((s) => lineOf.get(s) === l));
    const id = sumRow.kind === "total" ? `${sumRow.table} i alt` : `${sumRow.table} ${sumRow.group}`;
    for (const [field, cell] of Object.entries(sumRow.cells)) {
      if (field === "antal" || field === "innovation") {
        if (!complete) continue;
        const lines = computedScope(sumRow, cat);
        const n = field === "antal" ? lines.length : lines.filter((l) => l.table === "Tabel 3").length;
        if (!cell.value.eq(n))
          add({
            id,
            field,
            stated: cell.text,
            computed: n,
            location: cell.location,
            severity: "error",
            message: `${id}: antal angivet ${cell.text}; ${n} forslag`,
          });
        continue;
      }
      const groupRows = stated.sums.filter((g) => g.table === sumRow.table && g.kind === "group");
      // a total over group rows and no lines of its own (Bilag 7 Tabel 1) adds up those rows
      const shownLines =
        sumRow.kind === "total" && groupRows.length && !stated.lines.some((s) => s.table === sumRow.table)
          ? groupRows.map((g) => g.cells[field]).filter((c): c is StatedCell => c !== undefined)
          : scope.map((s) => statedFieldFor(s, field, sumRow)).filter((c): c is StatedCell => c !== undefined);
      if (shownLines.length) {
        const lineSum = sum(shownLines.map((c) => c.value));
        const diff = cell.value.minus(lineSum).abs();
        if (!diff.isZero()) {
          const tol = step(spec).times(tolerance(shownLines.length));
          add({
            id,
            field,
            stated: cell.value.toNumber(),
            computed: lineSum.toNumber(),
            location: cell.location,
            severity: diff.lte(tol) ? "info" : "error",
            message: `${id}, ${FIELD_DA(field)}: angivet ${da(cell.value, spec)}, men de ${shownLines.length} viste linjer summerer til ${da(lineSum, spec)}${diff.lte(tol) ? " (afrunding, SPEC §2)" : ""}`,
          });
          // and against the proposals too, below: a total may add up its lines and still miss the proposals
        }
      }
      if (!complete) continue;
      const lines = computedScope(sumRow, cat);
      const exact = sum(lines.map((l) => lineAmount(l, field, spec) ?? ZERO));
      compareCell(id, field, cell, exact, sum(lines.map((l) => new Decimal(rowsOf(l)))).toNumber(), spec, add);
    }
  }

  const findings: Finding[] = mismatches.map((m) => ({
    code: "CATALOGUE_MISMATCH",
    severity: m.severity,
    message: m.message,
    location: m.location,
  }));
  return { mismatches, findings };
}

/** Which of the annex's tables a line should appear in. */
function belongs(l: CatalogueLine, table: string, spec: FormatSpec): boolean {
  if (spec.format === "2018") {
    if (table === "Tabel 1") return true;
    return Object.entries(l.rollup.effectByYearByArea).some(
      ([a, ys]) => a !== "Service" && spec.years.some((y) => !(ys?.[y] ?? ZERO).isZero()),
    );
  }
  return l.table === table;
}

/** Input rows behind a line's numbers: the n of the rounding tolerance (SPEC §2). */
const rowsOf = (l: CatalogueLine) => l.rollup.rows;

function compareCell(
  id: string,
  field: string,
  cell: StatedCell,
  exact: Decimal,
  n: number,
  spec: FormatSpec,
  add: (m: Mismatch) => void,
): void {
  const computed = shown(spec, exact);
  if (cell.value.eq(computed)) return;
  const diff = cell.value.minus(exact).abs();
  // whole t.kr. from rows that are themselves rounded: within ⌊(n+1)/2⌋ is the document's rounding
  const severity: Severity = spec.unit === "tkr" && diff.lte(tolerance(n)) ? "info" : "error";
  add({
    id,
    field,
    stated: cell.value.toNumber(),
    computed: computed.toNumber(),
    location: cell.location,
    severity,
    message: `${id}, ${FIELD_DA(field)}: angivet ${da(cell.value, spec)}; forslaget giver ${da(computed, spec)}${spec.effectSign === -1 && field.startsWith("effekt") ? " (effekter vist positive)" : ""}${severity === "info" ? ` (inden for afrundingen af ${n} rækker, SPEC §2)` : ""}`,
  });
}

/** The stated lines a sum row covers. */
function scopeOf(row: StatedSum, stated: StatedCatalogue, spec: FormatSpec): StatedLine[] {
  const inv7 = spec.format === "investering-2025" && row.table === "Tabel 1";
  // Bilag 7 Tabel 1: the udvalg's lines in Tabel 2 and 3; Bilag 6: the forvaltning's lines
  if (row.kind === "group")
    return stated.lines.filter((s) => (inv7 ? s.table !== row.table : s.table === row.table) && sameGroup(s.group, row.group));
  const groupRows = stated.sums.filter((s) => s.table === row.table && s.kind === "group");
  if (groupRows.length && !stated.lines.some((s) => s.table === row.table))
    // Bilag 7 Tabel 1's total covers its udvalg rows, which cover Tabel 2 and 3
    return stated.lines.filter((s) => s.table !== row.table);
  return stated.lines.filter((s) => s.table === row.table);
}

function computedScope(row: StatedSum, cat: Catalogue): CatalogueLine[] {
  // Bilag 7 Tabel 1 sums Tabel 2 and 3 per udvalg
  const inv7 = cat.spec.format === "investering-2025" && row.table === "Tabel 1";
  const inTable = (l: CatalogueLine) => inv7 || belongs(l, row.table, cat.spec);
  return cat.lines.filter((l) => inTable(l) && (row.kind !== "group" || sameGroup(l.group, row.group)));
}

const sameGroup = (a: string, b: string) => foldText(a).replace(/\s*\(tværgående\)$/, "") === foldText(b).replace(/\s*\(tværgående\)$/, "");

/**
 * The line's stated number that a sum's field adds up: the same field, except Bilag 7 Tabel 1's
 * "investering" (Tabel 2's service + anlæg, Tabel 3's pool).
 */
function statedFieldFor(s: StatedLine, field: string, row: StatedSum): StatedCell | undefined {
  if (field === "investering" && !s.cells.investering) {
    const parts = ["investering.Service", "investering.Anlæg", "innovationspulje"]
      .map((f) => s.cells[f])
      .filter((c): c is StatedCell => !!c);
    if (!parts.length) return undefined;
    return { value: sum(parts.map((c) => c.value)), text: "", location: parts[0].location };
  }
  if (row.table === "Tabel 1" && field === "effekt.Service" && s.table === "Tabel 3") return undefined;
  const others = /^effekt\.Øvrige\.(\d{4})$/.exec(field);
  if (others) {
    const parts = Object.entries(s.cells)
      .filter(([f]) => f.startsWith("effekt.") && f.endsWith(`.${others[1]}`) && !f.startsWith("effekt.Service."))
      .map(([, c]) => c);
    return parts.length ? { value: sum(parts.map((c) => c.value)), text: "", location: parts[0].location } : undefined;
  }
  return s.cells[field];
}
