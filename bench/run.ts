/**
 * `npm run bench`: every benchmark, printed and written to bench/RESULTS.md with machine and date.
 * Not part of `npm test`: timings belong in benchmarks, not in timed tests.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { benchEngine, benchEngineCases } from "./engine";
import { markdownTable, type Table } from "./timing";

async function main() {
  const tables: Table[] = [];
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  if (want("engine")) tables.push(benchEngine(), benchEngineCases());
  const extra = path.join(__dirname, "extra.js");
  if (fs.existsSync(extra)) {
    // benchmarks of the hosts (CLI, add-in), registered by bench/extra.ts
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(extra) as { benchExtra: (want: (n: string) => boolean) => Promise<Table[]> };
    tables.push(...(await mod.benchExtra(want)));
  }
  const cpu = os.cpus()[0]?.model ?? "ukendt";
  const header = [
    "# Benchmarks",
    "",
    `Kørt ${new Date().toISOString().slice(0, 10)} på ${os.cpus().length} kerner (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    "Genereres af `npm run bench`; tallene er medianer.",
    "",
  ].join("\n");
  const body = tables.map(markdownTable).join("\n");
  process.stdout.write(body + "\n");
  const out = path.join(__dirname, "..", "..", "bench", "RESULTS.md");
  fs.writeFileSync(fs.existsSync(path.dirname(out)) ? out : path.join(process.cwd(), "bench", "RESULTS.md"), header + "\n" + body);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench fejlede: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
