"use client";

import Link from "next/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckboxGroup, Select } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createCourierAction } from "../../actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Choice = { id: number; name: string };

export function CourierForm({ carriers, sites }: { carriers: Choice[]; sites: (Choice & { code: string })[] }) {
  const { state, formAction: action, values, errors } = useFormAction(createCourierAction);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" autoComplete="off" required maxLength={80} defaultValue={values.name} errors={errors.name} />
        <Select name="carrierId" label="Carrier" required defaultValue={values.carrierId ?? ""} errors={errors.carrierId}>
          <option value="" disabled>
            Choose a carrier
          </option>
          {carriers.map((carrier) => (
            <option key={carrier.id} value={carrier.id}>
              {carrier.name}
            </option>
          ))}
        </Select>
        <Field
          name="phone"
          label="Mobile phone"
          type="tel"
          autoComplete="off"
          required
          defaultValue={values.phone}
          errors={errors.phone}
          hint="The courier signs in with it."
        />
        <Field name="email" label="Email (optional)" type="email" autoComplete="off" defaultValue={values.email} errors={errors.email} />
        <Field
          name="password"
          label="First password"
          type="password"
          autoComplete="new-password"
          required
          errors={errors.password}
          hint="At least 10 characters. Hand it over in person."
        />
      </div>
      <CheckboxGroup
        name="siteIds"
        legend="Sites the courier serves"
        hint="They can deposit and take back parcels only at these sites."
        errors={errors.siteIds}
        options={sites.map((site) => ({ value: String(site.id), label: `${site.name} (${site.code})` }))}
        checked={values.siteIds?.split(",") ?? []}
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Creating…">Create courier</SubmitButton>
        <Link href="/admin/people" className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
