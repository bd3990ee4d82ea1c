/**
 * Parts of a .xlsx that ExcelJS (4.4) reads past and does not write back. Saving through ExcelJS
 * would silently drop them, so the CLI names them and refuses instead (DESIGN.md).
 * Checked against what ExcelJS writes: worksheets, shared strings, styles, theme, images,
 * legacy comments, tables, core/app properties; everything below is lost.
 */

export const CUSTOM_PROPS_PART = "brugerdefinerede dokumentegenskaber (fx følsomhedsmærkning)";

interface PartRule {
  /** Danish, for "… ville gå tabt". */
  what: string;
  test: (name: string) => boolean;
}

const under =
  (...prefixes: string[]) =>
  (name: string): boolean =>
    prefixes.some((p) => name.toLowerCase().startsWith(p.toLowerCase()));

export const PART_RULES: readonly PartRule[] = [
  { what: "diagrammer", test: under("xl/charts/", "xl/chartsheets/") },
  { what: "pivottabeller", test: under("xl/pivotTables/", "xl/pivotCache/") },
  { what: "makroer (VBA)", test: (n) => /^xl\/vbaProject\.bin$/i.test(n) || under("xl/macrosheets/", "xl/dialogsheets/")(n) },
  { what: "tilføjelsesprogrammer (webudvidelser)", test: under("xl/webextensions/") },
  { what: "eksterne kæder", test: under("xl/externalLinks/") },
  { what: "udsnitsværktøjer og tidslinjer", test: under("xl/slicers/", "xl/slicerCaches/", "xl/timelines/", "xl/timelineCaches/") },
  { what: "trådede kommentarer", test: under("xl/threadedComments/", "xl/persons/") },
  { what: "indlejrede objekter og kontrolelementer", test: under("xl/embeddings/", "xl/activeX/", "xl/ctrlProps/") },
  { what: "dataforbindelser og forespørgsler", test: (n) => /^xl\/connections\.xml$/i.test(n) || under("xl/queryTables/")(n) },
  { what: "datamodel (Power Pivot)", test: under("xl/model/") },
  { what: "SmartArt", test: under("xl/diagrams/") },
  { what: "billeder og datatyper i celler", test: under("xl/richData/") },
  { what: "metadata for dynamiske matrixformler", test: (n) => /^xl\/metadata\.xml$/i.test(n) },
  { what: "brugerdefinerede XML-dele (fx Power Query)", test: under("customXml/") },
  { what: CUSTOM_PROPS_PART, test: under("docMetadata/") },
];

/**
 * docProps/custom.xml is lost too, but LibreOffice writes an empty one into every file: only
 * one that holds a property (a sensitivity label, a SharePoint field) is worth refusing for.
 */
export const isCustomPropsPart = (name: string): boolean => /^docProps\/custom\.xml$/i.test(name);
export const customPropsHasProperty = (xml: string): boolean => /<(?:\w+:)?property[\s>]/.test(xml);

export const SHAPES_PART = "figurer og tekstfelter";
export const MACRO_PART = "makroer (VBA)";

/** Drawing parts ExcelJS keeps only for pictures; shapes, connectors and groups are lost (a chart's or SmartArt's frame is named by its own part). */
export const isDrawingPart = (name: string): boolean => /^xl\/drawings\/drawing\d+\.xml$/i.test(name);
export const drawingHasShapes = (xml: string): boolean => /<(?:\w+:)?(?:sp|cxnSp|grpSp)[\s>/]/.test(xml);

/** A macro-enabled workbook says so in its content types even without vbaProject.bin. */
export const contentTypesMacroEnabled = (xml: string): boolean => /macroEnabled/i.test(xml);

export function partsByName(names: readonly string[]): string[] {
  return PART_RULES.filter((r) => names.some((n) => r.test(n))).map((r) => r.what);
}
