/**
 * Kvantum technical tables A–E (SPEC §5) and the placement of every row on bevillinger.
 *
 *   effect/loss: realised at where(r) (the row's unit), credited to credit(r) (its key; default
 *                where(r)) — BC02's income realised at KEJD, credited to the tenants
 *   drift:       hosted at host(r) (unit), financed by finance(r) (key; default: in proportion to
 *                the credited effects of the same year, else the host, with an info finding)
 *   transfer:    moves existing budget from → to; sums to 0
 *   A_u = Σ effects credited + Σ drift financed             (måltalseffekt)
 *   C_u = Σ effects realised + Σ drift hosted + transfers    (bevillingsmæssig effekt)
 *   B_u = C_u − A_u, on the shown numbers, so C = A + B and ΣB = 0 hold as shown
 * Reproduces 2025 Forslag 4 in all 18 cells (the worked check in SPEC §5).
 */
import Decimal from "decimal.js";
import { portion, resolveKeys, resolveTarget, shareValue, unitShares, type Shares } from "./allocate";
import type { Area, Finding, Proposal, Row, Series } from "./model";
import type { Contribution, KvantumResult, KvantumSet, RoundedTable } from "./result";
import { roundColumn } from "./rounding";
import { ZERO, zeros } from "./series";
import { canonicalUnit, templateOrder } from "./units";
import { countedRows } from "./totals";
import { quoteText } from "./quote";

/** What went into a table: a row's series spread over shares (kept for "Forklar"). */
interface Placement {
  source: string;
  role: string;
  shares: Shares;
  values: Series;
  /** Only these year columns (the default drift financing is placed year by year). */
  yearIndex?: number;
}

/**
 * An exact table being built: unit → series. Rows placed with the same shares (the same key or
 * unit) are summed first and split once when the table is read, as v·w/W: exact whenever the
 * result terminates, and the cost grows with keys × units, not rows × units. Contributions per
 * cell are not stored but derived on demand from the placements (DESIGN.md performance).
 */
class Accumulator {
  /** shares → Σ of the series placed with them */
  private readonly buckets = new Map<Shares, Series>();
  private cache: Map<string, Series> | undefined;
  readonly placements: Placement[] = [];
  constructor(private readonly n: number) {}

  /** Spread a series (or one year of it) over shares. */
  spread(shares: Shares, values: Series, source: string, role: string, yearIndex?: number): void {
    this.placements.push({ source, role, shares, values, yearIndex });
    this.cache = undefined;
    let sum = this.buckets.get(shares);
    if (!sum) this.buckets.set(shares, (sum = zeros(this.n)));
    for (let i = 0; i < this.n; i++) {
      if ((yearIndex !== undefined && i !== yearIndex) || values[i].isZero()) continue;
      sum[i] = sum[i].plus(values[i]);
    }
  }

  /** The exact table: each bucket split over its shares. */
  get values(): Map<string, Series> {
    if (this.cache) return this.cache;
    const out = new Map<string, Series>();
    for (const [shares, sum] of this.buckets) {
      for (const [unit, share] of shares) {
        let s = out.get(unit);
        if (!s) out.set(unit, (s = zeros(this.n)));
        for (let i = 0; i < this.n; i++) if (!sum[i].isZero()) s[i] = s[i].plus(portion(sum[i], share));
      }
    }
    return (this.cache = out);
  }

  contributions(unit: string, n: number): Contribution[][] {
    const out: Contribution[][] = Array.from({ length: n }, () => []);
    for (const p of this.placements) {
      const share = p.shares.get(unit);
      if (!share) continue;
      for (let i = 0; i < n; i++) {
        if ((p.yearIndex !== undefined && i !== p.yearIndex) || p.values[i].isZero()) continue;
        out[i].push({ source: p.source, role: p.role, share: shareValue(share), amount: portion(p.values[i], share) });
      }
    }
    return out;
  }
}

/** Contributions computed when first asked for (only "Forklar" and 2.1.1 need them). */
function lazyContributions(units: string[], make: (unit: string) => Contribution[][]): Record<string, Contribution[][]> {
  const out: Record<string, Contribution[][]> = {};
  for (const u of units) {
    let cached: Contribution[][] | undefined;
    Object.defineProperty(out, u, { enumerable: true, get: () => (cached ??= make(u)) });
  }
  return out;
}

/** Round an exact table column by column (SPEC §4), units in template order. */
export function roundTable(acc: Accumulator, n: number, extraUnits: Iterable<string> = []): RoundedTable {
  const units = [...new Set([...acc.values.keys(), ...extraUnits])].sort(templateOrder);
  const exact: Record<string, Series> = {};
  const shown: Record<string, Series> = {};
  for (const u of units) {
    exact[u] = acc.values.get(u) ?? zeros(n);
    shown[u] = zeros(n);
  }
  const total = zeros(n);
  for (let i = 0; i < n; i++) {
    const col = roundColumn(units.map((u) => exact[u][i]));
    units.forEach((u, j) => (shown[u][i] = col.shown[j]));
    total[i] = col.total;
  }
  return { units, exact, shown, total, contributions: lazyContributions(units, (u) => acc.contributions(u, n)) };
}

/** B = C − A cell by cell on the shown numbers (SPEC §5: C = A + B holds as shown, ΣB = 0). */
function differenceTable(C: RoundedTable, A: RoundedTable, n: number): RoundedTable {
  const units = [...new Set([...A.units, ...C.units])].sort(templateOrder);
  const exact: Record<string, Series> = {};
  const shown: Record<string, Series> = {};
  const z = zeros(n);
  for (const u of units) {
    exact[u] = (C.exact[u] ?? z).map((v, i) => v.minus((A.exact[u] ?? z)[i]));
    shown[u] = (C.shown[u] ?? z).map((v, i) => v.minus((A.shown[u] ?? z)[i]));
  }
  const none = () => Array.from({ length: n }, () => [] as Contribution[]);
  const contributions = lazyContributions(units, (u) => {
    const a = A.contributions[u] ?? none();
    return (C.contributions[u] ?? none()).map((cs, i) => [
      ...cs,
      ...a[i].map((p) => ({ ...p, amount: p.amount.negated(), role: `${p.role} (måltal, fratrukket)` })),
    ]);
  });
  const total = C.total.map((v, i) => v.minus(A.total[i]));
  return { units, exact, shown, total, contributions };
}

interface Placer {
  /** Shares for a row field, or undefined when it cannot be placed (finding raised). */
  place(row: Row, text: string | undefined, field: "unit" | "key", purpose: string): Shares | undefined;
  findings: Finding[];
  keys: Map<string, Shares>;
}

function makePlacer(proposal: Proposal): Placer {
  const { keys, findings } = resolveKeys(proposal);
  const fallbackText = proposal.defaultKey ?? proposal.presenting;
  const fallback = fallbackText ? resolveTarget(fallbackText, keys, proposal) : undefined;
  const place = (row: Row, text: string | undefined, field: "unit" | "key", purpose: string): Shares | undefined => {
    const where = proposal.locate(`rows[${row.index}].${field}`);
    if (text !== undefined) {
      const r = resolveTarget(text, keys, proposal);
      if (r.ok) return r.shares;
      if (!(text in proposal.keys))
        findings.push({
          code: "KEY_INVALID",
          severity: "error",
          message: `"${quoteText(row.label)}": "${quoteText(text)}" er hverken en kendt enhed eller en fordelingsnøgle i forslaget; rækken er ikke fordelt`,
          location: where,
        });
      else
        findings.push({
          code: "KEY_MISSING",
          severity: "error",
          message: `"${quoteText(row.label)}": fordelingsnøglen "${quoteText(text)}" er ugyldig; rækken er ikke fordelt`,
          location: where,
        });
      return undefined;
    }
    if (fallback?.ok) {
      findings.push({
        code: "KEY_MISSING",
        severity: "info",
        message: `"${quoteText(row.label)}" har ingen bevilling eller nøgle til ${purpose}; ${fallbackText} er brugt`,
        location: where,
      });
      return fallback.shares;
    }
    findings.push({
      code: "KEY_MISSING",
      severity: "error",
      message: `"${quoteText(row.label)}" har ingen bevilling eller nøgle til ${purpose}, og forslaget angiver ingen forvaltning at falde tilbage på; rækken er ikke fordelt`,
      location: where,
    });
    return undefined;
  };
  return { place, findings, keys };
}

/** Units an effect was credited to in a year, as weights for the default drift financing. */
function creditedSavings(credits: Map<string, Series>, yearIndex: number): Shares | undefined {
  const weights = new Map<string, Decimal>();
  let total = ZERO;
  for (const [unit, s] of credits) {
    if (s[yearIndex].isNeg() && !s[yearIndex].isZero()) {
      weights.set(unit, s[yearIndex].negated());
      total = total.plus(s[yearIndex].negated());
    }
  }
  if (total.isZero()) return undefined;
  return new Map([...weights].map(([u, w]) => [u, { weight: w, total }]));
}

/**
 * 2018's "only administrations with a net saving get måltal, in proportion to it" (SPEC §5):
 * A_u = ΣNet × Net_u / Σ_{Net_v<0} Net_v for Net_u < 0, else 0; Net = the unit's C.
 */
function netSaversA(C: Accumulator, n: number): Accumulator {
  const A = new Accumulator(n);
  for (let i = 0; i < n; i++) {
    let all = ZERO;
    let savers = ZERO;
    for (const s of C.values.values()) {
      all = all.plus(s[i]);
      if (s[i].isNeg()) savers = savers.plus(s[i]);
    }
    const shares: Shares = new Map();
    for (const [unit, s] of C.values) if (s[i].isNeg() && !s[i].isZero()) shares.set(unit, { weight: s[i], total: savers });
    if (shares.size) {
      const net = zeros(n);
      net[i] = all;
      A.spread(shares, net, "nettobesparelse (2018-princip)", "måltal", i);
      continue;
    }
    // no unit saves on net this year: each keeps its own net, so ΣA = ΣC still holds
    for (const [unit, s] of C.values)
      if (!s[i].isZero()) A.spread(unitShares(unit), s, "egen nettoændring (ingen nettobesparelse)", "måltal", i);
  }
  return A;
}

export interface KvantumComputation {
  kvantum: KvantumResult | null;
  findings: Finding[];
}

export function computeKvantum(proposal: Proposal): KvantumComputation {
  const n = proposal.years.length;
  const rows = countedRows(proposal);
  if (!proposal.kvantum) return { kvantum: null, findings: [] };
  const anyPlacement =
    proposal.defaultKey !== undefined || rows.some((r) => r.unit !== undefined || r.key !== undefined) || proposal.transfers.length > 0;
  if (!anyPlacement) return { kvantum: null, findings: [] };

  const placer = makePlacer(proposal);
  const findings = placer.findings;
  const A = new Map<Area, Accumulator>();
  const C = new Map<Area, Accumulator>();
  const acc = (m: Map<Area, Accumulator>, area: Area) => {
    if (!m.has(area)) m.set(area, new Accumulator(n));
    return m.get(area)!;
  };
  acc(A, "Service");
  acc(C, "Service");

  // A row is placed in A and C together or not at all: half a placement would break ΣA = ΣC
  // (and so ΣB = 0). The placer has already said why a row is left out.
  // Effects and losses first: the default drift financing follows the credited effects.
  for (const row of rows.filter((r) => r.block === "permanent" && r.type !== "drift")) {
    const where = placer.place(row, row.unit ?? row.key, "unit", "effekten");
    const credit = row.key !== undefined ? placer.place(row, row.key, "key", "måltalseffekten") : where;
    if (!where || !credit) continue;
    const role = row.type === "loss" ? "tab" : "effekt";
    acc(C, row.area).spread(where, row.values, row.label, role);
    acc(A, row.area).spread(credit, row.values, row.label, role);
  }
  // the credited effects alone, before any drift is financed: the default follows these
  const effectCredits = new Map([...A].map(([area, a]) => [area, new Map(a.values)]));
  for (const row of rows.filter((r) => r.block === "permanent" && r.type === "drift")) {
    const host = placer.place(row, row.unit ?? row.key, "unit", "driften");
    if (!host) continue;
    if (row.key !== undefined) {
      const finance = placer.place(row, row.key, "key", "finansieringen");
      if (!finance) continue;
      acc(C, row.area).spread(host, row.values, row.label, "drift");
      acc(A, row.area).spread(finance, row.values, row.label, "drift");
      continue;
    }
    // SPEC §5: default financing in proportion to the credited effects of the same year
    acc(C, row.area).spread(host, row.values, row.label, "drift");
    const a = acc(A, row.area);
    let usedHost = false;
    row.values.forEach((v, i) => {
      const shares = creditedSavings(effectCredits.get(row.area) ?? new Map(), i) ?? host;
      if (shares === host) usedHost = usedHost || !v.isZero();
      a.spread(shares, row.values, row.label, "drift", i);
    });
    findings.push({
      code: "KEY_MISSING",
      severity: "info",
      message: usedHost
        ? `"${quoteText(row.label)}": ingen finansieringsnøgle; driften er finansieret af de enheder, der får effekten, og ellers af værten`
        : `"${quoteText(row.label)}": ingen finansieringsnøgle; driften er finansieret i forhold til årets krediterede effekter`,
      location: proposal.locate(`rows[${row.index}].key`),
    });
  }
  for (const t of proposal.transfers) {
    const from = canonicalUnit(t.from);
    const to = canonicalUnit(t.to);
    if (!from || !to) {
      findings.push({
        code: "KEY_INVALID",
        severity: "error",
        message: `Bevillingsflyt "${quoteText(t.label)}": "${quoteText(!from ? t.from : t.to)}" er ikke en kendt bevilling; flyttet er ikke medregnet`,
        location: proposal.locate(`transfers[${t.index}].${!from ? "from" : "to"}`),
      });
      continue;
    }
    const c = acc(C, t.area);
    acc(A, t.area);
    c.spread(
      unitShares(from),
      t.values.map((v) => v.negated()),
      t.label,
      "flyt",
    );
    c.spread(unitShares(to), t.values, t.label, "flyt");
  }

  const sets: KvantumSet[] = [];
  const areas = [...C.keys()].sort((a, b) => (a === "Service" ? -1 : b === "Service" ? 1 : a.localeCompare(b)));
  for (const area of areas) {
    const c = C.get(area)!;
    const a = proposal.settings.maaltalPolicy === "net" ? netSaversA(c, n) : (A.get(area) ?? new Accumulator(n));
    const units = new Set([...a.values.keys(), ...c.values.keys()]);
    const At = roundTable(a, n, units);
    const Ct = roundTable(c, n, units);
    if (area !== "Service" && [...units].every((u) => Ct.exact[u].every((v) => v.isZero()) && At.exact[u].every((v) => v.isZero())))
      continue;
    sets.push({ area, A: At, C: Ct, B: differenceTable(Ct, At, n) });
  }

  // D / E: implementation rows by bevilling (SPEC §5); other områder get their own table
  const inv = new Map<Area, Accumulator>();
  for (const row of rows.filter((r) => r.block === "implementation")) {
    const where = placer.place(row, row.unit ?? row.key, "unit", "investeringen");
    if (where) acc(inv, row.area).spread(where, row.values, row.label, "investering");
  }
  const D = roundTable(inv.get("Anlæg") ?? new Accumulator(n), n);
  const E = roundTable(inv.get("Service") ?? new Accumulator(n), n);
  const otherInvestments = [...inv.keys()]
    .filter((a) => a !== "Anlæg" && a !== "Service")
    .map((area) => ({ area, table: roundTable(inv.get(area)!, n) }));

  return { kvantum: { sets, D, E, otherInvestments }, findings };
}
