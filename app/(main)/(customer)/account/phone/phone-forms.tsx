"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/forms/state";
import { requestPhoneCodeAction, verifyPhoneAction } from "../actions";

export function RequestCodeForm({ again }: { again: boolean }) {
  const [state, action] = useActionState(requestPhoneCodeAction, IDLE);
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
  const [state, action] = useActionState(verifyPhoneAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
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
