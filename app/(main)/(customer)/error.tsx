"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/layout/error-state";

export default function CustomerError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("customer.routeState");
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/parcels", label: t("back") }}>
      <p>{t("failed")}</p>
    </ErrorState>
  );
}
