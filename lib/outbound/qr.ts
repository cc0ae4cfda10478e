import "server-only";
import QRCode from "qrcode";

/*
 * What the customer's drop-off QR holds: its own prefix (so a pickup QR held to the send
 * screen, or this one to the pickup screen, is told apart at once), the station's code and
 * the token signed for the shipment (lib/outbound/codes.ts).
 *
 *   PLKS:ZJG-N:2x.mhd1k2q0.9f86d081884c7d659a2feaa0c55ad015
 */
const PREFIX = "PLKS";

export function dropOffQrPayload(siteCode: string, token: string): string {
  return [PREFIX, siteCode, token].join(":");
}

/** The station and token a scanned drop-off QR holds, or null when it is not one. Scanners may change its case. */
export function parseDropOffQr(text: string): { siteCode: string; token: string } | null {
  const match = /^PLKS:([A-Z0-9-]{1,40}):([0-9A-Z]{1,11}\.[0-9A-Z]{1,11}\.[0-9A-F]{32})$/.exec(text.trim().toUpperCase());
  return match ? { siteCode: match[1], token: match[2].toLowerCase() } : null;
}

export async function dropOffQrDataUrl(siteCode: string, token: string): Promise<string> {
  const svg = await QRCode.toString(dropOffQrPayload(siteCode, token), {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#111827", light: "#ffffff" },
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
