/** Number text as the documents write it (SPEC §6). */
import { readAmount, readPaybackText } from "../../src/engine/amountText";

const value = (x: unknown) => {
  const r = readAmount(x);
  return r.ok ? r.value.toString() : `ulæselig: ${r.text}`;
};

describe("readAmount", () => {
  it.each([
    ["1.144", "1144"],
    ["-1474", "-1474"],
    ["- 1.200", "-1200"],
    ["−1.474", "-1474"],
    ["(1.474)", "-1474"],
    ["1.474,5", "1474.5"],
    ["-", "0"],
    ["–", "0"],
    ["", "0"],
    ["-0", "0"],
    ["  12 ", "12"],
    ["1 474", "1474"],
    [-149, "-149"],
    [0.1, "0.1"],
    [null, "0"],
  ])("reads %j as %s", (input, want) => expect(value(input)).toBe(want));

  it("reads the typo --43.142 as -43142 with a note, not silently", () => {
    const r = readAmount("--43.142");
    expect(r).toMatchObject({ ok: true, note: "dobbelt minus læst som ét minus" });
    expect(r.ok && r.value.toString()).toBe("-43142");
  });

  it.each(["#REF!", "#DIV/0!", "ca. 400", "1,2,3", "abc", "12a"])("refuses %j and quotes it", (t) => {
    expect(readAmount(t)).toEqual({ ok: false, text: t });
  });
});

describe("readPaybackText", () => {
  it.each([
    ["4", { years: 4, never: false }],
    ["1 år", { years: 1, never: false }],
    ["4 år (2028)", { years: 4, breakEvenYear: 2028, never: false }],
    ["ikke tilbagebetalt", { years: null, never: true }],
  ])("reads %j", (t, want) => expect(readPaybackText(t)).toEqual(want));
  it("returns undefined for text that names no years", () => expect(readPaybackText("snart")).toBeUndefined());
});

describe("units in the cell", () => {
  it("reads the table's own unit t.kr. and refuses others that would change the amount", () => {
    expect(value("(1.474) t.kr.")).toBe("-1474");
    expect(value("1,5 mio. kr.")).toBe("ulæselig: 1,5 mio. kr.");
    expect(value("1.000 kr.")).toBe("ulæselig: 1.000 kr.");
  });
});
