"use client";

import Link from "next/link";
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
  const value = (name: keyof AdminSite & string) =>
    state.status === "error" ? state.values[name] : site ? String(site[name]) : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      {site ? <input type="hidden" name="siteId" value={site.id} /> : null}
      <fieldset className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <legend className="mb-2 text-base font-semibold">The station</legend>
        <Field name="name" label="Name" required maxLength={80} defaultValue={value("name")} errors={errors.name} hint="As residents call it, e.g. South Gate Station." />
        <Field
          name="code"
          label="Short code"
          required
          maxLength={12}
          autoCapitalize="characters"
          defaultValue={value("code")}
          errors={errors.code}
          hint={site ? "Shown on the kiosk and in its address." : "2–12 letters or digits, e.g. ZJG-S."}
        />
        <Field name="address" label="Address" required maxLength={200} defaultValue={value("address")} errors={errors.address} className="sm:col-span-2" />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Where it is</legend>
        <Field
          name="latitude"
          label="Latitude"
          inputMode="decimal"
          required
          defaultValue={value("latitude")}
          errors={errors.latitude}
          hint="Decimal degrees, north positive, e.g. 30.3057."
        />
        <Field
          name="longitude"
          label="Longitude"
          inputMode="decimal"
          required
          defaultValue={value("longitude")}
          errors={errors.longitude}
          hint="Decimal degrees, east positive, e.g. 120.0893."
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">How it works</legend>
        <Field
          name="openingHours"
          label="Opening hours"
          required
          maxLength={80}
          defaultValue={value("openingHours") ?? (site ? undefined : "Open 24 hours")}
          errors={errors.openingHours}
          hint="As shown to customers, e.g. 07:00–23:00 daily."
        />
        <Field
          name="holdPeriodHours"
          label="Hold period (hours)"
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          required
          defaultValue={value("holdPeriodHours") ?? (site ? undefined : "72")}
          errors={errors.holdPeriodHours}
          hint={site ? "Applies to parcels deposited from now on." : "How long a parcel waits before it expires; 1 to 720."}
        />
        <Select
          name="timeZone"
          label="Time zone"
          defaultValue={value("timeZone") ?? DEFAULT_TIME_ZONE}
          errors={errors.timeZone}
          hint="When the station's days start and how its times read."
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
        <SubmitButton pendingLabel={site ? "Saving…" : "Creating…"}>{site ? "Save changes" : "Create site"}</SubmitButton>
        <Link href={site ? `/admin/sites/${site.id}` : "/admin/sites"} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
