/**
 * PAYBACK_MISMATCH, PAYBACK_OVER_LIMIT, PAYBACK_NOT_APPLICABLE (SPEC §3, §6). Every message names
 * the rule used and, on a mismatch, what the 0 % rule gives, so the reader can judge.
 */
import { readPaybackText } from "../amountText";
import type { Finding, Proposal } from "../model";
import { paybackText } from "../payback";
import type { PaybackOutcome, PaybackResult } from "../result";

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
        message: `Tilbagebetalingstid ${NAMES[which]} er angivet ("${text}"), men forslaget har ingen investering, så tilbagebetalingstid er ikke relevant`,
        location,
      });
      continue;
    }
    const stated = readPaybackText(text);
    if (!stated) {
      findings.push({
        code: "UNREADABLE",
        severity: "warning",
        message: `Tilbagebetalingstid ${NAMES[which]}: "${text}" kan ikke læses som et antal år; beregnet ${computed.text}, ${computed.rule}`,
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
      message: `Tilbagebetalingstid ${NAMES[which]} angivet "${text}"; beregnet ${computed.text}, ${computed.rule}${other}`,
      location,
    });
  }
  const service = payback.service;
  const limit = proposal.settings.paybackLimitYears;
  if (service && limit !== null) {
    if (overPaybackLimit(proposal, service)) {
      findings.push({
        code: "PAYBACK_OVER_LIMIT",
        severity: "warning",
        message: `Tilbagebetalingstid baseret på serviceeffektivisering er ${service.text} (${service.rule}; udiskonteret ${paybackText(service.undiscounted)}), over investeringspuljens grænse på ${limit} år: kræver særskilt politisk prioritering`,
        location: proposal.locate("stated.payback.service"),
      });
    }
  }
  return findings;
}

/**
 * The investment pool's rule (SPEC §3, unverified, a setting): the service payback is above the
 * limit. The rate is fitted, not known, so the breach must hold at 0 % too (2025 F4: 7 years at
 * 2 %, 6 at 0 %, no warning). The innovation pool has no limit (HELPERS.md contract). Also the
 * `**` marker of the catalogue (Bilag 7 Tabel 2: særskilt politisk prioritering).
 */
export function overPaybackLimit(proposal: Proposal, service: PaybackResult | null): boolean {
  const limit = proposal.settings.paybackLimitYears;
  if (!service || limit === null) return false;
  if (proposal.kind === "innovation" || proposal.kind === "preliminary") return false;
  const over = (o: PaybackOutcome) => o.years === null || o.years > limit;
  return over(service) && over(service.undiscounted);
}
