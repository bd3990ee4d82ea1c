/** Payback (SPEC §3) on small hand-made proposals; the document cases are in cases.test.ts. */
import { calculate, parseProposal, type ProposalInput } from "../../src/engine";

function payback(
  rows: { block: "permanent" | "implementation"; values: number[]; area?: string }[],
  rate = 0,
  years = [2025, 2026, 2027, 2028],
) {
  const input: ProposalInput = {
    years,
    settings: { discountRate: rate },
    kvantum: false,
    rows: rows.map((r, i) => ({
      label: `r${i}`,
      block: r.block,
      area: r.area ?? "Service",
      values: Object.fromEntries(years.map((y, j) => [String(y), r.values[j] ?? 0])),
    })),
  };
  const p = parseProposal(input);
  return calculate(p.proposal).payback;
}

describe("payback", () => {
  it("a cumulative of exactly 0 has not paid back (2016 Forslag 2: 0, −450 is 2 years)", () => {
    const p = payback([
      { block: "implementation", values: [1000, 1000] },
      { block: "permanent", values: [-1000, -1450, -1450, -1450] },
    ]);
    expect(p.total).toMatchObject({ years: 2, breakEvenYear: 2026, text: "2 år (2026)" });
  });

  it("pays back at the last crossing when the flow dips below zero and comes back", () => {
    const p = payback([
      { block: "implementation", values: [0, 500] },
      { block: "permanent", values: [-100, -100, -100, -100] },
    ]);
    // cum: -100, 300, 200, 100, then -100/yr → 0 in 2029 (not below), -100 in 2030
    expect(p.total).toMatchObject({ years: 6, breakEvenYear: 2030 });
  });

  it("counts the break-even year as a whole year (BC02: 4,24 years is 5)", () => {
    const p = payback([
      { block: "implementation", values: [1000] },
      { block: "permanent", values: [0, -300, -300, -300] },
    ]);
    // cum 1000, 700, 400, 100, −200 in 2029
    expect(p.total).toMatchObject({ years: 5, breakEvenYear: 2029 });
  });

  it("is not applicable without investment", () => {
    const p = payback([{ block: "permanent", values: [-100, -100, -100, -100] }]);
    expect(p.total).toBeNull();
    expect(p.service).toBeNull();
  });

  it("is 'ikke tilbagebetalt' when the steady state is a cost", () => {
    const p = payback([
      { block: "implementation", values: [100] },
      { block: "permanent", values: [-50, -50, 10, 10] },
    ]);
    expect(p.total).toMatchObject({ years: null, breakEvenYear: null, text: "ikke tilbagebetalt" });
  });

  it("is 'ikke tilbagebetalt' when break-even lies beyond 100 years", () => {
    const p = payback([
      { block: "implementation", values: [10000] },
      { block: "permanent", values: [-1, -1, -1, -1] },
    ]);
    expect(p.total!.years).toBeNull();
  });

  it("discounts at the profile's rate: 2 % makes 2018 P11's service payback 22 years, 0 % 18", () => {
    const rows = [
      { block: "permanent" as const, values: [-233, -698, -1164, -1164, -1164] },
      { block: "permanent" as const, area: "Overførsler", values: [-698, -2093, -3489, -3489, -3489] },
      { block: "implementation" as const, values: [6636, 6332, 6230, 0, 0] },
    ];
    const years = [2017, 2018, 2019, 2020, 2021];
    expect(payback(rows, 0.02, years).service).toMatchObject({ years: 22, breakEvenYear: 2038, rule: "diskonteret med 2 %" });
    expect(payback(rows, 0, years).service).toMatchObject({ years: 18, breakEvenYear: 2034, rule: "udiskonteret (0 %)" });
    expect(payback(rows, 0.02, years).service!.undiscounted).toEqual({ years: 18, breakEvenYear: 2034 });
  });

  it("starts counting in the first year with any input", () => {
    const p = payback([
      { block: "implementation", values: [0, 1000] },
      { block: "permanent", values: [0, 0, -600, -600] },
    ]);
    // year1 = 2026: cum 1000, 400, −200 in 2028 → 3 years
    expect(p.total).toMatchObject({ years: 3, breakEvenYear: 2028 });
  });
});
