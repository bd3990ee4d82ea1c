import * as fs from "node:fs";
import * as path from "node:path";

/** The package's version, read at run time: lib/cli and src/cli both sit two levels down. */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
