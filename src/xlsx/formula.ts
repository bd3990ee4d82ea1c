/**
 * A shared formula's text for one of its cells: the master's formula with every relative
 * reference moved by the cell's offset from the master, as Excel fills a formula across a row.
 * Strings, sheet names in quotes and absolute ($) parts are left alone.
 */
import { colIndex, colName } from "../workbook/grid";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  // "…" strings and '…' sheet names are copied as they are
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i === 0 ? "" : formula[i - 1];
    if (/[A-Za-z$]/.test(ch) && !/[A-Za-z0-9_.]/.test(prev)) {
      const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/.exec(formula.slice(i));
      if (m) {
        const [all, dc, letters, dr, digits] = m;
        let col = colIndex(letters);
        let row = Number(digits) - 1;
        if (!dc) col += dCol;
        if (!dr) row += dRow;
        if (col < 0 || row < 0 || col >= MAX_COL || row >= MAX_ROW) out += "#REF!";
        else out += `${dc}${colName(col)}${dr}${row + 1}`;
        i += all.length;
        continue;
      }
      // a name or function: copy the whole word so its letters are not read as a reference
      const w = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(formula.slice(i));
      if (w) {
        out += w[0];
        i += w[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
