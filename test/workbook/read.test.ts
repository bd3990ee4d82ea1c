/**
 * readWorkbook on the documents' proposals laid out as staff do (layoutBuilder.ts): the input
 * rows, keys, transfers and stated tables equal the case's JSON, and every number's location is
 * the cell it was put in.
 */
import { readWorkbook } from "../../src/workbook";
import { buildCaseWorkbook, type CaseLayout } from "../helpers/layoutBuilder";
import type { ProposalInput, RowInput } from "../../src/engine/input";
import { dec, loadCase, series, statedSeries, statedTable } from "./helpers";

const CASES = ["2025-F4", "2025-BC01", "2025-BC02", "2018-P2", "2016-F2"];
const LAYOUTS: CaseLayout[] = ["standard", "compact", "shifted", "noarea"];

function rowShape(r: RowInput, years: (number | string)[]) {
  return {
    label: r.label,
    block: r.block,
    type: r.block === "permanent" ? r.type : undefined,
    area: r.area,
    unit: r.unit,
    key: r.key,
    administrative: r.administrative === true,
    excluded: r.excluded === true,
    values: series(r.values, years),
  };
}

describe.each(CASES.flatMap((id) => LAYOUTS.map((layout) => [id, layout] as const)))("%s in the %s layout", (id, layout) => {
  const c: ProposalInput = loadCase(id);
  const wb = buildCaseWorkbook(c, layout);
  const reading = readWorkbook(wb.grids);
  const p = reading.proposals[0];

  test("one proposal, its years, profile and price level", () => {
    expect(reading.proposals).toHaveLength(1);
    expect(reading.findings).toEqual([]);
    expect(p.input.years).toEqual(c.years);
    expect(p.template).toBe(c.profile);
    expect(p.input.priceLevel).toBe(`${c.years[0] === 2017 ? 2018 : c.years[0] === 2024 ? 2025 : c.years[0]} p/l`);
  });

  test("input rows equal the case's rows (numbers compared as decimals)", () => {
    expect(p.input.rows.map((r) => rowShape(r, c.years))).toEqual(wb.rowOrder.map((i) => rowShape(c.rows[i], c.years)));
  });

  test("keys and transfers equal the case's", () => {
    const keys = Object.fromEntries(
      Object.entries(p.input.keys ?? {}).map(([n, k]) => [
        n,
        { kind: k.kind ?? "weights", weights: Object.fromEntries(Object.entries(k.weights).map(([u, w]) => [u, dec(w)])) },
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(c.keys ?? {}).map(([n, k]) => [
        n,
        { kind: k.kind ?? "weights", weights: Object.fromEntries(Object.entries(k.weights).map(([u, w]) => [u, dec(w)])) },
      ]),
    );
    expect(keys).toEqual(expected);
    const shape = (t: { from: string; to: string; values: Record<string, number | string | null> }) => ({
      from: t.from,
      to: t.to,
      values: series(t.values, c.years),
    });
    expect((p.input.transfers ?? []).map(shape)).toEqual((c.transfers ?? []).map(shape));
    if (layout !== "shifted") expect((p.input.transfers ?? []).map((t) => t.label)).toEqual((c.transfers ?? []).map((t) => t.label));
  });

  test("stated figures equal the document's", () => {
    const st = c.stated ?? {};
    const got = p.input.stated ?? {};
    const totals = (t: Record<string, unknown> | undefined) =>
      Object.fromEntries(
        Object.entries(t ?? {}).map(([k, v]) =>
          k.endsWith("ByArea")
            ? [k, Object.fromEntries(Object.entries(v as Record<string, Record<string, number>>).map(([a, s]) => [a, statedSeries(s)]))]
            : [k, statedSeries(v as Record<string, number>)],
        ),
      );
    expect(totals(got.totals)).toEqual(totals(st.totals as Record<string, unknown>));
    expect(got.payback ?? {}).toEqual(Object.fromEntries(Object.entries(st.payback ?? {}).map(([k, v]) => [k, String(v)])));
    expect(statedTable(got.committees)).toEqual(statedTable(st.committees));
    expect(statedSeries(got.admin)).toEqual(statedSeries(st.admin));
    const kv = (k: Record<string, Record<string, Record<string, number | string | null>>> | undefined) =>
      Object.fromEntries(Object.entries(k ?? {}).map(([n, t]) => [n, statedTable(t)]));
    expect(kv(got.kvantum)).toEqual(kv(st.kvantum));
  });

  test("every number's location is the cell it was put in", () => {
    const paths = Object.keys(wb.cells);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expect([path, p.locations[path]]).toEqual([path, wb.cells[path]]);
  });
});

describe("locations at known cells (2025 Forslag 4, standard layout)", () => {
  // standard layout: header in row 4, "Varige ændringer" row 5, four permanent rows 6–9,
  // "Samlet varig ændring, Service" 10, "Samlet varig ændring" 11, marker 12, seven
  // implementation rows 13–19, by-area rows 20–21, total 22, net 23, payback 24–25; the
  // optional columns B–F and the years from G (2024) to L (2029)
  const reading = readWorkbook(buildCaseWorkbook(loadCase("2025-F4"), "standard").grids);
  const loc = reading.proposals[0].locations;
  test.each([
    ["rows[0].label", "Forslag!A6"],
    ["rows[0].values.2024", "Forslag!G6"],
    ["rows[3].values.2029", "Forslag!L9"],
    ["rows[4].values.2024", "Forslag!G13"],
    ["stated.totals.permanent.2025", "Forslag!H11"],
    ["stated.totals.implementationByArea.Anlæg.2024", "Forslag!G21"],
    ["stated.totals.net.2025", "Forslag!H23"],
    ["stated.payback.service", "Forslag!G24"],
    ["stated.payback.total", "Forslag!G25"],
    ["stated.kvantum.A.TMU.2027", "Kvantum!F12"],
    ["stated.kvantum.A.Total.2026", "Kvantum!E14"],
    ["stated.kvantum.A", "Kvantum!A1:H14"],
  ])("%s → %s", (path, cell) => expect(loc[path]).toBe(cell));
  test("the reader's row values keep what the cells hold", () => {
    const r = reading.proposals[0].input.rows;
    expect(r[1].values["2026"]).toBe(-2000);
    expect(r[2]).toMatchObject({
      label: "Drift af system",
      type: "drift",
      area: "Service",
      unit: "TMU",
      key: "systemdrift",
      administrative: true,
    });
    expect(r[5]).toMatchObject({ label: "Udvikling af IT-system", block: "implementation", area: "Anlæg", unit: "TMU" });
  });
});
