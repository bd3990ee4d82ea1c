/** Keys and placement (SPEC §4–5): findings for bad keys, units outside the template kept. */
import { calculate, parseProposal, resultToJson, type ProposalInput } from "../../src/engine";

const base = (over: Partial<ProposalInput>): ProposalInput => ({
  years: [2025, 2026],
  presenting: "ØKF",
  rows: [
    { label: "Effekt", block: "permanent", type: "effect", area: "Service", unit: "ØU", key: "k", values: { "2025": -100, "2026": -200 } },
  ],
  ...over,
});

const run = (input: ProposalInput) => {
  const p = parseProposal(input);
  const r = calculate(p.proposal, p.findings);
  return { r, json: resultToJson(r), codes: r.findings.map((f) => `${f.code}/${f.severity}`) };
};

describe("keys", () => {
  it("normalises a percent key that sums to 99,99 and says so (KEY_NOT_100)", () => {
    const { json, r } = run(base({ keys: { k: { kind: "percent", weights: { TMF: "33,33", BIF: "66,66" } } } }));
    const f = r.findings.find((x) => x.code === "KEY_NOT_100")!;
    expect(f).toMatchObject({ severity: "warning", location: "keys.k" });
    expect(f.message).toContain("99,99 %");
    // -200 × 33,33/99,99 = -66,67; × 66,66/99,99 = -133,33 → -67 / -133
    expect(json.kvantum!.A).toEqual({ TMU: { "2025": -33, "2026": -67 }, BIU: { "2025": -67, "2026": -133 } });
  });

  it.each([
    [{ TMF: 0, BIF: 0 }, "summerer til 0"],
    [{ TMF: -1, BIF: 2 }, "negativ vægt"],
    [{ TMF: 1, XYZ: 2 }, '"XYZ", som ikke er en kendt enhed'],
  ])("refuses key %j with KEY_INVALID and leaves the row unplaced", (weights, text) => {
    const { r, codes } = run(base({ keys: { k: { weights } } }));
    expect(r.findings.find((f) => f.code === "KEY_INVALID")!.message).toContain(text);
    expect(codes).toContain("KEY_MISSING/error");
  });

  it("gives Borgerrådgiveren its own row and a warning, never a silent loss (2025 Forslag 5)", () => {
    const { json, codes } = run(base({ keys: { k: { weights: { TMF: 3, Borgerrådgiveren: 1 } } } }));
    expect(codes).toContain("UNIT_OUTSIDE_TEMPLATE/warning");
    expect(json.kvantum!.A).toEqual({ TMU: { "2025": -75, "2026": -150 }, BR: { "2025": -25, "2026": -50 } });
    // Tabel 2.1.1 still sums to the net: BR folds into ØU with the realised effect's credit
    const sum2026 = Object.values(json.committees!).reduce((s, m) => s + m["2026"], 0);
    expect(sum2026).toBe(-200);
  });

  it("adds the weights of codes that name the same unit (ØKF and Økonomiudvalget)", () => {
    const { json } = run(base({ keys: { k: { weights: { ØKF: 1, Økonomiudvalget: 1, TMU: 2 } } } }));
    expect(json.kvantum!.A).toEqual({ ØU: { "2025": -50, "2026": -100 }, TMU: { "2025": -50, "2026": -100 } });
  });

  it("falls back to the presenting administration with KEY_MISSING info when a row has no unit", () => {
    const { json, r } = run(
      base({
        rows: [
          { label: "Uden enhed", block: "permanent", type: "effect", area: "Service", values: { "2025": -10 } },
          { label: "Med", block: "permanent", type: "effect", area: "Service", unit: "TMU", values: { "2025": -5 } },
        ],
      }),
    );
    expect(r.findings.find((f) => f.code === "KEY_MISSING")).toMatchObject({ severity: "info", location: "rows[0].unit" });
    expect(json.kvantum!.A).toEqual({ ØU: { "2025": -10, "2026": 0 }, TMU: { "2025": -5, "2026": 0 } });
  });

  it("finances drift without key in proportion to the credited effects, with an info finding", () => {
    const { json, r } = run(
      base({
        rows: [
          { label: "Effekt", block: "permanent", type: "effect", area: "Service", unit: "k", values: { "2025": -300 } },
          { label: "Drift", block: "permanent", type: "drift", area: "Service", unit: "KIT", values: { "2025": 90 } },
        ],
        keys: { k: { weights: { TMU: 2, BIU: 1 } } },
      }),
    );
    // A: TMU −200 + 60, BIU −100 + 30; C: TMU −200, BIU −100, KIT +90; B = C − A
    expect(json.kvantum!.A).toEqual({ TMU: { "2025": -140, "2026": 0 }, BIU: { "2025": -70, "2026": 0 } });
    expect(json.kvantum!.C).toEqual({ KIT: { "2025": 90, "2026": 0 }, TMU: { "2025": -200, "2026": 0 }, BIU: { "2025": -100, "2026": 0 } });
    expect(json.kvantum!.B).toEqual({ KIT: { "2025": 90, "2026": 0 }, TMU: { "2025": -60, "2026": 0 }, BIU: { "2025": -30, "2026": 0 } });
    expect(r.findings.some((f) => f.code === "KEY_MISSING" && f.severity === "info" && f.location === "rows[1].key")).toBe(true);
  });

  it("applies 2018's net-savers policy as a setting (SPEC §5)", () => {
    const { json } = run(
      base({
        settings: { maaltalPolicy: "net" },
        rows: [
          { label: "Effekt TMU", block: "permanent", type: "effect", area: "Service", unit: "TMU", values: { "2025": -300 } },
          { label: "Drift BIU", block: "permanent", type: "drift", area: "Service", unit: "BIU", values: { "2025": 100 } },
        ],
      }),
    );
    // Net: TMU −300, BIU +100 → ΣNet −200, all to the only net saver TMU
    expect(json.kvantum!.A).toEqual({ TMU: { "2025": -200, "2026": 0 } });
    expect(json.kvantum!.B).toEqual({ TMU: { "2025": -100, "2026": 0 }, BIU: { "2025": 100, "2026": 0 } });
  });
});

describe("exact splitting", () => {
  it("splits 1,5 three ways as 0,5 each, so the total rounds to 2 (v × w / W, not v × (w / W))", () => {
    const { json } = run(
      base({
        years: [2025],
        rows: [{ label: "Drift", block: "permanent", type: "drift", area: "Service", unit: "k", key: "k", values: { "2025": "1,5" } }],
        keys: { k: { weights: { TMU: 1, BIU: 1, KFU: 1 } } },
      }),
    );
    // ROUND(1,5) = 2; all remainders 0,5 and |exact| equal: row order (template: KFU, TMU, BIU)
    expect(json.kvantum!.A).toEqual({ KFU: { "2025": 1 }, TMU: { "2025": 1 } });
  });
});
