import type { Metadata } from "next";
import Link from "next/link";
import { ShipmentCard } from "@/components/customer/send/shipment-card";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { customerShipmentCards } from "@/lib/outbound/customer";

export const metadata: Metadata = { title: "Send a parcel" };

export default async function SendPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser("customer");
  const params = await searchParams;
  const shipments = user.verifiedPhone ? await customerShipmentCards(await requestContext()) : [];
  const started = Number(params.started);
  const open = shipments.filter((s) => s.state === "created" || s.state === "dropping_off" || s.state === "dropped_off");
  const past = shipments.filter((s) => !open.includes(s));

  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Send a parcel</h1>
        {user.verifiedPhone ? (
          <Link href="/send/new" className={buttonClass("primary")}>
            Start a shipment
          </Link>
        ) : null}
      </div>
      {params.started ? <Alert tone="success">Your drop-off code is ready. Take the parcel to the locker within 24 hours.</Alert> : null}
      {params.cancelled ? <Alert tone="success">The shipment is cancelled; its code no longer works.</Alert> : null}

      {!user.verifiedPhone ? (
        <div className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p>
            <strong>Confirm your phone number first.</strong> At the locker you enter the drop-off code with the last 4 digits of your phone, and returns
            set up for you are found by your number.
          </p>
          <Link href="/account/phone" className={buttonClass("primary", "w-full sm:w-fit")}>
            Confirm my phone number
          </Link>
        </div>
      ) : shipments.length === 0 ? (
        <div className="rounded-xl border border-dashed border-gray-300 p-8 text-center text-gray-700">
          <p className="text-lg font-semibold text-gray-900">Nothing sent yet</p>
          <p className="mt-1">Start a shipment to get a drop-off code, then leave the parcel in a locker for the carrier. Returns a shop sets up for you show here too.</p>
        </div>
      ) : (
        <>
          <section aria-labelledby="open-heading" className="flex flex-col gap-3">
            <h2 id="open-heading" className="text-lg font-semibold">
              On their way <span className="font-normal text-gray-700">({open.length})</span>
            </h2>
            {open.length === 0 ? <p className="text-gray-700">No parcel is waiting to be dropped off or taken.</p> : null}
            {open.map((shipment) => (
              <ShipmentCard key={shipment.id} shipment={shipment} highlight={shipment.id === started} />
            ))}
          </section>
          {past.length > 0 ? (
            <section aria-labelledby="past-heading" className="flex flex-col gap-3">
              <h2 id="past-heading" className="text-lg font-semibold">
                Done
              </h2>
              {past.map((shipment) => (
                <ShipmentCard key={shipment.id} shipment={shipment} />
              ))}
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
