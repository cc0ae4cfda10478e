"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInAction } from "../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const { state, formAction: action, values, errors } = useFormAction(signInAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        name="identifier"
        label={t("identifier")}
        autoComplete="username"
        inputMode="email"
        required
        defaultValue={values.identifier}
        errors={errors.identifier}
      />
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" required errors={errors.password} />
      <SubmitButton pendingLabel={t("signingIn")}>{t("signInTitle")}</SubmitButton>
    </form>
  );
}
