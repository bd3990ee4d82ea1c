/** Small timing helpers for the benchmarks: warm up, then the median of repeated runs. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  note?: string;
}

/**
 * CPU time per call (process.cpuUsage, user + system): the machine is shared, so wall time
 * measures the neighbours too. Calls run in batches of at least ~5 ms of CPU (cpuUsage counts in
 * microseconds); the median over the batches is reported.
 */
export function timeIt(fn: () => void, minMs = 300, maxBatches = 200): { medianMs: number; runs: number } {
  for (let i = 0; i < 3; i++) fn();
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  // size a batch so it takes ~5 ms
  let perBatch = 1;
  for (;;) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < perBatch; i++) fn();
    if (cpuMs(process.cpuUsage(c0)) >= 5 || perBatch >= 1 << 16) break;
    perBatch *= 2;
  }
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < maxBatches && (spent < minMs || samples.length < 5)) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < perBatch; i++) fn();
    const ms = cpuMs(process.cpuUsage(c0));
    spent += ms;
    samples.push(ms / perBatch);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], runs: samples.length * perBatch };
}

export async function timeAsync(fn: () => Promise<void>, runs = 3): Promise<{ medianMs: number; runs: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], runs };
}

export function markdownTable(t: Table): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    `### ${t.title}`,
    "",
    line(t.header),
    line(t.header.map(() => "---")),
    ...t.rows.map(line),
    ...(t.note ? ["", t.note] : []),
    "",
  ].join("\n");
}
