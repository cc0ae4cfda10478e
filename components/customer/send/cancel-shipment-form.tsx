"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** The confirmation step of cancelling a shipment: says what will happen, then does it once. `what` is worded by the page. */
export function CancelShipmentForm({ action, outboundParcelId, what }: { action: FormAction; outboundParcelId: number; what: string }) {
  const t = useTranslations("customer.send.cancel");
  const { state, formAction } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <p>{t("confirm", { what })}</p>
      <input type="hidden" name="outboundParcelId" value={outboundParcelId} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <SubmitButton variant="danger" pendingLabel={t("pending")}>
          {t("submit")}
        </SubmitButton>
        <Link href="/send" className={buttonClass("secondary")}>
          {t("keep")}
        </Link>
      </div>
    </form>
  );
}
