"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PickupSite } from "@/lib/customer/preferences";
import { setPreferredSiteAction } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function PreferredSiteForm({ sites, current }: { sites: PickupSite[]; current: number | null }) {
  const t = useTranslations("account");
  const { state, formAction: action } = useFormAction(setPreferredSiteAction);
  const errors = state.status === "error" ? state.fieldErrors.siteId : undefined;
  const chosen = state.status === "error" ? state.values.siteId : current != null ? String(current) : "";
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <div className="flex flex-col gap-1">
        <label htmlFor="field-siteId" className="text-sm font-medium text-gray-800">
          {t("preferredSite")}
        </label>
        <select
          id="field-siteId"
          name="siteId"
          defaultValue={chosen}
          aria-describedby="field-siteId-hint field-siteId-error"
          aria-invalid={errors ? true : undefined}
          className="min-h-11 rounded-lg border border-gray-400 bg-white px-3 py-2 text-base"
        >
          <option value="">{t("noPreference")}</option>
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name} — {site.openingHours}
            </option>
          ))}
        </select>
        <p id="field-siteId-hint" className="text-sm text-gray-600">
          {t("preferredSiteHint")}
        </p>
        <p id="field-siteId-error" aria-live="polite" className="text-sm text-red-700">
          {errors?.join(" ")}
        </p>
      </div>
      <SubmitButton pendingLabel={t("saving")} className="w-full sm:w-fit">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
