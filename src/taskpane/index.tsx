/**
 * The task pane's entry: waits for Office.js, then renders the pane with a controller that
 * talks to Excel (Excel.run) and the workbook layer. Nothing here is tested apart from the
 * browser test, so it stays this small.
 */
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { workbookBackend } from "./backend";
import { PaneController } from "./controller";

declare const BEREGN_VERSION: string | undefined;

function mount(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const controller = new PaneController({
    run: (batch) => Excel.run(batch),
    backend: workbookBackend(),
    version: typeof BEREGN_VERSION === "string" ? BEREGN_VERSION : undefined,
  });
  createRoot(container).render(<App controller={controller} />);
}

void Office.onReady((info) => {
  if (info.host === Office.HostType.Excel) mount();
  else {
    const container = document.getElementById("container");
    if (container) container.textContent = "Beregn virker kun i Excel.";
  }
});
