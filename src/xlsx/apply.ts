/**
 * Carry out a WritePlan (src/workbook/types.ts) on a workbook's package (issue 13): the parts it
 * touches are patched — the worksheets written into, styles.xml for the formats it adds,
 * workbook.xml with its rels and [Content_Types].xml for sheets added, hidden or removed — and
 * calcChain.xml is dropped so Excel recomputes. Every other part is left byte for byte.
 * What to write is decided upstream; this only translates.
 */
import type { SheetVisibility, WriteCell, WritePlan } from "../workbook/types";
import { parseA1 } from "../workbook/grid";
import { FileRefusal } from "./errors";
import type { XlsxWorkbook } from "./load";
import { applyNotes } from "./notes";
import {
  addOverride,
  addRel,
  insertBeforeClose,
  rootRelPrefix,
  relIs,
  relsName,
  removeOverride,
  removeRel,
  resolveTarget,
} from "./package";
import { applyPageSetup } from "./pageSetup";
import { type SheetWrites, clearCells, clearSheet, patchColumnWidths, patchSheet, sheetIsProtected, wrappedRowHeights } from "./sheetPatch";
import { MINIMAL_STYLES, StylesPatch } from "./styles";
import { type SheetEntry, readWorkbookInfo } from "./workbookPart";
import { attrsOf, escapeXml, setAttr } from "./xml";
import { protectedSheetsMessage } from "../workbook/protection";

export interface ApplyOutcome {
  cellsWritten: number;
}

const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const find = (wb: XlsxWorkbook, name: string): SheetEntry | undefined =>
  wb.info.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

/** The relationship namespace a workbook uses (transitional or strict), for the parts Beregn adds. */
function relNamespace(wb: XlsxWorkbook): string {
  const r = wb.info.rels.find((x) => relIs(x, "worksheet") || relIs(x, "styles"));
  return r ? r.type.slice(0, r.type.lastIndexOf("/")) : "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
}

function mainNamespace(wb: XlsxWorkbook): string {
  const xml = wb.pkg.text(wb.info.part) ?? "";
  // the namespace of the workbook element itself (transitional, or strict's purl.oclc.org one),
  // not the last spreadsheetml-like declaration: Excel also declares x15 (…/2010/11/main) there
  const root = /<(?:(\w+):)?workbook\b([^>]*)>/.exec(xml);
  const declared = root ? new RegExp(`\\s${root[1] ? `xmlns:${root[1]}` : "xmlns"}="([^"]*)"`).exec(root[2])?.[1] : undefined;
  return declared ?? "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
}

/**
 * Refuse, before anything changes, what Excel would refuse: writing into a protected sheet, with
 * the pane's words (src/excel/errors.ts), or into a sheet that is not there.
 */
function checkPlan(wb: XlsxWorkbook, plan: WritePlan): void {
  const created = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  const touched = new Set<string>([
    ...plan.sheets.map((s) => s.name),
    ...plan.writes.map((w) => w.sheet),
    ...(plan.notes ?? []).map((n) => n.sheet),
    ...(plan.pageSetup ?? []).map((p) => p.sheet),
    ...(plan.columnWidths ?? []).map((c) => c.sheet),
  ]);
  const locked: string[] = [];
  for (const name of touched) {
    const s = find(wb, name);
    if (!s && !created.has(name.toLowerCase())) throw new Error(`skriveplanen skriver i arket "${name}", som ikke findes`);
    if (s && sheetIsProtected(wb.pkg.text(s.part!) ?? "")) locked.push(s.name);
  }
  if (locked.length) throw new FileRefusal("PROTECTED", protectedSheetsMessage(locked));
}

/** Change the <sheet> element of `s` in workbook.xml. */
function editSheetElement(wb: XlsxWorkbook, s: SheetEntry, edit: (tag: string) => string): void {
  const xml = wb.pkg.text(wb.info.part)!;
  const next = xml.replace(/<(?:\w+:)?sheet\b[^>]*?\/?>/g, (tag) =>
    attrsOf(tag).sheetId === s.sheetId && attrsOf(tag).name === s.name ? edit(tag) : tag,
  );
  wb.pkg.set(wb.info.part, next);
}

function setVisibility(wb: XlsxWorkbook, s: SheetEntry, v: SheetVisibility): void {
  if (s.visibility === v) return;
  editSheetElement(wb, s, (tag) => setAttr(tag, "state", v === "visible" ? undefined : v));
}

function addSheet(wb: XlsxWorkbook, name: string, visibility: SheetVisibility): void {
  const { pkg } = wb;
  const part = pkg.freeName("xl/worksheets/sheet", ".xml");
  pkg.set(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNamespace(wb)}"><sheetData/></worksheet>`,
  );
  const wbDir = wb.info.part.slice(0, wb.info.part.lastIndexOf("/") + 1);
  const relId = addRel(pkg, wb.info.part, `${relNamespace(wb)}/worksheet`, part.startsWith(wbDir) ? part.slice(wbDir.length) : "/" + part);
  addOverride(pkg, part, WORKSHEET_CT);
  const xml = pkg.text(wb.info.part)!;
  const ids = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => Number(attrsOf(m[0]).sheetId ?? 0));
  const sheetId = Math.max(0, ...ids) + 1;
  // only a prefix the root declares is in scope for a new <sheet> (openpyxl declares it on each <sheet>)
  const rPrefix = rootRelPrefix(xml);
  const sheetPrefix = /<(\w+:)?sheets\b/.exec(xml)?.[1] ?? "";
  const idAttr = rPrefix ? `${rPrefix}:id="${relId}"` : `xmlns:r="${relNamespace(wb)}" r:id="${relId}"`;
  const state = visibility === "visible" ? "" : ` state="${visibility}"`;
  pkg.set(
    wb.info.part,
    insertBeforeClose(xml, "sheets", `<${sheetPrefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${state} ${idAttr}/>`),
  );
  wb.info = readWorkbookInfo(pkg);
}

/**
 * Remove a sheet: its <sheet>, relationship, content type, part and the part's own rels. Defined
 * names scoped to it go; names scoped to later sheets move down one (localSheetId is a position).
 */
function deleteSheet(wb: XlsxWorkbook, s: SheetEntry): void {
  const { pkg } = wb;
  const pos = wb.info.allSheets.findIndex((x) => x.sheetId === s.sheetId && x.name === s.name);
  let xml = pkg.text(wb.info.part)!;
  xml = xml.replace(/<(?:\w+:)?sheet\b[^>]*?\/>/g, (tag) =>
    attrsOf(tag).sheetId === s.sheetId && attrsOf(tag).name === s.name ? "" : tag,
  );
  xml = xml.replace(/<((?:\w+:)?)definedName\b([^>]*?)(?:\/>|>[\s\S]*?<\/\1definedName>)/g, (el) => {
    const open = /^<[^>]*>/.exec(el)![0];
    const id = attrsOf(open).localSheetId;
    if (id === undefined) return el;
    const n = Number(id);
    if (n === pos) return "";
    return n > pos ? el.replace(open, setAttr(open, "localSheetId", String(n - 1))) : el;
  });
  xml = xml.replace(/<((?:\w+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>/, "");
  // the active and first visible tab are positions too
  xml = xml.replace(/<(?:\w+:)?workbookView\b[^>]*>/g, (tag) => {
    let t = tag;
    for (const k of ["activeTab", "firstSheet"]) {
      const v = attrsOf(t)[k];
      if (v !== undefined && Number(v) >= pos && Number(v) > 0) t = setAttr(t, k, String(Number(v) - 1));
    }
    return t;
  });
  pkg.set(wb.info.part, xml);
  removeRel(pkg, wb.info.part, s.relId);
  removeOverride(pkg, s.part!);
  pkg.remove(s.part!);
  pkg.remove(relsName(s.part!));
  wb.info = readWorkbookInfo(pkg);
}

/** calcChain.xml lists the formula cells; after a patch it may name cells that no longer are. */
function dropCalcChain(wb: XlsxWorkbook): void {
  const rel = wb.info.rels.find((r) => relIs(r, "calcChain"));
  if (!rel) return;
  const part = resolveTarget(wb.info.part, rel.target);
  removeRel(wb.pkg, wb.info.part, rel.id);
  removeOverride(wb.pkg, part);
  wb.pkg.remove(part);
  wb.info = readWorkbookInfo(wb.pkg);
}

/** Ask Excel to compute everything when it opens the file: Beregn's formulas carry no results. */
function setFullCalcOnLoad(wb: XlsxWorkbook): void {
  const xml = wb.pkg.text(wb.info.part)!;
  const calc = /<(?:\w+:)?calcPr\b[^>]*?\/?>/.exec(xml);
  if (calc) {
    wb.pkg.set(wb.info.part, xml.replace(calc[0], setAttr(calc[0], "fullCalcOnLoad", "1")));
    return;
  }
  const p = /<(\w+:)?sheets\b/.exec(xml)?.[1] ?? "";
  const el = `<${p}calcPr fullCalcOnLoad="1"/>`;
  // CT_Workbook: … sheets, functionGroups, externalReferences, definedNames, calcPr, …
  for (const after of ["definedNames", "externalReferences", "functionGroups", "sheets"]) {
    const m = new RegExp(`</(?:\\w+:)?${after}>|<(?:\\w+:)?${after}\\b[^>]*/>`).exec(xml);
    if (m) {
      wb.pkg.set(wb.info.part, xml.slice(0, m.index + m[0].length) + el + xml.slice(m.index + m[0].length));
      return;
    }
  }
}

function stylesPart(wb: XlsxWorkbook): string {
  if (wb.info.styles) return wb.info.styles;
  const part = "xl/styles.xml";
  wb.pkg.set(part, MINIMAL_STYLES);
  addRel(wb.pkg, wb.info.part, `${relNamespace(wb)}/styles`, "styles.xml");
  addOverride(wb.pkg, part, STYLES_CT);
  wb.info = readWorkbookInfo(wb.pkg);
  return part;
}

export function applyPlan(wb: XlsxWorkbook, plan: WritePlan): ApplyOutcome {
  checkPlan(wb, plan);
  const { pkg } = wb;
  for (const s of plan.sheets) {
    const known = find(wb, s.name);
    if (known) {
      if (s.clear) pkg.set(known.part!, clearSheet(pkg.text(known.part!)!));
      else if (s.clearCells?.length) pkg.set(known.part!, clearCells(pkg.text(known.part!)!, s.clearCells));
      setVisibility(wb, known, s.visibility);
      wb.info = readWorkbookInfo(pkg);
    } else addSheet(wb, s.name, s.visibility);
  }

  // the cells per sheet; a later block writing the same cell wins, as with range writes
  const bySheet = new Map<string, SheetWrites>();
  let cellsWritten = 0;
  for (const block of plan.writes) {
    const s = find(wb, block.sheet);
    if (!s) throw new Error(`skriveplanen skriver i arket "${block.sheet}", som ikke findes`);
    const writes = bySheet.get(s.part!) ?? new Map<number, Map<number, WriteCell>>();
    bySheet.set(s.part!, writes);
    const { row, col } = parseA1(block.topLeft);
    block.cells.forEach((cells, i) =>
      cells.forEach((w, j) => {
        if (!w) return;
        const r = writes.get(row + i) ?? new Map<number, WriteCell>();
        writes.set(row + i, r);
        r.set(col + j, w);
        cellsWritten++;
      }),
    );
  }

  // widths first: the height of a row with wrapped text depends on its columns' widths
  const widths = new Map<string, Map<number, number>>();
  for (const cw of plan.columnWidths ?? []) {
    const s = find(wb, cw.sheet);
    if (!s) continue;
    const m = widths.get(s.part!) ?? new Map<number, number>();
    m.set(cw.column, cw.width);
    widths.set(s.part!, m);
  }
  for (const [part, m] of widths) pkg.set(part, patchColumnWidths(pkg.text(part)!, m));

  let formulas = false;
  let styles: StylesPatch | undefined;
  for (const [part, writes] of bySheet) {
    const xml = pkg.text(part)!;
    const heights = wrappedRowHeights(xml, writes);
    if (!styles && (heights.size > 0 || [...writes.values()].some((r) => [...r.values()].some(StylesPatch.touchesStyle))))
      styles = new StylesPatch(pkg.text(stylesPart(wb))!);
    const res = patchSheet(xml, writes, { prefix: "", styles: styles ?? new StylesPatch(MINIMAL_STYLES), heights });
    pkg.set(part, res.xml);
    formulas = formulas || res.formulas;
  }
  if (styles?.dirty) pkg.set(wb.info.styles!, styles.toXml());

  if (plan.notes?.length) applyNotes(wb, plan.notes);
  if (plan.pageSetup?.length) applyPageSetup(wb, plan.pageSetup);

  // after the writes, as the plan says (undo removes the sheets Beregn created)
  for (const name of plan.deleteSheets ?? []) {
    const s = find(wb, name);
    if (s) deleteSheet(wb, s);
  }
  if (cellsWritten > 0 || plan.deleteSheets?.length) dropCalcChain(wb);
  if (formulas) setFullCalcOnLoad(wb);
  return { cellsWritten };
}
