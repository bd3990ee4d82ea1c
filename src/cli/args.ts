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
}

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "beregn"; file: string; options: Options }
  | { kind: "valider"; paths: string[]; options: Options }
  | { kind: "skabelon"; file: string; options: Options }
  | { kind: "json"; file: string; options: Options };

const SUBCOMMANDS = new Set(["valider", "skabelon", "json"]);

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
  };
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
  if (SUBCOMMANDS.has(first)) {
    if (first === "valider") {
      noWriteOptions("valider");
      if (rest.length === 0) throw new UsageError("beregn valider skal have mindst én fil eller mappe; se beregn --help");
      return { kind: "valider", paths: rest, options };
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
