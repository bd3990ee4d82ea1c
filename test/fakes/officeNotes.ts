/**
 * The Office fake's notes and page layout, held to Microsoft's documentation:
 * - Notes (ExcelApi 1.18), learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes and
 *   learn.microsoft.com/javascript/api/excel/excel.notecollection: `NoteCollection.add(cellAddress,
 *   content)` on a single cell ("an InvalidArgument error is thrown if multiple cells are
 *   selected"); `getItemOrNullObject(key)` by cell address, `isNullObject` when there is none;
 *   `Note.content`, `Note.delete()`. A cell holds one note: add on a cell that has one is refused
 *   here as InvalidArgument (the page does not say; the host never relies on it).
 * - Page layout (ExcelApi 1.9), learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions:
 *   orientation, paperSize, zoom { horizontalFitToPages, verticalFitToPages }, setPrintTitleRows.
 * Every setter is queued and runs at sync, as the rest of the fake.
 */
import type { FakeRequestContext, FakeSheet } from "./officeFake";
import { FakeOfficeError, FakeRange, parseA1 } from "./officeFake";

const SINGLE_CELL = /^\$?[A-Z]{1,3}\$?\d+$/i;
const key = (address: string) => address.replace(/\$/g, "").toUpperCase();

export class FakeNote {
  private loadedNull: boolean | undefined;
  private loadedContent: string | undefined;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
    private readonly address: string,
  ) {}
  load(_paths?: unknown): this {
    this.ctx.enqueue("Note.load", this.address, () => this.fill());
    return this;
  }
  /** Loads isNullObject and content now (inside a running operation). */
  fill(): void {
    const text = this.sheet().notes.get(key(this.address));
    this.loadedNull = text === undefined;
    this.loadedContent = text;
    this.ctx.fake.noteReceived(text ?? null);
  }
  get isNullObject(): boolean {
    if (this.loadedNull === undefined)
      throw new FakeOfficeError("PropertyNotLoaded", "The property 'isNullObject' is not available.", "Note");
    return this.loadedNull;
  }
  get content(): string {
    if (this.loadedContent === undefined)
      throw new FakeOfficeError("PropertyNotLoaded", "The property 'content' is not available.", "Note");
    return this.loadedContent;
  }
  /** Note.getLocation (ExcelApi 1.18): the cell the note is on. */
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const box = parseA1(this.address)!;
      return { sheet: this.sheet(), box: { r0: box.r0, c0: box.c0, r1: box.r0, c1: box.c0 } };
    });
  }
  set content(text: string) {
    this.ctx.enqueue("Note.content", text, () => {
      const s = this.sheet();
      if (!s.notes.has(key(this.address))) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", "Note");
      s.notes.set(key(this.address), text);
    });
  }
  delete(): void {
    this.ctx.enqueue("Note.delete", this.address, () => {
      if (!this.sheet().notes.delete(key(this.address)))
        throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", "Note");
    });
  }
}

export class FakeNoteCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(cellAddress: string, content: string): FakeNote {
    this.ctx.enqueue("NoteCollection.add", { cellAddress, content }, () => {
      const s = this.sheet();
      if (!SINGLE_CELL.test(cellAddress) || s.notes.has(key(cellAddress)))
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
          "NoteCollection.add",
        );
      s.notes.set(key(cellAddress), content);
    });
    return new FakeNote(this.ctx, this.sheet, cellAddress);
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, address);
  }
}

export interface FakePageSetup {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
}

export class FakePageLayout {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  private set_<K extends keyof FakePageSetup>(k: K, v: FakePageSetup[K]): void {
    this.ctx.enqueue(`PageLayout.${k}`, v, () => {
      this.sheet().pageLayout[k] = v;
    });
  }
  set orientation(v: string) {
    this.set_("orientation", v);
  }
  set paperSize(v: string) {
    this.set_("paperSize", v);
  }
  set zoom(v: FakePageSetup["zoom"]) {
    this.set_("zoom", v);
  }
  setPrintTitleRows(rows: string): void {
    this.set_("printTitleRows", rows);
  }
}

/**
 * Workbook.notes (ExcelApi 1.18): every note of the workbook. `load("items/content")` gives the
 * notes, each with its text; Note.getLocation gives its cell. The order of the items is not
 * documented; the fake lists them sheet by sheet.
 */
export class FakeWorkbookNotes {
  private loadedItems: FakeNote[] | undefined;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheets: () => FakeSheet[],
  ) {}
  load(_paths?: unknown): this {
    this.ctx.enqueue("NoteCollection.load", _paths ?? null, () => {
      this.loadedItems = this.sheets().flatMap((s) =>
        [...s.notes.keys()].map((address) => {
          const note = new FakeNote(this.ctx, () => s, address);
          note.fill();
          return note;
        }),
      );
    });
    return this;
  }
  get items(): FakeNote[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available.", "NoteCollection");
    return this.loadedItems;
  }
}
