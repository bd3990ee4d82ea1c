/** A1 addresses, finding locations, block splitting and text that Excel would re-parse. */
import { columnIndex, columnLetters, parseLocation, parseRange, quoteSheet, splitSheet } from "../../src/excel/address";
import { asText } from "../../src/excel/applyPlan";
import { rectangles } from "../../src/excel/rectangles";
import { parseTyped } from "../fakes/officeFake";

test("columns", () => {
  for (const [n, s] of [
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ] as const) {
    expect(columnLetters(n)).toBe(s);
    expect(columnIndex(s)).toBe(n);
  }
});

test("finding locations → the cell to select", () => {
  expect(parseLocation("Forslag!C12")).toEqual({ sheet: "Forslag", address: "C12" });
  expect(parseLocation("'Ark med mellemrum'!C12")).toEqual({ sheet: "Ark med mellemrum", address: "C12" });
  expect(parseLocation("Ark med mellemrum!C12")).toEqual({ sheet: "Ark med mellemrum", address: "C12" });
  expect(parseLocation("'Kim''s ark'!$D$4")).toEqual({ sheet: "Kim's ark", address: "D4" });
  expect(parseLocation("Kvantum!D14:H14")).toEqual({ sheet: "Kvantum", address: "D14:H14" });
  expect(parseLocation("'A, B'!C3, 'A, B'!D3")).toEqual({ sheet: "A, B", address: "C3" });
  expect(parseLocation("rows[2].values.2025")).toBeUndefined();
  expect(parseLocation("C12")).toBeUndefined();
  expect(parseLocation("Forslag")).toBeUndefined();
});

test("ranges and sheet names", () => {
  expect(parseRange("B3:A1")).toEqual({ sheet: undefined, start: { row: 0, col: 0 }, end: { row: 2, col: 1 } });
  expect(splitSheet("'a!b'!C1")).toEqual({ sheet: "a!b", local: "C1" });
  expect(quoteSheet("Forslag")).toBe("Forslag");
  expect(quoteSheet("Økonomi")).toBe("Økonomi");
  expect(quoteSheet("Ark med mellemrum")).toBe("'Ark med mellemrum'");
  expect(quoteSheet("AB12")).toBe("'AB12'");
  expect(quoteSheet("Kim's")).toBe("'Kim''s'");
});

test("a block is cut into rectangles of set cells, dense blocks stay one", () => {
  const dense = rectangles(
    3,
    () => 4,
    () => true,
  );
  expect(dense).toEqual([{ row: 0, col: 0, rows: 3, cols: 4 }]);
  // a hole in the middle column of two rows
  const holes = rectangles(
    3,
    () => 3,
    (r, c) => !(c === 1 && r < 2),
  );
  expect(holes).toEqual([
    { row: 0, col: 0, rows: 2, cols: 1 },
    { row: 0, col: 2, rows: 2, cols: 1 },
    { row: 2, col: 0, rows: 1, cols: 3 },
  ]);
  const covered = new Set<string>();
  for (const r of holes) for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) covered.add(`${r.row + i},${r.col + j}`);
  expect([...covered].sort()).toEqual(["0,0", "0,2", "1,0", "1,2", "2,0", "2,1", "2,2"]);
  expect(
    rectangles(
      2,
      (r) => (r === 0 ? 2 : 0),
      () => true,
    ),
  ).toEqual([{ row: 0, col: 0, rows: 1, cols: 2 }]);
});

test("text Excel would read as a number, formula or boolean is written with the quote prefix", () => {
  for (const t of ["-1.144", "1.474,5", "(1.474)", "=SUM(A1)", "+5", "2025", "TRUE", "50%", " 12", "'quoted"]) {
    expect(asText(t)).toBe(`'${t}`);
    expect(parseTyped(asText(t))).toBe(t); // what the fake (like Excel) stores
  }
  for (const t of ["Service", "Effektivisering ØKF", "-", "Tabel A", "x"]) expect(parseTyped(asText(t))).toBe(t);
  expect(asText("Service")).toBe("Service");
  expect(parseTyped("-1.144")).toBe(-1.144); // why the prefix matters
  expect(parseTyped("1,144")).toBe(1144);
});
