"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createCarrierAction } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function CarrierForm() {
  const t = useTranslations("admin.carriers");
  const { state, formAction: action, values, errors } = useFormAction(createCarrierAction);
  const key = state.status === "success" ? state.message : "form";
  return (
    <form key={key} action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="name" label={t("name")} required maxLength={80} defaultValue={values.name} errors={errors.name} hint={t("nameHint")} />
      <Field
        name="code"
        label={t("code")}
        required
        maxLength={10}
        autoCapitalize="characters"
        defaultValue={values.code}
        errors={errors.code}
        hint={t("codeHint")}
      />
      <Field name="contactPhone" label={t("phone")} type="tel" defaultValue={values.contactPhone} errors={errors.contactPhone} />
      <Field
        name="trackingUrl"
        label={t("trackingUrl")}
        hint={t("trackingUrlHint", { placeholder: "{waybill}" })}
        type="url"
        defaultValue={values.trackingUrl}
        errors={errors.trackingUrl}
      />
      <div>
        <SubmitButton pendingLabel={t("adding")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
