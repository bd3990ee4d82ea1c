/**
 * Unit names as written (SPEC §1) → canonical code. The engine's canonicalUnit first; then the
 * same name patterns on text folded by squeeze(), because canonicalUnit (src/engine/units.ts)
 * currently folds "Kultur- og Fritidsudvalget" to "kulturog …" and misses every "X- og Y" name.
 * Reported to the lead; this wrapper can go when units.ts is fixed.
 */
import { canonicalUnit } from "../engine/units";
import { squeeze } from "./labels";

const NAME_PATTERNS: [RegExp, string][] = [
  [/^kultur- og fritids(udvalget|forvaltningen)\b/, "KFU"],
  [/^børne- og ungdoms(udvalget|forvaltningen)\b/, "BUU"],
  [/^sundheds- og omsorgs(udvalget|forvaltningen)\b/, "SUU"],
  [/^teknik- og miljø(udvalget|forvaltningen)\b/, "TMU"],
  [/^beskæftigelses- og integrations(udvalget|forvaltningen)\b/, "BIU"],
];

export function unitCode(text: string): string | undefined {
  const c = canonicalUnit(text);
  if (c) return c;
  const s = squeeze(text);
  for (const [re, code] of NAME_PATTERNS) if (re.test(s)) return code;
  return undefined;
}
