/**
 * Page setup (WritePlan.pageSetup, issue 10): orientation, A4, fit to one page wide, and the
 * rows repeated at the top of each printed page (the defined name _xlnm.Print_Titles).
 */
import type { WritePlan } from "../workbook/types";
import { quoteSheet } from "../workbook/grid";
import type { XlsxWorkbook } from "./load";
import { insertBeforeClose } from "./package";
import { setWorksheetChild } from "./sheetPatch";
import { attrsOf, escapeXml, setAttr } from "./xml";

/** ECMA-376 §18.3.1.64: paperSize 9 is A4. */
const A4 = "9";

export function applyPageSetup(wb: XlsxWorkbook, setups: NonNullable<WritePlan["pageSetup"]>): void {
  const { pkg } = wb;
  for (const ps of setups) {
    const s = wb.info.sheets.find((x) => x.name.toLowerCase() === ps.sheet.toLowerCase());
    if (!s) continue;
    let xml = pkg.text(s.part!)!;
    const p = /<(\w+:)?sheetData\b/.exec(xml)?.[1] ?? "";
    xml = setWorksheetChild(xml, "pageSetup", (old) => {
      let tag = old ? /^<[^>]*?(?=\/?>)/.exec(old)![0] : `<${p}pageSetup`;
      tag = setAttr(tag, "paperSize", A4);
      tag = setAttr(tag, "orientation", ps.orientation);
      tag = setAttr(tag, "fitToWidth", ps.fitToWidth ? "1" : undefined);
      tag = setAttr(tag, "fitToHeight", ps.fitToWidth ? "0" : undefined);
      return tag + "/>";
    });
    if (ps.fitToWidth) {
      xml = setWorksheetChild(xml, "sheetPr", (old) => {
        if (!old) return `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`;
        if (/<(?:\w+:)?pageSetUpPr\b/.test(old))
          return old.replace(/<(?:\w+:)?pageSetUpPr\b[^>]*?(?=\/?>)/, (t) => setAttr(t, "fitToPage", "1"));
        const el = `<${p}pageSetUpPr fitToPage="1"/>`;
        if (/\/>$/.test(old) && !/<\/(?:\w+:)?sheetPr>$/.test(old)) return old.replace(/\s*\/>$/, `>${el}</${p}sheetPr>`);
        // pageSetUpPr comes after tabColor and outlinePr
        return old.replace(/<\/((?:\w+:)?)sheetPr>$/, `${el}</$1sheetPr>`);
      });
    }
    pkg.set(s.part!, xml);
    if (ps.printTitleRows) {
      const pos = wb.info.allSheets.findIndex((x) => x.sheetId === s.sheetId && x.name === s.name);
      const rows = ps.printTitleRows.split(":").map((r) => `$${r.replace(/\$/g, "")}`);
      const value = `${quoteSheet(s.name)}!${rows[0]}:${rows[1] ?? rows[0]}`;
      let wx = pkg.text(wb.info.part)!;
      const wp = /<(\w+:)?sheets\b/.exec(wx)?.[1] ?? "";
      wx = wx.replace(/<((?:\w+:)?)definedName\b[^>]*>[\s\S]*?<\/\1definedName>/g, (el) => {
        const a = attrsOf(/^<[^>]*>/.exec(el)![0]);
        return a.name === "_xlnm.Print_Titles" && a.localSheetId === String(pos) ? "" : el;
      });
      const el = `<${wp}definedName name="_xlnm.Print_Titles" localSheetId="${pos}">${escapeXml(value)}</${wp}definedName>`;
      if (/<(?:\w+:)?definedNames\b/.test(wx)) wx = insertBeforeClose(wx, "definedNames", el);
      // a function, not a replacement string: "$1:$1" in the print titles is text, not a group
      else wx = wx.replace(/(<\/(?:\w+:)?sheets>|<(?:\w+:)?sheets\b[^>]*\/>)/, (m) => `${m}<${wp}definedNames>${el}</${wp}definedNames>`);
      pkg.set(wb.info.part, wx);
    }
  }
}
