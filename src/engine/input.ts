/**
 * The proposal as JSON (cases/README.md): what `beregn json` reads and what the workbook reader
 * produces. parseProposal validates it into the engine's model: a field of the wrong shape is an
 * InputError naming the field; a value that is not a number is an UNREADABLE finding quoting it.
 */
import Decimal from "decimal.js";
import { OUTSIDE_EXCEL, quoteValue, readAmount } from "./amountText";
import type {
  Area,
  ProposalKind,
  Block,
  Finding,
  Key,
  KvantumTableName,
  Proposal,
  Row,
  RowType,
  Series,
  Stated,
  StatedTable,
  StatedTotals,
  Transfer,
} from "./model";
import { AREAS, PROPOSAL_KINDS } from "./model";
import { isProfileName, profileDefaults, resolveSettings, SettingsError, type SettingsInput } from "./settings";
import { quoteText } from "./quote";

/** A year-keyed amount map as written: {"2025": -149}. Values may be numbers or Danish text. */
export type YearValuesInput = Record<string, number | string | null>;

export interface RowInput {
  label: string;
  block: Block;
  type?: RowType;
  area?: string;
  values: YearValuesInput;
  unit?: string;
  key?: string;
  administrative?: boolean;
  excluded?: boolean;
}

export interface KeyInput {
  kind?: "weights" | "percent";
  note?: string;
  weights: Record<string, number | string>;
}

export interface TransferInput {
  label?: string;
  from: string;
  to: string;
  area?: string;
  values: YearValuesInput;
}

export interface ProposalInput {
  id?: string;
  title?: string;
  source?: string;
  priceLevel?: string;
  profile?: string;
  presenting?: string;
  /**
   * What the proposal is (HELPERS contract, Bilag 7 Tabel 3): "innovation" (Innovationsforslag)
   * and "preliminary" (Foranalyse) come from the innovation pool, which has no payback limit.
   */
  kind?: ProposalKind;
  years: (number | string)[];
  settings?: SettingsInput;
  defaultKey?: string;
  kvantum?: boolean;
  rows: RowInput[];
  keys?: Record<string, KeyInput>;
  transfers?: TransferInput[];
  stated?: {
    totals?: Record<string, unknown>;
    payback?: { service?: string | number; total?: string | number };
    kvantum?: Record<string, Record<string, YearValuesInput>>;
    /** The document's own caption of a Kvantum table it numbers otherwise ("Tabel 5. Måltalseffekt" for A). */
    kvantumCaptions?: Record<string, string>;
    committees?: Record<string, YearValuesInput>;
    allocations?: { title?: string; area?: string; rowsOnly?: boolean; group?: string; rows: Record<string, YearValuesInput> }[];
    /** Detail tables (issue 8): `rows` holds the table's rows by label and its total as "Total". */
    details?: { title?: string; block: Block; areas?: string[]; totalLabel?: string; rows: Record<string, YearValuesInput> }[];
    admin?: YearValuesInput;
  };
  documentErrors?: string[];
  expected?: unknown;
}

/** Input that cannot be read at all: names the field (exit code 2 in the CLI). */
export class InputError extends Error {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

export interface ParseOptions {
  /** Map a JSON path to a workbook location ("Ark!C12"); default: the path itself. */
  locations?: Record<string, string>;
}

export interface Parsed {
  proposal: Proposal;
  /** UNREADABLE and other findings raised while reading. */
  findings: Finding[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Why an amount cell is unreadable, in plain Danish (issue 13: a number beyond Excel's range is a number). */
function notANumber(r: { outOfRange?: true }): string {
  return r.outOfRange ? `er ${OUTSIDE_EXCEL}` : "er ikke et tal";
}

/** Accept the spellings of styringsområde seen in the documents (SPEC §2). */
export function readArea(text: string): Area | undefined {
  const s = text.trim().toLowerCase();
  if (s === "") return undefined;
  if (s.startsWith("service")) return "Service";
  if (s.startsWith("anlæg") || s === "anlaeg") return "Anlæg";
  if (s.startsWith("overførsel") || s === "ov") return "Overførsler";
  if (s === "ei" || s.startsWith("indsats") || s.includes("efterspørgselsstyret indsats")) return "EI";
  if (s === "eo" || s.includes("efterspørgselsstyrede overførsler")) return "EO";
  return AREAS.find((a) => a.toLowerCase() === s);
}

export function parseProposal(input: unknown, options: ParseOptions = {}): Parsed {
  if (!isObj(input)) throw new InputError("(rod)", "forslaget skal være et JSON-objekt");
  const locations = options.locations ?? {};
  const locate = (path: string): string => locations[path] ?? path;
  const findings: Finding[] = [];

  // years
  if (!Array.isArray(input.years) || input.years.length === 0) throw new InputError("years", "years: skal være en liste med mindst ét år");
  const years = input.years.map((y, i) => {
    const n = typeof y === "number" ? y : typeof y === "string" ? Number(y.replace(/\D+$/, "").trim()) : NaN;
    if (!Number.isInteger(n) || n < 1900 || n > 2200)
      throw new InputError(`years[${i}]`, `years[${i}]: "${quoteValue(y)}" er ikke et årstal`);
    return n;
  });
  for (let i = 1; i < years.length; i++)
    if (years[i] !== years[i - 1] + 1) throw new InputError("years", `years: årene skal følge efter hinanden (${years.join(", ")})`);

  const series = (v: unknown, path: string): Series => {
    if (v === undefined || v === null) return years.map(() => new Decimal(0));
    if (!isObj(v)) throw new InputError(path, `${path}: skal være et objekt med år som nøgler`);
    for (const k of Object.keys(v))
      if (!years.includes(Number(k))) throw new InputError(`${path}.${k}`, `${path}.${k}: året ${k} er ikke blandt forslagets år`);
    return years.map((y) => {
      const raw = v[String(y)];
      // text that is no number is the user's to fix (a finding); any other JSON type is a malformed file
      if (raw !== undefined && raw !== null && typeof raw !== "string" && typeof raw !== "number")
        throw new InputError(`${path}.${y}`, `${path}.${y}: skal være et tal eller en tekst som "-1.474", ikke ${quoteValue(raw)}`);
      const r = readAmount(raw);
      if (!r.ok) {
        findings.push({
          code: "UNREADABLE",
          severity: "error",
          message: `"${quoteText(r.text)}" ${notANumber(r)}; regnet som 0, ret cellen`,
          location: locate(`${path}.${y}`),
        });
        return new Decimal(0);
      }
      if (r.note)
        findings.push({
          code: "UNREADABLE",
          severity: "warning",
          message: `"${quoteText(quoteValue(raw))}" læst som ${r.value.toString()} (${r.note})`,
          location: locate(`${path}.${y}`),
        });
      return r.value;
    });
  };
  const statedSeries = (v: unknown, path: string): (Decimal | undefined)[] | undefined => {
    if (v === undefined || v === null) return undefined;
    if (!isObj(v)) throw new InputError(path, `${path}: skal være et objekt med år som nøgler`);
    return years.map((y) => {
      if (!(String(y) in v)) return undefined;
      const raw = v[String(y)];
      if (raw !== null && typeof raw !== "string" && typeof raw !== "number")
        throw new InputError(`${path}.${y}`, `${path}.${y}: skal være et tal eller en tekst, ikke ${quoteValue(raw)}`);
      const r = readAmount(raw);
      if (!r.ok) {
        findings.push({
          code: "UNREADABLE",
          severity: "error",
          message: `"${quoteText(r.text)}" ${notANumber(r)}; cellen er ikke kontrolleret`,
          location: locate(`${path}.${y}`),
        });
        return undefined;
      }
      return r.value;
    });
  };

  const profile = input.profile === undefined ? "kk-2025" : input.profile;
  if (!isProfileName(profile)) throw new InputError("profile", `profile: "${quoteValue(profile)}" er ikke kk-2025, kk-2018 eller kk-2016`);
  let settings;
  try {
    settings = resolveSettings(isObj(input.settings) ? (input.settings as SettingsInput) : undefined, profileDefaults(profile));
  } catch (e) {
    if (e instanceof SettingsError) throw new InputError(e.field, e.message);
    throw e;
  }

  // rows
  if (!Array.isArray(input.rows)) throw new InputError("rows", "rows: skal være en liste af rækker");
  const rows: Row[] = input.rows.map((r, i) => {
    const path = `rows[${i}]`;
    if (!isObj(r)) throw new InputError(path, `${path}: skal være et objekt`);
    const block = r.block;
    if (block !== "permanent" && block !== "implementation")
      throw new InputError(`${path}.block`, `${path}.block: skal være "permanent" eller "implementation"`);
    let type: RowType | undefined;
    if (block === "permanent") {
      if (r.type !== undefined && r.type !== "effect" && r.type !== "loss" && r.type !== "drift")
        throw new InputError(`${path}.type`, `${path}.type: skal være "effect", "loss" eller "drift"`);
      type = r.type as RowType | undefined;
    }
    let area: Area = "Service";
    let areaGiven = false;
    if (r.area !== undefined && r.area !== null && r.area !== "") {
      const a = typeof r.area === "string" ? readArea(r.area) : undefined;
      if (!a) throw new InputError(`${path}.area`, `${path}.area: "${quoteValue(r.area)}" er ikke et styringsområde`);
      area = a;
      areaGiven = true;
    }
    const values = series(r.values, `${path}.values`);
    // no type given: from the sign (SPEC §2, DESIGN.md)
    if (block === "permanent" && type === undefined) {
      const sum = values.reduce((s, v) => s.plus(v), new Decimal(0));
      type = sum.gt(0) ? "drift" : "effect";
    }
    const str = (v: unknown, f: string): string | undefined => {
      if (v === undefined || v === null || v === "") return undefined;
      if (typeof v !== "string") throw new InputError(`${path}.${f}`, `${path}.${f}: skal være tekst`);
      return v.trim() || undefined;
    };
    return {
      label: typeof r.label === "string" ? r.label : `Række ${i + 1}`,
      block,
      type,
      area,
      areaGiven,
      values,
      unit: str(r.unit, "unit"),
      key: str(r.key, "key"),
      administrative: r.administrative === true,
      excluded: r.excluded === true,
      index: i,
    };
  });

  // keys
  const keys: Record<string, Key> = {};
  if (input.keys !== undefined) {
    if (!isObj(input.keys)) throw new InputError("keys", "keys: skal være et objekt med nøglenavne");
    for (const [name, k] of Object.entries(input.keys)) {
      const path = `keys.${name}`;
      if (!isObj(k) || !isObj(k.weights)) throw new InputError(`${path}.weights`, `${path}.weights: mangler`);
      const kind = k.kind === undefined ? "weights" : k.kind;
      if (kind !== "weights" && kind !== "percent")
        throw new InputError(`${path}.kind`, `${path}.kind: skal være "weights" eller "percent"`);
      const weights = Object.entries(k.weights).map(([unit, w]) => {
        const r = readAmount(w);
        if (!r.ok) throw new InputError(`${path}.weights.${unit}`, `${path}.weights.${unit}: "${quoteText(r.text)}" er ikke et tal`);
        return { unit, weight: r.value };
      });
      keys[name] = { name, kind, note: typeof k.note === "string" ? k.note : undefined, weights };
    }
  }

  // transfers
  const transfers: Transfer[] = [];
  if (input.transfers !== undefined) {
    if (!Array.isArray(input.transfers)) throw new InputError("transfers", "transfers: skal være en liste");
    input.transfers.forEach((t, i) => {
      const path = `transfers[${i}]`;
      if (!isObj(t) || typeof t.from !== "string" || typeof t.to !== "string")
        throw new InputError(path, `${path}: skal have "from" og "to"`);
      const area = t.area === undefined ? "Service" : typeof t.area === "string" ? readArea(t.area) : undefined;
      if (!area) throw new InputError(`${path}.area`, `${path}.area: "${quoteValue(t.area)}" er ikke et styringsområde`);
      transfers.push({
        label: typeof t.label === "string" ? t.label : `Bevillingsflyt ${t.from} → ${t.to}`,
        from: t.from,
        to: t.to,
        area,
        values: series(t.values, `${path}.values`),
        index: i,
      });
    });
  }

  // stated
  const stated: Stated = {};
  const st = input.stated;
  if (st !== undefined) {
    if (!isObj(st)) throw new InputError("stated", "stated: skal være et objekt");
    if (st.totals !== undefined) {
      if (!isObj(st.totals)) throw new InputError("stated.totals", "stated.totals: skal være et objekt");
      const t: StatedTotals = {};
      const tt = st.totals;
      for (const f of ["permanent", "implementation", "net", "aggregated"] as const)
        if (tt[f] !== undefined) t[f] = statedSeries(tt[f], `stated.totals.${f}`);
      for (const f of ["permanentByArea", "implementationByArea"] as const) {
        const by = tt[f];
        if (by === undefined) continue;
        if (!isObj(by)) throw new InputError(`stated.totals.${f}`, `stated.totals.${f}: skal være et objekt`);
        const out: Partial<Record<Area, (Decimal | undefined)[]>> = {};
        for (const [a, v] of Object.entries(by)) {
          const area = readArea(a);
          if (!area) throw new InputError(`stated.totals.${f}.${a}`, `stated.totals.${f}.${a}: ukendt styringsområde`);
          out[area] = statedSeries(v, `stated.totals.${f}.${a}`);
        }
        t[f] = out;
      }
      for (const f of ["permanentByUnit", "implementationByUnit"] as const) {
        const by = tt[f];
        if (by === undefined) continue;
        if (!isObj(by)) throw new InputError(`stated.totals.${f}`, `stated.totals.${f}: skal være et objekt`);
        const out: Record<string, (Decimal | undefined)[]> = {};
        for (const [u, v] of Object.entries(by)) out[u] = statedSeries(v, `stated.totals.${f}.${u}`) ?? [];
        t[f] = out;
      }
      stated.totals = t;
    }
    if (st.payback !== undefined) {
      if (!isObj(st.payback)) throw new InputError("stated.payback", "stated.payback: skal være et objekt");
      const p: { service?: string; total?: string } = {};
      for (const f of ["service", "total"] as const) {
        const v = st.payback[f];
        if (v === undefined || v === null) continue;
        if (typeof v !== "string" && typeof v !== "number")
          throw new InputError(`stated.payback.${f}`, `stated.payback.${f}: skal være tekst som "4 år (2028)" eller et tal`);
        p[f] = String(v);
      }
      stated.payback = p;
    }
    const table = (v: unknown, path: string): StatedTable => {
      if (!isObj(v)) throw new InputError(path, `${path}: skal være et objekt med enheder`);
      const out: StatedTable = {};
      for (const [unit, vals] of Object.entries(v)) out[unit] = statedSeries(vals, `${path}.${unit}`) ?? [];
      return out;
    };
    if (st.kvantum !== undefined) {
      if (!isObj(st.kvantum)) throw new InputError("stated.kvantum", "stated.kvantum: skal være et objekt");
      const k: Partial<Record<KvantumTableName, StatedTable>> = {};
      for (const [name, v] of Object.entries(st.kvantum)) {
        if (!["A", "B", "C", "D", "E"].includes(name))
          throw new InputError(`stated.kvantum.${name}`, `stated.kvantum.${name}: kun tabel A–E`);
        k[name as KvantumTableName] = table(v, `stated.kvantum.${name}`);
      }
      stated.kvantum = k;
    }
    if (isObj(st.kvantumCaptions)) {
      const captions: Partial<Record<KvantumTableName, string>> = {};
      for (const [name, v] of Object.entries(st.kvantumCaptions))
        if (["A", "B", "C", "D", "E"].includes(name) && typeof v === "string" && v.trim()) captions[name as KvantumTableName] = v.trim();
      stated.kvantumCaptions = captions;
    }
    if (st.committees !== undefined) stated.committees = table(st.committees, "stated.committees");
    if (st.allocations !== undefined) {
      if (!Array.isArray(st.allocations)) throw new InputError("stated.allocations", "stated.allocations: skal være en liste");
      stated.allocations = st.allocations.map((a: unknown, i: number) => {
        const path = `stated.allocations[${i}]`;
        if (!isObj(a)) throw new InputError(path, `${path}: skal være et objekt`);
        const area = typeof a.area === "string" ? readArea(a.area) : undefined;
        const title = typeof a.title === "string" ? a.title : `Fordeling ${i + 1}`;
        const group = typeof a.group === "string" ? a.group : undefined;
        return { title, area, table: table(a.rows, path), ...(a.rowsOnly === true ? { rowsOnly: true } : {}), ...(group ? { group } : {}) };
      });
    }
    if (st.details !== undefined) {
      if (!Array.isArray(st.details)) throw new InputError("stated.details", "stated.details: skal være en liste");
      stated.details = st.details.map((d: unknown, i: number) => {
        const path = `stated.details[${i}]`;
        if (!isObj(d)) throw new InputError(path, `${path}: skal være et objekt`);
        if (d.block !== "permanent" && d.block !== "implementation")
          throw new InputError(`${path}.block`, `${path}.block: skal være "permanent" eller "implementation"`);
        const areas = Array.isArray(d.areas)
          ? d.areas.map((a: unknown, k: number) => {
              const area = typeof a === "string" ? readArea(a) : undefined;
              if (!area) throw new InputError(`${path}.areas[${k}]`, `${path}.areas[${k}]: "${quoteValue(a)}" er ikke et styringsområde`);
              return area;
            })
          : undefined;
        return {
          title: typeof d.title === "string" ? d.title : `Detailtabel ${i + 1}`,
          block: d.block,
          areas,
          totalLabel: typeof d.totalLabel === "string" ? d.totalLabel : undefined,
          table: table(d.rows, path),
        };
      });
    }
    if (st.admin !== undefined) stated.admin = statedSeries(st.admin, "stated.admin");
  }

  const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);
  const proposal: Proposal = {
    id: str(input.id) ?? "forslag",
    title: str(input.title) ?? str(input.id) ?? "Forslag",
    source: str(input.source),
    priceLevel: str(input.priceLevel),
    profile,
    presenting: str(input.presenting),
    kind: readKind(input.kind),
    years,
    settings,
    defaultKey: str(input.defaultKey),
    kvantum: input.kvantum !== false,
    rows,
    keys,
    transfers,
    stated,
    locate,
  };
  return { proposal, findings };
}

function readKind(v: unknown): ProposalKind | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string" && (PROPOSAL_KINDS as readonly string[]).includes(v)) return v as ProposalKind;
  throw new InputError("kind", `kind: skal være ${PROPOSAL_KINDS.map((k) => `"${k}"`).join(", ")}`);
}
