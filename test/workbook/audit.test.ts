/**
 * Kontrol as the run's audit report, the notes at the findings' cells, the status line and the
 * payback's rule (issue 10), on 2025 BC02 as the annex states it: Tabel C left empty (warning),
 * Tabel A KFU −306 where the rules give −307, Tabel B KEJD −483 where they give −562, ØU missing
 * from Tabel B (cases/2025-BC02.json, the README's main job).
 */
import { applyPlanToGrids, computeFound, planBeregn, planUndo, readWorkbook, validateWorkbook } from "../../src/workbook";
import { danishShortDate, danishTime } from "../../src/workbook/audit";
import { buildCaseWorkbook, type CaseLayout } from "../helpers/layoutBuilder";
import type { Grid } from "../../src/workbook/types";
import type { SettingsInput } from "../../src/engine/settings";
import { at, content, grid, loadCase } from "./helpers";

// 2 December 2026, 17.14 UTC = 18.14 in Copenhagen (CET, UTC+1)
const NOW = new Date("2026-12-02T17:14:00Z");

function beregn(grids: Grid[], settings?: SettingsInput) {
  const reading = readWorkbook(grids);
  const result = computeFound(reading.proposals[0], settings);
  const outcome = planBeregn(grids, reading, 0, result, { mode: "beregn", now: NOW, version: "test" });
  return { reading, result, outcome, after: applyPlanToGrids(grids, outcome.plan) };
}

const bc02 = (layout: CaseLayout = "compact") => buildCaseWorkbook(loadCase("2025-BC02"), layout).grids;
const rows = (grids: Grid[]) => grid(grids, "Kontrol").values;
const partOf = (values: unknown[][], n: 1 | 2 | 3) => {
  const start = values.findIndex((r) => String(r[0] ?? "").startsWith(`${n}. `));
  const end = values.findIndex((r, i) => i > start && /^[1-3]\. /.test(String(r[0] ?? "")));
  return values.slice(start + 1, end < 0 ? undefined : end);
};

describe("Kontrol on 2025 BC02", () => {
  const input = bc02();
  const { after } = beregn(input);
  const values = rows(after);

  test("the head: Danish local time, the template's Danish name, the settings used", () => {
    expect(values[0][0]).toBe("Kontrol: hvad Beregn fandt og ændrede");
    expect(values[1][0]).toBe("Beregnet 2. december 2026 kl. 18.14 · Skabelon 2025 · Beregn test");
    expect(String(values[2][0])).toContain("diskonteringsrente 2 %");
    expect(String(values[2][0])).toContain("grænse for tilbagebetalingstid 6 år");
    expect(values[3]).toEqual(["Alvor", "Placering", "Besked", "Før", "Efter", "Kode"]);
  });

  test("part 1 lists every finding Valider gives on the input, each with its cell", () => {
    const valider = validateWorkbook(input).findings;
    // the README's main job: 1 advarsel, 7 info
    expect(valider.length).toBe(8);
    const part1 = partOf(values, 1);
    for (const f of valider) {
      const row = part1.find((r) => r[5] === f.code && r[2] === f.message);
      expect(row).toBeDefined();
      expect(row?.[1]).toBe(f.location.split(/[,;]\s*/)[0]);
    }
    expect(part1.filter((r) => r[5]).length).toBe(8);
    expect(String(values.find((r) => String(r[0]).startsWith("1. "))?.[0])).toBe(
      "1. Fund i projektmappen før Beregn: 0 fejl · 1 advarsel · 7 info",
    );
  });

  test("part 2 lists every stated cell that changed, with før and efter and the finding behind it", () => {
    const part2 = partOf(values, 2);
    const line = (location: string) => part2.find((r) => r[1] === location);
    // Tabel A KFU −306 → −307 (the rules' largest remainder), 2025–2029 in G:K (standard layout)
    const kfu = part2.find((r) => r[5] === "KVANTUM_MISMATCH" && String(r[2]).includes("Tabel A (måltalseffekt), KFU"));
    expect(kfu?.[3]).toBe("-306; -306; -306; -306; -306");
    expect(kfu?.[4]).toBe("-307; -307; -307; -307; -307");
    // Tabel B KEJD −483 → −562
    const kejd = part2.find((r) => String(r[2]).includes("KEJD 2025–2029: angivet -483"));
    expect(kejd?.[3]).toBe("-483; -483; -483; -483; -483");
    expect(kejd?.[4]).toBe("-562; -562; -562; -562; -562");
    expect(kejd?.[0]).toBe("Info");
    // a row added for ØU in Tabel B (the template's rows are filled from the blank rows below)
    // (the sheet names units by code, so the row is "ØU")
    expect(part2.some((r) => r[4] === "ØU" || String(r[2]).startsWith("Række tilføjet: ØU"))).toBe(true);
    // Tabel C, empty in the document, filled: KEJD −562 behind the KVANTUM_MISSING warning
    expect(part2.some((r) => r[5] === "KVANTUM_MISSING" && String(r[4]).includes("-562"))).toBe(true);
    // typed values that became formulas with the same value: counted per table, not listed
    expect(part2.some((r) => /^Tabel 1: \d+ celler har samme værdi som før/.test(String(r[2])))).toBe(true);
    expect(line("2025-BC02!G5")).toBeUndefined();
  });

  test("part 3 holds what is still true after the write: the two info findings about the input", () => {
    const part3 = partOf(values, 3).filter((r) => r[5]);
    expect(part3.map((r) => r[5]).sort()).toEqual(["TYPE_INFERRED", "UNREADABLE"]);
    expect(String(values.find((r) => String(r[0]).startsWith("3. "))?.[0])).toBe("3. Fund efter Beregn: 0 fejl · 0 advarsler · 2 info");
  });

  test("every location is a link that looks like one", () => {
    const k = grid(after, "Kontrol");
    const links = k.formulas.flat().filter((f) => f && f.startsWith("=HYPERLINK("));
    expect(links.length).toBeGreaterThan(15);
  });

  test("a second Beregn on the unchanged workbook writes the same Kontrol and notes", () => {
    const second = beregn(after);
    expect(rows(second.after)).toEqual(values);
    expect(grid(second.after, "2025-BC02").notes).toEqual(grid(after, "2025-BC02").notes);
    expect(content(second.after)).toEqual(content(after));
  });

  test("Kontrol prints A4 landscape, one page wide, its header row on each page", () => {
    const { outcome } = beregn(input);
    expect(outcome.plan.pageSetup).toContainEqual({
      sheet: "Kontrol",
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      printTitleRows: "4:4",
    });
    const kontrol = outcome.plan.writes.find((w) => w.sheet === "Kontrol");
    const message = kontrol?.cells.flat().find((c) => c && typeof c.value === "string" && c.value.startsWith("Tabel C"));
    expect(message?.wrap).toBe(true);
  });
});

describe("notes at the cells of advarsel and fejl", () => {
  const input = bc02();
  const { after, outcome } = beregn(input);
  test("the Tabel C warning has its note at the table's first cell, severity and message", () => {
    const notes = grid(after, "2025-BC02").notes ?? {};
    // KVANTUM_MISSING at 2025-BC02!A47:K49 (valider's location): the note on A47
    expect(Object.keys(notes)).toEqual(["A47"]);
    expect(notes.A47).toMatch(/^Beregn – Advarsel \(før Beregn; rettet af Beregn\): Tabel C \(bevillingsmæssig effekt/);
  });
  test("a note changes no value, formula or format", () => {
    const withoutNotes = { ...outcome.plan, notes: undefined };
    const plain = applyPlanToGrids(input, withoutNotes);
    expect(content(after)).toEqual(content(plain));
    expect(grid(after, "2025-BC02").numberFormats).toEqual(grid(plain, "2025-BC02").numberFormats);
  });
  test("the undo data keeps the note; Fortryd removes it and gives back the workbook", () => {
    const u = planUndo(after);
    if (!("plan" in u)) throw new Error(u.refused);
    expect(u.plan.notes).toEqual([{ sheet: "2025-BC02", address: "A47", text: null }]);
    const back = applyPlanToGrids(after, u.plan);
    expect(grid(back, "2025-BC02").notes ?? {}).toEqual({});
    expect(content(back)).toEqual(content(input));
  });
  test("the user's own note stays: Beregn's text follows it, Fortryd restores it exactly", () => {
    const mine = JSON.parse(JSON.stringify(input)) as Grid[];
    grid(mine, "2025-BC02").notes = { A47: "Afventer KEJD" };
    const first = beregn(mine).after;
    expect(grid(first, "2025-BC02").notes?.A47).toMatch(/^Afventer KEJD\n\nBeregn – Advarsel/);
    const second = beregn(first).after;
    expect(grid(second, "2025-BC02").notes).toEqual(grid(first, "2025-BC02").notes);
    const u = planUndo(second);
    if (!("plan" in u)) throw new Error(u.refused);
    expect(grid(applyPlanToGrids(second, u.plan), "2025-BC02").notes).toEqual({ A47: "Afventer KEJD" });
  });
  test("cellNotes off: no marks, and the marks of the last Beregn are taken away", () => {
    const off = beregn(after, { cellNotes: "nej" });
    expect(off.outcome.plan.notes).toEqual([{ sheet: "2025-BC02", address: "A47", text: null }]);
    expect(grid(off.after, "2025-BC02").notes ?? {}).toEqual({});
    expect(beregn(input, { cellNotes: false }).outcome.plan.notes).toBeUndefined();
  });
});

describe("status line and the payback's rule beside Tabel 1", () => {
  // the standard layout has a title row above Tabel 1 (the compact one starts in row 1: see below)
  const { after } = beregn(bc02("standard"));
  test("the status line over the first year column of Tabel 1's title row, counted after the write", () => {
    // standard layout: Tabel 1's title in row 3, years from G; 17 values rettet: KFU in A, KEJD and
    // KFU in B (5 each) and the two payback cells ("5" → "5 år (2028)"); ØU and Tabel C filled
    expect(String(at(after, "Forslag", "G3"))).toMatch(
      /^Beregn 2\. dec\. 2026: 17 værdier rettet, 15 udfyldt, ingen advarsler – se Kontrol$/,
    );
  });
  test("payback: 5 år (2028) stays in its cell; its rule beside it", () => {
    const g = grid(after, "Forslag");
    const row = g.values.findIndex((r) => String(r[0]).startsWith("Tilbagebetalingstid baseret på service"));
    expect(g.values[row][6]).toBe("5 år (2028)");
    // the cell beside it stays empty, so "5 år (2028)" shows whole over it (a year column is
    // narrower: the LibreOffice render cut it at the rule); the rule two columns right
    expect(g.values[row][7] ?? null).toBeNull();
    // BC02 at 0 %: 5 years too (cases/2025-BC02.json: no investment beyond 2025's)
    expect(g.values[row][8]).toBe("diskonteret 2 %; udiskonteret 5 år (2028)");
  });
  test("2018 Forslag 11's 22 år lies past the last column: said so beside it", () => {
    const p11 = beregn(buildCaseWorkbook(loadCase("2018-P11"), "standard").grids).after;
    const g = grid(p11, "Forslag");
    const row = g.values.findIndex((r) => String(r[0]).startsWith("Tilbagebetalingstid baseret på service"));
    expect(g.values[row][6]).toBe("22 år");
    expect(String(g.values[row][8])).toMatch(/; ekstrapoleret efter 2021$/);
  });
  test("a rule an earlier Beregn wrote right beside the payback cell moves two columns right", () => {
    // as the previous version left it: the rule in H, recorded as Beregn's in the undo data
    const first = beregn(bc02("standard")).after;
    const g0 = grid(first, "Forslag");
    const row = g0.values.findIndex((r) => String(r[0]).startsWith("Tilbagebetalingstid baseret på service"));
    const rule = "diskonteret 2 %; udiskonteret 5 år (2028)";
    const old = JSON.parse(JSON.stringify(first)) as Grid[];
    const g = grid(old, "Forslag");
    g.values[row][7] = rule;
    g.values[row][8] = null;
    const b = grid(old, "_beregn");
    const undoRow = b.values.findIndex((r) => r[1] === `I${row + 1}` && r[0] === "Forslag");
    expect(undoRow).toBeGreaterThan(0);
    b.values[undoRow][1] = `H${row + 1}`;
    const again = grid(beregn(old).after, "Forslag");
    expect(again.values[row][7] ?? null).toBeNull();
    expect(again.values[row][8]).toBe(rule);
  });
  test("Tabel 1 in row 1 (compact layout): the status line beside its first row, one empty column right of the table", () => {
    const compact = beregn(bc02("compact")).after;
    const g = grid(compact, "2025-BC02");
    // the years run F–K (2024–2029); row 2 is the first under the header; L2 stays empty
    expect(g.values[0][10]).toBe(2029);
    expect(g.values[1]?.[11] ?? null).toBeNull();
    // the same counts as Kontrol's part 2 heading ("2. Ændret af Beregn: 24 værdier rettet, …")
    const counts = "24 værdier rettet, 5 udfyldt, 3 rækker tilføjet";
    expect(g.values[1]?.[12]).toBe(`Beregn 2. dec. 2026: ${counts}, ingen advarsler – se Kontrol`);
    expect(grid(compact, "Kontrol").values.some((r) => String(r[0]).includes(`Ændret af Beregn: ${counts}`))).toBe(true);
    // nothing in the header row beyond the years
    expect(g.values[0].slice(11).every((v) => v === null || v === undefined)).toBe(true);
    // and the second Beregn writes the same workbook (the cell is not read as part of Tabel 1)
    expect(beregn(compact).outcome.cellsWritten).toBe(0);
  });
  test("a title row whose cell over the first year column is taken: the status line goes beside the table's first row", () => {
    const input = bc02("standard");
    const taken = JSON.parse(JSON.stringify(input)) as Grid[];
    grid(taken, "Forslag").values[2][6] = "brugerens tekst";
    const g = grid(beregn(taken).after, "Forslag");
    expect(g.values[2][6]).toBe("brugerens tekst");
    const header = g.values.findIndex((r) => r.includes(2029));
    const last = g.values[header].lastIndexOf(2029);
    expect(String(g.values[header + 1][last + 2])).toMatch(/^Beregn 2\. dec\. 2026: /);
  });
});

describe("Danish time (Europe/Copenhagen)", () => {
  test.each([
    ["2026-12-02T17:14:00Z", "2. december 2026 kl. 18.14", "2. dec. 2026"],
    // summer time: UTC+2; 22.30 UTC is the next day in Copenhagen
    ["2026-06-30T22:30:00Z", "1. juli 2026 kl. 00.30", "1. jul. 2026"],
  ])("%s → %s", (iso, long, short) => {
    expect(danishTime(new Date(iso))).toBe(long);
    expect(danishShortDate(new Date(iso))).toBe(short);
  });
});
