"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ConsentSettings } from "@/lib/consent/my-preferences";
import type { FormState } from "@/lib/forms/state";

const STANDING = ["allow", "ask", "refuse"] as const;

/** Sunday first: the index is the day's number the verb stores (0–6). */
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

export function LockerPreferencesForm({
  settings,
  action,
  token,
}: {
  settings: ConsentSettings;
  action: FormAction<FormState>;
  /** Set from a text's link by someone without an account: the link's signed token. */
  token?: string;
}) {
  const t = useTranslations("customer.preferences");
  const { state, formAction, values, errors } = useFormAction(action);
  // Nothing preselected when no choice is recorded (consent must be given, never defaulted).
  const standing = values.standing ?? settings.standing;
  const listed = (name: string, fallback: number[]) =>
    values[name] !== undefined ? values[name]!.split(",").filter(Boolean).map(Number) : fallback;
  const askCarrierIds = listed("askCarrierIds", settings.askCarrierIds);
  const refuseDays = listed("refuseDays", settings.refuseDays);
  return (
    <form action={formAction} className="flex flex-col gap-5" aria-label={t("label")}>
      <FormMessage state={state} />
      {token !== undefined ? <input type="hidden" name="token" value={token} /> : null}
      <fieldset className="flex flex-col gap-2" aria-describedby="field-standing-error">
        <legend className="mb-1 font-semibold">{t("standingLegend")}</legend>
        {STANDING.map((choice) => (
          <label key={choice} className="flex min-h-11 items-start gap-3 rounded-xl border border-gray-200 p-3">
            <input type="radio" name="standing" value={choice} defaultChecked={standing === choice} className="mt-1 size-5" />
            <span>
              <span className="font-medium">{t(`standing.${choice}.label`)}</span>
              <span className="block text-sm text-gray-700">{t(`standing.${choice}.hint`)}</span>
            </span>
          </label>
        ))}
        <p id="field-standing-error" aria-live="polite" className="text-sm text-red-700">
          {errors.standing?.join(" ")}
        </p>
      </fieldset>

      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-semibold">{t("askCarriers")}</legend>
        {settings.carriers.map((carrier) => (
          <label key={carrier.id} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="askCarrierIds" value={carrier.id} defaultChecked={askCarrierIds.includes(carrier.id)} className="size-5" />
            {carrier.name}
          </label>
        ))}
      </fieldset>

      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-semibold">{t("refuseDays")}</legend>
        <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-4">
          {DAYS.map((day, index) => (
            <label key={day} className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name="refuseDays" value={index} defaultChecked={refuseDays.includes(index)} className="size-5" />
              {t(`days.${day}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="flex flex-col gap-1">
        <label htmlFor="field-awayUntil" className="font-semibold">
          {t("awayUntil")}
        </label>
        <input
          id="field-awayUntil"
          name="awayUntil"
          type="date"
          min={settings.earliestAwayUntil}
          defaultValue={values.awayUntil ?? settings.awayUntil ?? ""}
          aria-describedby="field-awayUntil-hint field-awayUntil-error"
          aria-invalid={errors.awayUntil ? true : undefined}
          className="min-h-11 w-fit rounded-lg border border-gray-400 bg-white px-3 py-2 text-base"
        />
        <p id="field-awayUntil-hint" className="text-sm text-gray-600">
          {t("awayUntilHint")}
        </p>
        <p id="field-awayUntil-error" aria-live="polite" className="text-sm text-red-700">
          {errors.awayUntil?.join(" ")}
        </p>
      </div>

      <SubmitButton pendingLabel={t("saving")} className="w-full sm:w-fit">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
