/**
 * Just enough of the zip format to judge a .xlsx before anything is unpacked, and to unpack it
 * under our own bounds. The central directory sits at the end of the file (EOCD record, then the
 * entries it points to), so its claims can be checked by reading a few kilobytes. Unpacking
 * then checks that every entry inflates to exactly what the directory claims: a zip bomb that
 * lies in its directory is stopped at the claimed size, not after filling memory.
 */
import * as zlib from "node:zlib";
import { FileRefusal } from "./errors";
import { type FileLimits, RATIO_MIN_ENTRY_BYTES } from "./limits";

/** Random access to the file's bytes: a file descriptor or a buffer. */
export type ByteReader = (position: number, length: number) => Buffer;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

const corrupt = (why: string): FileRefusal => new FileRefusal("CORRUPT", `filen er beskadiget: ${why}`);
const mb = (n: number): string => (n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0).replace(".", ",");

/** 8-byte little-endian size as a number; beyond 2^53 it is simply "too big" (Infinity). */
function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(v);
}

/** Locate the end-of-central-directory record; undefined when the file is no zip. */
function findEocd(read: ByteReader, fileSize: number): { at: number; rec: Buffer } | undefined {
  const span = Math.min(fileSize, EOCD_MIN + MAX_COMMENT);
  const tail = read(fileSize - span, span);
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== SIG_EOCD) continue;
    // the comment length must reach exactly to the end of the file, else it is a stray signature
    const commentLen = tail.readUInt16LE(i + 20);
    if (i + EOCD_MIN + commentLen !== tail.length) continue;
    return { at: fileSize - span + i, rec: tail.subarray(i, i + EOCD_MIN) };
  }
  return undefined;
}

/**
 * Read the central directory and check its claims against the limits. Reads only the tail and
 * the directory itself; refuses as soon as a limit is passed.
 */
export function readCentralDirectory(read: ByteReader, fileSize: number, limits: FileLimits): ZipEntry[] {
  const eocd = findEocd(read, fileSize);
  if (!eocd) throw new FileRefusal("NOT_XLSX", "ikke en .xlsx-fil (ingen zip-indholdsfortegnelse)");
  const r = eocd.rec;
  if (r.readUInt16LE(4) !== 0 || r.readUInt16LE(6) !== 0) throw corrupt("zip-arkivet er delt over flere filer");
  let count = r.readUInt16LE(10);
  let cdSize = r.readUInt32LE(12);
  let cdOffset = r.readUInt32LE(16);

  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // zip64: the real numbers are in the zip64 record the locator points to
    if (eocd.at < 20) throw corrupt("zip64-oplysninger mangler");
    const loc = read(eocd.at - 20, 20);
    if (loc.readUInt32LE(0) !== SIG_ZIP64_LOCATOR) throw corrupt("zip64-oplysninger mangler");
    const recAt = u64(loc, 8);
    if (!(recAt + 56 <= fileSize)) throw corrupt("zip64-oplysninger peger uden for filen");
    const rec = read(recAt, 56);
    if (rec.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw corrupt("zip64-oplysninger er ugyldige");
    count = u64(rec, 32);
    cdSize = u64(rec, 40);
    cdOffset = u64(rec, 48);
  }

  if (count > limits.maxEntries) throw new FileRefusal("ZIP_LIMIT", `afvist: filen har ${count} dele; grænsen er ${limits.maxEntries}`);
  if (!(cdOffset + cdSize <= fileSize)) throw corrupt("zip-indholdsfortegnelsen peger uden for filen");
  // 46 bytes of header plus at most 3 × 64 KiB of name, extra field and comment per entry
  if (cdSize > count * (46 + 3 * 0xffff)) throw corrupt("zip-indholdsfortegnelsen er for stor");

  const cd = read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let totalUncompressed = 0;
  let totalCompressed = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt("zip-indholdsfortegnelsen kan ikke læses");
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc32 = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > cd.length) throw corrupt("zip-indholdsfortegnelsen kan ikke læses");
    const name = cd.toString((flags & 0x800) !== 0 ? "utf8" : "latin1", p + 46, p + 46 + nameLen);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // zip64 extra field (id 1): the 8-byte values, in this order, for the fields that overflowed
      let q = p + 46 + nameLen;
      const extraEnd = q + extraLen;
      let found = false;
      while (q + 4 <= extraEnd) {
        const id = cd.readUInt16LE(q);
        const len = cd.readUInt16LE(q + 2);
        if (id === 1) {
          let f = q + 4;
          const take = (): number => {
            if (f + 8 > q + 4 + len) throw corrupt("zip64-felt er for kort");
            const v = u64(cd, f);
            f += 8;
            return v;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
          found = true;
          break;
        }
        q += 4 + len;
      }
      if (!found) throw corrupt("zip64-felt mangler");
    }
    totalUncompressed += uncompressedSize;
    totalCompressed += compressedSize;
    if (totalUncompressed > limits.maxUncompressedBytes)
      throw new FileRefusal("ZIP_LIMIT", `afvist: filen fylder over ${mb(limits.maxUncompressedBytes)} MB udpakket (mulig zip-bombe)`);
    if (uncompressedSize >= RATIO_MIN_ENTRY_BYTES && uncompressedSize > limits.maxCompressionRatio * Math.max(compressedSize, 1))
      throw ratioRefusal(uncompressedSize, compressedSize, limits);
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset });
    p = end;
  }
  if (totalUncompressed >= RATIO_MIN_ENTRY_BYTES && totalUncompressed > limits.maxCompressionRatio * Math.max(totalCompressed, 1))
    throw ratioRefusal(totalUncompressed, totalCompressed, limits);
  return entries;
}

function ratioRefusal(uncompressed: number, compressed: number, limits: FileLimits): FileRefusal {
  const ratio = Math.round(uncompressed / Math.max(compressed, 1));
  return new FileRefusal("ZIP_LIMIT", `afvist: filen er pakket ${ratio}:1; grænsen er ${limits.maxCompressionRatio}:1 (mulig zip-bombe)`);
}

/**
 * Unpack one entry, never producing more than the directory claims. Refuses encrypted entries
 * and compression methods a .xlsx does not use.
 */
export function extractEntry(read: ByteReader, fileSize: number, e: ZipEntry): Buffer {
  if ((e.flags & 1) !== 0) throw new FileRefusal("ENCRYPTED", "filen er krypteret (adgangskode); fjern adgangskoden");
  if (e.localHeaderOffset + 30 > fileSize) throw corrupt(`${e.name} peger uden for filen`);
  const lh = read(e.localHeaderOffset, 30);
  if (lh.readUInt32LE(0) !== SIG_LOCAL) throw corrupt(`${e.name} kan ikke findes i filen`);
  const dataAt = e.localHeaderOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
  if (dataAt + e.compressedSize > fileSize) throw corrupt(`${e.name} er afkortet`);
  const data = read(dataAt, e.compressedSize);
  let out: Buffer;
  if (e.method === 0) {
    out = data;
  } else if (e.method === 8) {
    try {
      // one byte of headroom tells "exactly as claimed" from "more than claimed"
      out = zlib.inflateRawSync(data, { maxOutputLength: e.uncompressedSize + 1 });
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        throw new FileRefusal("ZIP_LIMIT", `afvist: ${e.name} fylder mere udpakket end filen angiver (mulig zip-bombe)`);
      throw corrupt(`${e.name} kan ikke udpakkes`);
    }
  } else {
    throw corrupt(`${e.name} bruger en ukendt komprimering (${e.method})`);
  }
  if (out.length !== e.uncompressedSize) {
    if (out.length > e.uncompressedSize)
      throw new FileRefusal("ZIP_LIMIT", `afvist: ${e.name} fylder mere udpakket end filen angiver (mulig zip-bombe)`);
    throw corrupt(`${e.name} har forkert størrelse`);
  }
  if (zlib.crc32(out) >>> 0 !== e.crc32 >>> 0) throw corrupt(`${e.name} har forkert kontrolsum`);
  return out;
}

/** An entry's compressed bytes as they stand in the file (after extractEntry has checked them). */
export function rawEntryBody(read: ByteReader, e: ZipEntry): Buffer {
  const lh = read(e.localHeaderOffset, 30);
  return read(e.localHeaderOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28), e.compressedSize);
}

/**
 * A zip whose entries are stored, not compressed. ExcelJS unpacks with JSZip, which trusts the
 * data it is given: handing it entries we have already inflated and checked means it has
 * nothing left to inflate.
 */
export function buildStoredZip(files: { name: string; data: Buffer }[]): Buffer {
  return buildZip(files, false);
}

/**
 * A zip of the given parts, deflated or stored, with a fixed timestamp (1980-01-01) so the same
 * parts always give the same bytes: the example workbooks are checked in and should not change
 * when regenerated.
 */
export function buildZip(files: { name: string; data: Buffer }[], deflate: boolean): Buffer {
  return writeZip(files.map((f) => ({ name: f.name, data: f.data, deflate })));
}

/** An entry copied from another zip as it was stored there: its compressed bytes, method and CRC. */
export interface RawEntry {
  name: string;
  raw: { body: Buffer; method: number; crc32: number; uncompressedSize: number };
}

/**
 * A zip of new parts (deflated or stored) and parts copied compressed from the file they came
 * from, so an unchanged part keeps its bytes exactly (issue 13).
 */
export function writeZip(files: ({ name: string; data: Buffer; deflate: boolean } | RawEntry)[]): Buffer {
  // plain zip fields are 16/32 bits; the limits keep real workbooks far below both
  if (files.length > 0xffff) throw new Error("buildZip: for mange dele");
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, "utf8");
    const crc = "raw" in f ? f.raw.crc32 >>> 0 : zlib.crc32(f.data) >>> 0;
    const body = "raw" in f ? f.raw.body : f.deflate ? zlib.deflateRawSync(f.data, { level: 9 }) : f.data;
    const method = "raw" in f ? f.raw.method : f.deflate ? 8 : 0;
    const size = "raw" in f ? f.raw.uncompressedSize : f.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(SIG_LOCAL, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt16LE(0, 10);
    lh.writeUInt16LE(0x21, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(SIG_CENTRAL, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt16LE(0, 12);
    ch.writeUInt16LE(0x21, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    parts.push(lh, name, body);
    central.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  if (offset > 0xffffffff) throw new Error("buildZip: for stor");
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const eocd = Buffer.alloc(EOCD_MIN);
  eocd.writeUInt32LE(SIG_EOCD, 0);
  eocd.writeUInt16LE(files.length, 8);
  eocd.writeUInt16LE(files.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, eocd]);
}
