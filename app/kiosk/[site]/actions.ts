"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requestClientAddress } from "@/lib/security/client-address";
import { kioskContext, startKioskScreenPairing } from "@/lib/kiosk/context";
import { kioskDeviceToken, storeKioskDeviceToken } from "@/lib/kiosk/device-cookie";
import { kioskErrorState, openedState } from "@/lib/kiosk/errors";
import { isDomainError } from "@/lib/errors";
import type { KioskState, ScreenPairingState } from "@/lib/kiosk/state";
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
    return { status: "error", nonce: Date.now(), message: "This screen is not paired with this locker, so it opens no doors. Please use the locker's own screen." };
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
  if (!screen) return { status: "error", message: "This screen's address names no station. Ask an admin for the right address." };
  if (!screen.ctx) {
    const address = requestClientAddress(await headers());
    const outcome = await runAction(null, () => startKioskScreenPairing(screen.site.id, address), { onError: pairingErrorState });
    if (!outcome.ok) return outcome.state;
    await storeKioskDeviceToken(outcome.result.token);
  }
  revalidatePath(`/kiosk/${screen.site.code}`);
  return { status: "idle" };
}

function pairingErrorState(error: unknown): ScreenPairingState {
  if (isDomainError(error)) return { status: "error", message: error.message };
  throw error;
}
