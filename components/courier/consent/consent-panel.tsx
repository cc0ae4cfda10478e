"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { DEPOSIT_IDLE, type DepositState } from "@/components/courier/deposit-state";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ConsentRequestView } from "@/lib/parcels/consent-requests";
import type { FormState } from "@/lib/forms/state";
import { ConsentPoll } from "./consent-poll";

/** Why the locker needs a yes, by the rule's outcome and cause (lib/consent/settle.ts writes "outcome:because"). */
const WHY = {
  "ask:standing": "askStanding",
  "ask:exception": "askException",
  "ask:no_preference": "askNoPreference",
  "refuse:standing": "refuseStanding",
  "refuse:exception": "refuseException",
  "refuse:away": "refuseAway",
  "refuse:no_preference": "refuseNoPreference",
} as const;

function maskPhone(phone: string): string {
  return phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}

/**
 * The courier's consent screen: why the locker needs the recipient's yes, the answer as it
 * arrives (polled), and the three ways on — text the recipient, record their yes given on
 * the phone, or keep the parcel to hand over in person. A yes re-submits the deposit at once.
 */
export function ConsentPanel({
  request,
  siteId,
  reserveAction,
  sendAction,
  keepAction,
}: {
  request: ConsentRequestView;
  siteId: number;
  reserveAction: FormAction<DepositState>;
  sendAction: FormAction<FormState>;
  keepAction: FormAction<FormState>;
}) {
  const t = useTranslations("courier.consent");
  const { state: openState, formAction: openAction } = useFormAction(reserveAction, DEPOSIT_IDLE);
  const { state: phoneState, formAction: phoneAction } = useFormAction(reserveAction, DEPOSIT_IDLE);
  const { state: sendState, formAction: sendFormAction } = useFormAction(sendAction);
  const { state: keepState, formAction: keepFormAction } = useFormAction(keepAction);
  const openForm = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  const { parcel, status } = request;
  const phone = maskPhone(parcel.recipientPhone);
  const waiting = status === "pending" && request.sentAt !== null;

  // The recipient said yes: open the door without making the courier tap again.
  useEffect(() => {
    if (status === "granted" && !submitted.current && openForm.current) {
      submitted.current = true;
      openForm.current.requestSubmit();
    }
  }, [status]);

  const parcelFields = (
    <>
      <input type="hidden" name="siteId" value={siteId} />
      <input type="hidden" name="trackingNumber" value={parcel.trackingNumber} />
      <input type="hidden" name="size" value={parcel.size} />
      <input type="hidden" name="recipientPhone" value={parcel.recipientPhone} />
      <input type="hidden" name="recipientName" value={parcel.recipientName ?? ""} />
      <input type="hidden" name="recipientEmail" value={parcel.recipientEmail ?? ""} />
    </>
  );

  return (
    <>
      <ConsentPoll active={status === "pending" || status === "granted"} />
      <div>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="break-all font-mono font-semibold">{parcel.trackingNumber}</p>
        <p className="text-gray-700">
          {t("forRecipient", { recipient: parcel.recipientName ? `${parcel.recipientName} ${phone}` : phone, size: parcel.size, site: parcel.siteName })}
        </p>
      </div>

      <section aria-labelledby="consent-status" className="flex flex-col gap-2 rounded-2xl border-2 border-amber-400 bg-amber-50 p-4 text-amber-950">
        <h2 id="consent-status" className="text-lg font-bold">
          {t("answerHeading")}
        </h2>
        <p>{t(`why.${WHY[request.reason as keyof typeof WHY] ?? "unknown"}`)}</p>
        <p role="status" aria-live="polite" className="font-semibold">
          {status === "pending" && request.sentAt === null ? t("notAsked") : null}
          {waiting ? t("waiting", { phone }) : null}
          {status === "granted" ? t("granted") : null}
          {status === "in_person" ? t("inPerson") : null}
          {status === "call_me" ? t("callMe", { phone: parcel.recipientPhone }) : null}
          {status === "expired" ? t("expired") : null}
          {status === "cancelled" ? t("cancelled") : null}
        </p>
      </section>

      <form ref={openForm} action={openAction} className="flex flex-col gap-2" aria-label={t("openLabel")}>
        {parcelFields}
        <FormMessage state={openState} />
        {status === "granted" ? (
          <SubmitButton pendingLabel={t("openingDoor")} className="min-h-14 w-full text-lg">
            {t("openDoor")}
          </SubmitButton>
        ) : null}
      </form>

      {status === "pending" || status === "expired" ? (
        <form action={sendFormAction} className="flex flex-col gap-2" aria-label={t("askLabel")}>
          <input type="hidden" name="requestId" value={request.id} />
          <FormMessage state={sendState} />
          {request.sentAt === null || status === "expired" ? (
            <SubmitButton pendingLabel={t("sending")} className="min-h-14 w-full text-lg">
              {status === "expired" ? t("textAgain") : t("textRequest")}
            </SubmitButton>
          ) : null}
        </form>
      ) : null}

      {status !== "granted" && status !== "cancelled" ? (
        <details className="rounded-xl border border-gray-200 px-4 py-2" open={status === "call_me"}>
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-gray-800">{t("phoneSummary")}</summary>
          <form action={phoneAction} className="flex flex-col gap-3 pb-2 pt-1" aria-label={t("phoneLabel")}>
            {parcelFields}
            <FormMessage state={phoneState} />
            <p className="text-sm text-gray-700">
              {t("call")}{" "}
              <a className="font-semibold underline" href={`tel:${parcel.recipientPhone}`}>
                {parcel.recipientPhone}
              </a>
              {t("recorded")}
            </p>
            <label className="flex min-h-11 items-start gap-3">
              <input type="checkbox" name="consentSource" value="phone_attested" required className="mt-1 size-5" />
              <span>{t("attest")}</span>
            </label>
            <SubmitButton pendingLabel={t("openingDoor")} variant="secondary">
              {t("recordPhone")}
            </SubmitButton>
          </form>
        </details>
      ) : null}

      {status !== "granted" && status !== "cancelled" ? (
        <form action={keepFormAction} className="flex flex-col gap-2" aria-label={t("keepLabel")}>
          <input type="hidden" name="requestId" value={request.id} />
          <FormMessage state={keepState} />
          <SubmitButton pendingLabel={t("keeping")} variant={status === "in_person" ? "primary" : "secondary"}>
            {t("keep")}
          </SubmitButton>
        </form>
      ) : null}

      {/* A courier with a van of parcels does not stand and wait: the answer keeps, and scanning this one again picks it up. */}
      {waiting || status === "expired" || status === "call_me" ? (
        <div className="flex flex-col gap-1 border-t border-gray-200 pt-4">
          <Link href={`/courier/sites/${siteId}`} className={buttonClass("secondary", "min-h-14 text-lg")}>
            {t("nextParcel")}
          </Link>
          <p className="text-sm text-gray-700">{t("nextParcelHint")}</p>
        </div>
      ) : null}
    </>
  );
}
