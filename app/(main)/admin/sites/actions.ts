"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/next-auth";
import type { FormState } from "@/lib/forms/state";
import { storeKioskDeviceToken } from "@/lib/kiosk/device-cookie";
import { pairKioskScreen, unpairKiosk } from "@/lib/kiosk/devices";
import { claimPairingCode } from "@/lib/kiosk/pairing-codes";
import { addLocker, removeLocker, setRowHeights } from "@/lib/sites/admin-lockers";
import { closeSite, createSite, reopenSite, updateSite } from "@/lib/sites/admin-sites";
import { formInput, runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "../admin-context";

export async function createSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => createSite(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.id}?notice=site-created`);
}

export async function updateSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => updateSite(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.site.id}?notice=site-updated`);
}

export async function closeSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => closeSite(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.id}?notice=site-closed`);
}

export async function reopenSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => reopenSite(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.id}?notice=site-reopened`);
}

export async function addLockerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => addLocker(ctx, formInput(formData, ["rowHeights"])), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.siteId}?notice=locker-added#locker-${outcome.result.id}`);
}

export async function setRowHeightsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setRowHeights(ctx, formInput(formData, ["rowHeights"])), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.siteId}?notice=row-heights-saved#locker-${outcome.result.lockerId}`);
}

export async function removeLockerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => removeLocker(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.siteId}?notice=locker-${outcome.result.outcome}`);
}

/**
 * Makes this browser a kiosk screen of the site. The screen is public from then on, so the
 * admin who paired it is signed out on it, and lands on the kiosk.
 */
export async function pairKioskScreenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => pairKioskScreen(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  await storeKioskDeviceToken(outcome.result.token);
  await signOut({ redirect: false });
  redirect(`/kiosk/${encodeURIComponent(outcome.result.siteCode)}`);
}

/** Pairs the screen showing a code, from the admin's own device; the screen notices by itself. */
export async function claimPairingCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => claimPairingCode(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.siteId}?notice=kiosk-paired#kiosks`);
}

export async function unpairKioskAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => unpairKiosk(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.siteId}?notice=kiosk-unpaired#kiosks`);
}
