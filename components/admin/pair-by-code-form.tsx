"use client";

import { useTranslations } from "next-intl";
import { Field, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * Pairs the screen that shows a code (an unpaired /kiosk page) from the admin's own device:
 * the code, and which of the site's kiosks the screen becomes.
 */
export function PairByCodeForm({
  siteId,
  siteName,
  kiosks,
  action,
}: {
  siteId: number;
  siteName: string;
  kiosks: { id: number; name: string }[];
  action: FormAction;
}) {
  const { state, formAction, values, errors } = useFormAction(action);
  const t = useTranslations("admin.screens.byCode");
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <p className="text-sm text-gray-800">
        {t("introStart")}
        <strong>{t("showCode")}</strong>
        {t("introEnd", { site: siteName })}
      </p>
      <input type="hidden" name="siteId" value={siteId} />
      <Field
        name="pairingCode"
        label={t("code")}
        hint={t("codeHint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        required
        defaultValue={values.pairingCode}
        errors={errors.pairingCode}
        className="max-w-xs"
      />
      <Select name="kioskId" label={t("becomes")} defaultValue={values.kioskId ?? String(kiosks[0]?.id ?? "")} errors={errors.kioskId} className="max-w-xs">
        {kiosks.map((kiosk) => (
          <option key={kiosk.id} value={kiosk.id}>
            {kiosk.name}
          </option>
        ))}
        <option value="">{t("newKiosk")}</option>
      </Select>
      <div>
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
