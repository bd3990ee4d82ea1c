import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { PaneState } from "../controller";

/** What the last action changed (PlanOutcome.summary), or the error, in Danish (Fortryd is one button, in Værktøjer). */
export function StatusBar({ state, onDismiss }: { state: PaneState; onDismiss: () => void }) {
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
      ></MessageBarActions>
    </MessageBar>
  );
}
