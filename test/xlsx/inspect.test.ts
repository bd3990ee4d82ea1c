import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FileRefusal, inspectFile, loadWorkbook } from "../../src/xlsx";
import { fakeOle2, makeZip, patchXlsx, simpleXlsx } from "./zipHelpers";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "beregn-inspect-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string, data: Buffer | string): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};

function refusal(fn: () => unknown): FileRefusal {
  try {
    fn();
  } catch (e) {
    if (e instanceof FileRefusal) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

const CHART_CT = (xml: string): string =>
  xml.replace(
    "</Types>",
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
  );

describe("inspectFile: what the file is", () => {
  test("a plain .xlsx passes with no unsupported parts", async () => {
    const p = file("ok.xlsx", await simpleXlsx());
    const i = inspectFile(p);
    expect(i.entries.map((e) => e.name)).toContain("xl/workbook.xml");
  });

  test("missing file, folder, empty file", () => {
    expect(refusal(() => inspectFile(path.join(dir, "nej.xlsx")))).toMatchObject({ code: "NOT_FOUND", message: "filen findes ikke" });
    expect(refusal(() => inspectFile(dir))).toMatchObject({ code: "NOT_A_FILE" });
    expect(refusal(() => inspectFile(file("tom.xlsx", "")))).toMatchObject({ code: "EMPTY", message: "filen er tom" });
  });

  test("legacy .xls (OLE2 without EncryptionInfo)", () => {
    const p = file("gammel.xls", fakeOle2(["Workbook", "\u0005SummaryInformation"]));
    expect(refusal(() => inspectFile(p))).toMatchObject({ code: "LEGACY_XLS", message: "gammelt .xls-format; gem som .xlsx" });
  });

  test("a real .xls, saved by LibreOffice as Excel 97", () => {
    const p = path.join(__dirname, "fixtures", "gammel-libreoffice.xls");
    expect(refusal(() => inspectFile(p))).toMatchObject({ code: "LEGACY_XLS", message: "gammelt .xls-format; gem som .xlsx" });
  });

  test("encrypted .xlsx (OLE2 naming EncryptionInfo in UTF-16LE)", () => {
    const p = file("krypteret.xlsx", fakeOle2(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]));
    expect(refusal(() => inspectFile(p))).toMatchObject({
      code: "ENCRYPTED",
      message: "filen er krypteret (adgangskode); fjern adgangskoden",
    });
  });

  test("not a zip: text, CSV, a truncated zip", async () => {
    expect(refusal(() => inspectFile(file("tekst.xlsx", "År;2025\nEffekt;-149\n")))).toMatchObject({
      code: "NOT_XLSX",
      message: "ikke en .xlsx-fil",
    });
    const good = await simpleXlsx();
    const cut = file("afkortet.xlsx", good.subarray(0, good.length - 200));
    expect(refusal(() => inspectFile(cut)).code).toMatch(/NOT_XLSX|CORRUPT/);
  });

  test("a zip that holds no workbook, a Word document, an .xlsb", () => {
    const z = makeZip([{ name: "hello.txt", data: Buffer.from("hej") }]);
    expect(refusal(() => inspectFile(file("zip.xlsx", z))).message).toMatch(/^ikke en \.xlsx-fil/);
    const docx = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "word/document.xml", data: Buffer.from("<w:document/>") },
    ]);
    expect(refusal(() => inspectFile(file("brev.xlsx", docx))).message).toBe("ikke en .xlsx-fil (et Word-dokument)");
    const xlsb = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.bin", data: Buffer.from([1, 2, 3]) },
    ]);
    expect(refusal(() => inspectFile(file("bin.xlsb", xlsb))).message).toBe("binært .xlsb-format; gem som .xlsx");
  });

  test("file larger than the limit is refused before reading it", async () => {
    const p = file("stor.xlsx", await simpleXlsx());
    expect(refusal(() => inspectFile(p, { maxFileBytes: 1000 }))).toMatchObject({ code: "TOO_LARGE" });
  });
});

describe("inspectFile: zip limits, without unpacking", () => {
  test("central directory claiming a huge uncompressed size is refused in well under a second", () => {
    // 4 GB claimed from a few bytes: the directory alone gives it away
    const bomb = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from("x"), claimUncompressed: 0xfffffff0 },
    ]);
    const p = file("bombe.xlsx", bomb);
    const t0 = process.hrtime.bigint();
    const r = refusal(() => inspectFile(p));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(r.code).toBe("ZIP_LIMIT");
    expect(r.message).toMatch(/^afvist: filen fylder over 200 MB udpakket \(mulig zip-bombe\)$/);
    expect(ms).toBeLessThan(1000);
  });

  test("sheets too large for ExcelJS's memory are refused before loading, inside every zip limit", () => {
    // 60 MB of sheet XML claimed at a plausible 6:1 ratio (10 MB compressed): within 200 MB and
    // 100:1, but ExcelJS would need ~1 GB of heap (limits.ts, maxSheetXmlBytes 40 MB)
    const big = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from("x"), claimUncompressed: 60 * 2 ** 20, claimCompressed: 10 * 2 ** 20 },
    ]);
    const r = refusal(() => inspectFile(file("store-ark.xlsx", big), { maxCompressionRatio: 1e9 }));
    expect(r.code).toBe("TOO_LARGE");
    expect(r.message).toBe("afvist: arkene fylder 60,0 MB udpakket; grænsen er 40,0 MB (så mange celler kan ikke indlæses i hukommelsen)");
  });

  test("compression ratio above the limit", () => {
    // 20 MB of zeros deflate to ~20 kB: ratio ~1000:1, under the size limit
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const z = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: zeros },
    ]);
    const r = refusal(() => inspectFile(file("ratio.xlsx", z)));
    expect(r.code).toBe("ZIP_LIMIT");
    expect(r.message).toMatch(/^afvist: filen er pakket \d+:1; grænsen er 100:1 \(mulig zip-bombe\)$/);
  });

  test("zip64: counts and sizes from the zip64 record are checked too", () => {
    // an EOCD saying "see zip64", a locator, and a zip64 record claiming 2^40 entries
    const z64 = Buffer.alloc(56);
    z64.writeUInt32LE(0x06064b50, 0);
    z64.writeBigUInt64LE(44n, 4);
    z64.writeBigUInt64LE(1n << 40n, 24);
    z64.writeBigUInt64LE(1n << 40n, 32);
    z64.writeBigUInt64LE(0n, 40);
    z64.writeBigUInt64LE(0n, 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(0n, 8);
    loc.writeUInt32LE(1, 16);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(0xffff, 8);
    eocd.writeUInt16LE(0xffff, 10);
    eocd.writeUInt32LE(0xffffffff, 12);
    eocd.writeUInt32LE(0xffffffff, 16);
    const p = file("zip64.xlsx", Buffer.concat([z64, loc, eocd]));
    expect(refusal(() => inspectFile(p)).message).toBe(`afvist: filen har ${2 ** 40} dele; grænsen er 10000`);
  });

  test("too many entries", () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `xl/x${i}.xml`, data: Buffer.from("<x/>") }));
    const z = makeZip(entries);
    expect(refusal(() => inspectFile(file("mange.xlsx", z), { maxEntries: 20 })).message).toBe("afvist: filen har 30 dele; grænsen er 20");
  });

  test("a directory that lies about the size is stopped while unpacking, at the claimed size", async () => {
    // claims 2 kB; really 30 MB: the inflater stops one byte past the claim
    const real = Buffer.alloc(30 * 1024 * 1024, 0x41);
    const z = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/sharedStrings.xml", data: real, claimUncompressed: 2048 },
    ]);
    const p = file("loegn.xlsx", z);
    const t0 = Date.now();
    await expect(loadWorkbook(p)).rejects.toMatchObject({
      code: "ZIP_LIMIT",
      message: "afvist: xl/sharedStrings.xml fylder mere udpakket end filen angiver (mulig zip-bombe)",
    });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
