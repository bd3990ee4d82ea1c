import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, ArrowDownloadRegular } from "@fluentui/react-icons";
import Decimal from "decimal.js";
import { useState } from "react";
import { readAmountText } from "../../engine/amountText";
import { formatAmount } from "../../engine/format";
import { PL_FACTORS, PriceLevelError } from "../../engine/priceLevel";
import { DEFAULT_SETTINGS } from "../../engine/settings";
import { priceLevelCalculation, staffCostCalculation, type SideCalculation } from "../../engine/sideCalculations";
import { OVERHEAD_PER_FTE_2025, RATES_PER_FTE } from "../../engine/staffCost";
import type { EditRows, InsertValue, Pair, RowLabel } from "../handlers";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0, width: "100%" },
  table: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 5em", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  steps: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    whiteSpace: "pre-wrap",
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** A Danish number field's value, or undefined ("1.262,6", "1,048", "35"). */
function num(text: string): Decimal | undefined {
  const r = readAmountText(text);
  return r.ok && !r.empty ? r.value : undefined;
}

const show = (d: Decimal) => formatAmount(d, 6);

type Outcome = { calc: SideCalculation } | { error: string };

function Steps({ outcome, onInsert, busy }: { outcome: Outcome; onInsert: InsertValue; busy: boolean }) {
  const styles = useStyles();
  if ("error" in outcome) return <Caption1 className={styles.error}>{outcome.error}</Caption1>;
  // the cell gets what the arithmetic shows: two decimals (the boundary, where rounding happens)
  const value = outcome.calc.result.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return (
    <>
      <div className={styles.steps} data-testid="sidecalc-steps">
        {outcome.calc.steps.join("\n")}
      </div>
      <div>
        <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => onInsert(Number(value.toString()))}>
          Indsæt {formatAmount(value)} i markeret celle
        </Button>
      </div>
    </>
  );
}

/**
 * The rate table and the index table: each row a name and a number, both editable, and a button
 * that adds a row. One component for both (they were two near-copies).
 */
function EditableTable(props: {
  rows: Pair[];
  onChange: EditRows;
  keyLabel: string;
  valueLabel: RowLabel;
  addText: string;
  newRow: () => Pair;
}) {
  const styles = useStyles();
  const { rows, onChange } = props;
  const edit = (i: number, patch: Partial<Pair>) => onChange(rows.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <>
      <div className={styles.table}>
        {rows.flatMap((r, i) => [
          <Input
            className={styles.input}
            key={`k${i}`}
            size="small"
            value={r.key}
            aria-label={props.keyLabel}
            onChange={(_, d) => edit(i, { key: d.value })}
          />,
          <Input
            className={styles.input}
            key={`v${i}`}
            size="small"
            value={r.value}
            aria-label={props.valueLabel(r)}
            onChange={(_, d) => edit(i, { value: d.value })}
          />,
        ])}
      </div>
      <div>
        <Button size="small" icon={<AddRegular />} onClick={() => onChange([...rows, props.newRow()])}>
          {props.addText}
        </Button>
      </div>
    </>
  );
}

/**
 * Hjælpeberegning (SPEC §7, issue 12): hours or ÅV → t.kr. by årstimenorm, a rate per ÅV from an
 * editable table and overhead; an amount between price levels by an editable index table. The
 * tables start from the documents' values and live for the session.
 */
export function SideCalcPanel({ busy, onInsert }: { busy: boolean; onInsert: InsertValue }) {
  const styles = useStyles();
  const [unit, setUnit] = useState<"timer" | "åv">("timer");
  const [amount, setAmount] = useState("235");
  const [norm, setNorm] = useState(formatAmount(DEFAULT_SETTINGS.hoursPerYear));
  const [rates, setRates] = useState<Pair[]>(() => Object.entries(RATES_PER_FTE).map(([key, v]) => ({ key, value: formatAmount(v) })));
  const [rateIndex, setRateIndex] = useState(() => Math.max(0, Object.keys(RATES_PER_FTE).indexOf("2025 600")));
  const [overhead, setOverhead] = useState(formatAmount(OVERHEAD_PER_FTE_2025));
  const [plAmount, setPlAmount] = useState("40.000");
  const [from, setFrom] = useState("2024");
  const [to, setTo] = useState("2025");
  const [index, setIndex] = useState<Pair[]>(() =>
    Object.entries(PL_FACTORS).map(([k, v]) => ({ key: k.replace("→", "-"), value: show(v) })),
  );

  const staff = ((): Outcome => {
    const a = num(amount);
    const h = num(norm);
    const rate = num(rates[rateIndex]?.value ?? "");
    const o = overhead.trim() === "" ? new Decimal(0) : num(overhead);
    if (!a) return { error: `»${amount}« er ikke et tal` };
    if (!h || h.lte(0)) return { error: `Årstimenormen »${norm}« er ikke et positivt tal` };
    if (!rate) return { error: "Vælg en sats med et tal" };
    if (!o) return { error: `Overhead »${overhead}« er ikke et tal` };
    return {
      calc: staffCostCalculation({
        ...(unit === "timer" ? { hours: a } : { fte: a }),
        hoursPerYear: h,
        ratePerFte: rate,
        overheadPerFte: o,
      }),
    };
  })();

  const pl = ((): Outcome => {
    const a = num(plAmount);
    if (!a) return { error: `»${plAmount}« er ikke et tal` };
    if (!/^\d{4}$/.test(from.trim()) || !/^\d{4}$/.test(to.trim())) return { error: "Skriv årene som fx 2024 og 2025" };
    const factors: Record<string, Decimal> = {};
    for (const row of index) {
      const m = /^\s*(\d{4})\s*-\s*(\d{4})\s*$/.exec(row.key);
      const f = num(row.value);
      if (!m || Number(m[2]) !== Number(m[1]) + 1 || !f || f.lte(0))
        return { error: `Indeksrækken »${row.key} ${row.value}« skal være et år til det næste og en positiv faktor` };
      factors[`${m[1]}→${m[2]}`] = f;
    }
    try {
      return { calc: priceLevelCalculation(a, Number(from), Number(to), factors) };
    } catch (e) {
      if (e instanceof PriceLevelError) return { error: `${e.message}: tilføj faktoren i indekstabellen` };
      throw e;
    }
  })();

  return (
    <Accordion collapsible>
      <AccordionItem value="sidecalc">
        <AccordionHeader size="small">Hjælpeberegning</AccordionHeader>
        <AccordionPanel>
          <div className={styles.form} data-testid="sidecalc">
            <Subtitle2 as="h3">Timer eller ÅV til t.kr.</Subtitle2>
            <div className={styles.pair}>
              <Field label="Antal">
                <Input className={styles.input} value={amount} onChange={(_, d) => setAmount(d.value)} aria-label="Antal timer eller ÅV" />
              </Field>
              <Field label="Enhed">
                <Select value={unit} onChange={(_, d) => setUnit(d.value as "timer" | "åv")}>
                  <option value="timer">timer</option>
                  <option value="åv">ÅV</option>
                </Select>
              </Field>
              <Field label="Årstimenorm">
                <Input className={styles.input} value={norm} onChange={(_, d) => setNorm(d.value)} disabled={unit === "åv"} />
              </Field>
              <Field label="Overhead (t.kr. pr. ÅV)">
                <Input className={styles.input} value={overhead} onChange={(_, d) => setOverhead(d.value)} />
              </Field>
            </div>
            <Field label="Sats (t.kr. pr. ÅV)">
              <Select value={String(rateIndex)} onChange={(_, d) => setRateIndex(Number(d.value))}>
                {rates.map((r, i) => (
                  <option key={i} value={i}>
                    {r.key}: {r.value}
                  </option>
                ))}
              </Select>
            </Field>
            <Text size={200}>Satstabel (ret eller tilføj):</Text>
            <EditableTable
              rows={rates}
              onChange={setRates}
              keyLabel="Personalegruppe"
              valueLabel={(r) => `Sats ${r.key}`}
              addText="Tilføj sats"
              newRow={() => ({ key: `egen ${rates.length + 1}`, value: "" })}
            />
            <Steps outcome={staff} onInsert={onInsert} busy={busy} />

            <Subtitle2 as="h3">Prisniveau (p/l)</Subtitle2>
            <div className={styles.pair}>
              <Field label="Beløb (t.kr.)">
                <Input className={styles.input} value={plAmount} onChange={(_, d) => setPlAmount(d.value)} />
              </Field>
              <span />
              <Field label="Fra p/l">
                <Input className={styles.input} value={from} onChange={(_, d) => setFrom(d.value)} />
              </Field>
              <Field label="Til p/l">
                <Input className={styles.input} value={to} onChange={(_, d) => setTo(d.value)} />
              </Field>
            </div>
            <Text size={200}>Indekstabel (år til næste år, faktor):</Text>
            <EditableTable
              rows={index}
              onChange={setIndex}
              keyLabel="År"
              valueLabel={(r) => `Faktor ${r.key}`}
              addText="Tilføj år"
              newRow={() => {
                const last = index[index.length - 1]?.key.split("-")[1] ?? to;
                return { key: `${last}-${Number(last) + 1}`, value: "" };
              }}
            />
            <Steps outcome={pl} onInsert={onInsert} busy={busy} />
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
