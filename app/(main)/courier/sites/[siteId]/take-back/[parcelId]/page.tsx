import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RetryDoorForm } from "@/components/courier/retry-door-form";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatDuration } from "@/lib/format";
import { listTakeBack } from "@/lib/courier/queries";
import { STATE_LABELS } from "@/lib/parcels/lifecycle";
import { maskPhone } from "@/lib/phone";
import { orNotFound } from "@/app/(main)/or-not-found";
import { parcelForNotice } from "../../../../parcel-lookup";
import { routeId } from "../../../../route-id";
import { retryTakeBackDoorAction } from "../actions";
import { ConfirmTakeBackForm, TakeBackForm } from "./take-back-form";

export const metadata: Metadata = { title: "Take back a parcel" };

type Props = {
  params: Promise<{ siteId: string; parcelId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * A take-back in two steps, on one page: before the door is opened, "Open door"; once this
 * courier opened it, "Did you take it out?" (only the answer frees the door); when it did
 * not open, "Try the door again".
 */
export default async function ConfirmTakeBackPage({ params, searchParams }: Props) {
  await requirePageUser("courier");
  const { siteId: rawSite, parcelId: rawParcel } = await params;
  const siteId = routeId(rawSite);
  const parcelId = routeId(rawParcel);
  if (siteId === null || parcelId === null) notFound();
  const ctx = await requestContext();
  const listHref = `/courier/sites/${siteId}/take-back`;
  // listTakeBack authorizes the site (NOT_FOUND for one the courier does not serve).
  const due = orNotFound(() => listTakeBack(ctx, siteId)).find((parcel) => parcel.id === parcelId);

  if (!due) {
    const parcel = parcelForNotice(ctx, String(parcelId));
    if (!parcel || parcel.site.id !== siteId) notFound();
    return (
      <section className="mx-auto flex max-w-md flex-col gap-4 text-center">
        <h1 className="text-2xl font-bold">Nothing to take back</h1>
        <p className="text-gray-800">
          {parcel.trackingNumber} is {STATE_LABELS[parcel.state]}, so it is not due to be taken back.
        </p>
        <Link href={listHref} className={buttonClass("primary")}>
          Back to the list
        </Link>
      </section>
    );
  }

  const door = due.slot!;
  const query = await searchParams;
  const header = (
    <p className="text-sm font-semibold uppercase tracking-wide text-gray-600">
      {due.site.name} · locker {door.lockerCode}
    </p>
  );

  if (due.takeBack?.byMe && due.takeBack.doorOpened) {
    return (
      <section className="mx-auto flex max-w-md flex-col gap-5">
        <div role="status" className="flex flex-col gap-2 text-center">
          {header}
          <h1 className="text-3xl font-black leading-tight">
            Did you take parcel {due.trackingNumber} out of door {door.label}?
          </h1>
          <p className="text-gray-800">
            Door {door.label} is open (row {door.row} from the top, column {door.column} from the left). Take the parcel out
            and shut the door, then confirm: only then is it marked returned to {due.carrier.name} and the door given to the
            next parcel.
          </p>
        </div>
        <ConfirmTakeBackForm parcelId={due.id} trackingNumber={due.trackingNumber} />
        <p className="text-center text-sm text-gray-700">Door shut before you could take it out?</p>
        <TakeBackForm parcelId={due.id} doorLabel={door.label} again />
        <Link href={listHref} className={buttonClass("secondary", "min-h-12")}>
          Not now
        </Link>
      </section>
    );
  }

  if (due.takeBack?.byMe && !due.takeBack.doorOpened) {
    const stuck = query.door === "stuck";
    return (
      <section className="mx-auto flex max-w-md flex-col gap-5">
        <div role="status" className="flex flex-col gap-2 rounded-2xl border-2 border-amber-500 bg-amber-50 p-4 text-center text-amber-950">
          {header}
          <h1 className="text-3xl font-black leading-tight">Door {door.label} did not open</h1>
          <p>
            The locker did not confirm the door opened, so {due.trackingNumber} is still inside and still counted in door{" "}
            {door.label}.
          </p>
          <p className="font-semibold text-red-800">
            {stuck
              ? "It still did not open. Ask the site's admin to open it; the parcel stays in the list until you confirm you took it out."
              : "If it is still shut, try it again."}
          </p>
        </div>
        {stuck ? null : <RetryDoorForm parcelId={due.id} action={retryTakeBackDoorAction.bind(null, siteId)} />}
        <Link href={listHref} className={buttonClass("secondary", "min-h-12")}>
          Back to the list
        </Link>
      </section>
    );
  }

  return (
    <section className="mx-auto flex max-w-md flex-col gap-5">
      <div className="flex flex-col gap-2 text-center">
        {header}
        <h1 className="text-3xl font-black leading-tight">
          Take parcel {due.trackingNumber} out of door {door.label}?
        </h1>
        <p className="text-gray-800">
          Row {door.row} from the top, column {door.column} from the left. For {maskPhone(due.recipientPhone)}, overdue by{" "}
          {formatDuration(due.overdueMs)}.
        </p>
        <p className="text-gray-800">
          The door opens. Take the parcel out and shut the door, then confirm you took it out: only then is it marked returned
          to {due.carrier.name} and the door free for the next parcel.
        </p>
        {due.takeBack && !due.takeBack.byMe ? (
          <p className="font-semibold text-amber-900">Another courier opened this door earlier and did not confirm the parcel is out.</p>
        ) : null}
      </div>
      <TakeBackForm parcelId={due.id} doorLabel={door.label} backHref={listHref} />
    </section>
  );
}
