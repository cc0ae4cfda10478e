"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { extendHoldAction } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";

/** The confirmation step of extending a hold: says what will happen, then does it once. */
export function ExtendHoldForm({ parcelId, newDeadline }: { parcelId: number; newDeadline: string }) {
  const t = useTranslations("customer.extend");
  const { state, formAction: action } = useFormAction(extendHoldAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <p>{t.rich("confirm", { deadline: newDeadline, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <input type="hidden" name="parcelId" value={parcelId} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
        <Link href={`/parcels/${parcelId}`} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
