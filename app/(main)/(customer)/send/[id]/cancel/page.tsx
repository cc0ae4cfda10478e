import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CancelShipmentForm } from "@/components/customer/send/cancel-shipment-form";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { isDomainError } from "@/lib/errors";
import { customerShipment } from "@/lib/outbound/customer";
import { cancelShipmentAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.send.cancel");
  return { title: t("title") };
}

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
  const t = await getTranslations("customer.send.cancel");
  const isReturn = shipment.kind === "return";
  const what = isReturn ? t("whatReturn", { order: shipment.orderReference ?? "" }) : t("whatShipment", { name: shipment.recipientName ?? "" });
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t(isReturn ? "headingReturn" : "headingShipment")}</h1>
      <CancelShipmentForm action={cancelShipmentAction} outboundParcelId={shipment.id} what={what} />
    </section>
  );
}
