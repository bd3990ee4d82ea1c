/**
 * The styles part, patched: for each cell Beregn formats, a copy of the cell's own cell format
 * (xf) with only the number format, bold, alignment or link look changed, appended to cellXfs.
 * Every existing style, named style, theme colour and differential format stays as it was.
 */
import type { WriteCell } from "../workbook/types";
import { BUILTIN_FORMATS } from "./numberFormats";
import { attrsOf, escapeXml, setAttr } from "./xml";

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** The order CT_Font requires of its children. */
const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

/** Excel's Hyperlink style colour (Office theme, hlink). */
const LINK_RGB = "FF0563C1";

interface Section {
  /** The whole section's text as found, or undefined when the part has none. */
  found?: string;
  open: string;
  items: string[];
  added: string[];
}

function elementsOf(body: string, local: string): string[] {
  const re = new RegExp(`<((?:\\w+:)?)${local}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1${local}>)`, "g");
  return [...body.matchAll(re)].map((m) => m[0]);
}

function section(xml: string, local: string, item: string): Section {
  const re = new RegExp(`<((?:\\w+:)?)${local}\\b[^>]*?(?:/>|>([\\s\\S]*?)</\\1${local}>)`);
  const m = re.exec(xml);
  if (!m) return { open: "", items: [], added: [] };
  const open = /^<[^>]*?(?=\/?>)/.exec(m[0])![0];
  return { found: m[0], open, items: elementsOf(m[2] ?? "", item), added: [] };
}

function children(el: string): { name: string; xml: string }[] {
  const inner = /^<[^>]*?\/>$/.test(el) ? "" : el.replace(/^<[^>]*>/, "").replace(/<\/[^>]+>$/, "");
  return [...inner.matchAll(/<((?:\w+:)?)(\w+)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\2>)/g)].map((m) => ({ name: m[2], xml: m[0] }));
}

export class StylesPatch {
  private readonly numFmts: Section;
  private readonly fonts: Section;
  private readonly xfs: Section;
  private readonly prefix: string;
  private readonly cache = new Map<string, number>();
  private changed = false;

  constructor(private readonly xml: string) {
    this.prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
    this.numFmts = section(xml, "numFmts", "numFmt");
    this.fonts = section(xml, "fonts", "font");
    this.xfs = section(xml, "cellXfs", "xf");
  }

  get dirty(): boolean {
    return this.changed;
  }

  /** Whether a write changes the cell's format at all. */
  static touchesStyle(w: WriteCell): boolean {
    return (
      w.numberFormat !== undefined ||
      w.bold !== undefined ||
      w.wrap !== undefined ||
      w.align !== undefined ||
      w.indent !== undefined ||
      w.link !== undefined
    );
  }

  private numFmtId(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) if (c === code) return Number(id);
    let max = 163;
    for (const el of [...this.numFmts.items, ...this.numFmts.added]) {
      const a = attrsOf(el);
      if (a.formatCode === code) return Number(a.numFmtId);
      max = Math.max(max, Number(a.numFmtId ?? 0));
    }
    const id = max + 1;
    this.numFmts.added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private font(baseId: number, w: WriteCell): number {
    const all = [...this.fonts.items, ...this.fonts.added];
    const base = all[baseId] ?? all[0] ?? `<${this.prefix}font/>`;
    let kids = children(base);
    const p = this.prefix;
    if (w.bold !== undefined) {
      kids = kids.filter((k) => k.name !== "b");
      if (w.bold) kids.push({ name: "b", xml: `<${p}b/>` });
    }
    if (w.link) {
      kids = kids.filter((k) => k.name !== "u" && k.name !== "color");
      kids.push({ name: "u", xml: `<${p}u/>` }, { name: "color", xml: `<${p}color rgb="${LINK_RGB}"/>` });
    }
    kids.sort((x, y) => FONT_ORDER.indexOf(x.name) - FONT_ORDER.indexOf(y.name));
    const open = /^<[^>]*?(?=\/?>)/.exec(base)![0];
    const xml = `${open}>${kids.map((k) => k.xml).join("")}</${p}font>`;
    const same = all.indexOf(xml);
    if (same >= 0) return same;
    this.fonts.added.push(xml);
    return all.length;
  }

  /**
   * The cellXfs index for a cell now styled `base` with the write's format applied. `top`: the
   * cell sits in a row Beregn writes wrapped text into, so it is top-aligned beside the first line
   * (wrapped text itself is always top-aligned), as the Office.js host sets it (annotate.ts).
   */
  styleFor(base: number, w: WriteCell, top = false): number {
    const key = `${base}|${w.numberFormat ?? ""}|${w.bold ?? ""}|${w.wrap ?? ""}|${w.align ?? ""}|${w.indent ?? ""}|${w.link ?? ""}|${top}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const all = [...this.xfs.items, ...this.xfs.added];
    const baseXf = all[base] ?? all[0] ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    let open = /^<[^>]*?(?=\/?>)/.exec(baseXf)![0];
    let kids = children(baseXf);
    if (w.numberFormat !== undefined) {
      open = setAttr(open, "numFmtId", String(this.numFmtId(w.numberFormat)));
      open = setAttr(open, "applyNumberFormat", "1");
    }
    if (w.bold !== undefined || w.link) {
      open = setAttr(open, "fontId", String(this.font(Number(attrsOf(open).fontId ?? 0), w)));
      open = setAttr(open, "applyFont", "1");
    }
    if (w.wrap !== undefined || w.align !== undefined || w.indent !== undefined || top) {
      const old = kids.find((k) => k.name === "alignment");
      let al = old ? /^<[^>]*?(?=\/?>)/.exec(old.xml)![0] : `<${this.prefix}alignment`;
      if (w.align !== undefined) al = setAttr(al, "horizontal", w.align);
      if (w.wrap !== undefined) al = setAttr(al, "wrapText", w.wrap ? "1" : undefined);
      if (w.wrap || top) al = setAttr(al, "vertical", "top");
      if (w.indent !== undefined) {
        al = setAttr(al, "indent", w.indent > 0 ? String(Math.round(w.indent)) : undefined);
        // Excel applies an indent only to left, right or distributed text
        if (w.indent > 0 && !/horizontal="(left|right|distributed)"/.test(al)) al = setAttr(al, "horizontal", "left");
      }
      kids = [{ name: "alignment", xml: al + "/>" }, ...kids.filter((k) => k.name !== "alignment")];
      open = setAttr(open, "applyAlignment", "1");
    }
    const xml = kids.length ? `${open}>${kids.map((k) => k.xml).join("")}</${this.prefix}xf>` : `${open}/>`;
    let index = all.indexOf(xml);
    if (index < 0) {
      this.xfs.added.push(xml);
      index = all.length;
      this.changed = true;
    }
    this.cache.set(key, index);
    return index;
  }

  toXml(): string {
    let xml = this.xml;
    const p = this.prefix;
    const rebuild = (s: Section, local: string): string => {
      const items = [...s.items, ...s.added];
      const open = setAttr(s.open || `<${p}${local}`, "count", String(items.length));
      return `${open}>${items.join("")}</${p}${local}>`;
    };
    for (const [s, local] of [
      [this.numFmts, "numFmts"],
      [this.fonts, "fonts"],
      [this.xfs, "cellXfs"],
    ] as const) {
      if (s.added.length === 0) continue;
      const text = rebuild(s, local);
      if (s.found !== undefined) xml = xml.replace(s.found, () => text);
      else if (local === "numFmts") xml = xml.replace(/<(\w+:)?styleSheet\b[^>]*>/, (m) => m + text);
      else xml = xml.replace(/<\/(\w+:)?styleSheet>/, (m) => text + m);
    }
    return xml;
  }
}
