/**
 * Dates: both hosts give a date cell as Excel's serial number with its date format (Office.js
 * does, and src/xlsx/toGrid.ts now does too); the workbook layer decides what a date means where
 * an amount is expected: its text, quoted by UNREADABLE, never the serial number as t.kr.
 */
import { isDateFormat, serialDateText } from "../../src/workbook/dates";

test("date formats, and the number formats of amounts that are not", () => {
  for (const f of ["dd-mm-yyyy", "d/m/yy", "m/d/yyyy;@", "[$-406]d. mmmm yyyy", "yyyy-mm-dd hh:mm", "mmm-yy"])
    expect(isDateFormat(f)).toBe(true);
  for (const f of [
    null,
    "General",
    "Standard",
    '#,##0;-#,##0;"-"',
    "0.0%",
    '#,##0 "t.kr."',
    "_-* #,##0_-;-* #,##0_-",
    "0.00E+00",
    "@",
    "[Red]#,##0",
  ])
    expect(isDateFormat(f)).toBe(false);
});

test("serial numbers as Excel counts them: 45658 is 1 January 2025, 45717.5 noon on 1 March", () => {
  expect(serialDateText(45658)).toBe("2025-01-01");
  expect(serialDateText(45717.5)).toBe("2025-03-01T12:00:00");
});
