import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Result } from "../../engine/result";
import { formatTkr } from "../format";

const useStyles = makeStyles({
  panel: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  num: { textAlign: "right", padding: "1px 4px" },
  head: { textAlign: "right", padding: "1px 4px", fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3 },
  strong: { textAlign: "right", padding: "1px 4px", fontWeight: tokens.fontWeightSemibold },
});

/** Samlet økonomisk påvirkning per year, with its two parts. */
export function TotalsPanel({ result }: { result: Result }) {
  const styles = useStyles();
  const { years } = result.proposal;
  const t = result.totals;
  return (
    <section className={styles.panel} aria-label="Samlet økonomisk påvirkning">
      <Subtitle2 as="h2">Samlet økonomisk påvirkning (t.kr.)</Subtitle2>
      <table className={styles.table} data-testid="totals">
        <thead>
          <tr>
            <th className={styles.head} style={{ textAlign: "left" }}>
              År
            </th>
            <th className={styles.head}>Varig</th>
            <th className={styles.head}>Impl.</th>
            <th className={styles.head}>Samlet</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y, i) => (
            <tr key={y}>
              <td>{y}</td>
              <td className={styles.num}>{formatTkr(t.permanent[i])}</td>
              <td className={styles.num}>{formatTkr(t.implementation[i])}</td>
              <td className={styles.strong} data-testid={`net-${y}`}>
                {formatTkr(t.net[i])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
