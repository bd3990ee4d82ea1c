import { Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ArrowUndoRegular, DocumentAddRegular, QuestionCircleRegular, TableAddRegular } from "@fluentui/react-icons";
import Decimal from "decimal.js";
import { formatAmount } from "../../engine/format";
import type { PaneState } from "../controller";
import { formatTkr } from "../format";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  num: { textAlign: "right", padding: "1px 4px" },
});

function Explanation({ state }: { state: PaneState }) {
  const styles = useStyles();
  const e = state.explanation;
  if (!e) return null;
  if (!e.explanation)
    return (
      <Text size={200} data-testid="explanation">
        {e.none}
      </Text>
    );
  const x = e.explanation;
  return (
    <div data-testid="explanation">
      <Text size={200} block weight="semibold">
        {e.cell}: {x.table.startsWith("Tabel") ? x.table : `Tabel ${x.table}`}, {x.unit}, {x.year} = {formatTkr(x.shown)} (præcist{" "}
        {formatAmount(x.exact, 2)})
      </Text>
      {x.movedByRounding && <Caption1 block>Afrundingen flyttede cellen, så kolonnen summer til totalen.</Caption1>}
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Række</th>
            <th scope="col" className={styles.num}>
              Andel
            </th>
            <th scope="col" className={styles.num}>
              t.kr.
            </th>
          </tr>
        </thead>
        <tbody>
          {x.parts.map((p, i) => (
            <tr key={i}>
              <td>
                {p.source} <Caption1>({p.role})</Caption1>
              </td>
              <td className={styles.num}>{formatAmount(p.share.times(100), 1)} %</td>
              <td className={styles.num}>{formatAmount(new Decimal(p.amount), 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Forklar, Fortryd and the two inserts. */
export function ToolsPanel(props: {
  state: PaneState;
  onExplain: () => void;
  onUndo: () => void;
  onTemplate: () => void;
  onColumns: () => void;
}) {
  const styles = useStyles();
  const busy = !!props.state.busy;
  // a workbook that already holds a proposal gets new sheets only when the user says so
  const [asking, setAsking] = useState(false);
  const hasProposal = (props.state.reading?.proposals.length ?? 0) > 0;
  const template = () => (hasProposal ? setAsking(true) : props.onTemplate());
  return (
    <section className={styles.panel} aria-label="Værktøjer">
      <div className={styles.row}>
        <Button size="small" icon={<QuestionCircleRegular />} disabled={busy} onClick={props.onExplain} data-testid="forklar">
          Forklar markeret celle
        </Button>
        {/* one Fortryd: the pane's last insert, else the last Beregn ("_beregn"); nothing to undo, disabled */}
        <Button
          size="small"
          icon={<ArrowUndoRegular />}
          disabled={busy || (!props.state.outcome?.undo && !props.state.reading?.stamp)}
          onClick={props.onUndo}
          data-testid="fortryd"
        >
          Fortryd
        </Button>
        <Button size="small" icon={<DocumentAddRegular />} disabled={busy} onClick={template} data-testid="skabelon">
          Indsæt skabelon
        </Button>
        <Button size="small" icon={<TableAddRegular />} disabled={busy} onClick={props.onColumns} data-testid="kolonner">
          Indsæt kolonner i Tabel 1
        </Button>
      </div>
      {asking && (
        <MessageBar intent="warning" layout="multiline" data-testid="skabelon-spoerg">
          <MessageBarBody>Projektmappen har allerede et forslag. Skal skabelonen indsættes på nye ark alligevel?</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                setAsking(false);
                props.onTemplate();
              }}
              data-testid="skabelon-ja"
            >
              Indsæt på nye ark
            </Button>
            <Button size="small" onClick={() => setAsking(false)} data-testid="skabelon-nej">
              Annullér
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Explanation state={props.state} />
    </section>
  );
}
