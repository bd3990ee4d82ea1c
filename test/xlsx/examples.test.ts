import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { resultToJson } from "../../src/engine";
import { validateWorkbook } from "../../src/workbook";
import { loadWorkbook } from "../../src/xlsx";
import { EXAMPLES, writeExamples } from "../../scripts/examples/examples";

const ROOT = path.resolve(__dirname, "..", "..");
const CASES = path.join(ROOT, "test", "fixtures", "cases");
const EX = path.join(ROOT, "examples");

interface Expected {
  totals: Record<string, unknown>;
  payback: unknown;
  kvantum?: unknown;
  committees?: unknown;
}

test("the checked-in examples are what the generator makes (regenerate: npm run build:cli && node scripts/examples/make-examples.js)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beregn-examples-"));
  try {
    const files = await writeExamples(dir, CASES);
    for (const f of files) {
      const checkedIn = path.join(EX, path.basename(f));
      expect({ file: path.basename(f), exists: fs.existsSync(checkedIn) }).toEqual({ file: path.basename(f), exists: true });
      expect({ file: path.basename(f), same: fs.readFileSync(f).equals(fs.readFileSync(checkedIn)) }).toEqual({
        file: path.basename(f),
        same: true,
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("examples/README.md lists every example", () => {
  const readme = fs.readFileSync(path.join(EX, "README.md"), "utf8");
  for (const e of EXAMPLES) expect(readme).toContain(e.file);
});

describe.each(EXAMPLES.map((e) => [e.file, e] as const))("%s read from .xlsx and computed", (_file, spec) => {
  test("gives the case's expected totals, payback, Kvantum and 2.1.1", async () => {
    const c = JSON.parse(fs.readFileSync(path.join(CASES, `${spec.id}.json`), "utf8")) as { expected: Expected };
    const { grids } = await loadWorkbook(path.join(EX, spec.file));
    const { reading, results } = validateWorkbook(grids);
    expect(reading.proposals).toHaveLength(1);
    expect(results).toHaveLength(1);
    const got = resultToJson(results[0]!) as unknown as {
      totals: Record<string, unknown>;
      payback: { service: { years: number; breakEvenYear: number } | null; total: { years: number; breakEvenYear: number } | null };
      kvantum: Record<string, unknown> | null;
      committees: unknown;
    };
    for (const k of Object.keys(c.expected.totals)) expect({ [k]: got.totals[k] }).toEqual({ [k]: c.expected.totals[k] });
    const pb = (p: { years: number; breakEvenYear: number } | null) => (p ? { years: p.years, breakEvenYear: p.breakEvenYear } : null);
    expect({ service: pb(got.payback.service), total: pb(got.payback.total) }).toEqual(c.expected.payback);
    if (got.kvantum) delete got.kvantum.otherAreas;
    expect(got.kvantum).toEqual("kvantum" in c.expected ? c.expected.kvantum : null);
    expect(got.committees).toEqual("committees" in c.expected ? c.expected.committees : null);
  });
});
