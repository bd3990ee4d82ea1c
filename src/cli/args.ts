/**
 * Command line → a command. node:util parseArgs does the parsing; this only names the commands
 * and turns its errors into Danish usage errors.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./errors";

export interface Options {
  output?: string;
  inPlace: boolean;
  forslag?: number;
  overskriv: boolean;
  json?: string;
  /** beregn omregn: lønsats t.kr. pr. ÅV, overhead t.kr. pr. ÅV, årstimenorm, p/l years, index factors. */
  sats?: string;
  overhead?: string;
  timenorm?: string;
  fra?: string;
  til?: string;
  indeks?: string[];
  /** beregn katalog: the annex layout and the stated catalogue to check. */
  format?: string;
  angivet?: string;
}

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "beregn"; file: string; options: Options }
  | { kind: "valider"; paths: string[]; options: Options }
  | { kind: "skabelon"; file: string; options: Options }
  | { kind: "retTal"; file: string; options: Options }
  | { kind: "json"; file: string; options: Options }
  | { kind: "folsomhed"; file: string; options: Options }
  | { kind: "omregn"; what: "timer" | "åv" | "pl"; amount: string; options: Options }
  | { kind: "katalog"; paths: string[]; options: Options };

const SUBCOMMANDS = new Set(["valider", "skabelon", "json", "følsomhed", "folsomhed", "omregn", "katalog", "ret-tal"]);
const OMREGN_WHAT: Record<string, "timer" | "åv" | "pl"> = { timer: "timer", åv: "åv", av: "åv", pl: "pl", "p/l": "pl" };

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ud: { type: "string", short: "o" },
        "in-place": { type: "boolean" },
        forslag: { type: "string" },
        overskriv: { type: "boolean" },
        json: { type: "string" },
        sats: { type: "string" },
        overhead: { type: "string" },
        timenorm: { type: "string" },
        fra: { type: "string" },
        til: { type: "string" },
        indeks: { type: "string", multiple: true },
        format: { type: "string" },
        angivet: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`ukendt tilvalg ${unknown[1]}; se beregn --help`);
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
    if (missing) throw new UsageError(`tilvalget ${missing[1]} mangler en værdi; se beregn --help`);
    throw new UsageError(`kan ikke læse kommandolinjen (${msg}); se beregn --help`);
  }
  const v = parsed.values;
  if (v.help) return { kind: "help" };
  if (v.version) return { kind: "version" };

  let forslag: number | undefined;
  if (v.forslag !== undefined) {
    forslag = Number(v.forslag);
    if (!Number.isInteger(forslag) || forslag < 1) throw new UsageError(`--forslag skal være et helt tal fra 1 (fik "${v.forslag}")`);
  }
  const options: Options = {
    output: v.ud,
    inPlace: v["in-place"] === true,
    forslag,
    overskriv: v.overskriv === true,
    json: v.json,
    sats: v.sats,
    overhead: v.overhead,
    timenorm: v.timenorm,
    fra: v.fra,
    til: v.til,
    indeks: v.indeks,
    format: v.format,
    angivet: v.angivet,
  };
  const omregnOptions = ["sats", "overhead", "timenorm", "fra", "til", "indeks"] as const;
  const pos = parsed.positionals;
  if (pos.length === 0) return { kind: "help" };
  const [first, ...rest] = pos;
  const only = (what: string): string => {
    if (rest.length !== 1) throw new UsageError(`beregn ${first} skal have netop én ${what}; se beregn --help`);
    return rest[0];
  };
  const noWriteOptions = (cmd: string): void => {
    if (options.output !== undefined || options.inPlace || options.forslag !== undefined)
      throw new UsageError(`beregn ${cmd} skriver ikke i projektmapper: -o, --in-place og --forslag hører til beregn <fil>`);
  };
  if (first !== "omregn") {
    const given = omregnOptions.filter((k) => options[k] !== undefined);
    if (given.length) throw new UsageError(`--${given[0]} hører til beregn omregn; se beregn --help`);
  }
  if ((options.format !== undefined || options.angivet !== undefined) && first !== "katalog")
    throw new UsageError("--format og --angivet hører til beregn katalog");
  if (SUBCOMMANDS.has(first)) {
    if (first === "følsomhed" || first === "folsomhed") {
      if (options.output !== undefined || options.inPlace || options.overskriv)
        throw new UsageError("beregn følsomhed skriver ikke i projektmapper: kun --forslag og --json hører til den");
      return { kind: "folsomhed", file: only("projektmappe eller JSON-fil"), options };
    }
    if (first === "omregn") {
      noWriteOptions("omregn");
      const what = OMREGN_WHAT[(rest[0] ?? "").toLowerCase()];
      if (!what || rest.length !== 2)
        throw new UsageError("brug: beregn omregn timer <antal> | åv <antal> | pl <beløb> …; se beregn --help");
      return { kind: "omregn", what, amount: rest[1], options };
    }
    if (first === "katalog") {
      if (options.inPlace || options.forslag !== undefined)
        throw new UsageError("beregn katalog skriver et nyt katalog (-o); --in-place og --forslag hører til beregn <fil>");
      if (rest.length === 0) throw new UsageError("beregn katalog skal have mindst én fil eller mappe; se beregn --help");
      return { kind: "katalog", paths: rest, options };
    }
    if (first === "valider") {
      noWriteOptions("valider");
      if (rest.length === 0) throw new UsageError("beregn valider skal have mindst én fil eller mappe; se beregn --help");
      return { kind: "valider", paths: rest, options };
    }
    if (first === "ret-tal") {
      if (options.forslag !== undefined)
        throw new UsageError("beregn ret-tal retter alle forslag i projektmappen; --forslag hører til beregn <fil>");
      if (options.output !== undefined && options.inPlace) throw new UsageError("vælg enten -o eller --in-place, ikke begge");
      return { kind: "retTal", file: only("projektmappe"), options };
    }
    if (first === "skabelon") {
      if (options.output !== undefined || options.inPlace || options.forslag !== undefined)
        throw new UsageError("beregn skabelon tager kun uddatafilen og --overskriv");
      return { kind: "skabelon", file: only("uddatafil"), options };
    }
    noWriteOptions("json");
    return { kind: "json", file: only("JSON-fil"), options };
  }
  if (pos.length !== 1) throw new UsageError(`beregn tager én projektmappe ad gangen (fik ${pos.length}); brug beregn valider til flere`);
  if (options.output !== undefined && options.inPlace) throw new UsageError("vælg enten -o eller --in-place, ikke begge");
  return { kind: "beregn", file: first, options };
}
