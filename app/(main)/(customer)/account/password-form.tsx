"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const t = useTranslations("account");
  const { state, formAction, errors } = useFormAction(changePasswordAction);
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        name="currentPassword"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
        errors={errors.currentPassword}
      />
      <Field
        name="newPassword"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("newPasswordHint")}
        required
        errors={errors.newPassword}
      />
      <SubmitButton pendingLabel={t("changingPassword")} className="w-full sm:w-fit">
        {t("changePassword")}
      </SubmitButton>
    </form>
  );
}
