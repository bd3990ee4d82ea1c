/**
 * The fake Office for the browser test: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js, it installs window.Office,
 * window.Excel and window.OfficeExtension backed by a FakeWorkbook built from
 * window.__BEREGN_GRIDS__ (set by the test before the page loads), and exposes the workbook as
 * window.__fakeWorkbook so the test can read it back.
 */
import type { Grid } from "../../src/workbook/types";
import { FakeWorkbook, officeGlobals } from "./officeFake";

interface TestWindow {
  __BEREGN_GRIDS__?: Grid[];
  __fakeWorkbook?: FakeWorkbook;
}

const w = window as unknown as TestWindow & Record<string, unknown>;
const fake = FakeWorkbook.fromGrids(w.__BEREGN_GRIDS__ ?? []);
w.__fakeWorkbook = fake;
Object.assign(w, officeGlobals(fake));
