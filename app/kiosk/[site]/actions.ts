"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { requestClientAddress } from "@/lib/security/client-address";
import { kioskContext, startKioskScreenPairing } from "@/lib/kiosk/context";
import { kioskDeviceToken, setKioskCookie, storeKioskDeviceToken } from "@/lib/kiosk/device-cookie";
import { kioskErrorState, openedState } from "@/lib/kiosk/errors";
import { errorWords, isDomainError } from "@/lib/error-words";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translateKey } from "@/lib/i18n/translate";
import { KIOSK_LOCALE_COOKIE, KIOSK_LOCALE_MAX_AGE_SECONDS } from "@/lib/kiosk/locale";
import type { KioskState, ScreenPairingState } from "@/lib/kiosk/state";
import { notPairedMessage } from "./unpaired";
import type { Ctx, KioskActor } from "@/lib/context";
import { collectParcel, collectParcelByQr } from "@/lib/parcels/collect";
import { retryCollectedDoor } from "@/lib/parcels/retry-door";
import { runAction } from "@/lib/forms/action";

/**
 * A code entered or a QR scanned at a site's kiosk, or another try of a door that did not
 * open. Only a paired screen may do either; collectParcel records the attempt and applies
 * the guessing limits; the state handed back never repeats what was entered.
 */
export async function collectAtKioskAction(siteCode: string, _previous: KioskState, formData: FormData): Promise<KioskState> {
  const kiosk = kioskContext(siteCode, await kioskDeviceToken());
  if (!kiosk?.ctx) {
    return { status: "error", nonce: Date.now(), message: await notPairedMessage(siteCode) };
  }
  const retry = formData.get("retryParcelId");
  if (typeof retry === "string") return retryDoor(kiosk.ctx, kiosk.site.code, formData, retry);
  const qrToken = formData.get("qrToken");
  const outcome = await runAction(
    formData,
    (ctx) =>
      typeof qrToken === "string"
        ? collectParcelByQr(ctx, { qrToken })
        : collectParcel(ctx, { code: String(formData.get("code") ?? ""), phoneLast4: String(formData.get("phoneLast4") ?? "") }),
    { ctx: kiosk.ctx, secret: "all", onError: kioskErrorState },
  );
  if (!outcome.ok) return outcome.state;
  const result = outcome.result;
  // The door grid is re-read with the answer: the collected door is free again.
  revalidatePath(`/kiosk/${kiosk.site.code}`);
  return openedState({ label: result.slot.label, lockerCode: result.slot.lockerCode }, result.doorOpened, result.parcelId);
}

/** "Try the door again" after a door that did not open: the verb decides whether it still may. */
async function retryDoor(ctx: Ctx<KioskActor>, siteCode: string, formData: FormData, parcelId: string): Promise<KioskState> {
  const outcome = await runAction(formData, (kioskCtx) => retryCollectedDoor(kioskCtx, { parcelId }), { ctx, secret: "all", onError: kioskErrorState });
  if (!outcome.ok) return outcome.state;
  const result = outcome.result;
  revalidatePath(`/kiosk/${siteCode}`);
  return openedState(result.slot, result.doorOpened, result.canRetry ? Number(parcelId) : null);
}

/**
 * An unpaired screen asks for a code to show: its cookie gets the device token that the
 * admin's typing of the code makes live. A screen that is paired already keeps its token.
 */
export async function startScreenPairingAction(siteCode: string): Promise<ScreenPairingState> {
  const screen = kioskContext(siteCode, await kioskDeviceToken());
  const locale = await requestLocale();
  if (!screen) return { status: "error", message: translateKey(locale, "kiosk.noStation") };
  if (!screen.ctx) {
    const address = requestClientAddress(await headers());
    const outcome = await runAction(null, () => startKioskScreenPairing(screen.site.id, address), { onError: (error) => pairingErrorState(error, locale) });
    if (!outcome.ok) return outcome.state;
    await storeKioskDeviceToken(outcome.result.token);
  }
  revalidatePath(`/kiosk/${screen.site.code}`);
  return { status: "idle" };
}

function pairingErrorState(error: unknown, locale: Locale): ScreenPairingState {
  if (isDomainError(error)) return { status: "error", message: errorWords(error, locale) };
  throw error;
}

/**
 * The start screen's language switch: the other language for this customer's visit only.
 * The cookie goes only to /kiosk pages, so it never follows anyone elsewhere; the screen's
 * idle reset and "Done" end it (endKioskLanguageChoiceAction), and its short life ends it
 * should the screen's script not. Setting it re-renders the page in the new language.
 */
export async function chooseKioskLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  await setKioskCookie(KIOSK_LOCALE_COOKIE, locale, KIOSK_LOCALE_MAX_AGE_SECONDS);
}

/** A customer's visit is over: the next one starts in the site's language. */
export async function endKioskLanguageChoiceAction(): Promise<void> {
  (await cookies()).delete({ name: KIOSK_LOCALE_COOKIE, path: "/kiosk" });
}
