/**
 * templateGrids (docs/CONTRACTS.md): the blank 2025 template, "Ny projektmappe" — Tabel 1 with the
 * optional columns Type / Styringsområde / Bevilling / Nøgle / Adm., placeholder rows, the
 * Bevillingsflyt block, Tabel 2.1.1, and the Kvantum tables A–E on a sheet of their own in the
 * template's row order (SPEC §1, §5). readWorkbook reads it back as a proposal with placeholder
 * rows and PLACEHOLDER findings for the template text.
 */
import { BEVILLINGER, UDVALG, UNIT_NAMES } from "../engine/units";
import { AMOUNT_FORMAT } from "./blocks";
import { SheetBuilder } from "./sheetBuilder";
import type { Grid } from "./types";

const KVANTUM_TITLES: [string, string][] = [
  ["A", "Tabel A. Måltalseffekt (nettoeffektivisering)"],
  ["B", "Tabel B. Bevillingsmæssig effekt – varig drift"],
  ["C", "Tabel C. Bevillingsmæssig effekt – hvis forslaget indarbejdes (bruttoeffektivisering)"],
  ["D", "Tabel D. Fordeling af anlægsinvesteringer mellem udvalg"],
  ["E", "Tabel E. Fordeling af serviceinvesteringer mellem udvalg"],
];

export function templateGrids(firstYear = 2025): Grid[] {
  const years = Array.from({ length: 6 }, (_, k) => firstYear + k);
  const f = new SheetBuilder("Forslag");
  f.set(0, 0, "Titel").set(0, 1, "[Angiv titel på forslaget]");
  f.set(1, 0, "Forvaltning").set(1, 1, "[Angiv forvaltning, fx TMF]");
  f.set(2, 0, "Dato").set(2, 1, "Angiv dato");
  f.set(4, 0, "Tabel 1. Forslagets samlede økonomiske konsekvenser");
  // header: label, optional columns, years (DESIGN.md)
  const Y = 6; // first year column (G)
  const head = [`t.kr., ${firstYear} p/l`, "Type", "Styringsområde", "Bevilling", "Nøgle", "Adm."];
  head.forEach((h, c) => f.set(5, c, h));
  years.forEach((y, k) => f.set(5, Y + k, y));
  const rows: [string, string?, string?][] = [
    ["Varige ændringer (effektiviseringer og drift)"],
    ["[Angiv effektivisering]", "Effekt", "Service"],
    ["[Angiv varig drift]", "Drift", "Service"],
    ["Samlet varig ændring, Service"],
    ["Samlet varig ændring"],
    ["Implementeringsomkostninger (midler fra investeringspuljen)"],
    ["[Angiv implementeringsomkostning]", undefined, "Anlæg"],
    ["[Angiv implementeringsomkostning]", undefined, "Service"],
    ["Samlede implementeringsomkostninger, Anlæg"],
    ["Samlede implementeringsomkostninger, Service"],
    ["Samlede implementeringsomkostninger"],
    ["Samlet økonomisk påvirkning"],
    ["Tilbagebetalingstid baseret på serviceeffektivisering"],
    ["Tilbagebetalingstid baseret på totaløkonomi"],
  ];
  rows.forEach(([label, type, area], k) => {
    const r = 6 + k;
    f.set(r, 0, label);
    if (type) f.set(r, 1, type);
    if (area) f.set(r, 2, area);
  });
  let r = 6 + rows.length + 1;
  f.set(r, 0, "Bevillingsflyt (eksisterende budget, t.kr.)");
  f.set(r + 1, 0, "Tekst")
    .set(r + 1, 3, "Fra")
    .set(r + 1, 4, "Til");
  years.forEach((y, k) => f.set(r + 1, Y + k, y));
  r += 4;
  f.set(r, 0, "Tabel 2.1.1. Fordeling på udvalg, inkl. implementeringsudgifter");
  f.set(r + 1, 0, "Udvalg");
  years.forEach((y, k) => f.set(r + 1, Y + k, y));
  [...UDVALG, "Total"].forEach((u, k) => f.set(r + 2 + k, 0, u === "Total" ? "Total" : UNIT_NAMES[u]));

  const kv = new SheetBuilder("Kvantum");
  kv.set(0, 0, `Tekniske tabeller til korrektioner i Kvantum (t.kr., ${firstYear} p/l)`);
  let k = 2;
  for (const [, title] of KVANTUM_TITLES) {
    kv.set(k, 0, title);
    kv.set(k + 1, 0, "Bevilling").set(k + 1, 1, "Bevilling, profitcenter mv.");
    years.forEach((y, j) => kv.set(k + 1, 2 + j, y));
    [...BEVILLINGER, "Total"].forEach((u, j) => {
      kv.set(k + 2 + j, 0, u === "Total" ? "Total" : UNIT_NAMES[u]);
      years.forEach((_, yj) => kv.set(k + 2 + j, 2 + yj, null, AMOUNT_FORMAT));
    });
    k += 2 + BEVILLINGER.length + 1 + 1;
  }
  return [f.toGrid(), kv.toGrid()];
}
