import { useTranslations } from "next-intl";
import { SIZES } from "@/lib/slots/sizes";
import type { DepositValues, SiteFullNotice as Notice } from "./deposit-state";
import { SubmitButton } from "@/components/ui/submit-button";

const CARRIED = ["trackingNumber", "recipientPhone", "recipientName", "recipientEmail"] as const;

/**
 * A full site's answer: the nearest sites of the organization with a door of the size,
 * with distance and free doors, and a button to take the parcel's details to one the
 * courier serves. `switchAction` stores the details and opens that site's form. For a
 * recipient who needs a door within reach (NO_DOOR_WITHIN_REACH, `withinReachMm`), the
 * words say so and the sites and counts are those of free doors within reach.
 */
export function SiteFullNotice({
  notice,
  siteName,
  values,
  servedSiteIds,
  switchAction,
  cancelled = false,
}: {
  notice: Notice;
  siteName: string;
  values: DepositValues;
  servedSiteIds: number[];
  switchAction: (formData: FormData) => Promise<void>;
  /** The parcel's reservation here was cancelled (a reassignment found no door). */
  cancelled?: boolean;
}) {
  const t = useTranslations("courier.siteFull");
  const fits = SIZES.slice(SIZES.indexOf(notice.size));
  const reach = "withinReachMm" in notice ? notice.withinReachMm : null;
  const cm = (mm: number) => Math.round(mm / 10);
  return (
    <section aria-labelledby="site-full-heading" className="flex flex-col gap-3 rounded-2xl border-2 border-amber-400 bg-amber-50 p-4">
      <div role="alert">
        <h2 id="site-full-heading" className="text-xl font-bold text-amber-950">
          {t(reach ? "headingReach" : "heading", { site: siteName, size: notice.size })}
        </h2>
        <p className="text-amber-950">
          {cancelled ? `${t("reservationCancelled")} ` : ""}
          {reach ? t("noDoorReach", { size: notice.size, low: cm(reach.low), high: cm(reach.high) }) : t("noDoor", { size: notice.size })}{" "}
          {notice.alternatives.length > 0 ? t(reach ? "alternativesReach" : "alternatives") : t(reach ? "noAlternativesReach" : "noAlternatives")}
        </p>
      </div>
      {notice.alternatives.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {notice.alternatives.map((site) => {
            const served = servedSiteIds.includes(site.siteId);
            return (
              <li key={site.siteId} className="flex flex-col gap-2 rounded-xl border border-amber-300 bg-white p-3">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <h3 className="text-lg font-semibold">{site.name}</h3>
                  <span className="text-sm font-semibold text-gray-800">{t("away", { distance: formatKm(site.distanceKm) })}</span>
                </div>
                <p className="text-sm text-gray-700">
                  {site.code} · {site.address}
                </p>
                <p className="text-sm text-gray-800">
                  {t(reach ? "freeWithinReach" : "freeNow", { counts: fits.map((size) => `${size} ${site.free[size]}`).join(" · ") })}
                </p>
                {served ? (
                  <form action={switchAction}>
                    <input type="hidden" name="targetSiteId" value={site.siteId} />
                    {CARRIED.map((field) =>
                      values[field] ? <input key={field} type="hidden" name={field} value={values[field]} /> : null,
                    )}
                    <input type="hidden" name="size" value={notice.size} />
                    <SubmitButton pendingLabel={t("switching")} className="w-full">
                      {t("switchTo", { site: site.name })}
                    </SubmitButton>
                  </form>
                ) : (
                  <p className="text-sm text-gray-700">{t("notAssigned")}</p>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

export function formatKm(km: number): string {
  return km < 1 ? `${Math.round(km * 1000)} m` : `${km.toFixed(1)} km`;
}
