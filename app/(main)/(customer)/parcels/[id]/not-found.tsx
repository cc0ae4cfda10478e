import Link from "next/link";
import { useTranslations } from "next-intl";
import { RouteState } from "@/components/layout/route-state";
import { buttonClass } from "@/components/ui/button";

/*
 * The same page for a parcel that does not exist and one that is not the customer's:
 * which of the two it was is nobody's business.
 */
export default function ParcelNotFound() {
  const t = useTranslations("customer.routeState");
  return (
    <RouteState
      title={t("parcelNotFoundTitle")}
      actions={
        <Link href="/parcels" className={buttonClass("primary")}>
          {t("back")}
        </Link>
      }
    >
      <p>{t("parcelNotFound")}</p>
    </RouteState>
  );
}
