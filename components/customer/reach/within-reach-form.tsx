"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/forms/state";

/**
 * "Doors within reach" on a recipient's locker preferences: one checkbox, saved on its own so
 * it is never lost with the consent choices beside it. Works before JavaScript loads.
 */
export function WithinReachForm({
  withinReach,
  action,
  token,
}: {
  withinReach: boolean;
  action: FormAction<FormState>;
  /** Set from a text's link by someone without an account: the link's signed token. */
  token?: string;
}) {
  const t = useTranslations("reach");
  const { state, formAction } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4" aria-labelledby="within-reach-title">
      <h2 id="within-reach-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p id="within-reach-description" className="text-sm text-gray-700">
        {t("description")}
      </p>
      {token !== undefined ? <input type="hidden" name="token" value={token} /> : null}
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          name="withinReach"
          defaultChecked={withinReach}
          aria-describedby="within-reach-description"
          className="size-5"
        />
        <span className="font-medium">{t("label")}</span>
      </label>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("saving")} className="w-full sm:w-fit">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
