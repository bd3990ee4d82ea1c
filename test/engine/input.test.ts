/** Bad JSON input: one clear error naming the field, or a finding quoting the text. */
import { InputError, parseProposal } from "../../src/engine";

const ok = { years: [2025, 2026], rows: [{ label: "x", block: "permanent", area: "Service", values: { "2025": -1 } }] };

describe("parseProposal", () => {
  it.each([
    [null, "(rod)"],
    [{ rows: [] }, "years"],
    [{ years: [2025, 2027], rows: [] }, "years"],
    [{ years: ["tyve"], rows: [] }, "years[0]"],
    [{ years: [2025], rows: {} }, "rows"],
    [{ years: [2025], rows: [{ block: "x", values: {} }] }, "rows[0].block"],
    [{ years: [2025], rows: [{ block: "permanent", type: "gevinst", values: {} }] }, "rows[0].type"],
    [{ years: [2025], rows: [{ block: "permanent", area: "Måne", values: {} }] }, "rows[0].area"],
    [{ years: [2025], rows: [{ block: "permanent", values: { "2030": 1 } }] }, "rows[0].values.2030"],
    [{ ...ok, keys: { k: { weights: { TMU: "mange" } } } }, "keys.k.weights.TMU"],
    [{ ...ok, profile: "kk-1999" }, "profile"],
    [{ ...ok, settings: { discountRate: "høj" } }, "settings.discountRate"],
    [{ ...ok, transfers: [{ from: "KIT" }] }, "transfers[0]"],
  ])("refuses %j naming %s", (input, field) => {
    let err: unknown;
    try {
      parseProposal(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe(field);
  });

  it("turns text in a number position into an UNREADABLE error quoting it, and goes on", () => {
    const p = parseProposal({
      ...ok,
      rows: [{ label: "x", block: "permanent", area: "Service", values: { "2025": "#REF!", "2026": "-1.200" } }],
    });
    expect(p.findings).toEqual([
      {
        code: "UNREADABLE",
        severity: "error",
        message: '"#REF!" er ikke et tal; regnet som 0, ret cellen',
        location: "rows[0].values.2025",
      },
    ]);
    expect(p.proposal.rows[0].values.map((v) => v.toString())).toEqual(["0", "-1200"]);
  });

  it("maps locations through the reader's table", () => {
    const p = parseProposal(
      { ...ok, rows: [{ label: "x", block: "permanent", area: "Service", values: { "2025": "abc" } }] },
      { locations: { "rows[0].values.2025": "Forslag!D7" } },
    );
    expect(p.findings[0].location).toBe("Forslag!D7");
  });

  it("infers a permanent row's type from its sign when none is given", () => {
    const p = parseProposal({
      years: [2025],
      rows: [
        { label: "a", block: "permanent", values: { "2025": 5 } },
        { label: "b", block: "permanent", values: { "2025": -5 } },
      ],
    });
    expect(p.proposal.rows.map((r) => r.type)).toEqual(["drift", "effect"]);
  });
});

describe("values of the wrong JSON type", () => {
  it.each([
    [{ toString: 1 }, "rows[0].values.2025"],
    [[1], "rows[0].values.2025"],
    [true, "rows[0].values.2025"],
  ])("refuses %j in a number position naming the field (a malformed file, not a cell to fix)", (bad, field) => {
    let err: unknown;
    try {
      parseProposal({ years: [2025], rows: [{ label: "R", block: "permanent", values: { "2025": bad } }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe(field);
  });
});
