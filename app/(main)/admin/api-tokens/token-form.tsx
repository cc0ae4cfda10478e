"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createTokenAction, type TokenFormState } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Subjects = {
  couriers: { id: number; name: string; carrierName: string }[];
  kiosks: { id: number; name: string; siteName: string }[];
};

export function TokenForm({ subjects }: { subjects: Subjects }) {
  const t = useTranslations("admin.apiTokens");
  const { state, formAction: action, values, errors } = useFormAction<TokenFormState>(createTokenAction);
  return (
    <div className="flex flex-col gap-4">
      {state.status === "created" ? (
        <Alert tone="success">
          <p className="font-semibold">
            {state.message} {t("copyNow")}
          </p>
          <label htmlFor="new-token" className="mt-2 block text-sm">
            {t("newToken")}
          </label>
          <input
            id="new-token"
            readOnly
            value={state.token}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 w-full rounded border border-green-400 bg-white px-2 py-1 font-mono text-sm"
          />
        </Alert>
      ) : null}
      <form key={state.status === "created" ? state.token : "form"} action={action} className="flex flex-col gap-4" noValidate>
        {state.status === "created" ? null : <FormMessage state={state} />}
        <Field name="name" label={t("name")} required maxLength={80} defaultValue={values.name} errors={errors.name} hint={t("nameHint")} />
        <Select name="subject" label={t("subject")} required defaultValue={values.subject ?? ""} errors={errors.subject} hint={t("subjectHint")}>
          <option value="" disabled>
            {t("chooseSubject")}
          </option>
          <optgroup label={t("courierAccounts")}>
            {subjects.couriers.map((courier) => (
              <option key={courier.id} value={`courier:${courier.id}`}>
                {t("courierOption", { name: courier.name, carrier: courier.carrierName })}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("kiosks")}>
            {subjects.kiosks.map((kiosk) => (
              <option key={kiosk.id} value={`kiosk:${kiosk.id}`}>
                {t("kioskOption", { name: kiosk.name, site: kiosk.siteName })}
              </option>
            ))}
          </optgroup>
        </Select>
        <div>
          <SubmitButton pendingLabel={t("creating")}>{t("submit")}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
