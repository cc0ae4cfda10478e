"use client";

import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createCarrierAction } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function CarrierForm() {
  const { state, formAction: action, values, errors } = useFormAction(createCarrierAction);
  const key = state.status === "success" ? state.message : "form";
  return (
    <form key={key} action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Name" required maxLength={80} defaultValue={values.name} errors={errors.name} hint="e.g. JD Logistics" />
      <Field
        name="code"
        label="Code"
        required
        maxLength={10}
        autoCapitalize="characters"
        defaultValue={values.code}
        errors={errors.code}
        hint="2–10 letters or digits, unique in the network, e.g. JD."
      />
      <Field name="contactPhone" label="Customer service phone (optional)" type="tel" defaultValue={values.contactPhone} errors={errors.contactPhone} />
      <Field
        name="trackingUrl"
        label="Tracking page (optional)"
        hint="An https:// address with {waybill} where the waybill number goes; customers who send parcels get this link."
        type="url"
        defaultValue={values.trackingUrl}
        errors={errors.trackingUrl}
      />
      <div>
        <SubmitButton pendingLabel="Adding…">Add carrier</SubmitButton>
      </div>
    </form>
  );
}
