import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useSyncExternalStore } from "react";
import type { PaneController } from "../controller";
import { Actions } from "./Actions";
import { FindingsPanel } from "./FindingsPanel";
import { Header } from "./Header";
import { PaybackPanel } from "./PaybackPanel";
import { SensitivityPanel } from "./SensitivityPanel";
import { SettingsPanel } from "./SettingsPanel";
import { SideCalcPanel } from "./SideCalcPanel";
import { StatusBar } from "./StatusBar";
import { ToolsPanel } from "./ToolsPanel";
import { TotalsPanel } from "./TotalsPanel";

/**
 * The pane's margins by Microsoft's layout guidance for add-ins ("Use 20 pixels as the default
 * margin for HTML containers"; spacing on Office's 4 px grid: learn.microsoft.com/office/dev/add-ins/design/add-in-layout),
 * as Fluent v9 spacing tokens (spacingHorizontalXL = 20 px, spacingVerticalL = 16 px): the theme
 * decides the pixels. Below 300 px (Mac's default pane is 270 px: learn.microsoft.com/javascript/api/office/office.taskpane)
 * the sides are spacingHorizontalM (12 px), so Tabel 1's six years still fit beside their labels.
 */
const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalXL,
    paddingRight: tokens.spacingHorizontalXL,
    maxWidth: "420px",
    boxSizing: "border-box",
    "@media (max-width: 299px)": {
      paddingLeft: tokens.spacingHorizontalM,
      paddingRight: tokens.spacingHorizontalM,
    },
  },
});

/** The pane (DESIGN.md sketch): one component per panel, state from the controller. */
export function App({ controller }: { controller: PaneController }) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const styles = useStyles();
  useEffect(() => {
    void controller.start();
  }, [controller]);
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} aria-busy={!!state.busy}>
        <Header state={state} onSelect={controller.selectProposal} />
        <Actions
          state={state}
          onBeregn={() => controller.beregn("beregn")}
          onValider={controller.validate}
          onKvantum={() => controller.beregn("kvantum")}
        />
        <StatusBar state={state} onDismiss={controller.dismissOutcome} />
        {state.result && <PaybackPanel result={state.result} />}
        {state.result && <SensitivityPanel result={state.result} busy={!!state.busy} onWrite={controller.writeSensitivity} />}
        {state.result && <TotalsPanel result={state.result} />}
        <FindingsPanel state={state} onGoTo={controller.goTo} onFixTextNumbers={controller.fixTextNumbers} />
        <ToolsPanel
          state={state}
          onExplain={controller.explain}
          onUndo={() => controller.undo("last")}
          onTemplate={controller.insertTemplate}
          onColumns={controller.insertColumns}
        />
        <SideCalcPanel busy={!!state.busy} onInsert={controller.insertValue} />
        {/* remount when the workbook's saved settings arrive, so the fields show them */}
        <SettingsPanel
          key={JSON.stringify(state.reading?.settings ?? null)}
          state={state}
          onSave={controller.saveSettings}
          onInvalid={controller.settingsRejected}
        />
      </main>
    </FluentProvider>
  );
}
