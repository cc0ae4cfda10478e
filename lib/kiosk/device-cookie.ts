import "server-only";
import { cookies, headers } from "next/headers";
import { KIOSK_DEVICE_COOKIE, KIOSK_DEVICE_MAX_AGE_SECONDS } from "./devices";

/** The device token of the screen making this request, if it was paired. */
export async function kioskDeviceToken(): Promise<string | undefined> {
  return (await cookies()).get(KIOSK_DEVICE_COOKIE)?.value;
}

/**
 * Keeps a paired screen's device token in this browser: httpOnly (no script reads it),
 * sent only to /kiosk pages, Secure whenever the request came over HTTPS.
 */
export async function storeKioskDeviceToken(token: string): Promise<void> {
  const request = await headers();
  const https = request.get("x-forwarded-proto") === "https" || (request.get("origin") ?? "").startsWith("https:");
  (await cookies()).set(KIOSK_DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: https,
    path: "/kiosk",
    maxAge: KIOSK_DEVICE_MAX_AGE_SECONDS,
  });
}
