"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/layout/error-state";

// A message thrown in the browser may carry what was typed: nothing is logged here.
export default function AuthError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("routeState");
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/", label: t("goHome") }} title={t("authFailedTitle")}>
      <p>{t("nothingChanged")}</p>
    </ErrorState>
  );
}
