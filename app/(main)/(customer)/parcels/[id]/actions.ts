"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestContext } from "@/lib/auth/current";
import { errorState } from "@/lib/forms/errors";
import type { FormState } from "@/lib/forms/state";
import { extendHold } from "@/lib/parcels/extend-hold";

export async function extendHoldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let parcelId: number;
  try {
    ({ id: parcelId } = extendHold(await requestContext(), { parcelId: formData.get("parcelId") }));
  } catch (error) {
    return errorState(error, {});
  }
  revalidatePath("/parcels");
  redirect(`/parcels/${parcelId}?extended=1`);
}
