import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CancelShipmentForm } from "@/components/customer/send/cancel-shipment-form";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { isDomainError } from "@/lib/errors";
import { customerShipment } from "@/lib/outbound/customer";
import { cancelShipmentAction } from "../../actions";

export const metadata: Metadata = { title: "Cancel a shipment" };

export default async function CancelShipmentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("customer");
  const { id } = await params;
  let shipment;
  try {
    shipment = customerShipment(await requestContext(), { outboundParcelId: id });
  } catch (error) {
    if (isDomainError(error) && (error.code === "NOT_FOUND" || error.code === "INVALID")) notFound();
    throw error;
  }
  if (shipment.state !== "created") redirect("/send");
  const what = shipment.kind === "return" ? `the return of order ${shipment.orderReference}` : `the shipment to ${shipment.recipientName}`;
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Cancel this {shipment.kind === "return" ? "return" : "shipment"}?</h1>
      <CancelShipmentForm action={cancelShipmentAction} outboundParcelId={shipment.id} what={what} />
    </section>
  );
}
