import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { requestLocale } from "@/lib/i18n/request-locale";
import { MessagesProvider } from "./_i18n/messages-provider";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("brand"), template: `%s · ${t("brand")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#c2410c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next.js can put the request's CSP nonce (proxy.ts)
  // on its scripts; a page prerendered at build time (the bare 404) would have none.
  await connection();
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        {/* The error boundaries (client) word their screens from routeState. */}
        <MessagesProvider namespaces={["common", "routeState"]}>{children}</MessagesProvider>
      </body>
    </html>
  );
}
