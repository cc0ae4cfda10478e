import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: "Locker",
  // A kiosk's page is for the people standing in front of it, not for search engines.
  robots: { index: false, follow: false },
};

// A touch screen on a wall: no pinch zoom to get lost in.
export const viewport: Viewport = { width: "device-width", initialScale: 1, maximumScale: 1, userScalable: false };

/** Full screen, no site header or navigation: a kiosk shows its own locker and nothing else. */
export default function KioskLayout({ children }: { children: ReactNode }) {
  return <div className="flex min-h-dvh select-none flex-col bg-gray-100 text-gray-900">{children}</div>;
}
