/**
 * How much one context.sync may carry. Excel on the web refuses a request or a response over
 * 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; Microsoft's
 * "Resource limits and performance optimization for Office Add-ins"). DESIGN.md asks for a fixed
 * number of syncs with payloads well under that, split "only when a table is huge": so both the
 * read and the write keep one sync per step as long as the step fits in SYNC_BUDGET_BYTES, and
 * split into as few syncs as the budget allows when it does not.
 */

/** Excel on the web's limit, per request and per response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * What one sync is planned to carry at most: a third under the limit, since the sizes are
 * estimates (the UTF-8 length of the JSON, while Excel adds its own envelope around each value)
 * and a read is planned before its contents are known.
 */
export const SYNC_BUDGET_BYTES = 3_500_000;

/**
 * Estimated response bytes per cell and loaded property (JSON of `values`, `formulas` and
 * `numberFormat` with quotes and commas). Measured on generated proposals: about 6 bytes for a
 * number, 16 for a format such as '#,##0;-#,##0;"-"', 10 for "General", 40–50 for Kontrol's
 * messages. The read corrects it per sheet from what came back (readGrids.ts).
 */
export const CELL_BYTES_PER_PROPERTY = 14;

/** The error codes Excel uses for a sync over the limit. */
export function isPayloadLimitError(err: unknown): boolean {
  const e = (err ?? {}) as { code?: unknown; debugInfo?: { code?: unknown } };
  const code = typeof e.code === "string" ? e.code : e.debugInfo?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/**
 * Excel's 5.000.000-cell limit on one read, on every platform ("Resource limits and performance
 * optimization for Office Add-ins"): RangeExceedsLimit.
 */
export function isReadLimitError(err: unknown): boolean {
  const e = (err ?? {}) as { code?: unknown; debugInfo?: { code?: unknown } };
  const code = typeof e.code === "string" ? e.code : e.debugInfo?.code;
  return code === "RangeExceedsLimit";
}

/** The UTF-8 length of a string: what a request or response of it weighs ("æ" is 2 bytes). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
