/**
 * The hosts' benchmarks (issue 5), loaded by bench/run.ts when compiled: "cli" (beregn valider
 * over 200 workbooks against ExcelJS alone) and "addin" (sync calls and bytes per Beregn through
 * the Office fake), "katalog" (beregn katalog against valider over 300 workbooks) and "producers"
 * (the issue-13 corpus against ExcelJS's load). `npm run bench -- cli`, `-- addin`, `-- katalog`
 * or `-- producers` runs one of them.
 */
import { benchAddin } from "./addin";
import { benchCli } from "./cli";
import { benchKatalog } from "./katalog";
import { benchProducers } from "./producers";
import type { Table } from "./timing";

export async function benchExtra(want: (name: string) => boolean): Promise<Table[]> {
  const tables: Table[] = [];
  if (want("cli")) tables.push(await benchCli());
  if (want("addin")) tables.push(await benchAddin());
  if (want("katalog")) tables.push(await benchKatalog());
  if (want("producers")) tables.push(await benchProducers());
  return tables;
}
