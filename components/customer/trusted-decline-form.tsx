"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** The confirming step of a trusted person's "I can't collect it". */
export function TrustedDeclineForm({ action, token, recipient }: { action: FormAction; token: string; recipient: string }) {
  const t = useTranslations("trustedLink");
  const { state, formAction } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <p>{t("declineConfirm", { recipient })}</p>
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant="danger" pendingLabel={t("declining")} className="w-full sm:w-fit">
        {t("declineYes")}
      </SubmitButton>
    </form>
  );
}
