"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Try the door again" for a door that did not open; the action says whether it still may. */
export function RetryDoorForm({ parcelId, action }: { parcelId: number; action: FormAction }) {
  const t = useTranslations("courier.takeBack");
  const { state, formAction } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col items-center gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="parcelId" value={parcelId} />
      <SubmitButton pendingLabel={t("retrying")} className="min-h-14 text-lg">
        {t("retry")}
      </SubmitButton>
    </form>
  );
}
