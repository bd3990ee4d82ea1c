/**
 * Invariants on generated proposals (DESIGN.md, Tests): shown cells sum to the shown total,
 * C = A + B, ΣB = 0, Tabel 2.1.1 sums to Samlet økonomisk påvirkning, and a bigger saving never
 * lengthens the payback. Fixed seed, so a failure reproduces.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { calculate, parseProposal, type ProposalInput } from "../../src/engine";
import type { RoundedTable } from "../../src/engine/result";
import { BEVILLINGER } from "../../src/engine/units";

const SEED = 20261130;

/** Amounts: negative, zero, positive, with up to two decimals, as text so they stay exact. */
const amount = (whole: boolean) =>
  fc.oneof(
    fc.constant("0"),
    fc.integer({ min: -5000, max: 5000 }).map(String),
    whole
      ? fc.integer({ min: -50, max: 50 }).map(String)
      : fc.integer({ min: -500000, max: 500000 }).map((c) => new Decimal(c).div(100).toString()),
  );

const proposalArb = (whole: boolean) =>
  fc
    .record({
      nYears: fc.integer({ min: 1, max: 7 }),
      units: fc.oneof(fc.subarray<string>([...BEVILLINGER], { minLength: 1, maxLength: 1 }), fc.constant<string[]>([...BEVILLINGER])),
      rows: fc.array(
        fc.record({
          block: fc.constantFrom("permanent", "implementation"),
          type: fc.constantFrom("effect", "loss", "drift"),
          area: fc.constantFrom("Service", "Service", "Anlæg", "Overførsler"),
          unitPick: fc.nat(),
          keyMode: fc.constantFrom("none", "unit", "key"),
          values: fc.array(amount(whole), { minLength: 7, maxLength: 7 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      weights: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), { minLength: 11, maxLength: 11 }),
      transfer: fc.option(fc.record({ from: fc.nat(), to: fc.nat(), v: fc.integer({ min: 0, max: 500 }) })),
    })
    .map(({ nYears, units, rows, weights, transfer }) => {
      const years = Array.from({ length: nYears }, (_, i) => 2025 + i);
      const ys = (vals: string[]) => Object.fromEntries(years.map((y, i) => [String(y), vals[i]]));
      // a key over the chosen units, zero weights allowed but never all zero
      const w = Object.fromEntries(units.map((u, i) => [u, weights[i]]));
      if (Object.values(w).every((x) => x === 0)) w[units[0]] = 1;
      const input: ProposalInput = {
        years,
        presenting: "ØKF",
        keys: { k: { weights: w } },
        rows: rows.map((r, i) => ({
          label: `Række ${i}`,
          block: r.block as "permanent" | "implementation",
          type: r.block === "permanent" ? (r.type as "effect" | "loss" | "drift") : undefined,
          area: r.block === "implementation" && r.area === "Overførsler" ? "Service" : r.area,
          unit: units[r.unitPick % units.length],
          key: r.keyMode === "none" ? undefined : r.keyMode === "key" ? "k" : units[(r.unitPick + 1) % units.length],
          values: ys(r.values),
        })),
        transfers: transfer
          ? [
              {
                from: units[transfer.from % units.length],
                to: units[transfer.to % units.length],
                values: ys(years.map(() => String(transfer.v))),
              },
            ]
          : [],
      };
      return input;
    });

function expectColumnsSum(t: RoundedTable) {
  t.total.forEach((total, i) => {
    const shown = t.units.reduce((s, u) => s.plus(t.shown[u][i]), new Decimal(0));
    expect(shown.toString()).toBe(total.toString());
    t.units.forEach((u) => expect(t.shown[u][i].isInteger()).toBe(true));
  });
}

describe("invariants", () => {
  it("every generated table's shown cells sum to its shown total, C = A + B and ΣB = 0", () => {
    fc.assert(
      fc.property(proposalArb(false), (input) => {
        const r = calculate(parseProposal(input).proposal);
        expect(r.kvantum).not.toBeNull();
        for (const set of r.kvantum!.sets) {
          expectColumnsSum(set.A);
          expectColumnsSum(set.C);
          expectColumnsSum(set.B);
          for (const u of set.B.units)
            set.B.shown[u].forEach((b, i) =>
              expect((set.A.shown[u]?.[i] ?? new Decimal(0)).plus(b).toString()).toBe((set.C.shown[u]?.[i] ?? new Decimal(0)).toString()),
            );
          set.B.total.forEach((b) => expect(b.isZero()).toBe(true));
        }
        expectColumnsSum(r.kvantum!.D);
        expectColumnsSum(r.kvantum!.E);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("Tabel 2.1.1 sums to Samlet økonomisk påvirkning (whole t.kr. inputs)", () => {
    fc.assert(
      fc.property(proposalArb(true), (input) => {
        const r = calculate(parseProposal(input).proposal);
        r.totals.net.forEach((net, i) => {
          const sum = r.committees!.units.reduce((s, u) => s.plus(r.committees!.shown[u][i]), new Decimal(0));
          expect(sum.toString()).toBe(net.toString());
          expect(r.committees!.total[i].toString()).toBe(net.toString());
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("Tabel 2.1.1 misses the exact net by less than half a t.kr. per table it sums (fractional inputs)", () => {
    fc.assert(
      fc.property(proposalArb(false), (input) => {
        const r = calculate(parseProposal(input).proposal);
        const k = r.kvantum!;
        const tables = k.sets.length + 2 + k.otherInvestments.length;
        r.totals.net.forEach((net, i) => {
          expect(r.committees!.total[i].minus(net).abs().lte(new Decimal(tables).div(2))).toBe(true);
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("a bigger saving never lengthens the payback", () => {
    fc.assert(
      fc.property(proposalArb(false), fc.integer({ min: 1, max: 3000 }), fc.nat(6), (input, extra, at) => {
        const before = calculate(parseProposal(input).proposal).payback;
        const more: ProposalInput = {
          ...input,
          rows: [
            ...input.rows,
            {
              label: "Ekstra besparelse",
              block: "permanent",
              type: "effect",
              area: "Service",
              unit: "ØU",
              values: { [String(input.years[at % input.years.length])]: -extra },
            },
          ],
        };
        const after = calculate(parseProposal(more).proposal).payback;
        const len = (p: { years: number | null; breakEvenYear: number | null } | null) => (p === null ? -1 : (p.breakEvenYear ?? Infinity));
        for (const which of ["service", "total"] as const) {
          if (before[which] === null) continue;
          // same year1 or earlier: compare break-even calendar years
          expect(len(after[which])).toBeLessThanOrEqual(len(before[which]));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
