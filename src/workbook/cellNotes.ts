/**
 * Notes at the cells of each advarsel and fejl (issue 10): the warning where staff already look,
 * in the user's own sheets. A note annotates; it never changes the cell's value, formula or
 * format. The note a cell held before is kept (Beregn's text follows it) and recorded in
 * "_beregn", so Fortryd and a later Beregn put it back exactly.
 */
import type { Finding } from "../engine/model";
import type { NoteUndo } from "./beregnSheet";
import { a1, findGrid, parseRange, splitLocation } from "./grid";
import { SEVERITY_WORD } from "./kontrol";
import type { Grid, NoteWrite } from "./types";

const MARK = "Beregn";

/** The first cell of a finding's location, when it is a cell of a sheet that exists. */
function firstCell(location: string): { sheet: string; address: string } | undefined {
  const at = splitLocation(location.split(/[,;]\s*/)[0].trim());
  if (!at) return undefined;
  const { r1, c1 } = parseRange(at.address.replace(/\$/g, ""));
  return { sheet: at.sheet, address: a1(r1, c1) };
}

/** Beregn's text for one cell: "Beregn – Advarsel: …"; a finding the write resolved says so. */
function noteText(findings: { f: Finding; resolved: boolean }[]): string {
  return findings
    .map(({ f, resolved }) => `${MARK} – ${SEVERITY_WORD[f.severity]}${resolved ? " (før Beregn; rettet af Beregn)" : ""}: ${f.message}`)
    .join("\n\n");
}

/** The note a cell holds now; undefined when the host does not read notes. */
function noteNow(grids: Grid[], sheet: string, address: string): string | null | undefined {
  const g = findGrid(grids, sheet);
  if (!g?.notes) return undefined;
  return g.notes[address] ?? null;
}

/**
 * The notes to write and their undo data. `after`: findings that still hold; `resolved`: findings
 * of the workbook before Beregn that the write resolved. Only cells of `userSheets`. Beregn's
 * notes of the last run that are not wanted now are put back to what the cell had before.
 */
export function planNotes(
  grids: Grid[],
  after: Finding[],
  resolved: Finding[],
  userSheets: Set<string>,
  prior: NoteUndo[],
  enabled: boolean,
): { writes: NoteWrite[]; undo: NoteUndo[] } {
  const wanted = new Map<string, { sheet: string; address: string; findings: { f: Finding; resolved: boolean }[] }>();
  const add = (f: Finding, isResolved: boolean) => {
    if (f.severity === "info") return;
    const at = firstCell(f.location);
    const g = at && findGrid(grids, at.sheet);
    if (!at || !g || !userSheets.has(g.name.toLowerCase())) return;
    const key = `${g.name}!${at.address}`;
    const w = wanted.get(key) ?? { sheet: g.name, address: at.address, findings: [] };
    if (!w.findings.some((x) => x.f.code === f.code && x.f.message === f.message)) w.findings.push({ f, resolved: isResolved });
    wanted.set(key, w);
  };
  if (enabled) {
    for (const f of after) add(f, false);
    for (const f of resolved) add(f, true);
  }
  const priorAt = new Map(prior.map((n) => [`${n.sheet}!${n.address}`, n]));
  const writes: NoteWrite[] = [];
  const undo: NoteUndo[] = [];
  for (const [key, w] of wanted) {
    const p = priorAt.get(key);
    const now = noteNow(grids, w.sheet, w.address);
    // the user's own note stays first; Beregn's last note is replaced, not stacked
    const base = p && (now === undefined || now === p.after) ? p.before : (now ?? null);
    const mine = noteText(w.findings);
    const text = base ? `${base}\n\n${mine}` : mine;
    writes.push({ sheet: w.sheet, address: w.address, text });
    undo.push({ sheet: w.sheet, address: w.address, before: base, after: text });
  }
  for (const [key, p] of priorAt) {
    if (wanted.has(key) || !findGrid(grids, p.sheet)) continue;
    const now = noteNow(grids, p.sheet, p.address);
    // edited by the user since: theirs now, left alone
    if (now === undefined || now === p.after) writes.push({ sheet: p.sheet, address: p.address, text: p.before });
  }
  undo.sort((x, y) => x.sheet.localeCompare(y.sheet) || x.address.localeCompare(y.address, "en", { numeric: true }));
  return { writes, undo };
}
