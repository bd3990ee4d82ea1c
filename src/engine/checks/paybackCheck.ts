/**
 * PAYBACK_MISMATCH, PAYBACK_OVER_LIMIT, PAYBACK_NOT_APPLICABLE (SPEC §3, §6). Every message names
 * the rule used and, on a mismatch, what the 0 % rule gives, so the reader can judge.
 */
import { readPaybackText } from "../amountText";
import type { Finding, Proposal } from "../model";
import { overPoolLimit, paybackText } from "../payback";
import type { PaybackOutcome, PaybackResult } from "../result";
import { quoteText } from "../quote";

const NAMES = { service: "baseret på serviceeffektivisering", total: "baseret på totaløkonomi" } as const;

function agrees(stated: { years: number | null; breakEvenYear?: number; never: boolean }, computed: PaybackOutcome): boolean {
  if (stated.never) return computed.years === null;
  if (computed.years === null) return false;
  if (stated.years !== computed.years) return false;
  // a bare "5" without year is not a mismatch (SPEC §6)
  return stated.breakEvenYear === undefined || stated.breakEvenYear === computed.breakEvenYear;
}

export function checkPayback(proposal: Proposal, payback: { service: PaybackResult | null; total: PaybackResult | null }): Finding[] {
  const findings: Finding[] = [];
  for (const which of ["service", "total"] as const) {
    const text = proposal.stated.payback?.[which];
    const computed = payback[which];
    const location = proposal.locate(`stated.payback.${which}`);
    if (text === undefined || text.trim() === "") continue;
    if (computed === null) {
      findings.push({
        code: "PAYBACK_NOT_APPLICABLE",
        severity: "info",
        message: `Tilbagebetalingstid ${NAMES[which]} er angivet ("${quoteText(text)}"), men forslaget har ingen investering, så tilbagebetalingstid er ikke relevant`,
        location,
      });
      continue;
    }
    const stated = readPaybackText(text);
    if (!stated) {
      findings.push({
        code: "UNREADABLE",
        severity: "warning",
        message: `Tilbagebetalingstid ${NAMES[which]}: "${quoteText(text)}" kan ikke læses som et antal år; beregnet ${computed.text}, ${computed.rule}`,
        location,
      });
      continue;
    }
    if (agrees(stated, computed)) continue;
    const other = computed.rate.isZero()
      ? ""
      : `; udiskonteret (0 %) giver ${paybackText(computed.undiscounted)}` +
        (agrees(stated, computed.undiscounted) ? ", som det angivne" : "");
    findings.push({
      code: "PAYBACK_MISMATCH",
      severity: "error",
      message: `Tilbagebetalingstid ${NAMES[which]} angivet "${quoteText(text)}"; beregnet ${computed.text}, ${computed.rule}${other}`,
      location,
    });
  }
  const service = payback.service;
  if (overPaybackLimit(proposal, service)) {
    findings.push({
      code: "PAYBACK_OVER_LIMIT",
      severity: "warning",
      message: `Tilbagebetalingstid baseret på serviceeffektivisering er ${service.text} (${service.rule}; udiskonteret ${paybackText(service.undiscounted)}), over investeringspuljens grænse på ${proposal.settings.paybackLimitYears} år: kræver særskilt politisk prioritering`,
      location: proposal.locate("stated.payback.service"),
    });
  }
  return findings;
}

/**
 * PAYBACK_OVER_LIMIT's question, also the catalogue's `**` marker (Bilag 7 Tabel 2: særskilt
 * politisk prioritering): the pool rule of payback.ts on the service payback and its 0 % twin.
 */
export function overPaybackLimit(proposal: Proposal, service: PaybackResult | null): service is PaybackResult {
  return service !== null && overPoolLimit(proposal, service, service.undiscounted);
}
