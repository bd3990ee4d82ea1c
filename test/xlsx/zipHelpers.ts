/**
 * Test helpers: build zips by hand (ExcelJS cannot make charts, pivots or macros, and a zip bomb
 * must be made, not found), and fake OLE2 files.
 */
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import { buildStoredZip, extractEntry, readCentralDirectory } from "../../src/xlsx/zip";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";

export interface RawEntry {
  name: string;
  data: Buffer;
  /** 8 = deflate (default), 0 = stored. */
  method?: 0 | 8;
  /** Lie in the central directory. */
  claimUncompressed?: number;
  claimCompressed?: number;
}

/** A zip with deflated entries, whose central directory may claim sizes of our choosing. */
export function makeZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, "utf8");
    const crc = zlib.crc32(e.data) >>> 0;
    const comp = e.claimCompressed ?? body.length;
    const unc = e.claimUncompressed ?? e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(Math.min(comp, 0xffffffff), 18);
    lh.writeUInt32LE(Math.min(unc, 0xffffffff), 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(Math.min(comp, 0xffffffff), 20);
    ch.writeUInt32LE(Math.min(unc, 0xffffffff), 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    parts.push(lh, name, body);
    central.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, eocd]);
}

/** The parts of a zip, unpacked with the host's own reader. */
export function unzip(buf: Buffer): { name: string; data: Buffer }[] {
  const read = (p: number, l: number): Buffer => buf.subarray(p, p + l);
  return readCentralDirectory(read, buf.length, DEFAULT_LIMITS)
    .filter((e) => !e.name.endsWith("/"))
    .map((e) => ({ name: e.name, data: extractEntry(read, buf.length, e) }));
}

/** Add parts to an existing .xlsx (and optionally rewrite its content types). */
export function patchXlsx(xlsx: Buffer, add: { name: string; data: string | Buffer }[], contentTypes?: (xml: string) => string): Buffer {
  const files = unzip(xlsx).map((f) =>
    f.name === "[Content_Types].xml" && contentTypes ? { name: f.name, data: Buffer.from(contentTypes(f.data.toString("utf8"))) } : f,
  );
  for (const a of add) files.push({ name: a.name, data: Buffer.isBuffer(a.data) ? a.data : Buffer.from(a.data, "utf8") });
  return buildStoredZip(files);
}

export async function simpleXlsx(fill?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark1");
  ws.getCell("A1").value = "Forslag";
  ws.getCell("B2").value = 42;
  fill?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A fake OLE2 compound file: the magic, a header, and a directory naming the given streams. */
export function fakeOle2(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt32LE(1, 0x30);
  const dir = Buffer.alloc(512);
  ["Root Entry", ...streamNames].slice(0, 4).forEach((n, i) => {
    const name = Buffer.from(n + "\0", "utf16le");
    name.copy(dir, i * 128);
    dir.writeUInt16LE(name.length, i * 128 + 64);
  });
  return Buffer.concat([header, Buffer.alloc(512), dir]);
}
