"use server";

import { getTranslations } from "next-intl/server";
import { runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { confirmOutboundTaken, openOutboundDoor } from "@/lib/outbound/carrier";

/*
 * The courier's two taps for an outbound parcel: open its door, then "I have it". The verbs
 * check the carrier and the site; the pages showing the list are re-read after each.
 */

export type OutboundPickupState = FormState | { status: "opened"; message: string; doorOpened: boolean };

export async function openOutboundDoorAction(_previous: OutboundPickupState, formData: FormData): Promise<OutboundPickupState> {
  const outcome = await runAction<Awaited<ReturnType<typeof openOutboundDoor>>, OutboundPickupState>(formData, (ctx) =>
    openOutboundDoor(ctx, { outboundParcelId: formData.get("outboundParcelId") }),
  );
  if (!outcome.ok) return outcome.state;
  const { shipment, doorOpened } = outcome.result;
  const t = await getTranslations("courier.outbound");
  return { status: "opened", doorOpened, message: t(doorOpened ? "doorOpen" : "doorNotOpen", { door: shipment.slotLabel ?? "" }) };
}

export async function confirmOutboundTakenAction(_previous: OutboundPickupState, formData: FormData): Promise<OutboundPickupState> {
  const outcome = await runAction(formData, (ctx) => confirmOutboundTaken(ctx, { outboundParcelId: formData.get("outboundParcelId") }));
  if (!outcome.ok) return outcome.state;
  // No revalidation: the re-rendered list would drop the parcel, and with it the only word
  // that the tap worked. The confirmation stands in its place until the courier moves on.
  const t = await getTranslations("courier.outbound");
  return { status: "success", message: t("handedOver", { door: outcome.result.shipment.slotLabel ?? "" }) };
}
