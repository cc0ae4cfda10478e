import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RetryDoorForm } from "@/components/courier/retry-door-form";
import { SiteMemory } from "@/components/courier/site-memory";
import { SiteHeading, SiteTabs } from "@/components/courier/site-tabs";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatDateTime, formatDuration } from "@/lib/format";
import { listTakeBack } from "@/lib/parcels/courier-queries";
import { maskPhone } from "@/lib/phone";
import { listCourierSites } from "@/lib/sites/queries";
import { LAST_SITE_COOKIE } from "../../../cookies";
import { parcelForNotice } from "../../../parcel-lookup";
import { routeId } from "../../../route-id";
import { retryTakeBackDoorAction } from "./actions";

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
  // "unconfirmed": the door may be tried again; "stuck": the last try failed too.
  const unconfirmed = (query.door === "unconfirmed" || query.door === "stuck") && query.replayed !== "1";

  return (
    <section className="mx-auto flex max-w-xl flex-col gap-5">
      <SiteMemory siteId={siteId} cookie={LAST_SITE_COOKIE} />
      <SiteHeading site={site} />
      <SiteTabs siteId={siteId} current="take-back" takeBack={due.length} />

      {returned && returned.state === "returned" ? (
        <div
          role="status"
          className={`flex flex-col gap-1 rounded-2xl border-2 p-4 text-center ${unconfirmed ? "border-amber-500 bg-amber-50 text-amber-950" : "border-green-600 bg-green-50 text-green-950"}`}
        >
          <p className="text-3xl font-black">
            {query.replayed === "1"
              ? `Already taken back from door ${returned.slot?.label}`
              : unconfirmed
                ? `Is door ${returned.slot?.label} open?`
                : `Door ${returned.slot?.label} is open`}
          </p>
          <p>
            Take out <span className="font-mono font-semibold">{returned.trackingNumber}</span> and shut the door. It is marked
            returned to {returned.carrier.name}.
          </p>
          {unconfirmed && query.door === "unconfirmed" ? (
            <p className="font-semibold text-red-800">The locker did not confirm the door opened. If it is still shut, try it again.</p>
          ) : null}
          {unconfirmed && query.door === "stuck" ? (
            <p className="font-semibold text-red-800">
              The door still did not open. Ask the site&apos;s admin to open it remotely; the parcel stays marked returned.
            </p>
          ) : null}
        </div>
      ) : null}
      {returned && returned.state === "returned" && unconfirmed && query.door === "unconfirmed" ? (
        <RetryDoorForm parcelId={returned.id} action={retryTakeBackDoorAction.bind(null, siteId)} />
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
              <Link href={`/courier/sites/${siteId}/take-back/${parcel.id}`} className={buttonClass("primary", "w-full")}>
                Take back<span className="sr-only"> {parcel.trackingNumber} from door {parcel.slot?.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
