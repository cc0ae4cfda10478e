import Link from "next/link";
import { useTranslations } from "next-intl";

/** The two jobs at a site, as tabs under its name. */
export function SiteTabs({ siteId, current, takeBack }: { siteId: number; current: "deposit" | "take-back"; takeBack: number }) {
  const t = useTranslations("courier.site");
  const tab = (active: boolean) =>
    `flex min-h-11 flex-1 items-center justify-center gap-2 rounded-lg px-3 py-2 text-center font-semibold ${
      active ? "bg-white text-gray-900 shadow-sm" : "text-gray-700 hover:bg-white/60"
    }`;
  return (
    <nav aria-label={t("tabsLabel")} className="flex gap-1 rounded-xl bg-gray-100 p-1">
      <Link href={`/courier/sites/${siteId}`} aria-current={current === "deposit" ? "page" : undefined} className={tab(current === "deposit")}>
        {t("deposit")}
      </Link>
      <Link
        href={`/courier/sites/${siteId}/take-back`}
        aria-current={current === "take-back" ? "page" : undefined}
        className={tab(current === "take-back")}
      >
        {t("takeBack")}
        <TakeBackCount count={takeBack} />
      </Link>
    </nav>
  );
}

/** How many expired parcels wait to be taken back, as a red badge beside the take-back link; nothing when none. */
export function TakeBackCount({ count }: { count: number }) {
  const t = useTranslations("courier.site");
  if (count === 0) return null;
  return (
    <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white">
      {count}
      <span className="sr-only">{t("expiredCount")}</span>
    </span>
  );
}

/** A site's name and address above its tabs, with the way back to the list. */
export function SiteHeading({ site }: { site: { name: string; code: string; address: string; status: "open" | "closed" } }) {
  const t = useTranslations("courier.site");
  return (
    <div className="flex flex-col gap-1">
      <Link href="/courier" className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        {t("allSites")}
      </Link>
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h1 className="text-2xl font-bold">{site.name}</h1>
        <span className="text-sm font-medium text-gray-600">{site.code}</span>
      </div>
      <p className="text-sm text-gray-700">{site.address}</p>
      {site.status === "closed" ? <p className="font-semibold text-red-700">{t("closed")}</p> : null}
    </div>
  );
}
