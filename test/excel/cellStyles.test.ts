/**
 * The Office.js host's cell styles (src/excel/annotate.ts queueCellStyles) match the .xlsx host's
 * (test/xlsx/patch.test.ts): wrapped text top-aligned, and every other cell the plan writes in a
 * row with wrapped text top-aligned too, beside its first line. Excel fits such a row's height
 * itself (Range.WrapText: "Microsoft Excel will change the row height of the range, if necessary").
 */
import { queueCellStyles } from "../../src/excel/annotate";
import type { WritePlan } from "../../src/workbook/types";

test("a row with wrapped text: its cells top-aligned; a row without keeps Excel's alignment", () => {
  const formats = new Map<string, Record<string, unknown>>();
  const sheet = (name: string) =>
    ({
      getRange: (address: string) => {
        const key = `${name}!${address}`;
        if (!formats.has(key)) formats.set(key, { font: {} });
        return { format: formats.get(key) };
      },
    }) as unknown as Excel.Worksheet;
  const plan: WritePlan = {
    sheets: [],
    writes: [
      {
        sheet: "Kontrol",
        topLeft: "A7",
        cells: [
          [{ value: "Advarsel" }, { value: "en lang besked", wrap: true }],
          [{ value: "Info" }, { value: 5 }],
        ],
      },
    ],
  };
  queueCellStyles(sheet, plan);
  expect(formats.get("Kontrol!A7")).toMatchObject({ verticalAlignment: "Top" });
  expect(formats.get("Kontrol!B7")).toMatchObject({ wrapText: true, verticalAlignment: "Top" });
  expect(formats.has("Kontrol!A8")).toBe(false);
  expect(formats.has("Kontrol!B8")).toBe(false);
});
