/** The document cases copied from ../shared/cases into test/fixtures/cases (never read from ../shared). */
import * as fs from "node:fs";
import * as path from "node:path";

export const CASES_DIR = path.join(__dirname, "..", "fixtures", "cases");

export interface CaseFile {
  id: string;
  expected: {
    totals: Record<string, unknown>;
    payback: Record<string, { years: number | null; breakEvenYear: number | null } | null>;
    kvantum?: Record<string, Record<string, Record<string, number>>> | null;
    committees?: Record<string, Record<string, number>> | null;
    findings: { code: string; severity: string; about?: string }[];
  };
  [k: string]: unknown;
}

export function caseNames(): string[] {
  return fs
    .readdirSync(CASES_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}

export function loadCase(name: string): CaseFile {
  return JSON.parse(fs.readFileSync(path.join(CASES_DIR, `${name}.json`), "utf8")) as CaseFile;
}
