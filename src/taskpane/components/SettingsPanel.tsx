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
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { resolveSettings, SettingsError } from "../../engine/settings";
import type { ProfileName } from "../../engine/model";
import { effectiveSettings, type PaneSettings, type PaneState } from "../controller";
import type { SaveSettings } from "../handlers";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

interface Draft {
  profile: string;
  discountRate: string;
  paybackLimitYears: string;
  tabel211Basis: string;
  maaltalPolicy: string;
  cellNotes: string;
}

const toDraft = (s: PaneSettings): Draft => ({
  profile: s.profile ?? "",
  discountRate: s.discountRate === undefined ? "" : String(s.discountRate),
  paybackLimitYears: s.paybackLimitYears === undefined ? "" : String(s.paybackLimitYears),
  tabel211Basis: s.tabel211Basis ?? "",
  maaltalPolicy: s.maaltalPolicy ?? "",
  cellNotes: s.cellNotes === undefined ? "" : s.cellNotes === true || s.cellNotes === "ja" ? "ja" : "nej",
});

/** Only what the user set: blank fields keep the profile's default. */
function fromDraft(d: Draft): PaneSettings {
  const s: PaneSettings = {};
  if (d.profile) s.profile = d.profile as ProfileName;
  if (d.discountRate.trim()) s.discountRate = d.discountRate.trim();
  if (d.paybackLimitYears.trim()) s.paybackLimitYears = d.paybackLimitYears.trim();
  if (d.tabel211Basis) s.tabel211Basis = d.tabel211Basis;
  if (d.maaltalPolicy) s.maaltalPolicy = d.maaltalPolicy;
  if (d.cellNotes) s.cellNotes = d.cellNotes;
  return s;
}

/** Settings (SPEC §9): discount rate, payback limit, 2.1.1 basis, måltal policy. */
export function SettingsPanel({ state, onSave, onInvalid }: { state: PaneState; onSave: SaveSettings; onInvalid?: () => void }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => toDraft(effectiveSettings(state)));
  const [error, setError] = useState<{ field: string; message: string }>();
  const found = state.reading?.proposals[state.selected];
  const set = (k: keyof Draft) => (_: unknown, d: { value: string }) => setDraft({ ...draft, [k]: d.value });
  const save = () => {
    const s = fromDraft(draft);
    try {
      const { profile: _p, ...engine } = s;
      void _p;
      resolveSettings(engine); // same validation as the engine, so a bad value is caught here
      setError(undefined);
      onSave(s);
    } catch (e) {
      if (e instanceof SettingsError) {
        setError({ field: e.field.replace(/^settings\./, ""), message: e.message.replace(/^settings\.\w+: /, "") });
        onInvalid?.();
      } else throw e;
    }
  };
  const msg = (f: string) => (error?.field === f ? { validationState: "error" as const, validationMessage: error.message } : {});
  return (
    <Accordion collapsible>
      <AccordionItem value="settings">
        <AccordionHeader size="small">Indstillinger</AccordionHeader>
        <AccordionPanel>
          <div className={styles.form}>
            <Field label="Profil" hint="Tomme felter bruger profilens standard.">
              <Select value={draft.profile} onChange={set("profile")}>
                <option value="">Genkendt{found ? ` (${found.template})` : ""}</option>
                <option value="kk-2025">kk-2025</option>
                <option value="kk-2018">kk-2018</option>
                <option value="kk-2016">kk-2016</option>
              </Select>
            </Field>
            <Field label="Diskonteringsrente" hint="Standard 2 %; 0 giver den udiskonterede regel." {...msg("discountRate")}>
              <Input value={draft.discountRate} placeholder="2 %" onChange={set("discountRate")} />
            </Field>
            <Field label="Grænse for tilbagebetalingstid (år)" hint="Investeringspuljens grænse; standard 6." {...msg("paybackLimitYears")}>
              <Input value={draft.paybackLimitYears} placeholder="6" inputMode="numeric" onChange={set("paybackLimitYears")} />
            </Field>
            <Field label="Grundlag for Tabel 2.1.1" {...msg("tabel211Basis")}>
              <Select value={draft.tabel211Basis} onChange={set("tabel211Basis")}>
                <option value="">Standard (Tabel A)</option>
                <option value="A">Tabel A (måltalseffekt)</option>
                <option value="C">Tabel C (bevillingsmæssig effekt)</option>
              </Select>
            </Field>
            <Field label="Måltalspolitik" {...msg("maaltalPolicy")}>
              <Select value={draft.maaltalPolicy} onChange={set("maaltalPolicy")}>
                <option value="">Standard</option>
                <option value="standard">Kredit/finansiering (2025)</option>
                <option value="net">Kun nettobesparere (2018)</option>
              </Select>
            </Field>
            <Field label="Noter i cellerne" hint="Beregn sætter en note ved hver advarsel og fejl." {...msg("cellNotes")}>
              <Select value={draft.cellNotes} onChange={set("cellNotes")}>
                <option value="">Standard (til)</option>
                <option value="ja">Til</option>
                <option value="nej">Fra</option>
              </Select>
            </Field>
            <Button size="small" disabled={!!state.busy} onClick={save} data-testid="gem-indstillinger">
              Gem indstillinger
            </Button>
            {state.settingsSaved === "session" && <Caption1>Bruges fra nu af; gemmes i projektmappen ved næste Beregn.</Caption1>}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
