"use client";

import Link from "next/link";
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

export type DoorNotice = {
  /** The tracking number was submitted again: this is the first answer. */
  replayed: boolean;
  /** The parcel was just moved here from another door, and why. */
  moved: { why: "fault" | "bigger"; from: string } | null;
  /** The locker did not confirm it opened the door. */
  doorUnconfirmed: boolean;
};

const FAULT_REASONS = ["Door did not open", "Door is damaged", "Door does not close or lock", "Something is already inside"];
const CANCEL_REASONS = ["Wrong site for this parcel", "Recipient details are wrong", "Parcel is damaged"];

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
            over={`${parcel.site.name} · locker ${door.lockerCode}`}
            title={
              notice.replayed ? `Already in door ${door.label}` : notice.doorUnconfirmed ? `Is door ${door.label} open?` : `Door ${door.label} is open`
            }
            door={door}
          />
          {notice.moved ? (
            <Alert tone="success">
              {notice.moved.why === "fault"
                ? `Door ${notice.moved.from} is reported out of service. Use door ${door.label} instead.`
                : `Moved to a bigger door: ${door.label}, size ${door.size}. Door ${notice.moved.from} is free again.`}
            </Alert>
          ) : null}
          {notice.replayed ? (
            <Alert tone="info">
              This tracking number already has door {door.label}. If the parcel is inside, close the door and tap Door closed.
            </Alert>
          ) : null}
          {notice.doorUnconfirmed ? (
            <Alert tone="error">
              The locker did not confirm that door {door.label} opened. If it is still shut, report it below.
            </Alert>
          ) : null}
          {cabinetDoor ? <DoorWatch doorLabel={door.label} state={cabinetDoor} /> : null}
          {locker ? <LockerMap locker={locker} doorLabel={door.label} /> : null}
          <ParcelLine parcel={parcel} />

          <form action={closedAction} className="flex flex-col gap-2">
            <FormMessage state={closedState} />
            <input type="hidden" name="parcelId" value={parcel.id} />
            <SubmitButton pendingLabel="Saving…" className="min-h-16 w-full text-xl">
              Door closed
            </SubmitButton>
            {heldUntil ? (
              <p className="text-center text-sm text-gray-700">
                Put the parcel in, shut the door, then tap Door closed. The door is held for you until {heldUntil}.
              </p>
            ) : null}
          </form>

          <div className="flex flex-col gap-3">
            <details open={faultState.status === "error" || notice.doorUnconfirmed || undefined} className="rounded-xl border border-gray-300 px-4 py-1 open:pb-4">
              <summary className="flex min-h-12 cursor-pointer items-center font-semibold">Door did not open or is damaged</summary>
              <form action={faultAction} className="flex flex-col gap-3 pt-2">
                {faultState.siteFull ? null : <FormMessage state={faultState} />}
                <input type="hidden" name="parcelId" value={parcel.id} />
                <input type="hidden" name="door" value={door.label} />
                <ReasonChoices name="reason" legend="What is wrong with the door?" reasons={FAULT_REASONS} />
                <Field
                  name="reasonOther"
                  label="In your own words (optional)"
                  autoComplete="off"
                  errors={faultState.status === "error" ? faultState.fieldErrors.reason : undefined}
                />
                <p className="text-sm text-gray-700">Door {door.label} goes out of service and another door opens for this parcel.</p>
                <SubmitButton pendingLabel="Finding another door…" variant="secondary" className="w-full">
                  Report door and open another
                </SubmitButton>
              </form>
            </details>

            {door.size === "XL" ? (
              <p className="rounded-xl border border-gray-300 px-4 py-3 text-sm text-gray-700">
                Door {door.label} is the largest size (XL). A parcel that does not fit cannot go in a locker: cancel it below.
              </p>
            ) : (
              <form action={biggerAction} className="flex flex-col gap-2">
                {biggerState.siteFull ? null : <FormMessage state={biggerState} />}
                <input type="hidden" name="parcelId" value={parcel.id} />
                <input type="hidden" name="door" value={door.label} />
                <SubmitButton pendingLabel="Finding a bigger door…" variant="secondary" className="min-h-12 w-full">
                  Parcel does not fit — bigger door
                </SubmitButton>
              </form>
            )}

            <details open={cancelState.status === "error" || undefined} className="rounded-xl border border-red-200 px-4 py-1 open:pb-4">
              <summary className="flex min-h-12 cursor-pointer items-center font-semibold text-red-800">Cancel this parcel</summary>
              <form action={cancelAction} className="flex flex-col gap-3 pt-2">
                <FormMessage state={cancelState} />
                <input type="hidden" name="parcelId" value={parcel.id} />
                <p className="text-sm text-gray-800">
                  Take the parcel back out first. Door {door.label} is freed and {parcel.trackingNumber} is not deposited.
                </p>
                <ReasonChoices name="reason" legend="Why cancel?" reasons={CANCEL_REASONS} />
                <Field
                  name="reasonOther"
                  label="In your own words (optional)"
                  id="cancel-reasonOther"
                  autoComplete="off"
                  errors={cancelState.status === "error" ? cancelState.fieldErrors.reason : undefined}
                />
                <SubmitButton pendingLabel="Cancelling…" variant="danger" className="w-full">
                  Yes, cancel this parcel
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
  return (
    <div className="flex flex-col gap-1 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-gray-600">{over}</p>
      <h1 className="text-4xl font-black leading-tight sm:text-5xl">{title}</h1>
      <p className="text-lg text-gray-800">
        Locker {door.lockerCode} · row {door.row} from the top · column {door.column} from the left · size {door.size}
      </p>
    </div>
  );
}

function ParcelLine({ parcel }: { parcel: ParcelView }) {
  return (
    <p className="rounded-xl bg-gray-50 px-4 py-3 text-center">
      <span className="font-mono text-lg font-semibold">{parcel.trackingNumber}</span>
      <span className="block text-sm text-gray-700">
        Size {parcel.size}
        {parcel.upsized && parcel.slot ? ` (in a ${parcel.slot.size} door: no ${parcel.size} door was free)` : ""} · for{" "}
        {parcel.recipientName ? `${parcel.recipientName}, ` : ""}
        {parcel.recipientPhone}
      </span>
    </p>
  );
}

function ReasonChoices({ name, legend, reasons }: { name: string; legend: string; reasons: string[] }) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-gray-800">{legend}</legend>
      {reasons.map((reason, i) => (
        <label key={reason} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-gray-50">
          <input type="radio" name={name} value={reason} defaultChecked={i === 0} className="h-5 w-5 accent-brand-600" />
          {reason}
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
  const door = parcel.slot?.label;
  const inLocker = parcel.state === "deposited" || parcel.state === "expired";
  const title = inLocker
    ? replayed
      ? `Already in door ${door}`
      : `Deposited in door ${door}`
    : parcel.state === "cancelled"
      ? "This parcel was cancelled"
      : parcel.state === "collected"
        ? "Already collected"
        : parcel.state === "returned"
          ? "Already taken back"
          : "Not in a locker yet";
  const text = inLocker
    ? `${parcel.trackingNumber} is already deposited in door ${door} at ${parcel.site.name}. There is nothing more to do for it.`
    : parcel.state === "cancelled"
      ? `${parcel.trackingNumber} is not in a locker; its door is free again.`
      : parcel.state === "announced"
        ? `${parcel.trackingNumber} was announced but has no door yet. Enter it in the form to open one.`
        : `${parcel.trackingNumber} has left the locker.`;
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
          <SubmitButton pendingLabel="Opening the form…" className="min-h-14 w-full text-lg">
            Deposit it again here
          </SubmitButton>
        </form>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:justify-center">
        <Link href={sitePath} className={buttonClass(parcel.state === "cancelled" ? "secondary" : "primary", "min-h-14 text-lg")}>
          Next parcel
        </Link>
        <Link href={`/courier/parcels/${parcel.id}`} className={buttonClass("secondary", "min-h-14")}>
          Parcel details
        </Link>
      </div>
    </div>
  );
}
