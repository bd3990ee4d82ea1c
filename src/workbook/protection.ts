/**
 * One wording for a protected sheet Beregn must write into (issue 13): the pane (src/excel) and
 * the CLI (src/xlsx) refuse with the same Danish sentence, naming the sheets, before anything is
 * written.
 */
export function protectedSheetsMessage(sheets: string[]): string {
  const names = sheets.map((s) => `»${s}«`).join(", ");
  return sheets.length === 1
    ? `Arket ${names} er beskyttet, så Beregn kan ikke skrive i det. Fjern beskyttelsen (Gennemse › Fjern arkbeskyttelse), og prøv igen. Intet er ændret.`
    : `Arkene ${names} er beskyttet, så Beregn kan ikke skrive i dem. Fjern beskyttelsen (Gennemse › Fjern arkbeskyttelse), og prøv igen. Intet er ændret.`;
}
