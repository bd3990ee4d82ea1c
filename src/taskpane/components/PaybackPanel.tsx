import { Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { Result } from "../../engine/result";
import { formatPercent, paybackText } from "../format";
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
  // the engine decides (PAYBACK_OVER_LIMIT): it warns only when the breach holds at 0 % too,
  // since the 2 % rate is fitted (SPEC §3); null limit: the profile has no pool rule (2016, 2018)
  const over = result.findings.some((f) => f.code === "PAYBACK_OVER_LIMIT");
  const overAtRateOnly = !over && limit !== null && service !== null && (service.years === null || service.years > limit);
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
      {overAtRateOnly && service && (
        <Caption1 block data-testid="payback-limit-note">
          {`Diskonteret med ${formatPercent(service.rate)} er det ${paybackText(service)}, over grænsen på ${limit} år; udiskonteret er det ${
            service.undiscounted.years === null ? "ikke tilbagebetalt" : `${service.undiscounted.years} år`
          }, inden for. Ingen advarsel: Beregn advarer kun, når begge regler giver over grænsen, for renten er tilpasset dokumenterne, ikke en vedtaget regel.`}
        </Caption1>
      )}
      {chart && (
        <CumulativeChart
          years={result.proposal.years}
          cumulative={chart.cumulative}
          label={`Akkumuleret pengestrøm (${total ? "total" : "service"}), t.kr.`}
          breakEvenYear={chart.breakEvenYear}
        />
      )}
      {chart && <Caption1 block>Over 0: udgift (fyldt søjle) · under 0: sparet (skraveret søjle) · stiplet: tilbagebetalt</Caption1>}
    </section>
  );
}
