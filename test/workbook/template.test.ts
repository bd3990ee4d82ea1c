/** templateGrids: the blank 2025 template reads back as a proposal with placeholder rows. */
import { applyPlanToGrids, computeFound, planBeregn, readWorkbook, templateGrids } from "../../src/workbook";
import { at, formulaOf } from "./helpers";

describe("Ny projektmappe", () => {
  const grids = templateGrids();
  const reading = readWorkbook(grids);
  const p = reading.proposals[0];

  test("sheets Forslag and Kvantum; one proposal, 2025–2030, 2025 p/l, kk-2025", () => {
    expect(grids.map((g) => g.name)).toEqual(["Forslag", "Kvantum"]);
    expect(reading.proposals).toHaveLength(1);
    expect(p.input.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(p.input.priceLevel).toBe("2025 p/l");
    expect(p.template).toBe("kk-2025");
  });
  test("placeholder rows with their Type and Styringsområde", () => {
    expect(p.input.rows.map((r) => [r.label, r.block, r.type, r.area])).toEqual([
      ["[Angiv effektivisering]", "permanent", "effect", "Service"],
      ["[Angiv varig drift]", "permanent", "drift", "Service"],
      ["[Angiv implementeringsomkostning]", "implementation", undefined, "Anlæg"],
      ["[Angiv implementeringsomkostning]", "implementation", undefined, "Service"],
    ]);
    expect(p.input.rows.every((r) => Object.keys(r.values).length === 0)).toBe(true);
  });
  test("PLACEHOLDER warnings at the template text", () => {
    const at = p.findings.filter((f) => f.code === "PLACEHOLDER").map((f) => f.location);
    expect([...at].sort()).toEqual(["Forslag!A13", "Forslag!A14", "Forslag!A8", "Forslag!A9", "Forslag!B1", "Forslag!B2", "Forslag!B3"]);
    expect(p.findings.find((f) => f.location === "Forslag!B3")?.message).toContain('"Angiv dato"');
  });
  test("the empty tables are found in place", () => {
    expect(Object.keys(p.input.stated?.kvantum ?? {})).toEqual(["A", "B", "C", "D", "E"]);
    expect(p.input.stated?.committees).toEqual({});
    // Tabel C: title row 33, header 34, eleven bevillinger 35–45, Total 46; years in C–H
    expect(p.locations["stated.kvantum.C"]).toBe("Kvantum!A33:H46");
  });
  test("Beregn on the blank template writes formulas and zeros, no error", () => {
    const result = computeFound(p);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    const plan = planBeregn(grids, reading, 0, result, { mode: "beregn", now: new Date("2026-01-01T00:00:00Z") });
    const after = applyPlanToGrids(grids, plan.plan);
    // "Samlet varig ændring, Service" (row 10) over the two placeholder rows 8–9
    expect(formulaOf(after, "Forslag", "G10")).toBe("=SUM(G8:G9)");
    expect(at(after, "Forslag", "G10")).toBe(0);
    expect(at(after, "Forslag", "G19")).toBe("ikke relevant (ingen investering)");
    // no row has a unit or key: no placement is known, so no Kvantum table is written
    expect(result.kvantum).toBeNull();
    expect(at(after, "Kvantum", "C5")).toBeNull();
  });
});
