import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SiteMemory } from "@/components/courier/site-memory";
import { SiteHeading, SiteTabs } from "@/components/courier/site-tabs";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatDateTime, formatDuration } from "@/lib/format";
import { listTakeBack } from "@/lib/courier/queries";
import { maskPhone } from "@/lib/phone";
import { listCourierSites } from "@/lib/courier/sites";
import { LAST_SITE_COOKIE } from "../../../cookies";
import { parcelForNotice } from "../../../parcel-lookup";
import { routeId } from "../../../route-id";

export const metadata: Metadata = { title: "Take back" };

type Props = {
  params: Promise<{ siteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TakeBackPage({ params, searchParams }: Props) {
  await requirePageUser("courier");
  const siteId = routeId((await params).siteId);
  if (siteId === null) notFound();
  const ctx = await requestContext();
  const site = listCourierSites(ctx).find((s) => s.id === siteId);
  if (!site) notFound();
  const due = listTakeBack(ctx, siteId);
  const query = await searchParams;
  const returned = parcelForNotice(ctx, query.returned);

  return (
    <section className="mx-auto flex max-w-xl flex-col gap-5">
      <SiteMemory siteId={siteId} cookie={LAST_SITE_COOKIE} />
      <SiteHeading site={site} />
      <SiteTabs siteId={siteId} current="take-back" takeBack={due.length} />

      {returned && returned.state === "returned" ? (
        <div role="status" className="flex flex-col gap-1 rounded-2xl border-2 border-green-600 bg-green-50 p-4 text-center text-green-950">
          <p className="text-2xl font-black">
            {query.replayed === "1" ? `${returned.trackingNumber} was already taken back` : `${returned.trackingNumber} is taken back`}
          </p>
          <p>
            It is marked returned to {returned.carrier.name}, and door {returned.slot?.label} is free for the next parcel.
          </p>
        </div>
      ) : null}

      <div>
        <h2 className="text-xl font-bold">Expired parcels to take back</h2>
        <p className="text-sm text-gray-700">Parcels of your carrier here whose pickup time is over, most overdue first.</p>
      </div>
      {due.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">
          Nothing to take back here. Expired parcels of your carrier at this site show up here.
        </p>
      ) : (
        <ul aria-label="Parcels to take back" className="flex flex-col gap-3">
          {due.map((parcel) => (
            <li key={parcel.id} className="flex flex-col gap-2 rounded-2xl border border-gray-200 p-4 shadow-sm">
              <div className="flex items-baseline justify-between gap-3">
                <span className="font-mono text-lg font-semibold">{parcel.trackingNumber}</span>
                <span className="text-2xl font-black">{parcel.slot?.label}</span>
              </div>
              <p className="font-semibold text-red-800">Overdue by {formatDuration(parcel.overdueMs)}</p>
              <p className="text-sm text-gray-700">
                Locker {parcel.slot?.lockerCode} · row {parcel.slot?.row} · column {parcel.slot?.column} · for{" "}
                {maskPhone(parcel.recipientPhone)}
                {parcel.depositedAt ? ` · deposited ${formatDateTime(parcel.depositedAt)}` : ""}
              </p>
              {parcel.takeBack?.byMe ? (
                <>
                  <p className="font-semibold text-amber-900">
                    {parcel.takeBack.doorOpened
                      ? `You opened door ${parcel.slot?.label} at ${formatDateTime(parcel.takeBack.startedAt)}: not confirmed out yet.`
                      : `Door ${parcel.slot?.label} did not open at ${formatDateTime(parcel.takeBack.startedAt)}.`}
                  </p>
                  <Link href={`/courier/sites/${siteId}/take-back/${parcel.id}`} className={buttonClass("primary", "w-full")}>
                    {parcel.takeBack.doorOpened ? "Confirm you took it out" : "See door"}
                    <span className="sr-only"> {parcel.trackingNumber} from door {parcel.slot?.label}</span>
                  </Link>
                </>
              ) : (
                <Link href={`/courier/sites/${siteId}/take-back/${parcel.id}`} className={buttonClass("primary", "w-full")}>
                  Take back<span className="sr-only"> {parcel.trackingNumber} from door {parcel.slot?.label}</span>
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
