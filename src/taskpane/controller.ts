/**
 * The task pane's actions and state, with every Office call in here and none in the components
 * (DESIGN.md: the hosts translate, the layer decides, the UI presents). Each action is one
 * Excel.run: read (≤ 3 syncs; more only for a sheet over 5 MB, read in chunks), compute, write (1 sync).
 */
import type { Finding, ProfileName, Result } from "../engine";
import type { SettingsInput } from "../engine/settings";
import { applyPlan, getSelectedCell, HostError, parseLocation, readGrids, selectCell, type ReadOptions } from "../excel";
import type { Explanation, FoundProposal, WorkbookReading } from "../workbook/api";
import type { Grid, WritePlan } from "../workbook/types";
import type { WorkbookBackend } from "./backend";
import { cellAddress, parseCell } from "../excel/address";
import { inversePlan, optionalColumnsPlan, templatePlan } from "./plans";

/** Excel.run, or the fake's run in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type Busy =
  "læser" | "beregner" | "validerer" | "kvantum" | "fortryder" | "forklarer" | "indsætter" | "gemmer" | "går til celle" | "retter";

/** What the last action did, and how to undo it. */
export interface Outcome {
  intent: "success" | "info" | "warning";
  title: string;
  /** PlanOutcome.summary or the pane's own words. */
  text: string;
  undo?: "beregn" | WritePlan;
}

export interface PaneState {
  busy?: Busy;
  /** True until the first read of the workbook is done. */
  starting: boolean;
  reading?: WorkbookReading;
  selected: number;
  /** The result shown: from the last Beregn or Valider of the selected proposal. */
  result?: Result;
  findings: Finding[];
  /** After Beregn: the findings of the workbook before that the write resolved ("Rettet af Beregn"). */
  resolved?: Finding[];
  findingsSource?: "Beregn" | "Valider" | "Kvantum-tabeller";
  outcome?: Outcome;
  error?: string;
  explanation?: { cell: string; explanation?: Explanation; none?: string };
  /** The user's overrides in this session; the workbook's own (from "_beregn") are in reading. */
  settings: PaneSettings;
  settingsSaved?: "projektmappe" | "session";
  /**
   * Tabel 1's input numbers typed as text in the workbook as last read: how many, and what
   * converting them changes (the pane's confirmation). Absent when there are none.
   */
  textNumbers?: { count: number; question: string };
}

/** Settings the pane offers: the engine's (SPEC §9) and the profile, when the user overrides it. */
export type PaneSettings = SettingsInput & { profile?: ProfileName };

/** What a computation uses: the workbook's saved settings, then the session's overrides. */
export function effectiveSettings(state: Pick<PaneState, "reading" | "settings">): PaneSettings {
  return { ...(state.reading?.settings ?? {}), ...state.settings };
}

export interface ControllerDeps {
  run: ExcelRun;
  backend: WorkbookBackend;
  version?: string;
  readOptions?: ReadOptions;
  now?: () => Date;
}

const NO_PROPOSAL =
  "Projektmappen indeholder ikke et forslag, Beregn kan genkende: der er ingen Tabel 1 med årstal og blokkene »Varige ændringer« og »Implementeringsomkostninger«. Brug »Indsæt skabelon« for at begynde på et nyt.";

export class PaneController {
  private state: PaneState = { starting: true, selected: 0, findings: [], settings: {} };
  private listeners = new Set<() => void>();
  /** Grids of the last read, for actions that only need recognition (picker, settings). */
  private grids: Grid[] = [];

  constructor(private readonly deps: ControllerDeps) {}

  // ---- store (useSyncExternalStore) -------------------------------------------------------

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Runs an action with the progress bar on; any error becomes the Danish message shown. */
  private async act<T>(busy: Busy, action: () => Promise<T>): Promise<T | undefined> {
    if (this.state.busy) return undefined; // one action at a time: Excel batches must not interleave
    this.set({ busy, error: undefined });
    try {
      return await action();
    } catch (err) {
      this.set({ error: messageOf(err) });
      return undefined;
    } finally {
      this.set({ busy: undefined, starting: false });
    }
  }

  private read(context: Excel.RequestContext): Promise<Grid[]> {
    return readGrids(context, this.deps.readOptions);
  }

  private recognise(grids: Grid[], reading: WorkbookReading): void {
    this.grids = grids;
    const selected = this.state.selected < reading.proposals.length ? this.state.selected : 0;
    this.set({ reading, selected, textNumbers: this.textNumbers(grids, reading) });
  }

  /** "Ret tal skrevet som tekst" is offered while the workbook has such numbers. */
  private textNumbers(grids: Grid[], reading: WorkbookReading): PaneState["textNumbers"] {
    const { textNumbersOf, fixTextNumbersQuestion } = this.deps.backend;
    const cells = textNumbersOf?.(reading, grids) ?? [];
    if (cells.length === 0 || !fixTextNumbersQuestion) return undefined;
    return { count: cells.length, question: fixTextNumbersQuestion(cells) };
  }

  /** computeFound with the effective settings; a profile override replaces the recognised one. */
  private compute(found: FoundProposal) {
    const { profile, ...settings } = effectiveSettings(this.state);
    const input = profile ? { ...found, input: { ...found.input, profile } } : found;
    return this.deps.backend.computeFound(input, settings);
  }

  // ---- actions --------------------------------------------------------------------------

  /** Reads the workbook and says what was recognised; writes nothing. */
  start = (): Promise<void> =>
    this.act("læser", async () => {
      const grids = await this.deps.run((ctx) => this.read(ctx));
      const reading = this.deps.backend.readWorkbook(grids);
      this.recognise(grids, reading);
      if (reading.proposals.length === 0)
        this.set({ findings: reading.findings, outcome: { intent: "info", title: "Intet forslag fundet", text: NO_PROPOSAL } });
    }).then(() => undefined);

  selectProposal = (index: number): void => {
    if (index === this.state.selected) return;
    this.set({ selected: index, result: undefined, findings: [], findingsSource: undefined, explanation: undefined });
  };

  /** Beregn (mode "beregn") or Kvantum-tabeller (mode "kvantum"): read, compute, write. */
  beregn = (mode: "beregn" | "kvantum" = "beregn"): Promise<void> =>
    this.act(mode === "beregn" ? "beregner" : "kvantum", async () => {
      const { backend } = this.deps;
      const done = await this.deps.run(async (ctx) => {
        const grids = await this.read(ctx);
        const reading = backend.readWorkbook(grids);
        this.recognise(grids, reading);
        if (reading.proposals.length === 0) return undefined;
        const index = this.state.selected;
        const result = this.compute(reading.proposals[index]);
        const outcome = backend.planBeregn(grids, reading, index, result, {
          mode,
          now: this.deps.now?.() ?? new Date(),
          version: this.deps.version,
        });
        const applied = await applyPlan(ctx, outcome.plan, grids);
        // an Excel without the notes API (ExcelApi 1.18): Kontrol and the status line carry the warnings
        if (applied?.notesUnsupported) outcome.summary += ". Denne Excel kan ikke sætte noter i cellerne; advarslerne står i arket Kontrol";
        // the pane shows the workbook as written (issue 10): its findings, and a reading in which
        // the tables Beregn made exist, so Forklar works at once
        const written = backend.applyPlanToGrids?.(grids, outcome.plan);
        if (!written) return { reading, result, outcome, after: undefined, index };
        const { profile: _profile, ...settings } = this.state.settings;
        void _profile;
        const after = backend.validateWorkbook(written, settings);
        return { reading, result, outcome, after, index };
      });
      if (!done) {
        this.set({ result: undefined, findings: this.state.reading?.findings ?? [], outcome: undefined, error: NO_PROPOSAL });
        return;
      }
      const key = (f: Finding) => `${f.code}|${f.location}|${f.message}`;
      const sheet = done.reading.proposals[done.index].sheet;
      const findingsSource = mode === "beregn" ? "Beregn" : "Kvantum-tabeller";
      const outcome = {
        intent: "success" as const,
        title: mode === "beregn" ? "Beregnet" : "Kvantum-tabeller skrevet",
        text: done.outcome.cellsWritten === 0 ? "Intet at ændre: tabellerne var allerede rigtige." : done.outcome.summary,
        undo: done.outcome.cellsWritten > 0 ? ("beregn" as const) : undefined,
      };
      if (!done.after) {
        this.set({
          result: done.result,
          findings: [...done.reading.findings, ...done.result.findings],
          findingsSource,
          explanation: undefined,
          outcome,
        });
        return;
      }
      const after = done.after;
      const mine = (f: Finding) =>
        !after.reading.proposals.some(
          (p) => p.sheet !== sheet && (f.location.startsWith(`${p.sheet}!`) || f.location.startsWith(`'${p.sheet}'!`)),
        );
      const findings = after.findings.filter(mine);
      const holds = new Set(findings.map(key));
      const before = [...done.reading.findings, ...done.result.findings];
      const resolved = before.filter((f, i) => !holds.has(key(f)) && before.findIndex((g) => key(g) === key(f)) === i);
      const afterIndex = after.reading.proposals.findIndex((p) => p.sheet === sheet);
      if (afterIndex >= 0) this.set({ reading: after.reading });
      this.set({
        result: (afterIndex >= 0 ? after.results[afterIndex] : undefined) ?? done.result,
        findings,
        resolved,
        findingsSource,
        explanation: undefined,
        outcome,
      });
    }).then(() => undefined);

  /** Valider: reads and checks; writes nothing. */
  validate = (): Promise<void> =>
    this.act("validerer", async () => {
      const grids = await this.deps.run((ctx) => this.read(ctx));
      // the same settings Beregn would use (the profile override applies to Beregn only)
      const { profile: _profile, ...settings } = this.state.settings;
      void _profile;
      const v = this.deps.backend.validateWorkbook(grids, settings);
      this.recognise(grids, v.reading);
      if (v.reading.proposals.length === 0) {
        this.set({ result: undefined, findings: v.findings, error: NO_PROPOSAL });
        return;
      }
      const result = v.results[this.state.selected];
      const sheet = v.reading.proposals[this.state.selected].sheet;
      // workbook-level findings, and those of the shown proposal (the workbook may hold several)
      const others = v.reading.proposals.map((p) => p.sheet).filter((s) => s !== sheet);
      const findings = v.findings.filter((f) => !others.some((s) => f.location.startsWith(s + "!") || f.location.startsWith(`'${s}'!`)));
      const errors = findings.filter((f) => f.severity === "error").length;
      this.set({
        result,
        findings,
        findingsSource: "Valider",
        resolved: undefined,
        explanation: undefined,
        outcome: {
          intent: errors > 0 ? "warning" : "info",
          title: "Valideret",
          text: `Intet er ændret. ${findings.length === 0 ? "Ingen fund." : `${findings.length} fund, heraf ${errors} fejl.`}`,
        },
      });
    }).then(() => undefined);

  /** "Gå til celle": selects the first cell of a finding's location. */
  goTo = (location: string): Promise<void> =>
    this.act("går til celle", async () => {
      const target = parseLocation(location);
      if (!target) throw new HostError("general", `Fundet peger ikke på en celle (»${location}«).`);
      await this.deps.run((ctx) => selectCell(ctx, target.sheet, target.address));
    }).then(() => undefined);

  /** "Forklar markeret celle": what makes up the selected cell of a generated table. */
  explain = (): Promise<void> =>
    this.act("forklarer", async () => {
      const { backend } = this.deps;
      const got = await this.deps.run(async (ctx) => {
        const cell = await getSelectedCell(ctx);
        let { reading, result } = this.state;
        if (!reading || !result) {
          // nothing computed yet in this session: read and compute first (nothing is written)
          const grids = await this.read(ctx);
          reading = backend.readWorkbook(grids);
          this.recognise(grids, reading);
          const found = reading.proposals[this.state.selected];
          result = found ? this.compute(found) : undefined;
          if (result) this.set({ result });
        }
        return { cell, reading, result };
      });
      const where = `${got.cell.sheet}!${got.cell.address}`;
      if (!got.reading || !got.result) {
        this.set({ explanation: { cell: where, none: NO_PROPOSAL } });
        return;
      }
      const explanation = backend.explainCell(got.reading, got.result, got.cell.sheet, got.cell.address);
      this.set({
        explanation: explanation
          ? { cell: where, explanation }
          : {
              cell: where,
              none: `${where} er ikke en celle i en tabel, Beregn har lavet (Tabel 2.1.1 eller A–E). Markér en sådan celle, og prøv igen.`,
            },
      });
    }).then(() => undefined);

  /**
   * Fortryd: "last" undoes what the status bar reports (the pane's own insert, or a Beregn);
   * "beregn" is always the last Beregn, from its record in "_beregn" (Office.js has no undo).
   */
  undo = (which: "last" | "beregn" = "last"): Promise<void> =>
    this.act("fortryder", async () => {
      const last = which === "last" ? this.state.outcome?.undo : "beregn";
      if (last && last !== "beregn") {
        await this.deps.run(async (ctx) => {
          const grids = await this.read(ctx);
          await applyPlan(ctx, last, grids);
        });
        this.set({ outcome: { intent: "info", title: "Fortrudt", text: "Indsættelsen er fortrudt." } });
        return;
      }
      const res = await this.deps.run(async (ctx) => {
        const grids = await this.read(ctx);
        const computed = !!this.deps.backend.readWorkbook(grids).stamp;
        const undo = this.deps.backend.planUndo(grids);
        if ("refused" in undo) return undo;
        await applyPlan(ctx, undo.plan, grids);
        // the workbook as Fortryd leaves it: no stamp, so no "Sidst beregnet"
        const restored = this.deps.backend.applyPlanToGrids?.(grids, undo.plan);
        if (restored) this.recognise(restored, this.deps.backend.readWorkbook(restored));
        return { restored: undo.cellsRestored ?? countCells(undo.plan), computed, notice: undo.notice };
      });
      if ("refused" in res) {
        this.set({ outcome: { intent: "warning", title: "Kan ikke fortryde", text: res.refused } });
        return;
      }
      this.set({
        result: undefined,
        findings: [],
        resolved: undefined,
        findingsSource: undefined,
        explanation: undefined,
        outcome: {
          intent: "info",
          title: "Fortrudt",
          // without a stamp no Beregn ran: what is undone is the pane's own change (Ret tal, an insert)
          // (the title already says "Fortrudt": the text does not repeat it)
          text: `${res.computed ? "Sidste Beregn er fortrudt: " : ""}${res.restored} ${res.restored === 1 ? "celle" : "celler"} gendannet.${res.notice ? ` ${res.notice}` : ""}`,
        },
      });
    }).then(() => undefined);

  /** "Indsæt skabelon": the template on new sheets. */
  insertTemplate = (): Promise<void> =>
    this.act("indsætter", async () => {
      const templates = this.deps.backend.templateGrids();
      const made = await this.deps.run(async (ctx) => {
        const grids = await this.read(ctx);
        const { plan, sheets } = templatePlan(
          templates,
          grids.map((g) => g.name),
        );
        await applyPlan(ctx, plan, grids);
        const first = sheets.find((s) => plan.sheets.find((p) => p.name === s)?.visibility === "visible");
        if (first) await selectCell(ctx, first, "A1");
        return sheets;
      });
      this.set({
        outcome: {
          intent: "success",
          title: "Skabelon indsat",
          text: `Skabelonen er indsat på ${made.length === 1 ? "arket" : "arkene"} ${made.map((s) => `»${s}«`).join(", ")}.`,
          undo: { sheets: [], writes: [], deleteSheets: made },
        },
      });
      await this.refreshQuietly();
    }).then(() => undefined);

  /** "Indsæt kolonner": Type, Bevilling, Nøgle, Adm. headers right of Tabel 1. */
  insertColumns = (): Promise<void> =>
    this.act("indsætter", async () => {
      const { backend } = this.deps;
      type Done = { refused: string } | { summary: string; undo: WritePlan };
      const res = await this.deps.run(async (ctx): Promise<Done> => {
        const grids = await this.read(ctx);
        const reading = backend.readWorkbook(grids);
        this.recognise(grids, reading);
        const found = reading.proposals[this.state.selected];
        if (!found) return { refused: NO_PROPOSAL };
        if (backend.planOptionalColumns) {
          const o = backend.planOptionalColumns(grids, reading, this.state.selected);
          await applyPlan(ctx, o.plan, grids);
          return { summary: o.summary, undo: inversePlan(grids, o.plan) };
        }
        const p = optionalColumnsPlan(grids, found);
        if ("refused" in p) return p;
        await applyPlan(ctx, p.plan, grids);
        return { summary: p.summary, undo: inversePlan(grids, p.plan) };
      });
      if ("refused" in res) {
        this.set({ outcome: { intent: "info", title: "Ingen kolonner indsat", text: res.refused } });
        return;
      }
      this.set({
        outcome: { intent: "success", title: "Kolonner indsat", text: res.summary, undo: res.undo },
      });
    }).then(() => undefined);

  /**
   * Settings: used from now on. Beregn writes the settings it used into "_beregn"; where the
   * layer offers planSettings they are saved at once.
   */
  saveSettings = (settings: PaneSettings): Promise<void> =>
    this.act("gemmer", async () => {
      // an earlier "Indstillinger gemt" must not stand beside this attempt's error
      this.set({ settingsSaved: undefined, outcome: undefined });
      this.set({ settings, result: undefined });
      const { planSettings } = this.deps.backend;
      if (!planSettings) {
        this.set({
          settingsSaved: "session",
          outcome: {
            intent: "info",
            title: "Indstillinger",
            text: "Indstillingerne bruges fra nu af og gemmes i projektmappen (arket _beregn) ved næste Beregn.",
          },
        });
        return;
      }
      const { profile: _profile, ...engineSettings } = settings;
      void _profile;
      await this.deps.run(async (ctx) => {
        const grids = await this.read(ctx);
        await applyPlan(ctx, planSettings(grids, { ...(this.state.reading?.settings ?? {}), ...engineSettings }), grids);
      });
      this.set({
        settingsSaved: "projektmappe",
        outcome: {
          intent: "success",
          title: "Indstillinger gemt",
          text: "Indstillingerne er gemt i projektmappen (arket _beregn) og bruges ved næste Beregn.",
        },
      });
    }).then(() => undefined);

  /**
   * "Skriv arket Følsomhed" (issue 12): the selected proposal's scenarios on a sheet of their
   * own. Recorded in "_beregn" like a Beregn's sheets, so Fortryd (the Beregn undo) removes it.
   */
  writeSensitivity = (): Promise<void> =>
    this.act("indsætter", async () => {
      const { backend } = this.deps;
      const plan = backend.planSensitivitySheet;
      if (!plan) throw new Error("arbejdsbogslaget kan ikke skrive arket Følsomhed");
      const done = await this.deps.run(async (ctx) => {
        const grids = await this.read(ctx);
        const reading = backend.readWorkbook(grids);
        this.recognise(grids, reading);
        const found = reading.proposals[this.state.selected];
        if (!found) return undefined;
        const result = this.compute(found);
        const out = plan(grids, result, found.sheet, this.deps.now?.() ?? new Date());
        await applyPlan(ctx, out.plan, grids);
        await selectCell(ctx, out.sheet, "A1");
        return { result, out };
      });
      if (!done) {
        this.set({ error: NO_PROPOSAL });
        return;
      }
      this.set({
        result: done.result,
        outcome: { intent: "success", title: "Følsomhed skrevet", text: done.out.summary, undo: "beregn" },
      });
    }).then(() => undefined);

  /** "Indsæt i markeret celle": a Hjælpeberegning's result into the selected empty cell. */
  insertValue = (value: number): Promise<void> =>
    this.act("indsætter", async () => {
      const plan = this.deps.backend.planInsertValue;
      if (!plan) throw new Error("arbejdsbogslaget kan ikke indsætte en værdi");
      const res = await this.deps.run(async (ctx) => {
        const cell = await getSelectedCell(ctx);
        const grids = await this.read(ctx);
        const out = plan(grids, cell.sheet, cell.address, { value });
        if ("refused" in out) return out;
        await applyPlan(ctx, out.plan, grids);
        return out;
      });
      if ("refused" in res) {
        this.set({ outcome: { intent: "warning", title: "Ikke indsat", text: res.refused } });
        return;
      }
      this.set({ outcome: { intent: "success", title: "Indsat", text: res.summary, undo: "beregn" } });
    }).then(() => undefined);

  /**
   * "Ret tal skrevet som tekst" (issue 10 item 4): the one action that writes input cells, and
   * only when the user has confirmed it in the pane. Fortryd turns them back into text.
   */
  fixTextNumbers = (): Promise<void> =>
    this.act("retter", async () => {
      const { backend } = this.deps;
      const plan = backend.planFixTextNumbers;
      if (!plan) throw new Error("arbejdsbogslaget kan ikke rette tal skrevet som tekst");
      const res = await this.deps.run(async (ctx) => {
        const grids = await this.read(ctx);
        const reading = backend.readWorkbook(grids);
        const out = plan(grids, reading);
        if ("refused" in out) {
          this.recognise(grids, reading);
          return out;
        }
        await applyPlan(ctx, out.plan, grids);
        const written = backend.applyPlanToGrids?.(grids, out.plan);
        if (written) this.recognise(written, backend.readWorkbook(written));
        else this.set({ textNumbers: undefined });
        return { summary: out.summary, plan: out.plan };
      });
      if ("refused" in res) {
        this.set({ outcome: { intent: "info", title: "Intet rettet", text: res.refused } });
        return;
      }
      // the reader's note about those cells (located at the first of them) no longer holds
      const converted = new Set(writtenCells(res.plan));
      this.set({
        findings: this.state.findings.filter((f) => !(f.code === "UNREADABLE" && converted.has(f.location))),
        outcome: { intent: "success", title: "Tal rettet", text: res.summary, undo: "beregn" },
      });
    }).then(() => undefined);

  dismissOutcome = (): void => this.set({ outcome: undefined, error: undefined });

  /** The settings form refused a value: an earlier "Indstillinger gemt" no longer describes the form. */
  settingsRejected = (): void =>
    this.set({
      settingsSaved: undefined,
      outcome:
        this.state.outcome?.title === "Indstillinger gemt" || this.state.outcome?.title === "Indstillinger"
          ? undefined
          : this.state.outcome,
    });

  private async refreshQuietly(): Promise<void> {
    const grids = await this.deps.run((ctx) => this.read(ctx));
    this.recognise(grids, this.deps.backend.readWorkbook(grids));
  }
}

/** "Ark!G3" of every cell a plan writes in the user's sheets (not "_beregn"). */
function writtenCells(plan: WritePlan): string[] {
  const out: string[] = [];
  for (const w of plan.writes) {
    const origin = parseCell(w.topLeft);
    if (!origin || w.sheet.toLowerCase() === "_beregn") continue;
    w.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c) out.push(`${w.sheet}!${cellAddress(origin.row + r, origin.col + k)}`);
      }),
    );
  }
  return out;
}

function countCells(plan: WritePlan): number {
  return plan.writes.reduce((n, w) => n + w.cells.reduce((m, row) => m + row.filter((c) => c !== null).length, 0), 0);
}

/** The Danish message of any error (HostError already has one). */
export function messageOf(err: unknown): string {
  if (err instanceof HostError) return err.message;
  if (err instanceof Error) return `Beregn stødte på en fejl: ${err.message}`;
  return `Beregn stødte på en fejl: ${String(err)}`;
}
