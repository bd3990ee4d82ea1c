/**
 * Limits on a workbook file, checked before anything is unpacked: a .xlsx is a zip, and a zip
 * can claim (or hold) far more than it looks. Settings, not literals: a caller may pass others.
 */
export interface FileLimits {
  /** Size of the file on disk. */
  maxFileBytes: number;
  /** Σ uncompressed sizes of all entries. */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed, for the whole zip and for each large entry. */
  maxCompressionRatio: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: Readonly<FileLimits> = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxEntries: 10_000,
});

/**
 * Entries smaller than this are not judged by their own ratio: a tiny, repetitive XML part
 * (an empty sheet, a styles part) legitimately compresses far better than 100:1.
 */
export const RATIO_MIN_ENTRY_BYTES = 1024 * 1024;

export function resolveLimits(partial?: Partial<FileLimits>): FileLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
