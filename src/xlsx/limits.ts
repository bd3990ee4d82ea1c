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
  /**
   * Σ uncompressed sizes of the worksheet and shared-string parts. The streaming reader holds a
   * sheet's text and its Grid at once, and the patcher rewrites a written sheet as one string, so
   * a file inside every zip limit must still not exhaust the heap and die with a V8 crash instead
   * of a Danish line (ExcelJS, which read sheets before issue 13, took 2,0 GB for 120 MB). 40 MB
   * of sheet XML is far beyond any proposal (a 10.000-row one is ~2 MB).
   */
  maxSheetXmlBytes: number;
}

export const DEFAULT_LIMITS: Readonly<FileLimits> = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxEntries: 10_000,
  maxSheetXmlBytes: 40 * 1024 * 1024,
});

/**
 * Entries smaller than this are not judged by their own ratio: a tiny, repetitive XML part
 * (an empty sheet, a styles part) legitimately compresses far better than 100:1.
 */
export const RATIO_MIN_ENTRY_BYTES = 1024 * 1024;

export function resolveLimits(partial?: Partial<FileLimits>): FileLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
