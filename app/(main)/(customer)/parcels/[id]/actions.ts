"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formInput, runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { extendHold } from "@/lib/parcels/extend-hold";
import { nameParcelTrustedPerson, revokeParcelTrustedPerson } from "@/lib/trusted/trusted-persons";

export async function extendHoldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => extendHold(ctx, { parcelId: formData.get("parcelId") }), { secret: "all" });
  if (!outcome.ok) return outcome.state;
  revalidatePath("/parcels");
  redirect(`/parcels/${outcome.result.id}?extended=1`);
}

export async function nameTrustedPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => nameParcelTrustedPerson(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/parcels/${String(formData.get("parcelId"))}`);
  const words = await getTranslations("trusted");
  const named = outcome.result.current!;
  return { status: "success", message: words("named", { who: named.name ? words("whoNamed", { name: named.name, phone: named.maskedPhone }) : named.maskedPhone }) };
}

export async function revokeTrustedPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => revokeParcelTrustedPerson(ctx, { parcelId: formData.get("parcelId") }));
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/parcels/${String(formData.get("parcelId"))}`);
  const words = await getTranslations("trusted");
  return { status: "success", message: words("revoked") };
}
