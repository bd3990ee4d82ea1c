import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ArrowUndoRegular, DismissRegular } from "@fluentui/react-icons";
import type { PaneState } from "../controller";

/** What the last action changed (PlanOutcome.summary), with Fortryd; or the error, in Danish. */
export function StatusBar({ state, onUndo, onDismiss }: { state: PaneState; onUndo: () => void; onDismiss: () => void }) {
  if (state.error)
    return (
      <MessageBar intent="error" layout="multiline" data-testid="error">
        <MessageBarBody>
          <MessageBarTitle>Det lykkedes ikke</MessageBarTitle>
          {state.error}
        </MessageBarBody>
        <MessageBarActions
          containerAction={<Button appearance="transparent" aria-label="Luk" icon={<DismissRegular />} onClick={onDismiss} />}
        />
      </MessageBar>
    );
  const o = state.outcome;
  if (!o) return null;
  return (
    <MessageBar intent={o.intent} layout="multiline" data-testid="outcome">
      <MessageBarBody>
        <MessageBarTitle>{o.title}</MessageBarTitle>
        <span data-testid="outcome-text">{o.text}</span>
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" aria-label="Luk" icon={<DismissRegular />} onClick={onDismiss} />}
      >
        {o.undo && (
          <Button icon={<ArrowUndoRegular />} disabled={!!state.busy} onClick={onUndo} data-testid="outcome-undo">
            Fortryd
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
