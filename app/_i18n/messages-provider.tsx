import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { requestLocale } from "@/lib/i18n/request-locale";
import { pickMessages, type Namespace } from "@/lib/i18n/messages";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/**
 * Hands the client components below it the message namespaces they use, and only those:
 * the rest of the catalogue stays on the server (issue 15's budget for the kiosk). A namespace
 * may be a group inside another ("admin.sites.form"): only that group is sent.
 * A nested provider replaces the outer one's messages, so name every namespace needed below
 * (lib/i18n/client-namespaces.ts holds the admin layout's list and its test).
 */
export async function MessagesProvider({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(locale, namespaces)} timeZone={DEFAULT_TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}
