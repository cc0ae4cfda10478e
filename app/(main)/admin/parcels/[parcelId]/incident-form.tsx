"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { reportIncidentAction } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";

/** Lost or damaged, with what happened. */
export function IncidentForm({ parcelId, recorded }: { parcelId: number; recorded: ("lost" | "damaged")[] }) {
  const { state, formAction: action, values, errors } = useFormAction(reportIncidentAction);
  const t = useTranslations("admin.parcels.incidentForm");
  const tIncident = useTranslations("admin.parcels.incident");
  const open = (["damaged", "lost"] as const).filter((kind) => !recorded.includes(kind));
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="parcelId" value={parcelId} />
      {open.length === 0 ? (
        <p className="text-sm text-gray-700">{t("bothRecorded")}</p>
      ) : (
        <>
          <fieldset className="flex flex-col gap-2" aria-describedby="incident-kind-error">
            <legend className="text-sm font-medium text-gray-800">{t("whatHappened")}</legend>
            <div className="flex flex-wrap gap-2">
              {open.map((kind, index) => (
                <label key={kind} className="flex min-h-11 items-center gap-2 rounded-lg border border-gray-300 bg-white px-3">
                  <input
                    type="radio"
                    name="kind"
                    value={kind}
                    defaultChecked={values.kind ? values.kind === kind : index === 0}
                    className="h-5 w-5 accent-brand-600"
                  />
                  {tIncident(kind)}
                </label>
              ))}
            </div>
            <p id="incident-kind-error" aria-live="polite" className="text-sm text-red-700">
              {errors.kind?.join(" ")}
            </p>
          </fieldset>
          <TextArea
            id="incident-note"
            name="note"
            label={t("note")}
            rows={2}
            maxLength={300}
            required
            defaultValue={values.note}
            errors={errors.note}
            placeholder={t("noteExample")}
          />
          <div>
            <SubmitButton variant="danger" pendingLabel={t("recording")}>
              {t("record")}
            </SubmitButton>
          </div>
        </>
      )}
    </form>
  );
}
