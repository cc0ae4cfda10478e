"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formInput, runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { startShipment } from "@/lib/outbound/create";
import { cancelShipment } from "@/lib/outbound/customer";

/** The station and carrier come as one choice, "<siteId>:<carrierId>": the carriers offered depend on the station. */
function routeOf(formData: FormData): { siteId?: string; carrierId?: string } {
  const [siteId, carrierId] = String(formData.get("route") ?? "").split(":");
  return { siteId: siteId || undefined, carrierId: carrierId || undefined };
}

export async function startShipmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => startShipment(ctx, { ...formInput(formData), ...routeOf(formData) }));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/send");
  redirect(`/send?started=${outcome.result.shipment.id}`);
}

export async function cancelShipmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => cancelShipment(ctx, { outboundParcelId: formData.get("outboundParcelId") }), { secret: "all" });
  if (!outcome.ok) return outcome.state;
  revalidatePath("/send");
  redirect(`/send?cancelled=${outcome.result.shipment.id}`);
}
