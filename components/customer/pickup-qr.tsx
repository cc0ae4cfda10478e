import { useTranslations } from "next-intl";

/**
 * The pickup QR, on white with a quiet zone so kiosk cameras read it off a dimmed phone.
 * Inline SVG from the server (lib/customer/parcels.ts pickupQrSvg): it paints with the
 * page's HTML instead of waiting for an image, and nothing on the client redraws it.
 */
export function PickupQr({ svg, siteName, size = 144 }: { svg: string; siteName: string; size?: number }) {
  const t = useTranslations("customer.pickup");
  return (
    <div
      role="img"
      aria-label={t("qr", { site: siteName })}
      className="shrink-0 rounded-lg border border-gray-200 bg-white p-1"
      style={{ width: size, height: size }}
      // Markup we generated ourselves from the signed token, never from user input.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
