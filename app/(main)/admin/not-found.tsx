import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RouteState } from "@/components/layout/route-state";
import { buttonClass } from "@/components/ui/button";

/** Absent, and another organization's, look the same. */
export default async function AdminNotFound() {
  const t = await getTranslations("admin.shell.routeState");
  return (
    <RouteState
      title={t("notFoundTitle")}
      actions={
        <Link href="/admin" className={buttonClass("primary")}>
          {t("backToDashboard")}
        </Link>
      }
    >
      <p>{t("notFoundBody")}</p>
    </RouteState>
  );
}
