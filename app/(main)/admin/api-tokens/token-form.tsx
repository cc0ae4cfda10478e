"use client";

import { SubmitButton } from "@/components/ui/submit-button";
import { Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createTokenAction, type TokenFormState } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Subjects = {
  couriers: { id: number; name: string; carrierName: string }[];
  kiosks: { id: number; name: string; siteName: string }[];
};

export function TokenForm({ subjects }: { subjects: Subjects }) {
  const { state, formAction: action, values, errors } = useFormAction<TokenFormState>(createTokenAction);
  return (
    <div className="flex flex-col gap-4">
      {state.status === "created" ? (
        <Alert tone="success">
          <p className="font-semibold">{state.message} Copy it now — it is not shown again.</p>
          <label htmlFor="new-token" className="mt-2 block text-sm">
            New API token
          </label>
          <input
            id="new-token"
            readOnly
            value={state.token}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 w-full rounded border border-green-400 bg-white px-2 py-1 font-mono text-sm"
          />
        </Alert>
      ) : null}
      <form key={state.status === "created" ? state.token : "form"} action={action} className="flex flex-col gap-4" noValidate>
        {state.status === "created" ? null : <FormMessage state={state} />}
        <Field name="name" label="Name" required maxLength={80} defaultValue={values.name} errors={errors.name} hint="Who or what uses it, e.g. “ZTO handheld 3”." />
        <Select name="subject" label="Acts as" required defaultValue={values.subject ?? ""} errors={errors.subject} hint="A courier token can deposit at that courier's sites; a kiosk token can only collect at its kiosk.">
          <option value="" disabled>
            Choose a courier or a kiosk
          </option>
          <optgroup label="Courier accounts">
            {subjects.couriers.map((courier) => (
              <option key={courier.id} value={`courier:${courier.id}`}>
                {courier.name} ({courier.carrierName})
              </option>
            ))}
          </optgroup>
          <optgroup label="Kiosks">
            {subjects.kiosks.map((kiosk) => (
              <option key={kiosk.id} value={`kiosk:${kiosk.id}`}>
                {kiosk.name} at {kiosk.siteName}
              </option>
            ))}
          </optgroup>
        </Select>
        <div>
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </div>
      </form>
    </div>
  );
}
