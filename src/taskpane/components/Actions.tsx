import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { CalculatorRegular } from "@fluentui/react-icons";
import type { Busy, PaneState } from "../controller";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  // Fluent's buttons are at least 96 px wide with 12 px sides: three of them, the gaps and a
  // scroll bar would not fit a 320 px pane
  action: { minWidth: "auto", paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
});

const BUSY_TEXT: Record<Busy, string> = {
  læser: "Læser projektmappen …",
  beregner: "Læser, beregner og skriver …",
  validerer: "Kontrollerer …",
  kvantum: "Laver Kvantum-tabellerne …",
  fortryder: "Fortryder …",
  forklarer: "Finder cellens dele …",
  indsætter: "Indsætter …",
  gemmer: "Gemmer indstillingerne …",
  "går til celle": "Går til cellen …",
  retter: "Gør tal skrevet som tekst til tal …",
};

/** Beregn (primary), Valider, Kvantum-tabeller; the progress bar while an action runs. */
export function Actions(props: { state: PaneState; onBeregn: () => void; onValider: () => void; onKvantum: () => void }) {
  const styles = useStyles();
  const busy = !!props.state.busy;
  return (
    <section aria-label="Handlinger">
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<CalculatorRegular />}
          className={styles.action}
          disabled={busy}
          onClick={props.onBeregn}
          data-testid="beregn"
        >
          Beregn
        </Button>
        {/* short words, icon on the primary only: the three fit one row from 300 px (a 320 px pane) */}
        <Button
          className={styles.action}
          disabled={busy}
          onClick={props.onValider}
          data-testid="valider"
          title="Kontrollér uden at skrive noget"
        >
          Valider
        </Button>
        <Button
          className={styles.action}
          disabled={busy}
          onClick={props.onKvantum}
          data-testid="kvantum"
          title="Skriv kun Kvantum-tabellerne A–E og Tabel 2.1.1"
        >
          Kvantum
        </Button>
      </div>
      {props.state.busy && (
        <Field validationMessage={BUSY_TEXT[props.state.busy]} validationState="none">
          <ProgressBar aria-label={BUSY_TEXT[props.state.busy]} />
        </Field>
      )}
    </section>
  );
}
