import {
  Caption1,
  Dropdown,
  Link,
  makeStyles,
  Option,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { PaneState } from "../controller";
import type { SelectProposal } from "../handlers";
import { templateLabel, yearSpan } from "../format";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  picker: { minWidth: "0", width: "100%" },
  notes: { maxWidth: "280px", margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** "30.11.2026 kl. 09.00" from the stamp's ISO time; the text itself if it is not one. */
function stampTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("da-DK", { dateStyle: "short", timeStyle: "short" });
}

/** Title, proposal picker when there are several, and what was recognised. */
export function Header({ state, onSelect }: { state: PaneState; onSelect: SelectProposal }) {
  const styles = useStyles();
  const proposals = state.reading?.proposals ?? [];
  const found = proposals[state.selected];
  const name = (i: number) => {
    const p = proposals[i];
    // the reader may take the id from the sheet name: say it once
    const id = p.input.id && p.input.id !== p.sheet ? p.input.id : undefined;
    const title = [id, p.input.title].filter(Boolean).join(" ");
    if (!title) return p.sheet;
    return proposals.length > 1 ? `${title} (${p.sheet})` : title;
  };
  return (
    <header className={styles.header}>
      <Subtitle2 as="h1">Beregn · investeringsforslag</Subtitle2>
      {proposals.length > 1 && (
        <Dropdown
          className={styles.picker}
          aria-label="Vælg forslag"
          value={name(state.selected)}
          selectedOptions={[String(state.selected)]}
          onOptionSelect={(_, d) => d.optionValue !== undefined && onSelect(Number(d.optionValue))}
        >
          {proposals.map((_, i) => (
            <Option key={i} value={String(i)}>
              {name(i)}
            </Option>
          ))}
        </Dropdown>
      )}
      {proposals.length === 1 && <Text weight="semibold">{name(0)}</Text>}
      {found && (
        <Caption1 data-testid="recognised">
          {[templateLabel(found.template), yearSpan(found.input.years.map(Number)), found.input.priceLevel].filter(Boolean).join(" · ")}
          {found.inferred.length > 0 && (
            <>
              {" · "}
              <Popover withArrow>
                <PopoverTrigger disableButtonEnhancement>
                  <Link as="button">
                    {found.inferred.length === 1 ? "1 rækketype gættet" : `${found.inferred.length} rækketyper gættet`}
                  </Link>
                </PopoverTrigger>
                <PopoverSurface aria-label="Gættede rækketyper">
                  <ul className={styles.notes}>
                    {found.inferred.map((n, i) => (
                      <li key={i}>{n}</li>
                    ))}
                  </ul>
                </PopoverSurface>
              </Popover>
            </>
          )}
        </Caption1>
      )}
      {found && state.reading?.stamp && state.reading.stamp.proposalSheet === found.sheet && (
        <Caption1 data-testid="stamp">Sidst beregnet {stampTime(state.reading.stamp.time)}</Caption1>
      )}
      {state.reading && proposals.length === 0 && !state.busy && (
        <Caption1 data-testid="no-proposal">Ingen forslag fundet i projektmappen.</Caption1>
      )}
      {state.starting && <Caption1>Læser projektmappen …</Caption1>}
    </header>
  );
}
