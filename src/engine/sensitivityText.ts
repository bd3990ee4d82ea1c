/**
 * The Følsomhed table's words (Danish), shared by the terminal, the pane and the written sheet so
 * they say the same: the break-even effect, what every number assumes, the present value shown
 * in whole t.kr. (SPEC §4's rounding, once, at the boundary).
 */
import Decimal from "decimal.js";
import { formatAmount } from "./format";
import { roundHalfAwayFromZero } from "./series";
import type { Scenario, Sensitivity } from "./sensitivity";

export const percentText = (d: Decimal) => `${formatAmount(d.times(100))} %`;

/** "Brudpunkt: …" in words; shared by the terminal, the pane and the sheet. */
export function breakEvenText(s: Sensitivity): string {
  if (s.limitYears === null) return "Brudpunkt: profilen har ingen grænse for tilbagebetalingstiden.";
  const rule = `baseret på serviceeffektivisering, diskonteret med ${percentText(s.rate)}`;
  if (s.breakEvenEffect === null)
    return `Brudpunkt: selv 5 × de angivne effekter giver ikke en tilbagebetalingstid (${rule}) inden for ${s.limitYears} år.`;
  return `Brudpunkt: effekterne skal være mindst ${formatAmount(s.breakEvenEffect)} × de angivne, for at tilbagebetalingstiden (${rule}) holder sig inden for ${s.limitYears} år.`;
}

/** What every number assumes, for the reader of the risk section. */
export function assumptionLines(s: Sensitivity, mark = "*"): string[] {
  return [
    `År 1 er ${s.year1} (forslagets første år med tal) i alle scenarier.`,
    `Nutidsværdi: Samlet økonomisk påvirkning i ${s.horizonYears} år fra ${s.year1}, den varige del gentaget efter sidste kolonne, diskonteret til ${s.year1} med scenariets rente; t.kr., negativ = gevinst.`,
    `Tilbagebetalingstid: år til den akkumulerede påvirkning bliver og forbliver under 0, diskonteret med ${percentText(s.rate)}, medmindre scenariet selv ændrer renten.`,
    "Forsinkelse og −20 % gælder effekt- og tabsrækker; +20 % på implementering gælder de positive beløb (tilbagebetalinger står uændret).",
    s.limitYears === null
      ? "Ingen grænse for investeringspuljen i denne profil."
      : `${mark} over investeringspuljens grænse på ${s.limitYears} år, både med scenariets rente og udiskonteret (samme regel som advarslen PAYBACK_OVER_LIMIT).`,
  ];
}

export function npvText(d: Decimal): string {
  return formatAmount(roundHalfAwayFromZero(d), 0);
}

/** What a scenario changed, in words, for the sheet's "Ændring" column (short: it is printed). */
export function scenarioChange(x: Scenario): string {
  const size = x.size ?? new Decimal(0);
  switch (x.name) {
    case "stated":
      return "som skrevet";
    case "delay":
      return `effekt og tab flyttet ${size.toString()} år`;
    case "effect-down":
      return `effekt og tab × ${formatAmount(new Decimal(1).minus(size))}`;
    case "investment-up":
      return `implementering × ${formatAmount(new Decimal(1).plus(size))}`;
    case "drift-up":
      return `varig drift × ${formatAmount(new Decimal(1).plus(size))}`;
    case "rate-low":
    case "rate-high":
      return `rente ${percentText(size)}`;
  }
}

/** Words to lines of at most `width` characters, continuation indented by two spaces. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = "  " + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
