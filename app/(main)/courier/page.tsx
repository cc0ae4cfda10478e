import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SitePicker } from "@/components/courier/site-picker";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { countTakeBackBySite } from "@/lib/courier/queries";
import { listCourierSites } from "@/lib/courier/sites";
import { courierFullWarnings } from "@/lib/forecast/courier";
import { DAY_MS, dayKey } from "@/lib/time";
import { readLastSiteId } from "./cookies";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courier.sites");
  return { title: t("title") };
}

export default async function CourierHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("courier");
  const ctx = await requestContext();
  const t = await getTranslations("courier.sites");
  const format = await getFormatter();
  const sites = listCourierSites(ctx);
  const takeBack = countTakeBackBySite(ctx);
  const lastSiteId = await readLastSiteId();
  const q = (await searchParams).q;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  // All sites go to the picker: it filters by the query as it renders, on the server too,
  // so ?q= works before (or without) the page's script.
  const full = courierFullWarnings(ctx, sites.map((site) => site.id));
  const now = ctx.now();
  const pickable = sites.map((site) => {
    const warning = full.get(site.id);
    let likelyFull: string | null = null;
    if (warning) {
      // The forecast looks 24 hours ahead, so the hour is today or tomorrow on the site's clock.
      const time = format.dateTime(warning.at, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: warning.timeZone });
      likelyFull =
        warning.at <= now
          ? warning.everySizeFull
            ? t("fullNow")
            : t("likelyFullNow", { size: warning.size })
          : dayKey(warning.timeZone, warning.at) === dayKey(warning.timeZone, now + DAY_MS)
            ? t("likelyFullTomorrow", { time, size: warning.size })
            : t("likelyFullToday", { time, size: warning.size });
    }
    return { ...site, takeBack: takeBack.get(site.id) ?? 0, likelyFull };
  });
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="text-gray-700">{t("hello", { name: user.name })}</p>
      </div>
      {sites.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">{t("none")}</p>
      ) : (
        <SitePicker key={query} sites={pickable} lastSiteId={lastSiteId} initialQuery={query} />
      )}
    </section>
  );
}
