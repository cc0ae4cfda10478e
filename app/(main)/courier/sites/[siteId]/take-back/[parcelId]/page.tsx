import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatDuration } from "@/lib/format";
import { listTakeBack } from "@/lib/parcels/courier-queries";
import { STATE_LABELS } from "@/lib/parcels/lifecycle";
import { maskPhone } from "@/lib/phone";
import { orNotFound, parcelForNotice } from "../../../../parcel-lookup";
import { routeId } from "../../../../route-id";
import { TakeBackForm } from "./take-back-form";

export const metadata: Metadata = { title: "Take back a parcel" };

type Props = { params: Promise<{ siteId: string; parcelId: string }> };

/** The confirmation before a door is opened to take a parcel back. */
export default async function ConfirmTakeBackPage({ params }: Props) {
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
  return (
    <section className="mx-auto flex max-w-md flex-col gap-5">
      <div className="flex flex-col gap-2 text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-gray-600">
          {due.site.name} · locker {door.lockerCode}
        </p>
        <h1 className="text-3xl font-black leading-tight">
          Take parcel {due.trackingNumber} out of door {door.label}?
        </h1>
        <p className="text-gray-800">
          Row {door.row} from the top, column {door.column} from the left. For {maskPhone(due.recipientPhone)}, overdue by{" "}
          {formatDuration(due.overdueMs)}.
        </p>
        <p className="text-gray-800">
          The door opens and the parcel is marked returned to {due.carrier.name}; its pickup code stops working. Take it out
          and shut the door.
        </p>
      </div>
      <TakeBackForm parcelId={due.id} doorLabel={door.label} backHref={listHref} />
    </section>
  );
}
