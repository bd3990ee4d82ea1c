/**
 * A cell's text quoted inside a finding or message (issue 13): a finding names the cell and shows
 * what it holds, but a label may be up to Excel's 32.767 characters, and Kontrol, the pane and the
 * CLI show a message on one or two lines. Longer texts are cut with "…".
 */
// 120: the longest label or title in the documents' cases is 101 characters, and a quote should
// show the whole label a user recognises; a 32.767-character cell is what gets cut
export const QUOTE_LENGTH = 120;

/** Excel's limit on the characters in a cell ("Excel specifications and limits": 32.767). */
export const MAX_CELL_TEXT = 32_767;

/** A text cut to what one Excel cell holds, never splitting a surrogate pair. */
export function cellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let cut = text.slice(0, MAX_CELL_TEXT);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/** The text as a finding quotes it (without the quotation marks): at most QUOTE_LENGTH characters, the last "…" when cut. */
export function quoteText(text: string, max: number = QUOTE_LENGTH): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // never split a surrogate pair (an emoji in a label)
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
