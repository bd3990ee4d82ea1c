/**
 * A .xlsx package held as its parts (issue 13): what Beregn reads is unpacked and checked; what
 * it changes is replaced part by part; every other part is written back byte for byte (its
 * compressed bytes copied), so charts, pivots, macros and anything else a producer wrote survive.
 */
import * as path from "node:path/posix";
import { FileRefusal } from "./errors";
import { attrsOf, escapeXml, parseXml } from "./xml";
import { type ByteReader, type ZipEntry, extractEntry } from "./zip";

export interface PackagePart {
  name: string;
  /** The part's bytes as read (checked against the directory's size and CRC). */
  data: Buffer;
  /** The original entry and file, to copy the compressed bytes unchanged. */
  entry?: ZipEntry;
  changed: boolean;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export class XlsxPackage {
  readonly parts = new Map<string, PackagePart>();
  /** Part names in the order the file had them (new ones at the end). */
  readonly order: string[] = [];
  private readonly lower = new Map<string, string>();

  constructor(
    readonly read?: ByteReader,
    readonly fileSize = 0,
  ) {}

  static fromEntries(read: ByteReader, fileSize: number, entries: ZipEntry[]): XlsxPackage {
    const pkg = new XlsxPackage(read, fileSize);
    for (const e of entries) {
      if (e.name.endsWith("/")) continue;
      const data = extractEntry(read, fileSize, e);
      pkg.add({ name: e.name, data, entry: e, changed: false });
    }
    return pkg;
  }

  private add(part: PackagePart): void {
    const key = part.name.toLowerCase();
    const known = this.lower.get(key);
    if (known === undefined) {
      this.order.push(part.name);
      this.lower.set(key, part.name);
      this.parts.set(part.name, part);
    } else {
      this.parts.set(known, { ...part, name: known });
    }
  }

  /** Part names are case-insensitive in OPC. */
  get(name: string): PackagePart | undefined {
    const n = this.lower.get(stripSlash(name).toLowerCase());
    return n === undefined ? undefined : this.parts.get(n);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  text(name: string): string | undefined {
    return this.get(name)?.data.toString("utf8");
  }

  set(name: string, data: string | Buffer): void {
    const n = stripSlash(name);
    this.add({ name: n, data: typeof data === "string" ? Buffer.from(data, "utf8") : data, changed: true });
  }

  remove(name: string): void {
    const key = stripSlash(name).toLowerCase();
    const n = this.lower.get(key);
    if (n === undefined) return;
    this.lower.delete(key);
    this.parts.delete(n);
    this.order.splice(this.order.indexOf(n), 1);
  }

  /** A name not yet used: "xl/worksheets/sheet" + n + ".xml". */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }
}

const stripSlash = (n: string): string => (n.startsWith("/") ? n.slice(1) : n);

/** The .rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsName(part: string): string {
  const dir = path.dirname(part);
  return `${dir === "." ? "" : dir + "/"}_rels/${path.basename(part)}.rels`;
}

/** A relationship's target resolved against its source part. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const dir = path.dirname(source);
  return path.normalize(path.join(dir === "." ? "" : dir, target)).replace(/^\.\//, "");
}

export function readRels(pkg: XlsxPackage, source: string): Relationship[] {
  const name = relsName(source);
  const xml = pkg.text(name);
  if (xml === undefined) return [];
  const out: Relationship[] = [];
  parseXml(xml, name, {
    open: (n, a) => {
      if (n === "Relationship" && a.Id && a.Target !== undefined)
        out.push({ id: a.Id, type: a.Type ?? "", target: a.Target, external: a.TargetMode === "External" });
    },
  });
  return out;
}

/** "…/worksheet" for both the transitional and the strict relationship namespaces. */
export const relIs = (r: Relationship, kind: string): boolean => r.type.endsWith("/" + kind);

/** Add a relationship; returns its new id. */
export function addRel(pkg: XlsxPackage, source: string, type: string, target: string): string {
  const name = relsName(source);
  const xml =
    pkg.text(name) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const ids = new Set(readRelsText(xml).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  pkg.set(name, insertBeforeClose(xml, "Relationships", rel));
  return id;
}

export function removeRel(pkg: XlsxPackage, source: string, id: string): void {
  const name = relsName(source);
  const xml = pkg.text(name);
  if (xml === undefined) return;
  pkg.set(
    name,
    xml.replace(/<(?:\w+:)?Relationship\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?Relationship>)/g, (tag) => (attrsOf(tag).Id === id ? "" : tag)),
  );
}

function readRelsText(xml: string): { id: string }[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({ id: attrsOf(m[0]).Id ?? "" }));
}

/** Insert `content` before the closing tag of the (first) element `local`, expanding a self-closed one. */
export function insertBeforeClose(xml: string, local: string, content: string): string {
  const close = new RegExp(`</((?:\\w+:)?)${local}>`);
  const m = close.exec(xml);
  if (m) return xml.slice(0, m.index) + content + xml.slice(m.index);
  const self = new RegExp(`<((?:\\w+:)?)${local}\\b([^>]*?)/>`);
  const s = self.exec(xml);
  if (!s) throw new FileRefusal("CORRUPT", `filen er beskadiget: <${local}> mangler`);
  return xml.slice(0, s.index) + `<${s[1]}${local}${s[2]}>${content}</${s[1]}${local}>` + xml.slice(s.index + s[0].length);
}

const CONTENT_TYPES = "[Content_Types].xml";

export function addOverride(pkg: XlsxPackage, part: string, contentType: string): void {
  const xml = pkg.text(CONTENT_TYPES);
  if (xml === undefined) return;
  const name = "/" + stripSlash(part);
  if (new RegExp(`PartName="${name.replace(/[.[\]]/g, "\\$&")}"`, "i").test(xml)) return;
  pkg.set(CONTENT_TYPES, insertBeforeClose(xml, "Types", `<Override PartName="${escapeXml(name)}" ContentType="${contentType}"/>`));
}

export function removeOverride(pkg: XlsxPackage, part: string): void {
  const xml = pkg.text(CONTENT_TYPES);
  if (xml === undefined) return;
  const name = ("/" + stripSlash(part)).toLowerCase();
  const next = xml.replace(/<(?:\w+:)?Override\b[^>]*?\/>/g, (tag) => ((attrsOf(tag).PartName ?? "").toLowerCase() === name ? "" : tag));
  if (next !== xml) pkg.set(CONTENT_TYPES, next);
}

/** Whether the content types give `ext` a Default (e.g. "vml"). */
export function ensureDefault(pkg: XlsxPackage, ext: string, contentType: string): void {
  const xml = pkg.text(CONTENT_TYPES);
  if (xml === undefined) return;
  if (new RegExp(`Extension="${ext}"`, "i").test(xml)) return;
  pkg.set(CONTENT_TYPES, insertBeforeClose(xml, "Types", `<Default Extension="${ext}" ContentType="${contentType}"/>`));
}

/** The prefix the part's root element binds to the relationships namespace, if any. */
export function rootRelPrefix(xml: string): string | undefined {
  const root = /<(?!\?)(?!!)[^>]+>/.exec(xml)?.[0] ?? "";
  return /\sxmlns:(\w+)="[^"]*relationships"/.exec(root)?.[1];
}
