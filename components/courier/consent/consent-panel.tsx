"use client";

import { useEffect, useRef } from "react";
import { DEPOSIT_IDLE, type DepositState } from "@/components/courier/deposit-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ConsentRequestView } from "@/lib/parcels/consent-requests";
import type { FormState } from "@/lib/forms/state";
import { ConsentPoll } from "./consent-poll";

const WHY: Record<string, string> = {
  "ask:standing": "The recipient asked to be asked before a locker is used.",
  "ask:exception": "The recipient's preferences ask for this carrier or time to be checked first.",
  "ask:no_preference": "This network asks every recipient before a locker is used.",
  "refuse:standing": "The recipient said: never a locker, bring parcels to me.",
  "refuse:exception": "The recipient's preferences say no locker for this carrier or at this time.",
  "refuse:away": "The recipient is away and asked couriers to hold their parcels.",
  "refuse:no_preference": "This network does not use lockers without the recipient's consent.",
};

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
        <h1 className="text-2xl font-bold">Consent needed before a locker</h1>
        <p className="break-all font-mono font-semibold">{parcel.trackingNumber}</p>
        <p className="text-gray-700">
          For {parcel.recipientName ? `${parcel.recipientName}, ` : ""}
          {phone} · size {parcel.size} · {parcel.siteName}
        </p>
      </div>

      <section aria-labelledby="consent-status" className="flex flex-col gap-2 rounded-2xl border-2 border-amber-400 bg-amber-50 p-4 text-amber-950">
        <h2 id="consent-status" className="text-lg font-bold">
          Recipient&apos;s answer
        </h2>
        <p>{WHY[request.reason] ?? "The recipient has not agreed to a locker for this parcel."}</p>
        <p role="status" aria-live="polite" className="font-semibold">
          {status === "pending" && request.sentAt === null ? "Not asked yet. No door is held for this parcel." : null}
          {waiting ? `Text sent to ${phone}. Waiting for the answer — this screen updates by itself.` : null}
          {status === "granted" ? "The recipient said yes: put it in the locker. Opening a door…" : null}
          {status === "in_person" ? "The recipient asked you to bring it to them. Keep it for in-person delivery." : null}
          {status === "call_me" ? `The recipient asked you to call them on ${parcel.recipientPhone}.` : null}
          {status === "expired" ? "No answer in time. Send the request again, call, or keep it for in-person delivery." : null}
          {status === "cancelled" ? "You kept this parcel for in-person delivery." : null}
        </p>
      </section>

      <form ref={openForm} action={openAction} className="flex flex-col gap-2" aria-label="Open a door with the recipient's consent">
        {parcelFields}
        <FormMessage state={openState} />
        {status === "granted" ? (
          <SubmitButton pendingLabel="Opening a door…" className="min-h-14 w-full text-lg">
            Open a door
          </SubmitButton>
        ) : null}
      </form>

      {status === "pending" || status === "expired" ? (
        <form action={sendFormAction} className="flex flex-col gap-2" aria-label="Ask the recipient by text">
          <input type="hidden" name="requestId" value={request.id} />
          <FormMessage state={sendState} />
          {request.sentAt === null || status === "expired" ? (
            <SubmitButton pendingLabel="Sending…" className="min-h-14 w-full text-lg">
              {status === "expired" ? "Text the recipient again" : "Text the recipient a consent request"}
            </SubmitButton>
          ) : null}
        </form>
      ) : null}

      {status !== "granted" && status !== "cancelled" ? (
        <details className="rounded-xl border border-gray-200 px-4 py-2" open={status === "call_me"}>
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-gray-800">The recipient agreed on the phone</summary>
          <form action={phoneAction} className="flex flex-col gap-3 pb-2 pt-1" aria-label="Record consent given on the phone">
            {parcelFields}
            <FormMessage state={phoneState} />
            <p className="text-sm text-gray-700">
              Call <a className="font-semibold underline" href={`tel:${parcel.recipientPhone}`}>{parcel.recipientPhone}</a>. Your name is
              recorded with the consent.
            </p>
            <label className="flex min-h-11 items-start gap-3">
              <input type="checkbox" name="consentSource" value="phone_attested" required className="mt-1 size-5" />
              <span>I called the recipient and they agreed to the locker for this parcel.</span>
            </label>
            <SubmitButton pendingLabel="Opening a door…" variant="secondary">
              Record phone consent and open a door
            </SubmitButton>
          </form>
        </details>
      ) : null}

      {status !== "granted" && status !== "cancelled" ? (
        <form action={keepFormAction} className="flex flex-col gap-2" aria-label="Keep for in-person delivery">
          <input type="hidden" name="requestId" value={request.id} />
          <FormMessage state={keepState} />
          <SubmitButton pendingLabel="Keeping…" variant={status === "in_person" ? "primary" : "secondary"}>
            Keep it for in-person delivery
          </SubmitButton>
        </form>
      ) : null}
    </>
  );
}
