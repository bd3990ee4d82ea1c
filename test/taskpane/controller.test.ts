/**
 * The pane's controller against the fake Office and the real workbook layer: every action's
 * effect on the workbook, its sync budget, and the Danish words it shows.
 */
import type { ProposalInput } from "../../src/engine/input";
import { templateGrids } from "../../src/workbook";
import { buildCaseGrids } from "../helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import { workbookBackend, type WorkbookBackend } from "../../src/taskpane/backend";
import { PaneController, type ExcelRun } from "../../src/taskpane/controller";
import { loadCase } from "../helpers/cases";
import { FakeWorkbook } from "../fakes/officeFake";
import { dataGrid } from "../fakes/proposalGrids";

function content(grids: Grid[]) {
  return grids
    .map((g) => {
      const cells: Record<string, unknown> = {};
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = g.formulas[r]?.[c] ?? null;
          if (f !== null) cells[`${r},${c}`] = f;
          else if (v !== null && v !== "") cells[`${r},${c}`] = v;
        }),
      );
      g.formulas.forEach((row, r) => row.forEach((f, c) => f !== null && (cells[`${r},${c}`] = f)));
      return { name: g.name, visibility: g.visibility, cells };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function setup(grids: Grid[], backend: WorkbookBackend = workbookBackend()) {
  const fake = FakeWorkbook.fromGrids(grids);
  const run: ExcelRun = (batch) => fake.run((ctx) => batch(ctx as unknown as Excel.RequestContext));
  const controller = new PaneController({ run, backend, version: "test", now: () => new Date("2026-11-30T08:00:00Z") });
  return { fake, controller };
}

const f4 = () => buildCaseGrids(loadCase("2025-F4") as unknown as ProposalInput, "standard");

describe("PaneController", () => {
  test("start reads and recognises without writing", async () => {
    const { fake, controller } = setup(f4());
    const before = content(fake.toGrids());
    await controller.start();
    const s = controller.getState();
    expect(s.error).toBeUndefined();
    expect(s.reading?.proposals).toHaveLength(1);
    expect(s.reading?.proposals[0].template).toBe("kk-2025");
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(content(fake.toGrids())).toEqual(before);
  });

  test("Beregn: read, compute and write in at most 3 syncs; says what changed; offers undo", async () => {
    const { fake, controller } = setup(f4());
    await controller.beregn("beregn");
    const s = controller.getState();
    expect(s.error).toBeUndefined();
    // DESIGN.md: sheet names, used ranges, the write
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(s.outcome?.text).toMatch(/\d+ celler skrevet i /);
    expect(s.outcome?.undo).toBe("beregn");
    expect(s.result?.payback.total?.years).toBe(7);
    expect(fake.sheet("_beregn")?.visibility).toBe("VeryHidden");
    expect(fake.sheet("Kontrol")).toBeDefined();
  });

  test("Fortryd after Beregn restores every cell", async () => {
    const grids = f4();
    const { fake, controller } = setup(grids);
    const before = content(fake.toGrids());
    await controller.beregn("beregn");
    await controller.undo();
    const s = controller.getState();
    expect(s.error).toBeUndefined();
    expect(s.outcome?.text).toMatch(/celler gendannet/);
    expect(content(fake.toGrids())).toEqual(before);
    // a second undo has nothing to undo: the layer's refusal is shown
    await controller.undo();
    expect(controller.getState().outcome?.intent).toBe("warning");
    expect(controller.getState().outcome?.text.length).toBeGreaterThan(10);
  });

  test("Kvantum-tabeller writes only the tables", async () => {
    const { fake, controller } = setup(f4());
    await controller.beregn("kvantum");
    expect(controller.getState().error).toBeUndefined();
    expect(controller.getState().outcome?.title).toBe("Kvantum-tabeller skrevet");
    expect(fake.sheet("Kontrol")).toBeUndefined();
  });

  test("Valider writes nothing and shows the findings, STALE after an input changed", async () => {
    const { fake, controller } = setup(f4());
    await controller.beregn("beregn");
    const afterBeregn = content(fake.toGrids());
    await controller.validate();
    let s = controller.getState();
    expect(s.findingsSource).toBe("Valider");
    expect(s.outcome?.text).toMatch(/^Intet er ændret\./);
    expect(content(fake.toGrids())).toEqual(afterBeregn);
    expect(s.findings.some((f) => f.code === "STALE")).toBe(false);
    // change an input cell of Tabel 1, as a user would
    const loc = s.reading!.proposals[0].locations["rows[0].values.2026"];
    const [sheet, address] = loc.split("!");
    fake.cell(sheet, address);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[-999]];
    });
    await controller.validate();
    s = controller.getState();
    expect(s.findings.some((f) => f.code === "STALE")).toBe(true);
  });

  test("no proposal: a clear Danish message, nothing written", async () => {
    const { fake, controller } = setup([{ name: "Ark1", visibility: "visible", values: [["Budget", 2025]], formulas: [] }]);
    await controller.start();
    expect(controller.getState().reading?.proposals).toHaveLength(0);
    expect(controller.getState().outcome?.text).toMatch(/Indsæt skabelon/);
    await controller.beregn("beregn");
    expect(controller.getState().error).toMatch(/ikke et forslag/);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Ark1"]);
  });

  test("a protected sheet is refused naming the sheet, and nothing is written", async () => {
    const grids = f4().map((g) => (g.name === "Forslag" ? { ...g, protected: true } : g));
    const { fake, controller } = setup(grids);
    const before = content(fake.toGrids());
    await controller.beregn("beregn");
    expect(controller.getState().error).toMatch(/Arket »Forslag« er beskyttet/);
    expect(content(fake.toGrids())).toEqual(before);
  });

  test("Excel in cell edit mode: the Danish message", async () => {
    const { fake, controller } = setup(f4());
    fake.editMode = true;
    await controller.beregn("beregn");
    expect(controller.getState().error).toMatch(/redigere en celle/);
    expect(controller.getState().busy).toBeUndefined();
  });

  test("Gå til celle selects the cell of a finding", async () => {
    const { fake, controller } = setup(f4());
    await controller.goTo("Kvantum!D14:H14");
    expect(fake.selection).toEqual({ sheet: "Kvantum", address: "D14:H14" });
    await controller.goTo("'Forslag'!C12, Forslag!D12");
    expect(fake.selection).toEqual({ sheet: "Forslag", address: "C12" });
    await controller.goTo("rows[2].values.2025");
    expect(controller.getState().error).toMatch(/peger ikke på en celle/);
  });

  test("Forklar explains a selected cell of a generated table, and says so when it is not one", async () => {
    const { fake, controller } = setup(f4());
    await controller.beregn("beregn");
    // find Tabel A's ØU 2025 cell in what Beregn wrote
    const grids = fake.toGrids();
    let target: { sheet: string; address: string } | undefined;
    for (const g of grids)
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!target && v === -369 && g.name !== "Forslag") target = { sheet: g.name, address: `${String.fromCharCode(65 + c)}${r + 1}` };
        }),
      );
    expect(target).toBeDefined();
    fake.selection = target!;
    fake.resetStats();
    await controller.explain();
    expect(fake.stats.syncs).toBe(1);
    const e = controller.getState().explanation!;
    expect(e.none).toBeUndefined();
    expect(e.explanation!.shown.toNumber()).toBe(-369);
    expect(e.explanation!.parts.length).toBeGreaterThan(0);

    fake.selection = { sheet: "Forslag", address: "A1" };
    await controller.explain();
    expect(controller.getState().explanation?.none).toMatch(/ikke en celle i en tabel/);
  });

  test("Indsæt skabelon adds the template on new sheets; Fortryd removes them", async () => {
    const { fake, controller } = setup(f4());
    const before = content(fake.toGrids());
    await controller.insertTemplate();
    const s = controller.getState();
    expect(s.error).toBeUndefined();
    expect(s.outcome?.title).toBe("Skabelon indsat");
    const names = templateGrids().map((g) => g.name);
    // "Forslag" is taken, so the template's sheet is renamed
    expect(fake.sheets.length).toBeGreaterThan(before.length);
    expect(fake.sheets.some((x) => /\(2\)$/.test(x.name) || !names.includes(x.name))).toBe(true);
    await controller.undo();
    expect(content(fake.toGrids())).toEqual(before);
  });

  test("Indsæt kolonner adds the missing headers right of Tabel 1; Fortryd removes them", async () => {
    const grids = buildCaseGrids(loadCase("2025-BC01") as unknown as ProposalInput, "compact");
    const { fake, controller } = setup(grids);
    const before = content(fake.toGrids());
    await controller.start();
    await controller.insertColumns();
    const s = controller.getState();
    expect(s.error).toBeUndefined();
    expect(s.outcome?.title).toBe("Kolonner indsat");
    expect(s.outcome?.text).toMatch(/Type/);
    // the reader now sees a Type column: after filling it in, nothing is inferred
    const headerTexts = fake
      .toGrids()
      .flatMap((g) => g.values.flat())
      .filter((v) => v === "Type");
    expect(headerTexts.length).toBe(1);
    await controller.undo();
    expect(content(fake.toGrids())).toEqual(before);
    // the standard layout has them all
    const full = setup(f4());
    await full.controller.start();
    await full.controller.insertColumns();
    expect(full.controller.getState().outcome?.title).toBe("Ingen kolonner indsat");
  });

  test("settings apply to the next Beregn and are written to _beregn", async () => {
    const { fake, controller } = setup(f4());
    await controller.start();
    await controller.saveSettings({ discountRate: "0" });
    expect(controller.getState().outcome?.text).toMatch(/næste Beregn/);
    await controller.beregn("beregn");
    const s = controller.getState();
    expect(s.result?.proposal.settings.discountRate.toNumber()).toBe(0);
    // F4 pays back in 6 years without discounting (documentErrors)
    expect(s.result?.payback.total?.years).toBe(6);
    const beregn = fake.toGrids().find((g) => g.name === "_beregn")!;
    const row = beregn.values.find((r) => r[0] === "discountRate");
    expect(String(row?.[1])).toBe("0");
    // the saved setting is read back by the next session
    const next = setup(fake.toGrids());
    await next.controller.beregn("beregn");
    expect(next.controller.getState().result?.payback.total?.years).toBe(6);
  });

  test("a workbook with many and large sheets: the probe skips raw data, Beregn still ≤ 4 syncs", async () => {
    const grids = [...f4()];
    for (let i = 0; i < 7; i++) grids.push(dataGrid(`Data ${i + 1}`, i === 0 ? 5000 : 50, 12));
    const { fake, controller } = setup(grids);
    const data = content(fake.toGrids().filter((g) => g.name.startsWith("Data")));
    await controller.beregn("beregn");
    expect(controller.getState().error).toBeUndefined();
    expect(controller.getState().result?.payback.total?.years).toBe(7);
    // sheet list, sizes and labels, the sheets that matter, the write
    expect(fake.stats.syncs).toBeLessThanOrEqual(4);
    expect(fake.stats.bytesReceived).toBeLessThan(1_000_000);
    expect(content(fake.toGrids().filter((g) => g.name.startsWith("Data")))).toEqual(data);
  });

  test("several proposals: the picker's choice is the one computed and written", async () => {
    const bc01 = buildCaseGrids(loadCase("2025-BC01") as unknown as ProposalInput, "standard")
      .filter((g) => g.name === "Forslag")
      .map((g) => ({ ...g, name: "BC01" }));
    const { controller } = setup([...f4(), ...bc01]);
    await controller.start();
    const proposals = controller.getState().reading!.proposals;
    expect(proposals.map((p) => p.sheet)).toEqual(["Forslag", "BC01"]);
    controller.selectProposal(1);
    await controller.beregn("beregn");
    const s = controller.getState();
    expect(s.error).toBeUndefined();
    expect(s.selected).toBe(1);
    expect(s.result?.proposal.title).toBe(loadCase("2025-BC01").title);
  });

  test("one action at a time", async () => {
    const { controller } = setup(f4());
    const a = controller.beregn("beregn");
    const b = controller.validate();
    await Promise.all([a, b]);
    expect(controller.getState().findingsSource).toBe("Beregn");
  });
});

describe("the pane after Beregn and Fortryd (issue 10) on 2025 BC02", () => {
  const bc02 = () => buildCaseGrids(loadCase("2025-BC02") as unknown as ProposalInput, "compact");

  test("after Beregn: the written workbook's findings; what the write resolved under Rettet af Beregn", async () => {
    const { controller } = setup(bc02());
    await controller.beregn("beregn");
    const s = controller.getState();
    expect(s.error).toBeUndefined();
    // Tabel C was empty (KVANTUM_MISSING, the only advarsel) and Beregn filled it: no longer a finding
    expect(s.findings.map((f) => f.code).sort()).toEqual(["TYPE_INFERRED", "UNREADABLE"]);
    expect(s.resolved?.map((f) => f.code)).toContain("KVANTUM_MISSING");
    // the KFU −306 of Tabel A (2025-BC02!G32:K32) is among what was resolved
    expect(s.resolved?.some((f) => f.code === "KVANTUM_MISMATCH" && f.location === "2025-BC02!G32:K32")).toBe(true);
  });

  test("Forklar on a Tabel 2.1.1 cell of the generated sheet works right after Beregn", async () => {
    const { fake, controller } = setup(bc02());
    await controller.beregn("beregn");
    const kv = fake.toGrids().find((g) => g.name === "Kvantum")!;
    const r = kv.values.findIndex((row) => row[0] === "Økonomiudvalget");
    // the generated sheet: label in A, years from C (2024): ØU 2025 in D
    fake.selection = { sheet: "Kvantum", address: `D${r + 1}` };
    await controller.explain();
    const e = controller.getState().explanation;
    expect(e?.none).toBeUndefined();
    expect(e?.explanation?.unit).toBe("ØU");
    expect(e?.explanation?.year).toBe(2025);
  });

  test("after Fortryd: no Sidst beregnet (no stamp), no explanation, no findings", async () => {
    const { controller } = setup(bc02());
    await controller.beregn("beregn");
    expect(controller.getState().reading?.stamp).toBeDefined();
    await controller.undo("last");
    const s = controller.getState();
    expect(s.outcome?.title).toBe("Fortrudt");
    expect(s.reading?.stamp).toBeUndefined();
    expect(s.explanation).toBeUndefined();
    expect(s.resolved).toBeUndefined();
  });

  // "Ret tal skrevet som tekst" (issue 10 item 4). The compact layout types BC02's inputs as
  // text, 13 of them non-zero: seed 004 lines 359–366 (-674 ×5, 112 ×5, 372, 50, 1.400)
  test("Ret tal skrevet som tekst: offered with its question; converts in ≤ 3 syncs; Beregn then writes formulas", async () => {
    const { fake, controller } = setup(bc02());
    await controller.start();
    const t = controller.getState().textNumbers;
    expect(t?.count).toBe(13);
    expect(t?.question).toBe(
      '13 celler i Tabel 1 har tal skrevet som tekst, som Excels SUM ikke tæller med. Beregn gør dem til tal (fx "-674" i 2025-BC02!G3 bliver -674); formatet bevares. Anden tekst, som "ca. 500", rører Beregn ikke. Fortryd gør dem til tekst igen.',
    );
    fake.stats.syncs = 0;
    await controller.fixTextNumbers();
    const s = controller.getState();
    expect(s.error).toBeUndefined();
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(s.outcome?.title).toBe("Tal rettet");
    expect(s.outcome?.text).toMatch(/^13 tal skrevet som tekst er gjort til tal; kør Beregn/);
    expect(s.outcome?.undo).toBe("beregn");
    expect(s.textNumbers).toBeUndefined();
    const sheet = () => fake.toGrids().find((g) => g.name === "2025-BC02")!;
    expect(sheet().values[2][6]).toBe(-674); // G3
    expect(sheet().values[9][6]).toBe(1400); // G10
    await controller.beregn("beregn");
    // Samlet varig ændring, 2025 (G6): a formula now, no longer the engine's value
    expect(sheet().formulas[5][6]).toBe("=SUM(G3:G4)");
    expect(controller.getState().findings.some((f) => f.code === "UNREADABLE")).toBe(false);
  });

  test("Fortryd after Ret tal: the text is back, and the action is offered again", async () => {
    const { fake, controller } = setup(bc02());
    const before = content(fake.toGrids());
    await controller.start();
    await controller.fixTextNumbers();
    await controller.undo("last");
    expect(controller.getState().outcome?.title).toBe("Fortrudt");
    // no Beregn ran: the words do not say one was undone
    expect(controller.getState().outcome?.text).toBe("13 celler gendannet.");
    expect(content(fake.toGrids())).toEqual(before);
    expect(controller.getState().textNumbers?.count).toBe(13);
  });

  test("Ret tal on a workbook without numbers typed as text: not offered; refused in words", async () => {
    const { fake, controller } = setup(f4());
    const before = content(fake.toGrids());
    await controller.start();
    expect(controller.getState().textNumbers).toBeUndefined();
    await controller.fixTextNumbers();
    expect(controller.getState().outcome?.text).toBe("Tabel 1 har ingen tal skrevet som tekst: der er intet at rette.");
    expect(content(fake.toGrids())).toEqual(before);
  });

  test("a refused setting clears an earlier Indstillinger gemt", async () => {
    const { controller } = setup(bc02());
    await controller.saveSettings({ discountRate: "2 %" });
    expect(controller.getState().outcome?.title).toBe("Indstillinger gemt");
    controller.settingsRejected();
    expect(controller.getState().outcome).toBeUndefined();
    expect(controller.getState().settingsSaved).toBeUndefined();
  });
});
