"use server";

import { redirect } from "next/navigation";
import type { DepositState } from "@/components/courier/deposit-state";
import { runAction } from "@/lib/forms/action";
import { findAnnouncedParcel, type AnnouncedParcel } from "@/lib/parcels/announced";
import { reserveParcel } from "@/lib/parcels/reserve";
import { clearDraft, rememberSite, saveDraft } from "../../cookies";
import { depositErrorState } from "../../form-errors";
import { routeId } from "../../route-id";

/** Step 1 of a deposit: a door for the parcel, opened. Then the door screen takes over. */
export async function reserveAction(_previous: DepositState, formData: FormData): Promise<DepositState> {
  // The verb parses the fields with ReserveInput.
  const outcome = await runAction(formData, (ctx) => reserveParcel(ctx, Object.fromEntries(formData)), {
    onError: depositErrorState,
  });
  if (!outcome.ok) {
    // No consent for a locker yet: the request's own screen asks, attests or keeps the parcel.
    const consent = outcome.state.consent;
    if (consent) redirect(`/courier/sites/${routeId(String(formData.get("siteId") ?? "")) ?? ""}/consent/${consent.requestId}`);
    return outcome.state;
  }
  const result = outcome.result;
  await rememberSite(result.parcel.site.id);
  await clearDraft();
  const query = result.replayed ? "?replayed=1" : result.doorOpened ? "" : "?door=unconfirmed";
  redirect(`/courier/sites/${result.parcel.site.id}/deposit/${result.parcel.id}${query}`);
}

/**
 * The carrier's announcement of a scanned number at this site, to fill the form; null when
 * there is none or the number is not one (the deposit itself then says what is wrong).
 */
export async function findAnnouncedAction(siteId: number, trackingNumber: string): Promise<AnnouncedParcel | null> {
  const outcome = await runAction(null, (ctx) => findAnnouncedParcel(ctx, { siteId, trackingNumber }));
  return outcome.ok ? outcome.result : null;
}

/**
 * Takes what the courier typed to another site's form (a full site's alternative, or the
 * same site to start a cancelled deposit again). Nothing is reserved: the door opens only
 * when the courier stands at that site and submits there. That page checks the courier
 * serves the site.
 */
export async function carryOverAction(formData: FormData): Promise<void> {
  const siteId = routeId(String(formData.get("targetSiteId") ?? ""));
  if (siteId === null) redirect("/courier");
  await saveDraft(siteId, formData);
  redirect(`/courier/sites/${siteId}`);
}
