"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestPhoneCodeAction, verifyPhoneAction } from "../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function RequestCodeForm({ again }: { again: boolean }) {
  const { state, formAction: action } = useFormAction(requestPhoneCodeAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Sending…" className={again ? "w-full sm:w-fit" : "w-full"}>
        {again ? "Send me a new code" : "Text me a code"}
      </SubmitButton>
    </form>
  );
}

export function VerifyCodeForm() {
  const { state, formAction: action, errors } = useFormAction(verifyPhoneAction);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        name="code"
        label="6-digit code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        required
        className="max-w-48"
        errors={errors.code}
      />
      <SubmitButton pendingLabel="Checking…" className="w-full">
        Confirm
      </SubmitButton>
    </form>
  );
}
