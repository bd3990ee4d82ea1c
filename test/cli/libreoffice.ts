/**
 * LibreOffice headless as an independent spreadsheet engine: convert a workbook to .xlsx with a
 * private profile set to recalculate on load (TOOLCHAIN.md: by default it exports the cached
 * values, which our formulas do not have), then read the results it computed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficePath(): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

/** Convert `file` into `outDir` with recalculation; returns the converted file's path. */
export function recalcWithLibreOffice(soffice: string, file: string, outDir: string): string {
  const profile = path.join(outDir, "lo-profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), XCU);
  const conv = path.join(outDir, "recalc");
  fs.mkdirSync(conv, { recursive: true });
  const r = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", conv, file],
    { encoding: "utf8", timeout: 200_000 },
  );
  const out = path.join(conv, path.basename(file));
  if (r.status !== 0 || !fs.existsSync(out))
    throw new Error(`LibreOffice failed (status ${r.status}, signal ${r.signal}, ${r.error?.message ?? ""}): ${r.stderr || r.stdout}`);
  return out;
}
