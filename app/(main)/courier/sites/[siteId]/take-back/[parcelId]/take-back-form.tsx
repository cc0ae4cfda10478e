"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { confirmTakeBackAction, takeBackAction } from "../actions";
import { useFormAction } from "@/components/ui/use-form-action";

/** Step 1: open the door (or open it again, when it was shut before the parcel came out). */
export function TakeBackForm({
  parcelId,
  doorLabel,
  backHref,
  again = false,
}: {
  parcelId: number;
  doorLabel: string;
  backHref?: string;
  again?: boolean;
}) {
  const t = useTranslations("courier.takeBack");
  const { state, formAction: action } = useFormAction(takeBackAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="parcelId" value={parcelId} />
      <SubmitButton pendingLabel={t("openingDoor")} variant={again ? "secondary" : "primary"} className="min-h-14 w-full text-lg">
        {t(again ? "openDoorAgain" : "openDoor", { door: doorLabel })}
      </SubmitButton>
      {backHref ? (
        <Link href={backHref} className={buttonClass("secondary", "min-h-12")}>
          {t("notNow")}
        </Link>
      ) : null}
    </form>
  );
}

/** Step 2: the courier says the parcel is out; only this marks it returned and frees the door. */
export function ConfirmTakeBackForm({ parcelId, trackingNumber }: { parcelId: number; trackingNumber: string }) {
  const t = useTranslations("courier.takeBack");
  const { state, formAction: action } = useFormAction(confirmTakeBackAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="parcelId" value={parcelId} />
      <SubmitButton pendingLabel={t("saving")} className="min-h-14 w-full text-lg">
        {t("confirmTaken", { trackingNumber })}
      </SubmitButton>
    </form>
  );
}
