"use client";

import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createAdminAction } from "../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function AdminForm() {
  const { state, formAction: action, values, errors } = useFormAction(createAdminAction);
  // A fresh form after each success, so the next admin starts from empty fields.
  const key = state.status === "success" ? state.message : "form";
  return (
    <form key={key} action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Name" autoComplete="off" required maxLength={80} defaultValue={values.name} errors={errors.name} />
      <Field name="email" label="Email" type="email" autoComplete="off" required defaultValue={values.email} errors={errors.email} hint="They sign in with it." />
      <Field name="phone" label="Mobile phone (optional)" type="tel" autoComplete="off" defaultValue={values.phone} errors={errors.phone} />
      <Field
        name="password"
        label="First password"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.password}
        hint="At least 10 characters. Hand it over in person."
      />
      <div>
        <SubmitButton pendingLabel="Adding…">Add admin</SubmitButton>
      </div>
    </form>
  );
}
