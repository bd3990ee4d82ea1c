/** Which files a command reads and where `beregn <fil>` may write. */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";

const WORKBOOK_EXT = /\.(xlsx|xlsm)$/i;

/**
 * Files named on the command line, folders walked for .xlsx/.xlsm (Excel's "~$" lock files and
 * hidden files skipped), in a stable order. A path that does not exist is returned as is, so the
 * caller reports it in its place.
 */
export function collectWorkbooks(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && WORKBOOK_EXT.test(e.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** "<navn>-beregnet.xlsx" beside the input (.xlsm for a macro workbook: the package keeps its macros). */
export function defaultOutput(input: string, suffix = "beregnet"): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-${suffix}${/^\.xlsm$/i.test(ext) ? ".xlsm" : ".xlsx"}`);
}

/**
 * Where to write, or a refusal: never the input without --in-place, never over an existing file
 * without --overskriv, and the input's kind: a .xlsx stays .xlsx, a .xlsm stays .xlsm (Excel
 * refuses to open a macro workbook under the other name).
 */
export function outputTarget(
  input: string,
  opts: { output?: string; inPlace: boolean; overskriv: boolean; suffix?: string },
): { target: string; inPlace: boolean } {
  if (opts.inPlace) return { target: input, inPlace: true };
  const target = opts.output ?? defaultOutput(input, opts.suffix);
  if (sameFile(target, input)) throw new UsageError(`${target} er inddatafilen; brug --in-place for at skrive i den`);
  const ext = /\.xlsm$/i.test(input) ? ".xlsm" : ".xlsx";
  if (path.extname(target).toLowerCase() !== ext) throw new UsageError(`uddatafilen skal hedde ${ext} ligesom inddatafilen: ${target}`);
  checkWritable(target, opts.overskriv);
  return { target, inPlace: false };
}

export function checkWritable(target: string, overskriv: boolean): void {
  // a missing folder is made when the file is saved (npm run example writes into out/); a file
  // standing where a folder should be is refused
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir)) {
      if (!fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} er en fil, ikke en mappe`);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new UsageError(`${target} er en mappe`);
    if (!overskriv) throw new UsageError(`${target} findes allerede; brug --overskriv for at erstatte den`);
  }
}
