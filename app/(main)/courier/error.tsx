"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/layout/error-state";

export default function CourierError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("courier.routeState");
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/courier", label: t("back") }}>
      <p>{t("errorText")}</p>
      <p>{t("errorHint")}</p>
    </ErrorState>
  );
}
