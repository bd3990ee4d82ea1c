/** Comparing Grids in tests: hosts pad to the used range, Grids built by hand are ragged. */

/**
 * A matrix without trailing empty cells and trailing empty rows. `empty` says what counts as
 * empty (null and undefined by default; some comparisons also treat "" or "General" so).
 */
export function trimTrailing<T>(
  m: (T | null | undefined)[][] | undefined,
  empty: (v: T | null | undefined) => boolean = (v) => v === null || v === undefined,
): (T | null)[][] {
  const rows = (m ?? []).map((r) => {
    const x = (r ?? []).map((v) => (empty(v) ? null : (v as T)));
    while (x.length && x[x.length - 1] === null) x.pop();
    return x;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
