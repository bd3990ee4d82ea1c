/**
 * beregn json <forslag.json>: the engine on the case shape of cases/README.md. Prints
 * resultToJson's shape; exit 2 with one line naming the field when the input cannot be read.
 */
import * as fs from "node:fs";
import { calculate, InputError, parseProposal, resultToJson } from "../../engine";
import { EXIT } from "../errors";
import type { Options } from "../args";
import type { Output } from "../io";
import { type FileReport, writeReport } from "../report";

/** "fejl: years: …": InputError messages already start with their field, mostly. */
export function inputErrorLine(e: InputError): string {
  return e.message.startsWith(`${e.field}:`) ? `fejl: ${e.message}` : `fejl: ${e.field}: ${e.message}`;
}

export function runJson(file: string, options: Options, io: Output): number {
  const fail = (line: string): number => {
    io.err(line);
    if (options.json) writeReport(options.json, [{ file, template: null, proposals: [], error: line.replace(/^fejl: /, "") }]);
    return EXIT.input;
  };
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return fail(`fejl: ${file}: er ikke en fil`);
    text = fs.readFileSync(file, "utf8");
  } catch {
    return fail(`fejl: ${file}: filen findes ikke`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail(`fejl: ${file}: ikke gyldig JSON (${why})`);
  }
  let parsed;
  try {
    parsed = parseProposal(input);
  } catch (e) {
    if (e instanceof InputError) return fail(inputErrorLine(e));
    throw e;
  }
  const result = calculate(parsed.proposal, parsed.findings);
  const json = resultToJson(result);
  io.out(JSON.stringify(json, null, 2));
  if (options.json) {
    const report: FileReport = {
      file,
      template: parsed.proposal.profile,
      proposals: [{ sheet: null, title: parsed.proposal.title, result: json }],
    };
    writeReport(options.json, [report]);
  }
  return EXIT.ok;
}
