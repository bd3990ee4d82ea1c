/**
 * The task pane's entry: waits for Office.js, then renders the pane with a controller that
 * talks to Excel (Excel.run) and the workbook layer. Nothing here is tested apart from the
 * browser test, so it stays this small.
 */
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { makeExcelRun, officeExcelApi } from "../excel";
import { workbookBackend } from "./backend";
import { PaneController } from "./controller";

declare const BEREGN_VERSION: string | undefined;

function mount(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const controller = new PaneController({
    // delayForCellEdit and one undo step where this Excel supports them (src/excel/run.ts)
    run: makeExcelRun(officeExcelApi()),
    backend: workbookBackend(),
    version: typeof BEREGN_VERSION === "string" ? BEREGN_VERSION : undefined,
  });
  createRoot(container).render(<App controller={controller} />);
}

/** A line in place of "Indlæser Beregn …", in its style (taskpane.html). */
function say(text: string): void {
  const container = document.getElementById("container");
  if (!container) return;
  const p = document.createElement("p");
  p.style.fontFamily = '"Segoe UI", sans-serif';
  p.style.padding = "12px";
  p.textContent = text;
  container.replaceChildren(p);
}

// office.js comes from Microsoft's CDN (taskpane.html); blocked by a proxy or offline, the pane
// would otherwise wait on "Indlæser …" for ever
if (typeof Office === "undefined" || typeof Office.onReady !== "function")
  say(
    "Beregn kunne ikke hente Office.js fra Microsoft. Tjek netværksforbindelsen (eller om en proxy blokerer appsforoffice.microsoft.com), og åbn Beregn igen.",
  );
else
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) mount();
    else say("Beregn virker kun i Excel.");
  });
