"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/layout/error-state";

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("admin.shell.routeState");
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/admin", label: t("backToDashboard") }}>
      <p>{t("pageFailed")}</p>
    </ErrorState>
  );
}
