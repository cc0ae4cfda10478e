"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestPhoneCodeAction, verifyPhoneAction } from "../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function RequestCodeForm({ again }: { again: boolean }) {
  const t = useTranslations("customer.phone");
  const { state, formAction: action } = useFormAction(requestPhoneCodeAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("sending")} className={again ? "w-full sm:w-fit" : "w-full"}>
        {again ? t("sendAgain") : t("send")}
      </SubmitButton>
    </form>
  );
}

export function VerifyCodeForm() {
  const t = useTranslations("customer.phone");
  const { state, formAction: action, errors } = useFormAction(verifyPhoneAction);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        name="code"
        label={t("codeLabel")}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        required
        className="max-w-48"
        errors={errors.code}
      />
      <SubmitButton pendingLabel={t("checking")} className="w-full">
        {t("confirm")}
      </SubmitButton>
    </form>
  );
}
