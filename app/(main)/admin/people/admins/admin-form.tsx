"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createAdminAction } from "../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function AdminForm() {
  const t = useTranslations("admin.people.admins");
  const { state, formAction: action, values, errors } = useFormAction(createAdminAction);
  // A fresh form after each success, so the next admin starts from empty fields.
  const key = state.status === "success" ? state.message : "form";
  return (
    <form key={key} action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="name" label={t("name")} autoComplete="off" required maxLength={80} defaultValue={values.name} errors={errors.name} />
      <Field name="email" label={t("email")} type="email" autoComplete="off" required defaultValue={values.email} errors={errors.email} hint={t("emailHint")} />
      <Field name="phone" label={t("phone")} type="tel" autoComplete="off" defaultValue={values.phone} errors={errors.phone} />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        errors={errors.password}
        hint={t("passwordHint")}
      />
      <div>
        <SubmitButton pendingLabel={t("adding")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
