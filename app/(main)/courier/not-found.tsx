import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RouteState } from "@/components/layout/route-state";
import { buttonClass } from "@/components/ui/button";

/** A site or parcel that does not exist, or that is not the courier's: both look the same. */
export default async function CourierNotFound() {
  const t = await getTranslations("courier.routeState");
  return (
    <RouteState
      title={t("notFoundTitle")}
      actions={
        <Link href="/courier" className={buttonClass("primary")}>
          {t("back")}
        </Link>
      }
    >
      <p>{t("notFoundText")}</p>
    </RouteState>
  );
}
