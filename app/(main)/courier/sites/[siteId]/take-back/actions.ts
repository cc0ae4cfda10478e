"use server";

import { redirect } from "next/navigation";
import { runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { retryTakeBackDoor } from "@/lib/parcels/retry-door";
import { confirmTakeBack, takeBackParcel } from "@/lib/parcels/take-back";

/** Step 1: open the door. The parcel's page then asks whether it came out (or says the door did not open). */
export async function takeBackAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => takeBackParcel(ctx, { parcelId: formData.get("parcelId") }), { secret: "all" });
  if (!outcome.ok) return outcome.state;
  const { parcel, replayed, doorOpened } = outcome.result;
  // A retry after the parcel was confirmed out opens nothing; the list says it is already back.
  if (replayed) redirect(`/courier/sites/${parcel.site.id}/take-back?${new URLSearchParams({ returned: String(parcel.id), replayed: "1" })}`);
  const query = doorOpened ? "" : `?${new URLSearchParams({ door: "unconfirmed" })}`;
  redirect(`/courier/sites/${parcel.site.id}/take-back/${parcel.id}${query}`);
}

/** Step 2: "I took the parcel out" — only this returns the parcel and frees its door. */
export async function confirmTakeBackAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => confirmTakeBack(ctx, { parcelId: formData.get("parcelId") }), { secret: "all" });
  if (!outcome.ok) return outcome.state;
  const { parcel, replayed } = outcome.result;
  const query = new URLSearchParams({ returned: String(parcel.id) });
  if (replayed) query.set("replayed", "1");
  redirect(`/courier/sites/${parcel.site.id}/take-back?${query}`);
}

/** "Try the door again" after a take-back whose door did not open; the verb decides whether it still may. */
export async function retryTakeBackDoorAction(siteId: number, _previous: FormState, formData: FormData): Promise<FormState> {
  const parcelId = String(formData.get("parcelId") ?? "");
  const outcome = await runAction(formData, (ctx) => retryTakeBackDoor(ctx, { parcelId }), { secret: "all" });
  if (!outcome.ok) return outcome.state;
  const { doorOpened, canRetry } = outcome.result;
  const query = doorOpened ? "" : `?${new URLSearchParams({ door: canRetry ? "unconfirmed" : "stuck" })}`;
  redirect(`/courier/sites/${siteId}/take-back/${encodeURIComponent(parcelId)}${query}`);
}
