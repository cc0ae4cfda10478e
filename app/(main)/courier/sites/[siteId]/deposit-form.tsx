"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { DEPOSIT_IDLE, type DepositValues } from "@/components/courier/deposit-state";
import { AnnouncedParcelCard } from "@/components/courier/scan/announced-parcel";
import { TrackingField } from "@/components/courier/scan/tracking-field";
import { SiteFullNotice } from "@/components/courier/site-full-notice";
import { SizePicker, type SizeChoice } from "@/components/courier/size-picker";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { AnnouncedParcel } from "@/lib/parcels/announced";
import { carryOverAction, findAnnouncedAction, reserveAction } from "./actions";

/**
 * The deposit form, scan first: the tracking number (camera, handheld scanner or typed) at
 * the top and "Open a door" right under what the parcel needs. A number the carrier
 * announced fills recipient and size, shown as one card to confirm; the fields stay in the
 * form, hidden, and "Change" shows them. Without JavaScript it is the plain form.
 */
export function DepositForm({
  siteId,
  siteName,
  sizes,
  servedSiteIds,
  draft,
  offerNextScan,
}: {
  siteId: number;
  siteName: string;
  sizes: SizeChoice[];
  servedSiteIds: number[];
  /** Details carried over from another site or a cancelled reservation. */
  draft: DepositValues | null;
  /** A parcel was just deposited (or details carried here): ready the next one. */
  offerNextScan: boolean;
}) {
  const t = useTranslations("courier.form");
  const { state, formAction: action } = useFormAction(reserveAction, DEPOSIT_IDLE);
  const [announced, setAnnounced] = useState<AnnouncedParcel | null>(null);
  const [editing, setEditing] = useState(false);
  // A scanned (or Enter-ed) number is being looked up: the screen waits for the answer. A
  // typed one is looked up on leaving the field, without getting in the courier's way.
  const [lookingUp, setLookingUp] = useState<"camera" | "enter" | "typed" | null>(null);
  const focusNext = useRef<"phone" | "confirm" | null>(null);
  const lookup = useRef(0);
  const form = useRef<HTMLFormElement>(null);
  const tracking = useRef<HTMLInputElement>(null);
  const scan = useRef<HTMLButtonElement>(null);

  const typed: DepositValues = state.status === "error" ? state.values : (draft ?? {});
  // After a refusal the form shows what was sent; a new announcement shows its own values.
  const refusedThis = state.status === "error" && state.values.trackingNumber?.toUpperCase() === announced?.trackingNumber;
  const values: DepositValues = announced && !refusedThis
    ? {
        ...typed,
        recipientPhone: announced.recipientPhone,
        recipientName: announced.recipientName ?? undefined,
        recipientEmail: announced.recipientEmail ?? undefined,
        size: announced.size,
      }
    : typed;
  // One message per field: an empty field breaks several rules, and the first says it best.
  const errors = Object.fromEntries(
    Object.entries(state.status === "error" ? state.fieldErrors : {}).map(([field, messages]) => [field, messages.slice(0, 1)]),
  );
  const confirming = announced !== null && !editing;
  const optionalOpen = Boolean(values.recipientName || values.recipientEmail || errors.recipientName || errors.recipientEmail);

  const onNumber = useCallback(
    async (number: string, how: "camera" | "enter" | "typed") => {
      const mine = ++lookup.current;
      if (!number) {
        setAnnounced(null);
        setLookingUp(null);
        return;
      }
      setLookingUp(how);
      const found = await findAnnouncedAction(siteId, number).catch(() => null);
      if (mine !== lookup.current) return;
      // An announced parcel: the next touch is the confirmation. Otherwise the phone is next.
      focusNext.current = found ? "confirm" : how === "typed" ? null : "phone";
      setLookingUp(null);
      setAnnounced(found);
      setEditing(false);
    },
    [siteId],
  );

  // Once the answer is on screen: a hidden field cannot take focus.
  useEffect(() => {
    if (!focusNext.current) return;
    const selector = focusNext.current === "confirm" ? "button[type=submit]" : "[name=recipientPhone]";
    focusNext.current = null;
    form.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  // The next parcel starts at the top. A phone keeps its keyboard away (the Scan button is
  // the first thing on screen); a desktop with a handheld scanner types into the field.
  useEffect(() => {
    if (!offerNextScan) return;
    if (window.matchMedia("(pointer: fine)").matches) tracking.current?.focus();
  }, [offerNextScan]);

  return (
    <div className="flex flex-col gap-4">
      {state.status === "error" && state.siteFull ? (
        <SiteFullNotice
          notice={state.siteFull}
          siteName={siteName}
          values={values}
          servedSiteIds={servedSiteIds}
          switchAction={carryOverAction}
        />
      ) : null}
      <form ref={form} action={action} className="group/deposit flex flex-col gap-3" noValidate aria-label={t("label")}>
        {state.status === "error" && state.siteFull ? null : <FormMessage state={state} />}
        <input type="hidden" name="siteId" value={siteId} />
        <TrackingField defaultValue={typed.trackingNumber} errors={errors.trackingNumber} inputRef={tracking} scanRef={scan} onNumber={onNumber} />
        <p aria-live="polite" className="sr-only">
          {lookingUp ? t("lookingUp") : announced ? t("announcedLive") : ""}
        </p>
        {confirming ? <AnnouncedParcelCard parcel={announced} onChange={() => setEditing(true)} /> : null}
        {/*
          Until there is a number the screen is the scan alone: the fields show once one is
          typed or scanned (CSS, so also before JavaScript), and stay hidden while it is
          looked up. Remounted with the announcement's values when one arrives; hidden, they
          still submit them.
        */}
        <div
          key={announced?.trackingNumber ?? "typed"}
          hidden={confirming || lookingUp === "camera" || lookingUp === "enter"}
          className="flex flex-col gap-3 group-has-[#field-trackingNumber:placeholder-shown]/deposit:hidden"
        >
          <Field
            name="recipientPhone"
            label={t("recipientPhone")}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            enterKeyHint="next"
            required
            defaultValue={values.recipientPhone}
            errors={errors.recipientPhone}
          />
          <SizePicker choices={sizes} defaultSize={values.size} errors={errors.size} />
          <details open={optionalOpen} className="group">
            <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-lg font-semibold text-brand-700 hover:underline [&::-webkit-details-marker]:hidden">
              <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
                ▸
              </span>
              {t("optionalDetails")}
              <span className="font-normal text-gray-600">{t("optional")}</span>
            </summary>
            <div className="flex flex-col gap-3 border-l-2 border-gray-200 pb-2 pl-4 pt-1">
              <Field name="recipientName" label={t("recipientName")} autoComplete="off" defaultValue={values.recipientName} errors={errors.recipientName} />
              <Field
                name="recipientEmail"
                label={t("recipientEmail")}
                type="email"
                inputMode="email"
                autoComplete="off"
                hint={t("recipientEmailHint")}
                defaultValue={values.recipientEmail}
                errors={errors.recipientEmail}
              />
            </div>
          </details>
        </div>
        {errors.siteId ? <p className="text-sm text-red-700">{errors.siteId.join(" ")}</p> : null}
        <SubmitButton pendingLabel={t("openingDoor")} disabled={lookingUp === "camera" || lookingUp === "enter"} className="min-h-14 w-full text-lg">
          {t("openDoor")}
        </SubmitButton>
      </form>
    </div>
  );
}
