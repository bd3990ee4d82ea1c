/**
 * A date in an amount cell: both hosts give a date as the serial number the cell holds (issue 9,
 * 13), so only its number format tells it from an amount. Read as an amount it would be 45.658
 * t.kr.; as its date text it is UNREADABLE, quoting what the user sees.
 */

/** Whether an Excel number format shows a date or a time (d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(format: string | null): boolean {
  if (!format || format === "General") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare.split(";")[0]);
}

/** The serial number as "2025-03-01" (1900 date system), with the time only when it has one. */
export function serialDateText(serial: number): string {
  const iso = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000)).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}
