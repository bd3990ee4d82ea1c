/**
 * OLE2 compound files (magic D0 CF 11 E0 A1 B1 1A E1) are two different things to a user: a
 * legacy .xls workbook, or a .xlsx encrypted with a password (Office wraps the encrypted package
 * in an OLE2 file with streams "EncryptionInfo" and "EncryptedPackage"). The stream names sit in
 * the OLE directory as UTF-16LE; looking for that name is enough to tell the two apart.
 */
import * as fs from "node:fs";

export const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");
const CHUNK = 1024 * 1024;

export function isOle2(head: Buffer): boolean {
  return head.length >= 8 && head.subarray(0, 8).equals(OLE2_MAGIC);
}

/**
 * Whether the OLE2 file names an "EncryptionInfo" stream. Scans at most `maxBytes` from the
 * start and the last chunk (where a writer may have put the directory), in fixed-size chunks,
 * so time and memory stay bounded whatever the file's size.
 */
export function oleHasEncryptionInfo(fd: number, fileSize: number, maxBytes: number): boolean {
  const buf = Buffer.alloc(CHUNK + ENCRYPTION_INFO.length);
  const overlap = ENCRYPTION_INFO.length - 1;
  const scan = (from: number, to: number): boolean => {
    for (let pos = from; pos < to; pos += CHUNK) {
      const len = Math.min(CHUNK + overlap, fileSize - pos);
      const n = fs.readSync(fd, buf, 0, len, pos);
      if (buf.subarray(0, n).includes(ENCRYPTION_INFO)) return true;
    }
    return false;
  };
  const headEnd = Math.min(fileSize, maxBytes);
  if (scan(0, headEnd)) return true;
  return headEnd < fileSize && scan(Math.max(headEnd, fileSize - CHUNK), fileSize);
}
