/** ÅV, drivers, price level and the catalogue roll-up (SPEC §7). */
import Decimal from "decimal.js";
import { costOfFte, fteFromHours, hoursFromDrivers, OVERHEAD_PER_FTE_2025 } from "../../src/engine/staffCost";
import { convertPriceLevel, priceLevelYear } from "../../src/engine/priceLevel";
import { rollupLine, rollupTotal } from "../../src/engine/rollup";
import { calculate, parseProposal } from "../../src/engine";
import { loadCase } from "../helpers/cases";

const D = (x: string | number) => new Decimal(x);

describe("staff cost", () => {
  it("BC01: 11.100 cases × 1 min + 1.000 × 3 min = 235 hours for BIF", () => {
    expect(
      hoursFromDrivers([
        { cases: D(11100), minutes: D(1) },
        { cases: D(1000), minutes: D(3) },
      ]).toString(),
    ).toBe("235");
  });
  it("1.262,6 hours is one ÅV; one ÅV at 550 + 35 overhead is 585 t.kr.", () => {
    expect(fteFromHours(D("1262.6"), D("1262.6")).toString()).toBe("1");
    expect(costOfFte(D(1), D(550), OVERHEAD_PER_FTE_2025).toString()).toBe("585");
  });
});

describe("price level", () => {
  it("40 mio. kr. 2024 p/l is 41,92 mio. kr. 2025 p/l (factor 1,048, Forslag 7) and back", () => {
    expect(convertPriceLevel(D(40), 2024, 2025).toString()).toBe("41.92");
    expect(convertPriceLevel(D("41.92"), 2025, 2024).toString()).toBe("40");
  });
  it("reads the year of '2025 p/l' and 't.kr., 2025-p/l'", () => {
    expect(priceLevelYear("2025 p/l")).toBe(2025);
    expect(priceLevelYear("t.kr., 2025-p/l")).toBe(2025);
  });
  it("refuses a conversion with no index", () => expect(() => convertPriceLevel(D(1), 2020, 2021)).toThrow("Intet p/l-indeks"));
});

describe("roll-up", () => {
  it("BC01: investment 4,25 mio. kr., effect -1,5 mio. kr. (−1.474 t.kr. rounded half up)", () => {
    const p = parseProposal(loadCase("2025-BC01"));
    const line = rollupLine(calculate(p.proposal));
    expect(line.investmentShown.toString()).toBe("4.3");
    expect(line.effectShown.toString()).toBe("-1.5");
    const p2 = parseProposal(loadCase("2025-BC02"));
    const total = rollupTotal([line, rollupLine(calculate(p2.proposal))]);
    // 4,25 + 1,822 = 6,072 → 6,1; −1,474 − 0,562 = −2,036 → −2,0
    expect(total.investmentShown.toString()).toBe("6.1");
    expect(total.effectShown.toString()).toBe("-2");
  });
});
