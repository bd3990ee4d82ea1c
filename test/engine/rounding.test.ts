/** Largest-remainder rounding (SPEC §4). */
import Decimal from "decimal.js";
import { roundColumn } from "../../src/engine/rounding";

const d = (xs: (string | number)[]) => xs.map((x) => new Decimal(x));
const s = (xs: Decimal[]) => xs.map((x) => x.toNumber());

describe("roundColumn", () => {
  it("splits BC01's 880 by the hours key so the column sums to 880 (SPEC §4: TMF 122, not 123)", () => {
    // weights BIF 14100, BUF 9300, KFF 8500, SOF 15700, SUF 4400, TMF 11200, ØKF 17300 (Σ 80500)
    const w = [14100, 9300, 8500, 15700, 4400, 11200, 17300];
    const exact = w.map((x) => new Decimal(880).times(x).div(80500));
    const { shown, total } = roundColumn(exact);
    expect(s(shown)).toEqual([154, 102, 93, 172, 48, 122, 189]);
    expect(total.toNumber()).toBe(880);
  });

  it("rounds the total half away from zero, as Excel's ROUND", () => {
    expect(roundColumn(d(["0.5"])).total.toNumber()).toBe(1);
    expect(roundColumn(d(["-0.5"])).total.toNumber()).toBe(-1);
    expect(roundColumn(d(["-2.5", "0"])).total.toNumber()).toBe(-3);
  });

  it("handles a column that mixes signs: -0,6 and 0,6 sum to 0 and both show 0 (never -0)", () => {
    const { shown, total } = roundColumn(d(["-0.6", "0.6"]));
    expect(total.toNumber()).toBe(0);
    // trunc 0, 0; k = 0: no cell moves (each is then off by 0,6 — the total wins)
    expect(s(shown)).toEqual([0, 0]);
    expect(Object.is(shown[0].toNumber(), -0)).toBe(false);
  });

  it("moves the cells with the smallest signed remainder down when k < 0", () => {
    // exact -1,4 -1,4 -1,2: Σ = -4 → T = -4; truncs -1 -1 -1 = -3; k = -1 → one of the -0,4 remainders
    const { shown } = roundColumn(d(["-1.4", "-1.4", "-1.2"]));
    expect(s(shown)).toEqual([-2, -1, -1]);
  });

  it("breaks ties by larger |exact| first, then row order", () => {
    // 0,5 and 2,5 both remainder 0,5; Σ = 3 → T = 3; truncs 0 + 2 = 2; k = 1 → 2,5 (larger) gets it
    expect(s(roundColumn(d(["0.5", "2.5"])).shown)).toEqual([0, 3]);
    // equal exacts: first row
    expect(s(roundColumn(d(["0.5", "0.5", "1"])).shown)).toEqual([1, 0, 1]);
  });
});
