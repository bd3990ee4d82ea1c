import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { DismissCircleFilled, InfoRegular, NumberSymbolRegular, WarningFilled } from "@fluentui/react-icons";
import { useState } from "react";
import type { Finding, Severity } from "../../engine/model";
import { parseLocation } from "../../excel/address";
import type { PaneState } from "../controller";
import type { GoTo } from "../handlers";
import { countLabel, findingsHeading, groupFindings } from "../format";

const useStyles = makeStyles({
  panel: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "grid", gridTemplateColumns: "16px 1fr", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  body: { display: "flex", flexDirection: "column", rowGap: "2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  if (severity === "error") return <DismissCircleFilled className={styles.error} aria-label="Fejl" />;
  if (severity === "warning") return <WarningFilled className={styles.warning} aria-label="Advarsel" />;
  return <InfoRegular className={styles.info} aria-label="Info" />;
}

function FindingItem({ finding, index, onGoTo, busy }: { finding: Finding; index: number; onGoTo: GoTo; busy: boolean }) {
  const styles = useStyles();
  const target = parseLocation(finding.location);
  return (
    <li
      className={styles.item}
      data-testid="finding"
      data-code={finding.code}
      data-severity={finding.severity}
      data-location={finding.location}
    >
      <SeverityIcon severity={finding.severity} />
      <div className={styles.body}>
        <Text size={200}>{finding.message}</Text>
        {target && (
          <Caption1>
            {finding.location}{" "}
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => onGoTo(finding.location)} data-testid={`goto-${index}`}>
              Gå til celle
            </Button>
          </Caption1>
        )}
      </div>
    </li>
  );
}

/**
 * "Ret N tal skrevet som tekst" (issue 10 item 4): the one action that changes the user's own
 * input cells, so it asks first and says what it changes.
 */
function FixTextNumbers({ state, onFix }: { state: PaneState; onFix: () => void }) {
  const [asking, setAsking] = useState(false);
  const t = state.textNumbers;
  if (!t) return null;
  return (
    <div data-testid="ret-tal">
      <Button
        size="small"
        icon={<NumberSymbolRegular />}
        disabled={!!state.busy}
        onClick={() => setAsking(true)}
        data-testid="ret-tal-knap"
      >
        Ret {t.count} tal skrevet som tekst
      </Button>
      {asking && (
        <MessageBar intent="info" layout="multiline" data-testid="ret-tal-spoerg">
          <MessageBarBody>{t.question}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              appearance="primary"
              onClick={() => {
                setAsking(false);
                onFix();
              }}
              data-testid="ret-tal-ja"
            >
              Gør dem til tal
            </Button>
            <Button size="small" onClick={() => setAsking(false)} data-testid="ret-tal-nej">
              Annullér
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

/** Findings grouped by severity, errors first; errors and warnings open. */
export function FindingsPanel({ state, onGoTo, onFixTextNumbers }: { state: PaneState; onGoTo: GoTo; onFixTextNumbers: () => void }) {
  const styles = useStyles();
  if (!state.findingsSource && state.findings.length === 0) {
    // before Valider or Beregn: no findings to list, but the numbers typed as text can be fixed already
    if (!state.textNumbers) return null;
    return (
      <section className={styles.panel} aria-label="Tal skrevet som tekst">
        <FixTextNumbers state={state} onFix={onFixTextNumbers} />
      </section>
    );
  }
  const resolved = state.resolved ?? [];
  const groups = groupFindings(state.findings);
  const open: string[] = groups.filter((g) => g.severity !== "info" && g.items.length > 0).map((g) => g.severity);
  // what the write resolved is the news of a Beregn: open
  if (resolved.length > 0) open.push("rettet");
  let index = 0;
  return (
    <section className={styles.panel} aria-label="Fund" data-testid="findings">
      <Subtitle2 as="h2">{findingsHeading(state.findings)}</Subtitle2>
      {state.findingsSource === "Beregn" && <Text block>Fundene i projektmappen, som Beregn har skrevet den.</Text>}
      {state.findings.length === 0 && <Text block>Ingen fund: tallene hænger sammen.</Text>}
      <FixTextNumbers state={state} onFix={onFixTextNumbers} />
      <Accordion multiple collapsible defaultOpenItems={open}>
        {groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <AccordionItem key={g.severity} value={g.severity}>
              <AccordionHeader size="small">{countLabel(g.items.length, g.severity)}</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list}>
                  {g.items.map((f) => (
                    <FindingItem key={index} finding={f} index={index++} onGoTo={onGoTo} busy={!!state.busy} />
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
        {resolved.length > 0 && (
          <AccordionItem value="rettet">
            <AccordionHeader size="small" data-testid="rettet-af-beregn">
              Rettet af Beregn ({resolved.length})
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {resolved.map((f) => (
                  <FindingItem key={index} finding={f} index={index++} onGoTo={onGoTo} busy={!!state.busy} />
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </section>
  );
}
