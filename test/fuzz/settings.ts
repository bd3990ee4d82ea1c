/**
 * The fuzz suite's seed and run counts. Fixed by default, so `npm test` is reproducible and a
 * failure's counterexample replays; FUZZ_SEED and FUZZ_SCALE (a multiplier on every run count)
 * turn it into a longer hunt:  FUZZ_SEED=7 FUZZ_SCALE=10 npx jest test/fuzz
 */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

/** A run count, scaled (at least 1). */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * (Number.isFinite(SCALE) && SCALE > 0 ? SCALE : 1)));
}
