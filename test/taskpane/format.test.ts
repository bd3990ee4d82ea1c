/** The pane's Danish display of amounts and findings. */
import Decimal from "decimal.js";
import type { Finding } from "../../src/engine/model";
import { findingsHeading, formatPercent, formatTkr, groupFindings, templateLabel, yearSpan } from "../../src/taskpane/format";

test("t.kr. with Danish thousands separators, zero as '-', rounded half away from zero", () => {
  expect(formatTkr(new Decimal("-1860"))).toBe("-1.860");
  expect(formatTkr(new Decimal("4125"))).toBe("4.125");
  expect(formatTkr(new Decimal("1234567.5"))).toBe("1.234.568");
  expect(formatTkr(new Decimal("-0.4"))).toBe("-");
  expect(formatTkr(new Decimal("0"))).toBe("-");
  expect(formatTkr(new Decimal("-2.5"))).toBe("-3");
  // no binary floating point on the way: 0.1 + 0.2 style sums stay exact
  expect(formatTkr(new Decimal("0.1").plus("0.2").times(10))).toBe("3");
});

test("percent, years, template", () => {
  expect(formatPercent(new Decimal("0.02"))).toBe("2 %");
  expect(formatPercent(new Decimal("0.025"))).toBe("2,5 %");
  expect(yearSpan([2024, 2025, 2026])).toBe("2024–2026");
  expect(yearSpan([2024, 2026])).toBe("2024, 2026");
  expect(templateLabel("kk-2018")).toBe("Skabelon 2018");
});

test("findings grouped errors first, with Danish counts", () => {
  const f = (severity: Finding["severity"]): Finding => ({ code: "SIGN", severity, message: "", location: "" });
  const list = [f("info"), f("error"), f("warning"), f("error"), f("info")];
  expect(groupFindings(list).map((g) => [g.severity, g.items.length])).toEqual([
    ["error", 2],
    ["warning", 1],
    ["info", 2],
  ]);
  expect(findingsHeading(list)).toBe("Fund (2 fejl · 1 advarsel · 2 info)");
  expect(findingsHeading([])).toBe("Fund (0 fejl · 0 advarsler · 0 info)");
});
