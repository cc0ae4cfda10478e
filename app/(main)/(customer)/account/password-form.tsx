"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const { state, formAction, errors } = useFormAction(changePasswordAction);
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        errors={errors.newPassword}
      />
      <SubmitButton pendingLabel="Changing…" className="w-full sm:w-fit">
        Change password
      </SubmitButton>
    </form>
  );
}
