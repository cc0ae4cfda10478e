"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { signUpAction } from "../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function SignUpForm() {
  const t = useTranslations("auth");
  const { state, formAction: action, values, errors } = useFormAction(signUpAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="name" label={t("name")} autoComplete="name" required defaultValue={values.name} errors={errors.name} />
      <Field name="email" label={t("email")} type="email" autoComplete="email" required defaultValue={values.email} errors={errors.email} />
      <Field
        name="phone"
        label={t("phone")}
        type="tel"
        autoComplete="tel"
        hint={t("phoneHint")}
        required
        defaultValue={values.phone}
        errors={errors.phone}
      />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        required
        errors={errors.password}
      />
      <SubmitButton pendingLabel={t("creatingAccount")}>{t("createAccount")}</SubmitButton>
    </form>
  );
}
