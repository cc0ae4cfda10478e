"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/forms/action";
import { kioskContext } from "@/lib/kiosk/context";
import { kioskDeviceToken } from "@/lib/kiosk/device-cookie";
import { isDomainError } from "@/lib/errors";
import { confirmDropOff, dropOffProgress, reportDropOffDoor, startDropOff, startDropOffByQr, type DropOffProgress } from "@/lib/outbound/drop-off";
import { doneState, doorOpenState, noDoorState, sendErrorState } from "@/lib/outbound/kiosk-answers";
import type { SendState } from "@/lib/outbound/kiosk-state";
import { parseDropOffQr } from "@/lib/outbound/qr";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translateKey } from "@/lib/i18n/translate";
import { notPairedMessage } from "../unpaired";

/**
 * Every step of "Send a parcel" at a kiosk: a code typed or a QR scanned, the door closed,
 * or a door that did not open or is too small. Only a paired screen acts; the verbs decide
 * the rest. What was entered is never handed back.
 */
export async function sendAtKioskAction(siteCode: string, _previous: SendState, formData: FormData): Promise<SendState> {
  const kiosk = kioskContext(siteCode, await kioskDeviceToken());
  const locale = await requestLocale();
  if (!kiosk?.ctx) {
    return { status: "error", nonce: Date.now(), message: await notPairedMessage(siteCode) };
  }
  const options = { ctx: kiosk.ctx, secret: "all" as const, onError: sendErrorState };
  const intent = String(formData.get("intent") ?? "code");
  const id = formData.get("outboundParcelId");
  const path = `/kiosk/${kiosk.site.code}`;

  if (intent === "closed") {
    const outcome = await runAction(formData, (ctx) => confirmDropOff(ctx, { outboundParcelId: id }), options);
    if (!outcome.ok) return outcome.state;
    revalidatePath(path);
    return doneState(outcome.result.shipment.carrierName, locale);
  }
  if (intent === "did_not_open" || intent === "does_not_fit") {
    const outcome = await runAction(formData, (ctx) => reportDropOffDoor(ctx, { outboundParcelId: id, problem: intent }), options);
    if (!outcome.ok) return outcome.state;
    revalidatePath(path);
    const result = outcome.result;
    if (result.outcome === "no_door") return noDoorState(translateKey(locale, "errors.noDropOffDoor", { size: result.size }));
    const size = translateKey(locale, `sizes.${result.size}`);
    return doorOpenState(result, translateKey(locale, intent === "does_not_fit" ? "kiosk.send.biggerOpen" : "kiosk.send.anotherOpen", { size }));
  }
  const scanned = formData.get("qrText");
  const outcome = await runAction(
    formData,
    (ctx) => {
      if (typeof scanned === "string") {
        const qr = parseDropOffQr(scanned);
        if (!qr || qr.siteCode !== kiosk.site.code.toUpperCase()) {
          // Not ours, or for another station: the verb counts it as a wrong entry all the same.
          return startDropOffByQr(ctx, { qrToken: qr?.token ?? "not-a-token" });
        }
        return startDropOffByQr(ctx, { qrToken: qr.token });
      }
      return startDropOff(ctx, { code: String(formData.get("code") ?? ""), phoneLast4: String(formData.get("phoneLast4") ?? "") });
    },
    options,
  );
  if (!outcome.ok) return outcome.state;
  revalidatePath(path);
  return doorOpenState(outcome.result);
}

/**
 * The open-door screen asks every two seconds whether the cabinet saw the parcel go in
 * (issue 13), as the courier's door screen does. Null tells it to stop asking: an unpaired
 * screen, or a shipment this kiosk may not see.
 */
export async function dropOffProgressAction(siteCode: string, outboundParcelId: number): Promise<DropOffProgress | null> {
  const kiosk = kioskContext(siteCode, await kioskDeviceToken());
  if (!kiosk?.ctx) return null;
  try {
    return dropOffProgress(kiosk.ctx, { outboundParcelId });
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
}
