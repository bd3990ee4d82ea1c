/**
 * buildCaseGrids: a proposal in the engine's input shape (cases/README.md) laid out as staff lay
 * out their sheets (DESIGN.md "The workbook the add-in reads"), in one of several layouts, with
 * the document's stated figures. For the workbook layer's tests and for the example .xlsx files;
 * buildCaseWorkbook also says in which cell it put each JSON path, so a reader can be checked.
 *
 * Layouts:
 *  - standard: sheet "Forslag" from A1, title rows, every optional column (Type, Styringsområde,
 *    Bevilling, Nøgle, Adm.), years as numbers, every computed row, Kvantum tables on a user
 *    sheet "Kvantum" with all eleven bevillinger.
 *  - compact: the header in A1, no Type column (types inferred), numbers typed as Danish text
 *    ("-1.144", "-"), hyphenated labels ("Samlet varig æn-dring"), only the stated computed
 *    rows, keys as drivers (cases × minutes) where a key is a weights key, tables on the same
 *    sheet with unit codes.
 *  - shifted: a cover sheet first; Tabel 1 from B8 with spacer rows and columns, merged label
 *    cells, a hidden row, labels with line breaks, years as text with "og frem", a transfer
 *    written as one row "Bevillingsflyt fra X til Y", tables on "Tekniske tabeller" with the
 *    forvaltninger's names.
 *  - noarea: like standard without the Styringsområde column; implementation rows under
 *    "Implementeringsomkostninger – anlæg / – service" sub-markers.
 * 2016 proposals (profile kk-2016) always use the 2016 labels and no Styringsområde column.
 */
import Decimal from "decimal.js";
import type { ProposalInput, RowInput, YearValuesInput } from "../../src/engine/input";
import { BEVILLINGER, UDVALG, UNIT_NAMES } from "../../src/engine/units";
import { AMOUNT_FORMAT } from "../../src/workbook/blocks";
import { loc } from "../../src/workbook/grid";
import { SheetBuilder } from "../../src/workbook/sheetBuilder";
import type { CellValue, Grid } from "../../src/workbook/types";

export type CaseLayout = "standard" | "compact" | "shifted" | "noarea";

export interface CaseWorkbook {
  grids: Grid[];
  /** JSON path → "Ark!C12" where the builder put it. */
  cells: Record<string, string>;
  /** For each input row in sheet order, its index in the case's rows. */
  rowOrder: number[];
  /** The sheet holding Tabel 1. */
  sheet: string;
}

const FORVALTNING_NAMES: Record<string, string> = {
  ØU: "Økonomiforvaltningen",
  KFU: "Kultur- og Fritidsforvaltningen",
  BUU: "Børne- og Ungdomsforvaltningen",
  SUU: "Sundheds- og Omsorgsforvaltningen",
  SU: "Socialforvaltningen",
  TMU: "Teknik- og Miljøforvaltningen",
  BIU: "Beskæftigelses- og Integrationsudval-get",
};

const TYPE_TEXT: Record<string, string> = { effect: "Effekt", loss: "Tab", drift: "Drift" };
const AREA_ORDER = ["Service", "Anlæg", "Overførsler", "EI", "EO"];

/** A Danish amount as text: "-1.144", "1.474,5", "-" for zero (SPEC §6). */
export function danishText(v: number | string): string {
  const d = new Decimal(typeof v === "number" ? v : String(v).replace(/\./g, "").replace(",", "."));
  if (d.isZero()) return "-";
  const [int, frac] = d.abs().toFixed().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${d.isNeg() ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

export function buildCaseGrids(caseJson: ProposalInput, layout: CaseLayout = "standard"): Grid[] {
  return buildCaseWorkbook(caseJson, layout).grids;
}

export function buildCaseWorkbook(c: ProposalInput, layout: CaseLayout = "standard"): CaseWorkbook {
  const is2016 = c.profile === "kk-2016";
  const is2018 = c.profile === "kk-2018";
  const compact = layout === "compact";
  const shifted = layout === "shifted";
  const sheetName = compact ? String(c.id ?? "Forslag").slice(0, 31) : shifted ? "Ark1" : "Forslag";
  const s = new SheetBuilder(sheetName);
  const cells: Record<string, string> = {};
  const put = (path: string, r: number, col: number) => (cells[path] = loc(sheetName, r, col));
  const years = c.years.map(Number);
  const stated = c.stated ?? {};
  const totals = (stated.totals ?? {}) as Record<string, YearValuesInput | Record<string, YearValuesInput>>;
  const grids: Grid[] = [];
  if (shifted) grids.push(new SheetBuilder("Forside").set(1, 1, "Budget – investeringsforslag").set(3, 1, "Se arket Ark1").toGrid());

  // columns
  const top = shifted ? 7 : compact ? 0 : 3;
  const labelCol = shifted ? 1 : 0;
  const opt: string[] = [];
  if (!compact) opt.push("Type");
  if (!is2016 && layout !== "noarea") opt.push(shifted ? "Styringsområde" : compact ? "Område" : "Styringsområde");
  opt.push("Bevilling", "Nøgle", "Adm.");
  if (c.rows.some((r) => r.excluded)) opt.push("Udeladt");
  const optStart = labelCol + (shifted ? 3 : 1); // shifted: label merged over two columns, then a spacer
  const optCol: Record<string, number> = {};
  opt.forEach((h, k) => (optCol[h === "Område" ? "Styringsområde" : h] = optStart + k));
  const firstYearCol = optStart + opt.length + (shifted ? 1 : 0);
  const yearCols = years.map((_, k) => firstYearCol + k);

  const num = (v: number | string | null | undefined): CellValue => {
    if (v === null || v === undefined) return null;
    if (compact) return danishText(v);
    return typeof v === "number" ? v : Number(String(v));
  };
  const label = (text: string) => {
    if (compact) return text.replace("ændring", "æn-dring").replace("implementeringsomkostninger", "implemen-teringsomkostninger");
    if (shifted) return text.replace("varig ", "varig\n").replace("Implementeringsomkostninger", "Implementerings\u00adomkostninger");
    return text;
  };
  const setLabel = (r: number, text: string) => {
    s.set(r, labelCol, text);
    if (shifted) s.merge(r, labelCol, r, labelCol + 1);
  };

  // heading
  if (!compact) {
    const h0 = shifted ? 1 : 0;
    s.set(h0, labelCol, "Titel").set(h0, labelCol + 2, c.title ?? "");
    if (c.presenting) s.set(h0 + 1, labelCol, "Forvaltning").set(h0 + 1, labelCol + 2, c.presenting);
    s.set(top - 1, labelCol, "Tabel 1. Forslagets samlede økonomiske konsekvenser");
  }
  // header row
  let r = top;
  s.set(r, labelCol, `t.kr., ${c.priceLevel ?? `${years[0]} p/l`}`);
  for (const [h, col] of Object.entries(optCol)) s.set(r, col, h === "Styringsområde" && compact ? "Område" : h);
  years.forEach((y, k) => s.set(r, yearCols[k], shifted ? (k === years.length - 1 ? `${y} og frem` : String(y)) : y));
  r++;
  if (shifted) r++; // spacer row

  const rowOrder: number[] = [];
  const writeRow = (i: number) => {
    const row: RowInput = c.rows[i];
    const k = rowOrder.length;
    rowOrder.push(i);
    setLabel(r, row.label);
    put(`rows[${k}].label`, r, labelCol);
    if (optCol.Type !== undefined && row.type) s.set(r, optCol.Type, TYPE_TEXT[row.type]);
    if (optCol.Styringsområde !== undefined && row.area) s.set(r, optCol.Styringsområde, row.area);
    if (row.unit) s.set(r, optCol.Bevilling, row.unit);
    if (row.key) s.set(r, optCol.Nøgle, row.key);
    if (row.administrative) s.set(r, optCol["Adm."], "x");
    if (row.excluded) s.set(r, optCol.Udeladt, "x");
    years.forEach((y, kk) => {
      const v = row.values[String(y)];
      if (v === undefined || v === null) return;
      s.set(r, yearCols[kk], num(v), compact ? undefined : AMOUNT_FORMAT);
      put(`rows[${k}].values.${y}`, r, yearCols[kk]);
    });
    if (shifted && k === 1) s.hideRow(r);
    r++;
  };
  const statedRow = (text: string, series: YearValuesInput | undefined, path: string, always: boolean) => {
    if (!series && (compact || !always)) return;
    setLabel(r, label(text));
    if (series)
      years.forEach((y, k) => {
        const v = series[String(y)];
        if (v === undefined || v === null) return;
        s.set(r, yearCols[k], num(v), compact ? undefined : AMOUNT_FORMAT);
        put(`${path}.${y}`, r, yearCols[k]);
      });
    r++;
  };
  const areasOf = (block: string, by: Record<string, YearValuesInput> | undefined) => {
    const set = new Set(Object.keys(by ?? {}));
    if (!is2016) for (const row of c.rows) if (row.block === block && row.area) set.add(row.area);
    return AREA_ORDER.filter((a) => set.has(a));
  };

  // permanent block
  setLabel(r, is2016 ? "Varige driftsændringer" : "Varige ændringer (effektiviseringer og drift)");
  r++;
  c.rows.forEach((row, i) => row.block === "permanent" && writeRow(i));
  if (shifted) r++;
  if (!is2016) {
    const by = totals.permanentByArea as Record<string, YearValuesInput> | undefined;
    for (const a of areasOf("permanent", by))
      statedRow(`Samlet varig ændring, ${a}`, by?.[a], `stated.totals.permanentByArea.${a}`, layout !== "noarea");
    statedRow("Samlet varig ændring", totals.permanent as YearValuesInput, "stated.totals.permanent", true);
  }
  // implementation block
  const impl = c.rows.map((row, i) => ({ row, i })).filter((x) => x.row.block === "implementation");
  if (is2016 || layout === "noarea") {
    for (const a of ["Anlæg", "Service"]) {
      const these = impl.filter((x) => (x.row.area ?? "Service") === a);
      if (these.length === 0 && !is2016) continue;
      setLabel(
        r,
        is2016 ? `Implementeringsomkostninger – ${a === "Anlæg" ? "anlæg" : "drift"}` : `Implementeringsomkostninger – ${a.toLowerCase()}`,
      );
      r++;
      these.forEach((x) => writeRow(x.i));
    }
  } else {
    setLabel(r, "Implementeringsomkostninger (midler fra investeringspuljen)");
    r++;
    impl.forEach((x) => writeRow(x.i));
  }
  if (shifted) r++;
  if (!is2016) {
    const by = totals.implementationByArea as Record<string, YearValuesInput> | undefined;
    for (const a of areasOf("implementation", by))
      statedRow(`Samlede implementeringsomkostninger, ${a}`, by?.[a], `stated.totals.implementationByArea.${a}`, layout !== "noarea");
    statedRow("Samlede implementeringsomkostninger", totals.implementation as YearValuesInput, "stated.totals.implementation", true);
    statedRow("Samlet økonomisk påvirkning", totals.net as YearValuesInput, "stated.totals.net", true);
    if (is2018 || totals.aggregated) statedRow("Aggregeret", totals.aggregated as YearValuesInput, "stated.totals.aggregated", true);
  } else {
    statedRow("Samlet varig driftsændring (brutto)", totals.permanent as YearValuesInput, "stated.totals.permanent", true);
    statedRow("Samlet pengestrøm i forslaget", totals.net as YearValuesInput, "stated.totals.net", true);
  }
  const pb = stated.payback ?? {};
  const paybackRow = (text: string, which: "service" | "total") => {
    setLabel(r, text);
    const v = pb[which];
    if (v !== undefined && v !== null) {
      const bare = /^\d+$/.test(String(v));
      s.set(r, yearCols[0], bare && !compact ? Number(v) : String(v));
      put(`stated.payback.${which}`, r, yearCols[0]);
    }
    r++;
  };
  if (is2016) paybackRow("Tilbagebetalingstid (Break Even)", "total");
  else {
    paybackRow("Tilbagebetalingstid baseret på serviceeffektivisering", "service");
    paybackRow("Tilbagebetalingstid baseret på totaløkonomi", "total");
  }
  if (is2016) {
    setLabel(r, "Personalemæssige konsekvenser (ÅV)");
    r++;
  }
  r++;
  s.set(r, labelCol, "Note: beløb i t.kr.; negative tal er besparelser.");
  r += 2;

  // transfers
  (c.transfers ?? []).forEach((t, i) => {
    if (shifted) {
      const from = UNIT_NAMES[t.from] ?? t.from;
      s.set(r, labelCol, `Bevillingsflyt fra ${from} til ${t.to}`);
    } else {
      if (i === 0) {
        s.set(r, labelCol, "Bevillingsflyt");
        r++;
        s.set(r, labelCol, "Tekst").set(r, optCol.Bevilling, "Fra").set(r, optCol.Nøgle, "Til");
        if (optCol.Styringsområde !== undefined) s.set(r, optCol.Styringsområde, "Styringsområde");
        years.forEach((y, k) => s.set(r, yearCols[k], y));
        r++;
      }
      s.set(r, labelCol, t.label ?? "Bevillingsflyt")
        .set(r, optCol.Bevilling, t.from)
        .set(r, optCol.Nøgle, t.to);
      if (optCol.Styringsområde !== undefined && t.area) s.set(r, optCol.Styringsområde, t.area);
    }
    years.forEach((y, k) => {
      const v = t.values[String(y)];
      if (v === undefined || v === null) return;
      s.set(r, yearCols[k], num(v));
      put(`transfers[${i}].values.${y}`, r, yearCols[k]);
    });
    r++;
  });
  r += 1;

  // keys
  for (const [name, key] of Object.entries(c.keys ?? {})) {
    r++;
    s.set(r, labelCol, `Fordelingsnøgle: ${name}`);
    r++;
    const drivers = compact && key.kind !== "percent";
    if (drivers) {
      ["Forvaltning", "Antal sager (ferie/fravær)", "Minutter", "Antal sager (ændring/sletning)", "Minutter"].forEach((h, k) =>
        s.set(r, labelCol + k, h),
      );
    } else s.set(r, labelCol, "Enhed").set(r, labelCol + 1, key.kind === "percent" ? "Andel i %" : "Vægt");
    r++;
    for (const [unit, w] of Object.entries(key.weights)) {
      s.set(r, labelCol, unit);
      const d = new Decimal(String(w));
      if (drivers) {
        const big = d.gt(3000);
        s.set(r, labelCol + 1, big ? d.minus(3000).toNumber() : d.toNumber()).set(r, labelCol + 2, 1);
        s.set(r, labelCol + 3, big ? 1000 : 0).set(r, labelCol + 4, 3);
        cells[`keys.${name}.weights.${unit}`] = `${sheetName}!${loc("", r, labelCol + 1).slice(1)}:${loc("", r, labelCol + 4).slice(1)}`;
      } else {
        s.set(r, labelCol + 1, d.toNumber());
        put(`keys.${name}.weights.${unit}`, r, labelCol + 1);
      }
      r++;
    }
    r++;
  }

  // stated tables
  const tableSheet = shifted ? new SheetBuilder("Tekniske tabeller") : compact ? s : new SheetBuilder("Kvantum");
  const tName = shifted ? "Tekniske tabeller" : compact ? sheetName : "Kvantum";
  let tr = compact ? r + 1 : shifted ? 2 : 0;
  const tLabel = compact ? labelCol : 0;
  const tYear = compact ? yearCols : years.map((_, k) => 2 + k);
  const unitText = (u: string) =>
    u === "Total"
      ? shifted
        ? "I alt"
        : "Total"
      : compact
        ? u
        : shifted
          ? (FORVALTNING_NAMES[u] ?? UNIT_NAMES[u] ?? u)
          : (UNIT_NAMES[u] ?? u);
  const table = (
    title: string,
    data: Record<string, YearValuesInput>,
    base: string,
    order: readonly string[],
    sheet: SheetBuilder,
    sname: string,
    start: number,
  ): number => {
    let k = start;
    sheet.set(k, tLabel, title);
    k++;
    sheet.set(k, tLabel, "Bevilling");
    if (!compact) sheet.set(k, tLabel + 1, "Bevilling, profitcenter mv.");
    years.forEach((y, j) => sheet.set(k, tYear[j], y));
    k++;
    const units = compact
      ? Object.keys(data).length
        ? Object.keys(data)
        : ["Total"]
      : [...order.filter((u) => u !== "Total"), ...Object.keys(data).filter((u) => u !== "Total" && !order.includes(u)), "Total"];
    for (const u of units) {
      sheet.set(k, tLabel, unitText(u));
      const series = data[u];
      if (series)
        years.forEach((y, j) => {
          const v = series[String(y)];
          if (v === undefined || v === null) return;
          sheet.set(k, tYear[j], num(v), compact ? undefined : AMOUNT_FORMAT);
          cells[`${base}.${u}.${y}`] = loc(sname, k, tYear[j]);
        });
      k++;
    }
    return k + 2;
  };
  const titles: Record<string, string> = {
    A: "Tabel A. Måltalseffekt (nettoeffektivisering)",
    B: "Tabel B. Bevillingsmæssig effekt – varig drift",
    C: "Tabel C. Bevillingsmæssig effekt – hvis forslaget indarbejdes (bruttoeffektivisering)",
    D: "Tabel D. Fordeling af anlægsinvesteringer mellem udvalg",
    E: "Tabel E. Fordeling af serviceinvesteringer mellem udvalg",
  };
  if (stated.committees) {
    const start = compact ? tr : r + 1;
    const end = table(
      "Tabel 2.1.1. Fordeling på udvalg, inkl. implementeringsudgifter",
      stated.committees,
      "stated.committees",
      UDVALG,
      s,
      sheetName,
      start,
    );
    if (compact) tr = end;
    else r = end;
  }
  if (stated.admin) {
    const k0 = compact ? tr : r;
    s.set(k0, labelCol, "Tabel 2. Forslagets administrative effektiviseringer");
    years.forEach((y, j) => s.set(k0 + 1, yearCols[j], y));
    s.set(k0 + 2, labelCol, "I alt");
    years.forEach((y, j) => {
      const v = (stated.admin as YearValuesInput)[String(y)];
      if (v === undefined || v === null) return;
      s.set(k0 + 2, yearCols[j], num(v));
      put(`stated.admin.${y}`, k0 + 2, yearCols[j]);
    });
    if (compact) tr = k0 + 5;
    else r = k0 + 5;
  }
  const kv = stated.kvantum ?? {};
  for (const name of ["A", "B", "C", "D", "E"]) {
    const data = kv[name];
    if (!data) continue;
    tr = table(titles[name], data, `stated.kvantum.${name}`, BEVILLINGER, tableSheet, tName, tr);
  }
  grids.push(s.toGrid());
  if (!compact && Object.keys(kv).length) grids.push(tableSheet.toGrid());
  return { grids, cells, rowOrder, sheet: sheetName };
}
