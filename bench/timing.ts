/** Small timing helpers for the benchmarks: warm up, then the median of repeated runs. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  note?: string;
}

export function timeIt(fn: () => void, minMs = 300, maxRuns = 2000): { medianMs: number; runs: number } {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < maxRuns && (performance.now() - start < minMs || samples.length < 5)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], runs: samples.length };
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
