/**
 * Every proposal transcribed from the annexes (test/fixtures/cases) computes exactly what the
 * SPEC's rules give, and raises the findings the document's errors must raise — and no other
 * warning or error.
 */
import { calculate, parseProposal, resultToJson } from "../../src/engine";
import { caseNames, loadCase } from "../helpers/cases";

describe.each(caseNames())("case %s", (name) => {
  const c = loadCase(name);
  const parsed = parseProposal(c);
  const result = calculate(parsed.proposal, parsed.findings);
  const json = resultToJson(result);

  it("reads without findings of its own", () => {
    expect(parsed.findings).toEqual([]);
  });

  it("gives the expected Tabel 1 totals", () => {
    const t = json.totals as Record<string, unknown>;
    for (const [k, v] of Object.entries(c.expected.totals)) expect({ [k]: t[k] }).toEqual({ [k]: v });
  });

  it("gives the expected payback", () => {
    for (const which of ["service", "total"] as const) {
      const got = json.payback[which];
      const want = c.expected.payback[which];
      expect({ which, got: got && { years: got.years, breakEvenYear: got.breakEvenYear } }).toEqual({ which, got: want });
    }
  });

  it("gives the expected Kvantum tables and Tabel 2.1.1", () => {
    if (c.expected.kvantum === undefined) return expect(json.kvantum === null || c.kvantum !== false).toBe(true);
    const k = json.kvantum;
    if (c.expected.kvantum === null) return expect(k).toBeNull();
    expect(k).not.toBeNull();
    for (const t of ["A", "B", "C", "D", "E"] as const) expect({ [t]: k![t] }).toEqual({ [t]: c.expected.kvantum[t] });
    expect(json.committees).toEqual(c.expected.committees);
  });

  it("raises the document's findings and no other warning or error", () => {
    const got = result.findings.map((f) => `${f.code}/${f.severity}`);
    for (const f of c.expected.findings) expect(got).toContain(`${f.code}/${f.severity}`);
    const allowed = new Set(c.expected.findings.map((f) => `${f.code}/${f.severity}`));
    const extra = result.findings.filter((f) => f.severity !== "info" && !allowed.has(`${f.code}/${f.severity}`));
    expect(extra).toEqual([]);
  });
});
