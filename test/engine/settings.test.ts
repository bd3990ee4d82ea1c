/**
 * The discount rate as staff type it (issue 10): percent whether or not they write "%", the
 * fraction as "_beregn" and the JSON keep it, and a clear refusal outside 0–20 %.
 */
import { parseDiscountRate, resolveSettings, SettingsError } from "../../src/engine/settings";

test.each([
  ["2", "0.02"],
  ["2 %", "0.02"],
  ["2,5 %", "0.025"],
  ["2,5", "0.025"],
  // the pane's placeholder and the "1" that once meant 100 %
  ["1 %", "0.01"],
  ["1", "0.01"],
  ["0", "0"],
  ["20 %", "0.2"],
  // as "_beregn" and the cases keep it
  ["0.02", "0.02"],
  [0.02, "0.02"],
] as [string | number, string][])("%p is %s", (typed, rate) => {
  expect(parseDiscountRate(typed).toString()).toBe(rate);
});

test.each(["25", "21 %", "-1", "høj", ""])("%p is refused with a message naming the range or the number", (typed) => {
  expect(() => parseDiscountRate(typed)).toThrow(SettingsError);
  try {
    parseDiscountRate(typed);
  } catch (e) {
    expect((e as SettingsError).field).toBe("settings.discountRate");
    expect((e as Error).message).toMatch(/mellem 0 og 20 %|er ikke et tal/);
  }
});

test("cellNotes: on by default; ja/nej as _beregn keeps it", () => {
  expect(resolveSettings(undefined).cellNotes).toBe(true);
  expect(resolveSettings({ cellNotes: "nej" }).cellNotes).toBe(false);
  expect(resolveSettings({ cellNotes: true }).cellNotes).toBe(true);
  expect(() => resolveSettings({ cellNotes: "måske" })).toThrow("settings.cellNotes");
});
