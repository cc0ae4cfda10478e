import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ParcelTimeline } from "@/components/courier/parcel-timeline";
import { StateBadge } from "@/components/parcels/state-badge";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/format";
import { STATE_LABELS } from "@/lib/parcels/lifecycle";
import { parcelTimeline } from "@/lib/parcels/timeline";
import { maskPhone } from "@/lib/phone";
import { orNotFound } from "@/app/(main)/or-not-found";
import { routeId } from "../../route-id";

export const metadata: Metadata = { title: "Parcel" };

export default async function CourierParcelPage({ params }: { params: Promise<{ parcelId: string }> }) {
  await requirePageUser("courier");
  const parcelId = routeId((await params).parcelId);
  if (parcelId === null) notFound();
  const ctx = await requestContext();
  // Another carrier's parcel, or one at a site the courier does not serve, is NOT_FOUND.
  const { parcel, entries } = orNotFound(() => parcelTimeline(ctx, parcelId));
  const door = parcel.slot;
  const facts: [string, string][] = [
    ["Site", `${parcel.site.name} (${parcel.site.code})`],
    ["Door", door ? `${door.label} · locker ${door.lockerCode}, row ${door.row}, column ${door.column} · size ${door.size}` : "—"],
    ["Parcel size", `${parcel.size}${parcel.upsized ? " (in a larger door)" : ""}`],
    ["Recipient", `${parcel.recipientName ? `${parcel.recipientName}, ` : ""}${maskPhone(parcel.recipientPhone)}`],
    ["Carrier", parcel.carrier.name],
  ];
  if (parcel.depositedAt) facts.push(["Deposited", formatDateTime(parcel.depositedAt)]);
  if (parcel.expiresAt && (parcel.state === "deposited" || parcel.state === "expired")) {
    facts.push([parcel.state === "expired" ? "Expired" : "Collect by", formatDateTime(parcel.expiresAt)]);
  }
  if (parcel.closedAt) facts.push(["Closed", formatDateTime(parcel.closedAt)]);

  return (
    <section className="mx-auto flex max-w-2xl flex-col gap-5">
      <Link href="/courier/today" className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        ← Today
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="break-all font-mono text-2xl font-bold">{parcel.trackingNumber}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <StateBadge state={parcel.state} />
          {parcel.state === "expired" || parcel.state === "reserved" ? (
            <span className="text-sm text-gray-700">{STATE_LABELS[parcel.state]}</span>
          ) : null}
        </div>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl border border-gray-200 p-4">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-sm font-medium text-gray-600">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {parcel.state === "reserved" ? (
        <Link
          href={`/courier/sites/${parcel.site.id}/deposit/${parcel.id}`}
          className="rounded-xl border-2 border-amber-400 bg-amber-50 p-3 text-center font-semibold text-amber-950"
        >
          Door {door?.label} is waiting for you to close it — go to the door screen
        </Link>
      ) : null}
      <div className="flex flex-col gap-2">
        <h2 className="text-xl font-bold">Timeline</h2>
        <ParcelTimeline entries={entries} />
      </div>
    </section>
  );
}
