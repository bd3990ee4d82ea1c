import { Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { Result } from "../../engine/result";
import { paybackText } from "../format";
import { CumulativeChart } from "./CumulativeChart";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  pair: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM },
  over: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Tilbagebetalingstid: service and total, the rule used, the pool limit, the cumulative flow. */
export function PaybackPanel({ result }: { result: Result }) {
  const styles = useStyles();
  const { service, total } = result.payback;
  const limit = result.proposal.settings.paybackLimitYears;
  // null: the profile has no investment pool limit (2016, 2018)
  const over = limit !== null && service?.years != null && service.years > limit;
  const rule = (service ?? total)?.rule;
  const chart = total ?? service;
  return (
    <section className={styles.panel} aria-label="Tilbagebetalingstid" data-testid="payback">
      <Subtitle2 as="h2">Tilbagebetalingstid</Subtitle2>
      <div className={styles.pair}>
        <Text>Service</Text>
        <Text weight="semibold" className={over ? styles.over : undefined} data-testid="payback-service">
          {paybackText(service)}
        </Text>
        <Text>Total</Text>
        <Text weight="semibold" data-testid="payback-total">
          {paybackText(total)}
        </Text>
      </div>
      <Caption1>
        {rule ? `Regel: ${rule}` : "Ingen investering: tilbagebetalingstid gælder ikke"}
        {limit !== null ? ` · grænse ${limit} år` : ""}
        {over ? " (overskredet: kræver særskilt politisk prioritering)" : ""}
      </Caption1>
      {chart && (
        <CumulativeChart
          years={result.proposal.years}
          cumulative={chart.cumulative}
          label={`Akkumuleret pengestrøm (${total ? "total" : "service"}), t.kr.`}
        />
      )}
    </section>
  );
}
