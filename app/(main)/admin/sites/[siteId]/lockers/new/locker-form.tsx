"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { LockerLayoutEditor } from "@/components/admin/locker-layout-editor";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { addLockerAction } from "../../../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function LockerForm({ siteId, suggestedCode }: { siteId: number; suggestedCode: string }) {
  const t = useTranslations("admin.lockers");
  const { state, formAction: action, values, errors } = useFormAction(addLockerAction);
  const [code, setCode] = useState(values.code ?? suggestedCode);
  const prefix = code.trim().toUpperCase() || "A";
  // A refusal puts the heights back comma-joined (lib/forms/action.ts); one row's comes back as it was.
  const heights = values.rowHeights !== undefined ? values.rowHeights.split(",") : undefined;
  const heightErrors = Object.entries(errors)
    .filter(([name]) => name === "rowHeights" || name.startsWith("rowHeights."))
    .flatMap(([, messages]) => messages ?? []);
  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="siteId" value={siteId} />
      <div className="grid max-w-xl gap-4 sm:grid-cols-2">
        <Field
          name="code"
          label={t("code")}
          required
          maxLength={4}
          autoCapitalize="characters"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          errors={errors.code}
          hint={t("codeHint", { first: `${prefix}-01`, second: `${prefix}-02` })}
        />
        <Field
          name="controllerId"
          label={t("controllerId")}
          maxLength={64}
          defaultValue={values.controllerId}
          errors={errors.controllerId}
          hint={t("controllerHint")}
        />
      </div>
      <LockerLayoutEditor
        key={values.layout ?? "initial"}
        code={code}
        defaultText={values.layout}
        defaultHeights={heights}
        errors={errors.layout}
        heightErrors={heightErrors}
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
        <Link href={`/admin/sites/${siteId}`} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
