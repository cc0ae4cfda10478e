/* eslint-disable @next/next/no-img-element -- a data URL rendered on the server; next/image adds nothing here. */

/** The pickup QR, on white with a quiet zone so kiosk cameras read it off a dimmed phone. */
export function PickupQr({ src, siteName, size = 144 }: { src: string; siteName: string; size?: number }) {
  return (
    <img
      src={src}
      width={size}
      height={size}
      alt={`QR code that opens your door at ${siteName}`}
      className="rounded-lg border border-gray-200 bg-white p-1"
    />
  );
}
