"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { Field, Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { SIZE_DIMENSIONS, SIZES } from "@/lib/slots/sizes";

export type RouteChoice = { siteId: number; siteName: string; siteAddress: string; carriers: { carrierId: number; carrierName: string }[] };

/**
 * Starting a shipment: station and carrier (one choice, grouped by station, since each
 * station has its own carriers), size, recipient, and the declaration against the
 * prohibited list (worded by the page), which is shown in full above the box that confirms it.
 */
export function ShipmentForm({ action, routes, prohibited }: { action: FormAction; routes: RouteChoice[]; prohibited: readonly string[] }) {
  const t = useTranslations("customer.send.form");
  const sizes = useTranslations("sizes");
  const { state, formAction, values, errors } = useFormAction(action);
  // Station and carrier are one choice: a missing one is said once, not once per id.
  const routeErrors = [...new Set([...(errors.route ?? []), ...(errors.siteId ?? []), ...(errors.carrierId ?? [])])];
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {/* Keyed by the answer's echo: React resets a form after its action, and a select only
          takes its defaultValue when mounted, so a refused form would lose the choice. */}
      <Select key={`route-${values.route ?? ""}`} name="route" label={t("route")} defaultValue={values.route ?? ""} errors={routeErrors} required>
        <option value="" disabled>
          {t("routePlaceholder")}
        </option>
        {routes.map((route) => (
          <optgroup key={route.siteId} label={t("routeGroup", { site: route.siteName, address: route.siteAddress })}>
            {route.carriers.map((carrier) => (
              <option key={carrier.carrierId} value={`${route.siteId}:${carrier.carrierId}`}>
                {t("routeOption", { carrier: carrier.carrierName, site: route.siteName })}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <Select key={`size-${values.size ?? ""}`} name="size" label={t("size")} defaultValue={values.size ?? "S"} errors={errors.size} hint={t("sizeHint")}>
        {SIZES.map((size) => {
          const d = SIZE_DIMENSIONS[size];
          return (
            <option key={size} value={size}>
              {t("sizeOption", { size: sizes(size), width: d.widthMm / 10, height: d.heightMm / 10, depth: d.depthMm / 10 })}
            </option>
          );
        })}
      </Select>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-base font-semibold">{t("recipient")}</legend>
        <Field name="recipientName" label={t("name")} autoComplete="off" defaultValue={values.recipientName} errors={errors.recipientName} required />
        <Field name="recipientPhone" label={t("phone")} type="tel" autoComplete="off" defaultValue={values.recipientPhone} errors={errors.recipientPhone} required />
        <TextArea name="recipientAddress" label={t("address")} defaultValue={values.recipientAddress} errors={errors.recipientAddress} required />
      </fieldset>
      <section aria-labelledby="prohibited-heading" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
        <h2 id="prohibited-heading" className="font-semibold">
          {t("prohibitedHeading")}
        </h2>
        <ul className="mt-2 list-disc pl-5 text-sm">
          {prohibited.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <div className="flex flex-col gap-1">
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            name="declaration"
            defaultChecked={values.declaration === "on"}
            aria-describedby="declaration-error"
            aria-invalid={errors.declaration ? true : undefined}
            className="mt-1 h-5 w-5 accent-brand-600"
          />
          <span>{t("declaration")}</span>
        </label>
        <p id="declaration-error" aria-live="polite" className="text-sm text-red-700">
          {errors.declaration?.join(" ")}
        </p>
      </div>
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
