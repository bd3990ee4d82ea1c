/**
 * Cell notes (WritePlan.notes, issue 10): the sheet's legacy comments part and the VML drawing
 * Excel shows them with. An existing comments part keeps its other comments and authors; a
 * note never touches the cell itself.
 */
import { parseA1 } from "../workbook/grid";
import type { WritePlan } from "../workbook/types";
import type { XlsxWorkbook } from "./load";
import { addOverride, addRel, ensureDefault, readRels, relIs, resolveTarget, rootRelPrefix } from "./package";
import { cellText, setWorksheetChild } from "./sheetPatch";
import { attrsOf, escapeXml } from "./xml";

const COMMENTS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_CT = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const AUTHOR = "Beregn";

const VML_HEAD =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>';
const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPE_RE = /<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g;
const shapeCell = (shape: string): string | undefined => {
  const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
  const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
  return r && c && /ObjectType="Note"/.test(shape) ? `${r[1]},${c[1]}` : undefined;
};

export function applyNotes(wb: XlsxWorkbook, notes: NonNullable<WritePlan["notes"]>): void {
  const { pkg } = wb;
  const bySheet = new Map<string, typeof notes>();
  for (const n of notes) {
    const s = wb.info.sheets.find((x) => x.name.toLowerCase() === n.sheet.toLowerCase());
    if (!s) continue;
    bySheet.set(s.part!, [...(bySheet.get(s.part!) ?? []), n]);
  }
  const relNs = (
    wb.info.rels.find((r) => relIs(r, "worksheet"))?.type ?? "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
  ).replace(/\/worksheet$/, "");
  for (const [sheetPart, list] of bySheet) {
    const rels = readRels(pkg, sheetPart);
    let commentsPart = rels.find((r) => relIs(r, "comments") && !r.external);
    let vmlRel = rels.find((r) => relIs(r, "vmlDrawing") && !r.external);
    let cPart: string;
    if (commentsPart) cPart = resolveTarget(sheetPart, commentsPart.target);
    else {
      if (list.every((n) => n.text === null)) continue;
      cPart = pkg.freeName("xl/comments", ".xml");
      pkg.set(
        cPart,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${AUTHOR}</author></authors><commentList/></comments>`,
      );
      addRel(pkg, sheetPart, `${relNs}/comments`, "../" + cPart.slice(3));
      addOverride(pkg, cPart, COMMENTS_CT);
      commentsPart = { id: "", type: "", target: "", external: false };
    }
    let vPart: string;
    if (vmlRel) vPart = resolveTarget(sheetPart, vmlRel.target);
    else {
      vPart = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
      pkg.set(vPart, VML_HEAD + NOTE_SHAPETYPE + "</xml>");
      const id = addRel(pkg, sheetPart, `${relNs}/vmlDrawing`, "../" + vPart.slice(3));
      ensureDefault(pkg, "vml", VML_CT);
      const sheetXml = pkg.text(sheetPart)!;
      const rPrefix = rootRelPrefix(sheetXml);
      const attr = rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${relNs}" r:id="${id}"`;
      const p = /<(\w+:)?sheetData\b/.exec(sheetXml)?.[1] ?? "";
      pkg.set(sheetPart, setWorksheetChild(sheetXml, "legacyDrawing", `<${p}legacyDrawing ${attr}/>`));
      vmlRel = { id, type: "", target: "", external: false };
    }

    let cx = pkg.text(cPart)!;
    const p = /<(\w+:)?comments\b/.exec(cx)?.[1] ?? "";
    const authors = [...cx.matchAll(/<(?:\w+:)?author>([\s\S]*?)<\/(?:\w+:)?author>/g)].map((m) => m[1]);
    let authorId = authors.indexOf(AUTHOR);
    if (authorId < 0) {
      authorId = authors.length;
      cx = /<(?:\w+:)?authors\b[^>]*\/>/.test(cx)
        ? cx.replace(/<((?:\w+:)?)authors\b[^>]*\/>/, `<$1authors><$1author>${AUTHOR}</$1author></$1authors>`)
        : cx.replace(/<\/((?:\w+:)?)authors>/, `<$1author>${AUTHOR}</$1author></$1authors>`);
    }
    let vml = pkg.text(vPart)!;
    if (!vml.includes('id="_x0000_t202"')) vml = vml.replace(/<\/xml>\s*$/, NOTE_SHAPETYPE + "</xml>");
    let nextId = Math.max(1024, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
    for (const n of list) {
      const ref = n.address.replace(/\$/g, "").toUpperCase();
      const { row, col } = parseA1(ref);
      cx = cx.replace(/<((?:\w+:)?)comment\b[^>]*>[\s\S]*?<\/\1comment>|<(?:\w+:)?comment\b[^>]*\/>/g, (el) =>
        (attrsOf(/^<[^>]*>/.exec(el)![0]).ref ?? "").toUpperCase() === ref ? "" : el,
      );
      vml = vml.replace(SHAPE_RE, (shape) => (shapeCell(shape) === `${row},${col}` ? "" : shape));
      if (n.text === null) continue;
      const el = `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeXml(cellText(n.text))}</${p}t></${p}r></${p}text></${p}comment>`;
      cx = /<(?:\w+:)?commentList\b[^>]*\/>/.test(cx)
        ? cx.replace(/<((?:\w+:)?)commentList\b[^>]*\/>/, `<$1commentList>${el}</$1commentList>`)
        : cx.replace(/<\/((?:\w+:)?)commentList>/, `${el}</$1commentList>`);
      vml = vml.replace(/<\/xml>\s*$/, noteShape(nextId++, row, col) + "</xml>");
    }
    pkg.set(cPart, cx);
    pkg.set(vPart, vml);
  }
}
