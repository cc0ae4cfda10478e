import "server-only";
import { cookies, headers } from "next/headers";
import { KIOSK_DEVICE_COOKIE, KIOSK_DEVICE_MAX_AGE_SECONDS } from "./devices";

/** The device token of the screen making this request, if it was paired. */
export async function kioskDeviceToken(): Promise<string | undefined> {
  return (await cookies()).get(KIOSK_DEVICE_COOKIE)?.value;
}

/**
 * Sets a cookie of the kiosk screen: httpOnly (no script reads it), sent only to /kiosk
 * pages, Secure whenever the request came over HTTPS. The device token and the customer's
 * language choice are both kept this way.
 */
export async function setKioskCookie(name: string, value: string, maxAgeSeconds: number): Promise<void> {
  const request = await headers();
  const https = request.get("x-forwarded-proto") === "https" || (request.get("origin") ?? "").startsWith("https:");
  (await cookies()).set(name, value, { httpOnly: true, sameSite: "strict", secure: https, path: "/kiosk", maxAge: maxAgeSeconds });
}

/** Keeps a paired screen's device token in this browser. */
export async function storeKioskDeviceToken(token: string): Promise<void> {
  await setKioskCookie(KIOSK_DEVICE_COOKIE, token, KIOSK_DEVICE_MAX_AGE_SECONDS);
}
