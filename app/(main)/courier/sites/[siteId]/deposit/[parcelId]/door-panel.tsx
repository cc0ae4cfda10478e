"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { DEPOSIT_IDLE, type DepositValues } from "@/components/courier/deposit-state";
import { LockerMap } from "@/components/courier/locker-map";
import { SubmitButton } from "@/components/ui/submit-button";
import { SiteFullNotice } from "@/components/courier/site-full-notice";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { LockerMap as Locker } from "@/lib/courier/queries";
import type { ParcelView } from "@/lib/parcels/view";
import { carryOverAction } from "../../actions";
import { cancelReservationAction, confirmDepositAction, reportDoesNotFitAction, reportSlotFaultAction } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";
import { DoorWatch } from "@/components/doors/door-watch";
import { CANCEL_REASONS, FAULT_REASONS } from "@/components/courier/door-reasons";
import { nextScanPath } from "@/components/courier/scan/next-scan";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

export type DoorNotice = {
  /** The tracking number was submitted again: this is the first answer. */
  replayed: boolean;
  /** The parcel was just moved here from another door, and why. */
  moved: { why: "fault" | "bigger"; from: string } | null;
  /** The locker did not confirm it opened the door. */
  doorUnconfirmed: boolean;
};

/**
 * The door screen: which door is open and where, and the courier's four answers — closed,
 * broken, too small, or cancel. One client component for every state of the parcel, so a
 * full site's alternatives stay on screen after the reservation they ended is cancelled.
 */
export function DoorPanel({
  parcel,
  recipientEmail,
  locker,
  notice,
  heldUntil,
  servedSiteIds,
  cabinetDoor = null,
}: {
  parcel: ParcelView;
  recipientEmail: string | null;
  locker: Locker | null;
  notice: DoorNotice;
  heldUntil: string | null;
  servedSiteIds: number[];
  /** The door as its cabinet reports it; null where no cabinet reports (the simulated controller). */
  cabinetDoor?: "open" | "closed" | "unknown" | null;
}) {
  const t = useTranslations("courier.door");
  const { state: closedState, formAction: closedAction } = useFormAction(confirmDepositAction);
  const { state: faultState, formAction: faultAction } = useFormAction(reportSlotFaultAction, DEPOSIT_IDLE);
  const { state: biggerState, formAction: biggerAction } = useFormAction(reportDoesNotFitAction, DEPOSIT_IDLE);
  const { state: cancelState, formAction: cancelAction } = useFormAction(cancelReservationAction);

  const siteFull = faultState.siteFull ?? biggerState.siteFull;
  const carried: DepositValues = {
    trackingNumber: parcel.trackingNumber,
    recipientPhone: parcel.recipientPhone,
    recipientName: parcel.recipientName ?? undefined,
    recipientEmail: recipientEmail ?? undefined,
    size: siteFull?.size ?? parcel.size,
  };
  const door = parcel.slot;
  const sitePath = `/courier/sites/${parcel.site.id}`;
  // Watching a door its cabinet reports, the screen moves to the next scan the moment the
  // cabinet says the door closed, as it does when the courier presses "Door closed".
  const [watched] = useState(parcel.state === "reserved" && cabinetDoor !== null);
  const closedByCabinet = watched && parcel.state === "deposited";
  const router = useRouter();
  useEffect(() => {
    if (closedByCabinet) router.replace(nextScanPath(parcel.site.id, parcel.id));
  }, [closedByCabinet, router, parcel.site.id, parcel.id]);

  return (
    <div className="flex flex-col gap-5">
      {siteFull ? (
        <SiteFullNotice
          notice={siteFull}
          siteName={parcel.site.name}
          values={carried}
          servedSiteIds={servedSiteIds}
          switchAction={carryOverAction}
          cancelled
        />
      ) : null}

      {parcel.state === "reserved" && door ? (
        <>
          <DoorHeading
            over={t("over", { site: parcel.site.name, locker: door.lockerCode })}
            title={t(notice.replayed ? "alreadyIn" : notice.doorUnconfirmed ? "isOpen" : "open", { door: door.label })}
            door={door}
          />
          {notice.moved ? (
            <Alert tone="success">
              {notice.moved.why === "fault"
                ? t("movedFault", { from: notice.moved.from, door: door.label })
                : t("movedBigger", { from: notice.moved.from, door: door.label, size: door.size })}
            </Alert>
          ) : null}
          {notice.replayed ? (
            <Alert tone="info">
              {t("replayed", { door: door.label })}
            </Alert>
          ) : null}
          {notice.doorUnconfirmed ? (
            <Alert tone="error">
              {t("unconfirmed", { door: door.label })}
            </Alert>
          ) : null}
          {cabinetDoor ? <DoorWatch doorLabel={door.label} state={cabinetDoor} /> : null}
          {locker ? <LockerMap locker={locker} doorLabel={door.label} /> : null}
          <ParcelLine parcel={parcel} />

          <form action={closedAction} className="flex flex-col gap-2">
            <FormMessage state={closedState} />
            <input type="hidden" name="parcelId" value={parcel.id} />
            <SubmitButton pendingLabel={t("saving")} className="min-h-16 w-full text-xl">
              {t("closed")}
            </SubmitButton>
            {heldUntil ? (
              <p className="text-center text-sm text-gray-700">
                {t("heldUntil", { until: heldUntil })}
              </p>
            ) : null}
          </form>

          <div className="flex flex-col gap-3">
            <details open={faultState.status === "error" || notice.doorUnconfirmed || undefined} className="rounded-xl border border-gray-300 px-4 py-1 open:pb-4">
              <summary className="flex min-h-12 cursor-pointer items-center font-semibold">{t("faultSummary")}</summary>
              <form action={faultAction} className="flex flex-col gap-3 pt-2">
                {faultState.siteFull ? null : <FormMessage state={faultState} />}
                <input type="hidden" name="parcelId" value={parcel.id} />
                <input type="hidden" name="door" value={door.label} />
                <ReasonChoices
                  name="reason"
                  legend={t("faultLegend")}
                  reasons={Object.entries(FAULT_REASONS).map(([key, value]) => ({ value, label: t(`faultReasons.${key as keyof typeof FAULT_REASONS}`) }))}
                />
                <Field
                  name="reasonOther"
                  label={t("ownWords")}
                  autoComplete="off"
                  errors={faultState.status === "error" ? faultState.fieldErrors.reason : undefined}
                />
                <p className="text-sm text-gray-700">{t("faultEffect", { door: door.label })}</p>
                <SubmitButton pendingLabel={t("findingAnother")} variant="secondary" className="w-full">
                  {t("reportFault")}
                </SubmitButton>
              </form>
            </details>

            {door.size === "XL" ? (
              <p className="rounded-xl border border-gray-300 px-4 py-3 text-sm text-gray-700">
                {t("largest", { door: door.label })}
              </p>
            ) : (
              <form action={biggerAction} className="flex flex-col gap-2">
                {biggerState.siteFull ? null : <FormMessage state={biggerState} />}
                <input type="hidden" name="parcelId" value={parcel.id} />
                <input type="hidden" name="door" value={door.label} />
                <SubmitButton pendingLabel={t("findingBigger")} variant="secondary" className="min-h-12 w-full">
                  {t("bigger")}
                </SubmitButton>
              </form>
            )}

            <details open={cancelState.status === "error" || undefined} className="rounded-xl border border-red-200 px-4 py-1 open:pb-4">
              <summary className="flex min-h-12 cursor-pointer items-center font-semibold text-red-800">{t("cancelSummary")}</summary>
              <form action={cancelAction} className="flex flex-col gap-3 pt-2">
                <FormMessage state={cancelState} />
                <input type="hidden" name="parcelId" value={parcel.id} />
                <p className="text-sm text-gray-800">
                  {t("cancelEffect", { door: door.label, trackingNumber: parcel.trackingNumber })}
                </p>
                <ReasonChoices
                  name="reason"
                  legend={t("cancelLegend")}
                  reasons={Object.entries(CANCEL_REASONS).map(([key, value]) => ({ value, label: t(`cancelReasons.${key as keyof typeof CANCEL_REASONS}`) }))}
                />
                <Field
                  name="reasonOther"
                  label={t("ownWords")}
                  id="cancel-reasonOther"
                  autoComplete="off"
                  errors={cancelState.status === "error" ? cancelState.fieldErrors.reason : undefined}
                />
                <SubmitButton pendingLabel={t("cancelling")} variant="danger" className="w-full">
                  {t("cancelConfirm")}
                </SubmitButton>
              </form>
            </details>
          </div>
        </>
      ) : (
        <FinishedParcel parcel={parcel} replayed={notice.replayed} sitePath={sitePath} carried={carried} />
      )}
    </div>
  );
}

function DoorHeading({ over, title, door }: { over: string; title: string; door: NonNullable<ParcelView["slot"]> }) {
  const t = useTranslations("courier.door");
  return (
    <div className="flex flex-col gap-1 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-gray-600">{over}</p>
      <h1 className="text-4xl font-black leading-tight sm:text-5xl">{title}</h1>
      <p className="text-lg text-gray-800">
        {t("position", { locker: door.lockerCode, row: door.row, column: door.column, size: door.size })}
      </p>
    </div>
  );
}

function ParcelLine({ parcel }: { parcel: ParcelView }) {
  const t = useTranslations("courier.door");
  const recipient = parcel.recipientName ? `${parcel.recipientName}, ${parcel.recipientPhone}` : parcel.recipientPhone;
  return (
    <p className="rounded-xl bg-gray-50 px-4 py-3 text-center">
      <span className="font-mono text-lg font-semibold">{parcel.trackingNumber}</span>
      <span className="block text-sm text-gray-700">
        {t("parcelSize", { size: parcel.size })}
        {parcel.upsized && parcel.slot ? t("upsized", { door: parcel.slot.size, size: parcel.size }) : ""}
        {t("forRecipient", { recipient })}
      </span>
    </p>
  );
}

function ReasonChoices({ name, legend, reasons }: { name: string; legend: string; reasons: { value: string; label: string }[] }) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-gray-800">{legend}</legend>
      {reasons.map((reason, i) => (
        <label key={reason.value} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-gray-50">
          <input type="radio" name={name} value={reason.value} defaultChecked={i === 0} className="h-5 w-5 accent-brand-600" />
          {reason.label}
        </label>
      ))}
    </fieldset>
  );
}

function FinishedParcel({
  parcel,
  replayed,
  sitePath,
  carried,
}: {
  parcel: ParcelView;
  replayed: boolean;
  sitePath: string;
  carried: DepositValues;
}) {
  const finished = useTranslations("courier.door.finished");
  const door = parcel.slot?.label ?? "";
  const inLocker = parcel.state === "deposited" || parcel.state === "expired";
  const words = { door, trackingNumber: parcel.trackingNumber, site: parcel.site.name };
  const title = finished(
    inLocker
      ? replayed
        ? "alreadyIn"
        : "depositedIn"
      : parcel.state === "cancelled"
        ? "cancelled"
        : parcel.state === "collected"
          ? "collected"
          : parcel.state === "returned"
            ? "returned"
            : "notYet",
    words,
  );
  const text = finished(
    inLocker ? "inLockerText" : parcel.state === "cancelled" ? "cancelledText" : parcel.state === "announced" ? "announcedText" : "leftText",
    words,
  );
  return (
    <div className="flex flex-col gap-4 text-center">
      <h1 className="text-3xl font-black sm:text-4xl">{title}</h1>
      <p className="text-lg text-gray-800">{text}</p>
      {parcel.state === "cancelled" ? (
        <form action={carryOverAction}>
          <input type="hidden" name="targetSiteId" value={parcel.site.id} />
          {Object.entries(carried).map(([field, value]) =>
            value ? <input key={field} type="hidden" name={field} value={value} /> : null,
          )}
          <SubmitButton pendingLabel={finished("openingForm")} className="min-h-14 w-full text-lg">
            {finished("depositAgain")}
          </SubmitButton>
        </form>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:justify-center">
        <Link href={sitePath} className={buttonClass(parcel.state === "cancelled" ? "secondary" : "primary", "min-h-14 text-lg")}>
          {finished("nextParcel")}
        </Link>
        <Link href={`/courier/parcels/${parcel.id}`} className={buttonClass("secondary", "min-h-14")}>
          {finished("details")}
        </Link>
      </div>
    </div>
  );
}
