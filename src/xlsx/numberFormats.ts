/**
 * Number formats as a styles part holds them: a cell's style index → its format code, with
 * the format ids Excel builds in (ECMA-376 §18.8.30) for the ones a file does not spell out.
 */
import { parseXml } from "./xml";

export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Format code of each cellXfs entry (undefined where General). */
export function readCellFormats(xml: string | undefined, part: string): (string | undefined)[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const xfs: (string | undefined)[] = [];
  const ids: number[] = [];
  let inCellXfs = false;
  parseXml(xml, part, {
    open: (n, a) => {
      if (n === "numFmt" && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (n === "cellXfs") inCellXfs = true;
      else if (n === "xf" && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close: (n) => {
      if (n === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of ids) {
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    xfs.push(code === undefined || code === "General" ? undefined : code);
  }
  return xfs;
}
