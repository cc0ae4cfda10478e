"use client";

import { useTranslations } from "next-intl";
import type { ConsentChoice } from "@/db/enums";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * The organization's answer for recipients who recorded no preference. Each other answer sits
 * behind a confirm step, since one click changes it for every site of the organization. One
 * form state for the panel, so the message stays when the chosen answer becomes the current
 * one and its confirm step goes away.
 */
// Every choice, in the order they are offered (a Record, so a new choice cannot be forgotten).
const CHOICES = Object.keys({ allow: 0, ask: 0, refuse: 0 } satisfies Record<ConsentChoice, 0>) as ConsentChoice[];

export function ConsentDefaultForm({ current, action }: { current: ConsentChoice; action: FormAction }) {
  const t = useTranslations("admin.consent.default");
  const tUi = useTranslations("ui");
  const { state, formAction } = useFormAction(action);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={state} />
      <p className="text-sm text-gray-800">
        {t("now")} <strong>{t("current", { name: t(`${current}.name`) })}</strong> {t(`${current}.means`)}
      </p>
      <p className="text-sm text-gray-700">{t("law")}</p>
      <div className="mt-2 flex flex-col gap-3">
        {CHOICES.filter((choice) => choice !== current).map((choice) => (
          <ConfirmPanel key={choice} label={t("open", { action: t(`${choice}.button`) })} tone="neutral">
            <form action={formAction} className="flex flex-col gap-3" noValidate>
              <p className="text-sm text-gray-800">
                {t("confirm", { name: t(`${choice}.name`) })} {t(`${choice}.means`)}
              </p>
              <input type="hidden" name="consentDefault" value={choice} />
              <div>
                <SubmitButton variant={choice === "ask" ? "primary" : "secondary"} pendingLabel={tUi("saving")}>
                  {t("apply")}
                </SubmitButton>
              </div>
            </form>
          </ConfirmPanel>
        ))}
      </div>
    </div>
  );
}
