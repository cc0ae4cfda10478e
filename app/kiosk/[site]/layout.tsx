import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { KIOSK_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { MessagesProvider } from "../../_i18n/messages-provider";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kiosk");
  // A kiosk's page is for the people standing in front of it, not for search engines.
  return { title: t("title"), robots: { index: false, follow: false } };
}

// A touch screen on a wall: no pinch zoom to get lost in.
export const viewport: Viewport = { width: "device-width", initialScale: 1, maximumScale: 1, userScalable: false };

/**
 * Full screen, no site header or navigation: a kiosk shows its own locker and nothing else.
 * Its language is the site's or this customer's (app/_i18n/request.ts); its client pieces
 * get only the groups of `kiosk` they use (lib/i18n/client-namespaces.ts), and the sizes.
 */
export default function KioskLayout({ children }: { children: ReactNode }) {
  return (
    <MessagesProvider namespaces={KIOSK_CLIENT_NAMESPACES}>
      <div className="flex min-h-dvh select-none flex-col bg-gray-100 text-gray-900">{children}</div>
    </MessagesProvider>
  );
}
