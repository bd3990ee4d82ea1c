/**
 * One wording for a protected sheet (issue 13): the pane's refusal (src/excel) and the CLI's
 * (src/xlsx: test/cli/beregn.test.ts "a protected proposal sheet is refused", test/xlsx/load.test.ts)
 * are one sentence.
 */
import { protectedSheetError } from "../../src/excel/errors";
import { protectedSheetsMessage } from "../../src/workbook/protection";

test("one sheet and several, in plain Danish", () => {
  expect(protectedSheetsMessage(["Forslag"])).toBe(
    "Arket »Forslag« er beskyttet, så Beregn kan ikke skrive i det. Fjern beskyttelsen (Gennemse › Fjern arkbeskyttelse), og prøv igen. Intet er ændret.",
  );
  expect(protectedSheetsMessage(["Forslag", "Kvantum"])).toBe(
    "Arkene »Forslag«, »Kvantum« er beskyttet, så Beregn kan ikke skrive i dem. Fjern beskyttelsen (Gennemse › Fjern arkbeskyttelse), og prøv igen. Intet er ændret.",
  );
});

test("the pane's refusal is the same sentence", () => {
  expect(protectedSheetError("Forslag").message).toBe(protectedSheetsMessage(["Forslag"]));
  expect(protectedSheetError("Forslag").kind).toBe("protected");
});
