"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { AdminSite } from "@/lib/sites/admin-sites";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { createSiteAction, updateSiteAction } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Creates a site, or edits one when `site` is given. `timeZones` come from the server, so
 * the options match whatever the browser's own Intl knows.
 */
export function SiteForm({ site, timeZones }: { site?: AdminSite; timeZones: readonly string[] }) {
  const { state, formAction: action, errors } = useFormAction(site ? updateSiteAction : createSiteAction);
  const t = useTranslations("admin.sites.form");
  const value = (name: keyof AdminSite & string) =>
    state.status === "error" ? state.values[name] : site ? String(site[name]) : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      {site ? <input type="hidden" name="siteId" value={site.id} /> : null}
      <fieldset className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <legend className="mb-2 text-base font-semibold">{t("station")}</legend>
        <Field name="name" label={t("name")} required maxLength={80} defaultValue={value("name")} errors={errors.name} hint={t("nameHint")} />
        <Field
          name="code"
          label={t("code")}
          required
          maxLength={12}
          autoCapitalize="characters"
          defaultValue={value("code")}
          errors={errors.code}
          hint={site ? t("codeHintEdit") : t("codeHint")}
        />
        <Field name="address" label={t("address")} required maxLength={200} defaultValue={value("address")} errors={errors.address} className="sm:col-span-2" />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("where")}</legend>
        <Field
          name="latitude"
          label={t("latitude")}
          inputMode="decimal"
          required
          defaultValue={value("latitude")}
          errors={errors.latitude}
          hint={t("latitudeHint")}
        />
        <Field
          name="longitude"
          label={t("longitude")}
          inputMode="decimal"
          required
          defaultValue={value("longitude")}
          errors={errors.longitude}
          hint={t("longitudeHint")}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("how")}</legend>
        <Field
          name="openingHours"
          label={t("openingHours")}
          required
          maxLength={80}
          defaultValue={value("openingHours") ?? (site ? undefined : t("openingHoursDefault"))}
          errors={errors.openingHours}
          hint={t("openingHoursHint")}
        />
        <Field
          name="holdPeriodHours"
          label={t("holdPeriod")}
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          required
          defaultValue={value("holdPeriodHours") ?? (site ? undefined : "72")}
          errors={errors.holdPeriodHours}
          hint={site ? t("holdPeriodHintEdit") : t("holdPeriodHint")}
        />
        <Select
          name="timeZone"
          label={t("timeZone")}
          defaultValue={value("timeZone") ?? DEFAULT_TIME_ZONE}
          errors={errors.timeZone}
          hint={t("timeZoneHint")}
          className="sm:col-span-2"
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </Select>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={site ? t("saving") : t("creating")}>{site ? t("save") : t("create")}</SubmitButton>
        <Link href={site ? `/admin/sites/${site.id}` : "/admin/sites"} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
