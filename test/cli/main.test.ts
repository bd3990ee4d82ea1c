/** In-process tests of the thin host: argument parsing, top-level error handling, the summary. */
import * as fs from "node:fs";
import * as path from "node:path";
import { calculate, parseProposal } from "../../src/engine";
import { parseCommand } from "../../src/cli/args";
import { main } from "../../src/cli/main";
import { formatSummary } from "../../src/cli/summary";
import type { Output } from "../../src/cli/io";

jest.mock("../../src/cli/commands/skabelon", () => ({
  runSkabelon: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at somewhere.js:1:1");
  },
}));

function capture(): Output & { outs: string[]; errs: string[] } {
  const outs: string[] = [];
  const errs: string[] = [];
  return { outs, errs, out: (l) => outs.push(l), err: (l) => errs.push(l) };
}

test("an unexpected error is one line, 'intern fejl', exit 3, no stack", async () => {
  const io = capture();
  expect(await main(["skabelon", "x.xlsx"], io)).toBe(3);
  expect(io.errs).toEqual(["fejl: intern fejl: Cannot read properties of undefined (reading 'x')"]);
  expect(io.outs).toEqual([]);
});

describe("parseCommand", () => {
  test("commands and options", () => {
    expect(parseCommand(["a.xlsx"])).toMatchObject({ kind: "beregn", file: "a.xlsx", options: { inPlace: false } });
    expect(parseCommand(["a.xlsx", "-o", "b.xlsx", "--forslag", "2"])).toMatchObject({
      kind: "beregn",
      options: { output: "b.xlsx", forslag: 2 },
    });
    expect(parseCommand(["valider", "a.xlsx", "mappe"])).toMatchObject({ kind: "valider", paths: ["a.xlsx", "mappe"] });
    expect(parseCommand(["json", "c.json", "--json", "r.json"])).toMatchObject({
      kind: "json",
      file: "c.json",
      options: { json: "r.json" },
    });
    expect(parseCommand([])).toEqual({ kind: "help" });
    expect(parseCommand(["-v"])).toEqual({ kind: "version" });
  });
  test.each([
    [["a.xlsx", "--forslag", "0"], '--forslag skal være et helt tal fra 1 (fik "0")'],
    [["a.xlsx", "b.xlsx"], "beregn tager én projektmappe ad gangen (fik 2); brug beregn valider til flere"],
    [["valider"], "beregn valider skal have mindst én fil eller mappe; se beregn --help"],
    [
      ["valider", "a.xlsx", "-o", "b.xlsx"],
      "beregn valider skriver ikke i projektmapper: -o, --in-place og --forslag hører til beregn <fil>",
    ],
    [["json", "a.json", "b.json"], "beregn json skal have netop én JSON-fil; se beregn --help"],
    [["a.xlsx", "-o"], "tilvalget -o, --ud mangler en værdi; se beregn --help"],
  ])("%j → %s", (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(message);
  });
});

test("formatSummary: 2025-BC01", () => {
  const c = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "cases", "2025-BC01.json"), "utf8"));
  const { proposal, findings } = parseProposal(c);
  const result = calculate(proposal, findings);
  const lines = formatSummary({ template: "kk-2025", sheet: "Forslag", result, findings: result.findings });
  expect(lines.slice(0, 7)).toEqual([
    'Forslag: Samlet ferieløsning i Serviceportalen (ark "Forslag")',
    "Skabelon: kk-2025 · år 2024–2029 · 2025 p/l",
    "Tilbagebetalingstid: service 4 år (2028), total 4 år (2028) (diskonteret med 2 %)",
    "Samlet økonomisk påvirkning (t.kr.):",
    "  2024   2025   2026    2027    2028    2029",
    "     0  1.703  1.106  -1.474  -1.474  -1.474",
    `Fund: 0 fejl, 0 advarsler, ${result.findings.length} info`,
  ]);
  expect(lines.length).toBe(7 + Math.min(5, result.findings.length) + (result.findings.length > 5 ? 1 : 0));
});
