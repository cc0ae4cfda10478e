"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/layout/error-state";

/** The pages outside the three areas (home, sign-out, the development mailbox). */
export default function MainError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("routeState");
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/", label: t("goHome") }}>
      <p>{t("pageFailed")}</p>
    </ErrorState>
  );
}
