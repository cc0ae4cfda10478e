import type { Metadata } from "next";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/format";
import { STATE_LABELS } from "@/lib/parcels/lifecycle";
import { listMyParcels } from "@/lib/parcels/queries";

export const metadata: Metadata = { title: "My parcels" };

export default async function MyParcelsPage() {
  const user = await requirePageUser("customer");
  const parcels = listMyParcels(await requestContext());
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">My parcels</h1>
      {!user.verifiedPhone ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          Your phone number is not confirmed yet. Parcels are shown once you have confirmed it.
        </p>
      ) : parcels.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
          No parcels yet. When a courier puts one in a locker for you, it appears here with its pickup code.
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {parcels.map((parcel) => (
            <li key={parcel.id} className="rounded-xl border border-gray-200 p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">
                  {parcel.carrier.name} · {parcel.trackingNumber}
                </h2>
                <span className="text-sm text-gray-700">{STATE_LABELS[parcel.state]}</span>
              </div>
              <p className="text-sm text-gray-700">
                {parcel.site.name}, {parcel.site.address}
              </p>
              {parcel.pickupCode ? (
                <p className="mt-2">
                  <span className="text-sm text-gray-700">Pickup code </span>
                  <strong className="font-mono text-3xl tracking-widest">{parcel.pickupCode}</strong>
                </p>
              ) : null}
              {parcel.state === "deposited" && parcel.expiresAt ? (
                <p className="text-sm text-gray-700">Collect by {formatDateTime(parcel.expiresAt)}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
