"use server";

import { redirect } from "next/navigation";
import { requestContext } from "@/lib/auth/current";
import { errorState } from "@/lib/forms/errors";
import type { FormState } from "@/lib/forms/state";
import { retryTakeBackDoor } from "@/lib/parcels/retry-door";
import { confirmTakeBack, takeBackParcel, type TakeBackResult } from "@/lib/parcels/take-back";

/** Step 1: open the door. The parcel's page then asks whether it came out (or says the door did not open). */
export async function takeBackAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let result: TakeBackResult;
  try {
    result = await takeBackParcel(await requestContext(), { parcelId: formData.get("parcelId") });
  } catch (error) {
    return errorState(error, {});
  }
  const { parcel } = result;
  // A retry after the parcel was confirmed out opens nothing; the list says it is already back.
  if (result.replayed) redirect(`/courier/sites/${parcel.site.id}/take-back?${new URLSearchParams({ returned: String(parcel.id), replayed: "1" })}`);
  const query = result.doorOpened ? "" : `?${new URLSearchParams({ door: "unconfirmed" })}`;
  redirect(`/courier/sites/${parcel.site.id}/take-back/${parcel.id}${query}`);
}

/** Step 2: "I took the parcel out" — only this returns the parcel and frees its door. */
export async function confirmTakeBackAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let result;
  try {
    result = confirmTakeBack(await requestContext(), { parcelId: formData.get("parcelId") });
  } catch (error) {
    return errorState(error, {});
  }
  const query = new URLSearchParams({ returned: String(result.parcel.id) });
  if (result.replayed) query.set("replayed", "1");
  redirect(`/courier/sites/${result.parcel.site.id}/take-back?${query}`);
}

/** "Try the door again" after a take-back whose door did not open; the verb decides whether it still may. */
export async function retryTakeBackDoorAction(siteId: number, _previous: FormState, formData: FormData): Promise<FormState> {
  const parcelId = String(formData.get("parcelId") ?? "");
  let result;
  try {
    result = await retryTakeBackDoor(await requestContext(), { parcelId });
  } catch (error) {
    return errorState(error, {});
  }
  const query = result.doorOpened ? "" : `?${new URLSearchParams({ door: result.canRetry ? "unconfirmed" : "stuck" })}`;
  redirect(`/courier/sites/${siteId}/take-back/${encodeURIComponent(parcelId)}${query}`);
}
