/**
 * The workbook part of a package: which sheets it has (name, part, visibility, in tab order),
 * where its shared strings and styles are, and its date system.
 */
import type { SheetVisibility } from "../workbook/types";
import { FileRefusal } from "./errors";
import { type Relationship, type XlsxPackage, readRels, relIs, resolveTarget } from "./package";
import { parseXml } from "./xml";

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  /** The worksheet part ("xl/worksheets/sheet1.xml"); undefined for a chart sheet or a missing part. */
  part?: string;
  visibility: SheetVisibility;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetEntry[];
  /** Every sheet-like entry in <sheets>, chart sheets included (their position counts for localSheetId). */
  allSheets: SheetEntry[];
  rels: Relationship[];
  sharedStrings?: string;
  styles?: string;
  date1904: boolean;
}

const truthy = (v: string | undefined): boolean => v === "1" || v === "true" || v === "on";

export function workbookPartName(pkg: XlsxPackage): string {
  const root = readRels(pkg, "");
  const office = root.find((r) => relIs(r, "officeDocument") && !r.external);
  const name = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  if (!pkg.has(name)) throw new FileRefusal("NOT_XLSX", "ikke en .xlsx-fil (ingen projektmappe i zip-filen)");
  return name;
}

export function readWorkbookInfo(pkg: XlsxPackage): WorkbookInfo {
  const part = workbookPartName(pkg);
  const rels = readRels(pkg, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const all: SheetEntry[] = [];
  let date1904 = false;
  parseXml(pkg.text(part)!, part, {
    open: (n, a) => {
      if (n === "sheet") {
        const rel = byId.get(a.id ?? "");
        const state = a.state;
        const target = rel && relIs(rel, "worksheet") ? resolveTarget(part, rel.target) : undefined;
        all.push({
          name: a.name ?? "",
          sheetId: a.sheetId ?? "",
          relId: a.id ?? "",
          part: target && pkg.has(target) ? target : undefined,
          visibility: state === "hidden" || state === "veryHidden" ? state : "visible",
        });
      } else if (n === "workbookPr") date1904 = truthy(a.date1904);
    },
  });
  const find = (kind: string): string | undefined => {
    const r = rels.find((x) => relIs(x, kind) && !x.external);
    const t = r ? resolveTarget(part, r.target) : undefined;
    return t && pkg.has(t) ? t : undefined;
  };
  return {
    part,
    sheets: all.filter((s) => s.part),
    allSheets: all,
    rels,
    sharedStrings: find("sharedStrings"),
    styles: find("styles"),
    date1904,
  };
}
