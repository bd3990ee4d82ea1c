/**
 * Numbers as Excel means them (issue 13): a cell's double at Excel's 15 significant digits, a
 * float residue below 1e-9 t.kr. is zero, and a number beyond Excel's largest is no amount.
 */
import { readAmount } from "../../src/engine/amountText";

const value = (v: number): string => {
  const r = readAmount(v);
  if (!r.ok) throw new Error(`unreadable: ${r.text}`);
  return r.value.toString();
};

test("=0,1+0,2-0,3 leaves 5,55e-17 in the cell: read as 0, so it cannot make a year active", () => {
  expect(0.1 + 0.2 - 0.3).toBeCloseTo(5.55e-17, 18);
  expect(value(0.1 + 0.2 - 0.3)).toBe("0");
});

test("a double is read at 15 significant digits, as Excel shows it", () => {
  expect(value(0.1 + 0.2)).toBe("0.3"); // 0.30000000000000004 in JavaScript
  expect(value(-1474.0000000000002)).toBe("-1474");
  expect(value(1234.5)).toBe("1234.5");
  expect(value(1e-9)).toBe("1e-9");
});

test("a number beyond Excel's largest (9,99999999999999E+307) is unreadable, quoting it", () => {
  // issue 13: quoted as Excel shows it, and marked as outside Excel's range (not "ikke et tal")
  expect(readAmount(1e308)).toEqual({ ok: false, text: "1E+308", outOfRange: true });
  expect(readAmount(-Infinity)).toEqual({ ok: false, text: "-INFINITY", outOfRange: true });
  expect(value(9.99999999999999e307)).toBe("9.99999999999999e+307");
});
