"use server";

import { redirect } from "next/navigation";
import { requestContext } from "@/lib/auth/current";
import { errorState } from "@/lib/forms/errors";
import type { FormState } from "@/lib/forms/state";
import { retryTakeBackDoor } from "@/lib/parcels/retry-door";
import { takeBackParcel } from "@/lib/parcels/take-back";
import type { ParcelView } from "@/lib/parcels/view";

export async function takeBackAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let result: { parcel: ParcelView; doorOpened: boolean; replayed: boolean };
  try {
    result = await takeBackParcel(await requestContext(), { parcelId: formData.get("parcelId") });
  } catch (error) {
    return errorState(error, {});
  }
  const { parcel } = result;
  const query = new URLSearchParams({ returned: String(parcel.id) });
  // A retry opens nothing again; the list says the parcel is already back, not "door open".
  if (result.replayed) query.set("replayed", "1");
  else if (!result.doorOpened) query.set("door", "unconfirmed");
  redirect(`/courier/sites/${parcel.site.id}/take-back?${query}`);
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
  const query = new URLSearchParams({ returned: parcelId });
  if (!result.doorOpened) query.set("door", result.canRetry ? "unconfirmed" : "stuck");
  redirect(`/courier/sites/${siteId}/take-back?${query}`);
}
