"use client";

import { NextIntlClientProvider } from "next-intl";
import { RootErrorState } from "@/components/layout/error-state";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { matchAcceptLanguage } from "@/lib/i18n/resolve";
import { ROOT_ERROR_WORDS } from "@/lib/i18n/root-error-words";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import "./globals.css";

/*
 * The root layout itself failed: this replaces it, so it draws its own document, brings
 * the global styles (Next.js does not apply them here otherwise) and its own words — the
 * layout that resolves the language is what failed, so the browser's language decides.
 */

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = (typeof navigator === "undefined" ? null : matchAcceptLanguage(navigator.languages.join(","))) ?? DEFAULT_LOCALE;
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <NextIntlClientProvider locale={locale} messages={ROOT_ERROR_WORDS[locale]} timeZone={DEFAULT_TIME_ZONE}>
          <RootErrorState error={error} retry={retry} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
