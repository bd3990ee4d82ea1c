/**
 * Generated proposals for benchmarks: N years × 11 bevillinger × R rows, deterministic.
 */
import type { ProposalInput } from "../src/engine";
import { BEVILLINGER } from "../src/engine/units";

/** A tiny deterministic generator (mulberry32), so every run measures the same work. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateProposal(nYears: number, nRows: number, seed = 1): ProposalInput {
  const rand = rng(seed);
  const years = Array.from({ length: nYears }, (_, i) => 2025 + i);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const weights = Object.fromEntries(BEVILLINGER.map((u) => [u, int(1, 1000)]));
  const rows: ProposalInput["rows"] = [];
  for (let i = 0; i < nRows; i++) {
    const kind = i % 4;
    const unit = BEVILLINGER[int(0, BEVILLINGER.length - 1)];
    const values = Object.fromEntries(
      years.map((y, j) => [
        String(y),
        kind === 3 ? (j < 2 ? int(100, 5000) : 0) : kind === 2 ? int(10, 400) : j === 0 ? 0 : -int(10, 2000),
      ]),
    );
    rows.push({
      label: `Række ${i + 1}`,
      block: kind === 3 ? "implementation" : "permanent",
      type: kind === 2 ? "drift" : kind === 3 ? undefined : "effect",
      area: kind === 3 && i % 8 === 3 ? "Anlæg" : "Service",
      unit,
      key: kind === 0 ? "nøgle" : undefined,
      values,
    });
  }
  return {
    id: `bench-${nYears}x${nRows}`,
    title: `Benchmark ${nYears} år × ${nRows} rækker`,
    years,
    presenting: "ØKF",
    keys: { nøgle: { weights } },
    rows,
  };
}
