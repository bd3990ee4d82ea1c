/**
 * A date in an amount cell: both hosts give a date as the serial number the cell holds (issue 9,
 * 13), so only its number format tells it from an amount. Read as an amount it would be 45.658
 * t.kr.; as its date text it is UNREADABLE, quoting what the user sees (ReadContext.useInput).
 */

/**
 * Whether an Excel number format shows a date or a time ("dd-mm-yyyy", "m/d/yy h:mm",
 * "[$-406]d. mmmm yyyy", "[h]:mm"): a d, m, y, h or s in its first section outside quotes,
 * escapes, padding (_x, *x) and brackets other than the elapsed-time [h], [m], [s].
 */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "");
  const first = bare.split(";")[0].trim();
  return !/^(general|standard)$/i.test(first) && /[dmyhs]/i.test(first);
}

/** Excel's serial number (days since 1899-12-30, the 1900 system) as "2025-01-01", with the time only when it has one. */
export function serialDateText(serial: number): string {
  const iso = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000)).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}
