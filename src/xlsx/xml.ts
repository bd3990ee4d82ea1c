/**
 * Small XML helpers for the package patcher and the streaming reader: escaping what Beregn
 * writes, reading one element's attributes, and a saxes parser that reports local names (a
 * strict or prefixed file names its elements "x:c" as readily as "c").
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { FileRefusal } from "./errors";

/** Escape text for element content or an attribute; characters XML 1.0 cannot hold become _xHHHH_ as Excel writes them. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot hold
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`,
    );
}

/** Excel's _xHHHH_ escapes in stored text back to their characters. */
export function unescapeOoxml(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Attributes of one start tag's text ("<c r=\"A1\" s=\"3\">"), by local name. */
export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[localName(m[1])] = decodeEntities(m[3] ?? m[4] ?? "");
  return out;
}

/** Set (or, with undefined, remove) one attribute in a start tag's text. */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (value === undefined) return tag.replace(re, "");
  const attr = ` ${name}="${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, attr);
  return tag.replace(/^(<[\w:.-]+)/, `$1${attr}`);
}

export const localName = (name: string): string => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

export interface XmlHandlers {
  open?: (name: string, attrs: Record<string, string>, selfClosing: boolean) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/**
 * Stream one part through saxes with local names. A part that is not well-formed XML is a
 * damaged file: one Danish line naming the part.
 */
export function parseXml(xml: string, part: string, h: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  let failed: Error | undefined;
  parser.on("error", (e) => {
    failed ??= e;
  });
  if (h.open)
    parser.on("opentag", (t: SaxesTagPlain) => {
      const attrs: Record<string, string> = {};
      for (const k of Object.keys(t.attributes)) attrs[localName(k)] = t.attributes[k] as string;
      h.open!(localName(t.name), attrs, t.isSelfClosing);
    });
  if (h.close) parser.on("closetag", (t) => h.close!(localName(t.name)));
  if (h.text) {
    parser.on("text", h.text);
    parser.on("cdata", h.text);
  }
  try {
    parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  } catch (e) {
    failed ??= e as Error;
  }
  if (failed) throw new FileRefusal("CORRUPT", `filen er beskadiget: ${part} er ikke gyldig XML`);
}
