import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ShipmentForm } from "@/components/customer/send/shipment-form";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { PROHIBITED_ITEMS } from "@/lib/outbound/prohibited";
import { outboundChoices } from "@/lib/outbound/settings";
import { startShipmentAction } from "../actions";

export const metadata: Metadata = { title: "Start a shipment" };

export default async function NewShipmentPage() {
  const user = await requirePageUser("customer");
  if (!user.verifiedPhone) redirect("/send");
  const routes = outboundChoices(await requestContext());
  return (
    <section className="flex flex-col gap-4">
      <Link href="/send" className="text-sm font-semibold text-brand-700 underline">
        ← Send a parcel
      </Link>
      <h1 className="text-2xl font-bold">Start a shipment</h1>
      <p className="text-gray-700">
        You get a drop-off code valid for 24 hours. Postage is settled between you and the carrier; the carrier may quote its price here once it has the parcel.
      </p>
      {routes.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">
          No station takes parcels to send yet. Please ask at your station.
        </p>
      ) : (
        <ShipmentForm action={startShipmentAction} routes={routes} prohibited={PROHIBITED_ITEMS} />
      )}
    </section>
  );
}
