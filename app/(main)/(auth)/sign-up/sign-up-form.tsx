"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { signUpAction } from "../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function SignUpForm() {
  const { state, formAction: action, values, errors } = useFormAction(signUpAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Your name" autoComplete="name" required defaultValue={values.name} errors={errors.name} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        errors={errors.email}
      />
      <Field
        name="phone"
        label="Mobile phone"
        type="tel"
        autoComplete="tel"
        hint="Parcels are addressed to this number; you will confirm it with a code."
        required
        defaultValue={values.phone}
        errors={errors.phone}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        errors={errors.password}
      />
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
