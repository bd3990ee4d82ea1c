import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { paybackText } from "../../engine/payback";
import type { Result } from "../../engine/result";
import { computeSensitivity } from "../../engine/sensitivity";
import { breakEvenText, npvText } from "../../engine/sensitivityText";
import { useMemo } from "react";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: "1px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: { padding: "1px 4px" },
  num: { textAlign: "right", padding: "1px 4px", whiteSpace: "nowrap" },
  // the payback may break before its year ("8 år" / "(2031) ⚠"), so the table fits Mac's 270 px pane
  pay: { textAlign: "left", padding: "1px 4px" },
  over: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  whole: { whiteSpace: "nowrap" },
});

/** "8 år (2031) ⚠" that breaks only before the year: "8 år" and "(2031) ⚠" each kept whole. */
function Payback({ text }: { text: string }) {
  const styles = useStyles();
  const parts = text.split(/ (?=\()/);
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && " "}
          <span className={styles.whole}>{p}</span>
        </span>
      ))}
    </>
  );
}

/** Soft hyphens in the long words, so the table fits the pane's 320 px. */
const hyphenate = (s: string) =>
  s.replace("Implementeringsomkostninger", "Implementerings\u00adomkostninger").replace("Nutidsværdi", "Nutids\u00adværdi");

/**
 * Følsomhed (issue 12), under Tilbagebetalingstid: the service payback and the present value of
 * each scenario, "over grænsen" where the engine's pool rule (the one PAYBACK_OVER_LIMIT uses)
 * says so, the break-even effect, and the button that writes the sheet.
 */
export function SensitivityPanel({ result, busy, onWrite }: { result: Result; busy: boolean; onWrite: () => void }) {
  const styles = useStyles();
  const s = useMemo(() => computeSensitivity(result.proposal), [result]);
  if (!s) return null;
  return (
    <section className={styles.panel} aria-label="Følsomhed" data-testid="sensitivity">
      <Subtitle2 as="h2">Følsomhed</Subtitle2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th}>Scenarie</th>
            <th className={styles.th}>Service</th>
            <th className={styles.th} style={{ textAlign: "right" }}>
              {hyphenate("Nutidsværdi")}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.scenarios.map((x) => (
            <tr key={x.name} data-scenario={x.name}>
              <td className={styles.cell}>{hyphenate(x.label)}</td>
              <td className={x.overLimit ? `${styles.pay} ${styles.over}` : styles.pay} title={x.overLimit ? "over grænsen" : undefined}>
                <Payback text={`${paybackText(x.payback.service)}${x.overLimit ? " ⚠" : ""}`} />
              </td>
              <td className={styles.num}>{npvText(x.npv)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1>
        {`Nutidsværdi: t.kr. over ${s.horizonYears} år fra ${s.year1}, negativ = gevinst. `}
        {s.limitYears !== null
          ? `⚠ over investeringspuljens grænse på ${s.limitYears} år, både diskonteret og udiskonteret (som advarslen). `
          : ""}
        {breakEvenText(s)}
      </Caption1>
      <div>
        <Button icon={<TableAddRegular />} disabled={busy} onClick={onWrite}>
          Skriv arket Følsomhed
        </Button>
      </div>
    </section>
  );
}
