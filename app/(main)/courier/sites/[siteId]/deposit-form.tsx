"use client";

import { DEPOSIT_IDLE, type DepositValues } from "@/components/courier/deposit-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { SiteFullNotice } from "@/components/courier/site-full-notice";
import { SizePicker, type SizeChoice } from "@/components/courier/size-picker";
import { TrackingField } from "@/components/courier/tracking-field";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { carryOverAction, reserveAction } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function DepositForm({
  siteId,
  siteName,
  sizes,
  servedSiteIds,
  draft,
  focusFirst,
}: {
  siteId: number;
  siteName: string;
  sizes: SizeChoice[];
  servedSiteIds: number[];
  /** Details carried over from another site or a cancelled reservation. */
  draft: DepositValues | null;
  focusFirst: boolean;
}) {
  const { state, formAction: action } = useFormAction(reserveAction, DEPOSIT_IDLE);
  const values: DepositValues = state.status === "error" ? state.values : (draft ?? {});
  // One message per field: an empty field breaks several rules, and the first says it best.
  const errors = Object.fromEntries(
    Object.entries(state.status === "error" ? state.fieldErrors : {}).map(([field, messages]) => [field, messages.slice(0, 1)]),
  );
  const optionalOpen = Boolean(values.recipientName || values.recipientEmail || errors.recipientName || errors.recipientEmail);
  return (
    <div className="flex flex-col gap-4">
      {state.status === "error" && state.siteFull ? (
        <SiteFullNotice
          notice={state.siteFull}
          siteName={siteName}
          values={values}
          servedSiteIds={servedSiteIds}
          switchAction={carryOverAction}
        />
      ) : null}
      <form action={action} className="flex flex-col gap-4" noValidate aria-label="Deposit a parcel">
        {state.status === "error" && state.siteFull ? null : <FormMessage state={state} />}
        <input type="hidden" name="siteId" value={siteId} />
        <TrackingField defaultValue={values.trackingNumber} errors={errors.trackingNumber} autoFocus={focusFirst} />
        <Field
          name="recipientPhone"
          label="Recipient phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          enterKeyHint="next"
          required
          defaultValue={values.recipientPhone}
          errors={errors.recipientPhone}
        />
        <SizePicker choices={sizes} defaultSize={values.size} errors={errors.size} />
        <details open={optionalOpen} className="group rounded-xl border border-gray-200 px-4 py-2">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-gray-800">
            Recipient name and email <span className="ml-1 font-normal text-gray-600">(optional)</span>
          </summary>
          <div className="flex flex-col gap-3 pb-2 pt-1">
            <Field
              name="recipientName"
              label="Recipient name"
              autoComplete="off"
              defaultValue={values.recipientName}
              errors={errors.recipientName}
            />
            <Field
              name="recipientEmail"
              label="Recipient email"
              type="email"
              inputMode="email"
              autoComplete="off"
              hint="The pickup code is sent here too."
              defaultValue={values.recipientEmail}
              errors={errors.recipientEmail}
            />
          </div>
        </details>
        {errors.siteId ? <p className="text-sm text-red-700">{errors.siteId.join(" ")}</p> : null}
        <SubmitButton pendingLabel="Opening a door…" className="min-h-14 w-full text-lg">
          Open a door
        </SubmitButton>
      </form>
    </div>
  );
}
