"use server";

import { redirect } from "next/navigation";
import { requestContext } from "@/lib/auth/current";
import { errorState } from "@/lib/forms/errors";
import type { FormState } from "@/lib/forms/state";
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
